using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KubeLab.Tests.Kubeconfig.Fuzz;

/// <summary>
/// Puts each case in two copies, asks kubectl about one and KubeLab (in the probe child process) about the other, and
/// lists every disagreement: accept versus reject, the contexts and current-context read, KubeLab's error (its own kind,
/// naming the file kubectl names), a refused file left untouched by an edit, and, when both read the chain, the files
/// after the same set-context by each.
/// </summary>
internal sealed class FuzzHarness : IDisposable
{
    public const string NewContext = "fuzz-new";
    private static readonly Regex KubectlFile = new("error loading config file \"([^\"]+)\"", RegexOptions.CultureInvariant);
    private readonly TempKubeDirectory _dir = new("kubelab-fuzz-");

    /// <summary>KUBELAB_FUZZ_KEEP=1 keeps the case folders (printed in the test output) to look at a disagreement.</summary>
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KUBELAB_FUZZ_KEEP") != "1")
        {
            _dir.Dispose();
        }
    }

    public sealed record Outcome(FuzzCase Case, bool KubectlAccepted, string KubectlSays, JsonNode? KubeLab, string? Failure)
    {
        public string? KubeLabMessage => KubeLab?["message"]?.GetValue<string>();
    }

    public async Task<List<Outcome>> RunAsync(IReadOnlyList<FuzzCase> cases, bool compareEdits)
    {
        var dirs = cases.Select((c, i) => Prepare(c, i)).ToArray();
        var probe = Task.Run(() => ProbeRunner.Run(dirs.Select(d => d.KubeLab).ToArray()));
        var views = new ConcurrentDictionary<int, Kubectl.Result>();
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (i, _) =>
            views[i] = await Kubectl.RunAsync(dirs[i].Root, dirs[i].KubectlChain, "config", "view", "--raw", "-o", "json"));
        var answers = await probe;

        var outcomes = new Outcome[cases.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (i, _) =>
        {
            var view = views[i];
            var (answer, died) = answers[dirs[i].KubeLab];
            var accepted = view.ExitCode == 0;
            var failure = died ?? Compare(dirs[i], view, answer!);
            if (failure == null && accepted && compareEdits && answer!["edited"] != null)
            {
                failure = await CompareEditAsync(dirs[i]);
            }

            outcomes[i] = new Outcome(cases[i], accepted, view.Stderr.Trim(), answer, failure);
        });
        return outcomes.ToList();
    }

    private static string? Compare(CaseDirs dirs, Kubectl.Result view, JsonNode answer)
    {
        if (answer["raw"] is JsonNode raw)
        {
            return $"KubeLab threw a raw .NET exception: {raw}";
        }

        var oursAccepted = answer["accepted"]!.GetValue<bool>();
        var theirsAccepted = view.ExitCode == 0;
        if (oursAccepted != theirsAccepted)
        {
            return theirsAccepted
                ? $"kubectl reads the chain but KubeLab refuses it: {answer["message"]}"
                : $"kubectl refuses the chain ({view.Stderr.Trim()}) but KubeLab reads it";
        }

        if (!oursAccepted)
        {
            var kubectlFile = KubectlFile.Match(view.Stderr) is { Success: true } m ? dirs.ToKubeLab(m.Groups[1].Value) : null;
            var file = answer["file"]!.GetValue<string>();
            var message = answer["message"]!.GetValue<string>();
            if (answer["kind"]!.GetValue<string>() != "InvalidFile")
            {
                return $"KubeLab's error is {answer["kind"]}, not InvalidFile: {message}";
            }

            if (kubectlFile != null && file != kubectlFile)
            {
                return $"KubeLab blames {file}, kubectl blames {kubectlFile} ({view.Stderr.Trim()}); KubeLab: {message}";
            }

            if (!message.Contains(file, StringComparison.Ordinal))
            {
                return $"KubeLab's message does not name the file: {message}";
            }

            var refused = answer["writeRefused"]!.GetValue<string>();
            return refused == "yes" ? null : $"an edit of the refused chain was not refused cleanly: {refused}";
        }

        var json = view.Json;
        var theirs = (json["contexts"] as JsonArray ?? new JsonArray())
            .Select(c => $"{c!["name"]}|{c["context"]?["cluster"]}|{c["context"]?["user"]}|{c["context"]?["namespace"]}")
            .OrderBy(s => s, StringComparer.Ordinal);
        var ours = answer["contexts"]!.AsArray().Select(c => c!.GetValue<string>()).OrderBy(s => s, StringComparer.Ordinal);
        if (!theirs.SequenceEqual(ours))
        {
            return $"contexts differ: kubectl [{string.Join(", ", theirs)}], KubeLab [{string.Join(", ", ours)}]";
        }

        var current = json["current-context"]?.GetValue<string>() ?? "";
        return current == answer["current"]!.GetValue<string>() ? null : $"current-context differs: kubectl \"{current}\", KubeLab \"{answer["current"]}\"";
    }

    /// <summary>KubeLab already ran set-context on its copy (in the probe); kubectl does the same on its copy, then both are compared as kubectl reads them.</summary>
    private static async Task<string?> CompareEditAsync(CaseDirs dirs)
    {
        var edit = await Kubectl.RunAsync(dirs.Root, dirs.KubectlChain, "config", "set-context", NewContext, "--cluster=fuzz-cluster", "--user=fuzz-user", "--namespace=fuzz-ns");
        if (edit.ExitCode != 0)
        {
            return $"kubectl's set-context failed where KubeLab's succeeded: {edit.Stderr.Trim()}";
        }

        var theirs = Kubectl.RunAsync(dirs.Root, dirs.KubectlChain, "config", "view", "--raw", "-o", "json");
        var ours = Kubectl.RunAsync(dirs.Root, dirs.KubeLabChain, "config", "view", "--raw", "-o", "json");
        var (t, o) = (await theirs, await ours);
        if (o.ExitCode != 0)
        {
            return $"kubectl cannot read the files KubeLab wrote: {o.Stderr.Trim()}";
        }

        return t.Stdout == o.Stdout ? null : $"after set-context the files differ:\nkubectl: {t.Stdout}\nKubeLab: {o.Stdout}";
    }

    private CaseDirs Prepare(FuzzCase fuzzCase, int index)
    {
        var root = _dir.PathOf($"c{index}");
        var dirs = new CaseDirs(root);
        foreach (var side in new[] { dirs.Kubectl, dirs.KubeLab })
        {
            foreach (var (file, bytes) in fuzzCase.Files)
            {
                var path = Path.Combine(side, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }
        }

        dirs.KubectlChain = string.Join(":", fuzzCase.Files.Select(f => Path.Combine(dirs.Kubectl, f.File)));
        dirs.KubeLabChain = string.Join(":", fuzzCase.Files.Select(f => Path.Combine(dirs.KubeLab, f.File)));
        File.WriteAllLines(Path.Combine(dirs.KubeLab, "chain"), fuzzCase.Files.Select(f => Path.Combine(dirs.KubeLab, f.File)));
        File.WriteAllText(Path.Combine(dirs.KubeLab, "edit"), NewContext);
        return dirs;
    }

    private sealed class CaseDirs
    {
        public CaseDirs(string root)
        {
            Root = root;
            Kubectl = Path.Combine(root, "kubectl");
            KubeLab = Path.Combine(root, "kubelab");
        }

        public string Root { get; }

        public string Kubectl { get; }

        public string KubeLab { get; }

        public string KubectlChain { get; set; } = "";

        public string KubeLabChain { get; set; } = "";

        public string ToKubeLab(string kubectlPath) => KubeLab + kubectlPath.Substring(Kubectl.Length);
    }
}
