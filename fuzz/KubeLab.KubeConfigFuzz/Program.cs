using KubeLab.Kubeconfig;
using KubeLab.Kubeconfig.Yaml;
using KubeLab.Tests.Support;
using SharpFuzz;

// One input per run, as AFL++ mutates it. A finding ("crash") is anything the kubeconfig reader must never do:
// - any exception from KubeConfigParser other than KubeConfigException (KubeLab's own refusal, naming the file);
// - the fast reader taking a text the full parser refuses, or building a different tree from it.
// A stack overflow or a hang is caught by AFL++ itself (the process dies or times out).
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    var bytes = buffer.ToArray();
    try
    {
        KubeConfigParser.Parse("fuzz-input", bytes, bytes.Length);
    }
    catch (KubeConfigException)
    {
        // A refusal in KubeLab's words: what a hostile file should get.
    }

    using var decoded = StrictText.Decode(bytes, bytes.Length);
    if (decoded.Problem != null || PlainBlockReader.TryRead(decoded.Text) is not Node fast)
    {
        return;
    }

    Node? full;
    try
    {
        full = TreeBuilder.Build(decoded.Text).Root;
    }
    catch (YamlProblem problem)
    {
        throw new InvalidOperationException($"The fast reader took a text the full parser refuses: {problem.Message}");
    }

    if (TreeDiff.FirstDifference(full, fast) is string difference)
    {
        throw new InvalidOperationException($"The fast reader and the full parser built different trees: {difference}");
    }
});
