using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KubeLab.Kubeconfig;
using Xunit;

namespace KubeLab.Tests.Kubeconfig;

/// <summary>
/// KubeLab against the real kubectl on random multi-file KUBECONFIG chains: the merged read must match
/// `kubectl config view/get-contexts/current-context`, and the same edit applied by kubectl to one copy and by
/// KubeConfigStore to another must leave every file reading the same to kubectl, with the same success or error.
/// </summary>
[Collection(KubectlCollection.Name)]
public sealed class KubeConfigDifferentialTests
{
    public const int Seed = 20261124;
    private const int GroupSize = 10;
    private const int GroupCount = 24;

    public static IEnumerable<object[]> CaseGroups => Enumerable.Range(0, GroupCount).Select(group => new object[] { group });

    [Theory]
    [MemberData(nameof(CaseGroups))]
    public async Task KubeLabAgreesWithKubectl(int group)
    {
        var failures = new ConcurrentBag<(int Index, string Report)>();
        var indices = Enumerable.Range(group * GroupSize, GroupSize);
        await Parallel.ForEachAsync(indices, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (index, _) =>
        {
            var @case = KubeConfigCase.Build(Seed, index);
            try
            {
                await CompareAsync(@case);
            }
            catch (Exception ex)
            {
                failures.Add((index, $"{@case.Describe()}\n==> {ex.Message}"));
            }
        });

        var first = failures.OrderBy(f => f.Index).FirstOrDefault();
        Assert.True(failures.IsEmpty, $"{failures.Count} of {GroupSize} cases differ from kubectl. First: {first.Report}");
    }

    private static async Task CompareAsync(KubeConfigCase @case)
    {
        using var dir = new TempKubeDirectory("kubelab-diff-");
        var kubectlRoot = dir.PathOf("kubectl");
        var kubelabRoot = dir.PathOf("kubelab");
        Directory.CreateDirectory(kubectlRoot);
        Directory.CreateDirectory(kubelabRoot);
        @case.WriteTo(kubectlRoot);
        @case.WriteTo(kubelabRoot);
        var kubectlChain = @case.Variable(kubectlRoot);
        var kubelabChain = @case.Variable(kubelabRoot);
        var explicitArgs = @case.ExplicitFile != null ? new[] { "--kubeconfig", Path.Combine(kubectlRoot, @case.ExplicitFile) } : Array.Empty<string>();
        var explicitPath = @case.ExplicitFile != null ? Path.Combine(kubelabRoot, @case.ExplicitFile) : null;
        var log = new RecordingLog();
        var store = new KubeConfigStore(KubeConfigLocation.Resolve(explicitPath, kubelabChain, kubelabRoot, ':'), log, TimeSpan.FromSeconds(2));
        Task<Kubectl.Result> Config(string root, string chain, params string[] args) =>
            Run(root, chain, new[] { "config" }.Concat(args).Concat(explicitArgs.Select(a => a.Replace(kubectlRoot, root))).ToArray());

        // Read: the merged view before the edit.
        var view = Config(kubectlRoot, kubectlChain, "view", "--raw", "-o", "json");
        var names = Config(kubectlRoot, kubectlChain, "get-contexts", "-o", "name");
        var current = Config(kubectlRoot, kubectlChain, "current-context");
        var perFile = @case.Chain.ToDictionary(f => f, f => ViewFile(kubectlRoot, f));
        var read = store.Read();
        await Task.WhenAll(view, names, current, Task.WhenAll(perFile.Values));
        CompareRead(@case, read, (await view).Json, await names, await current, perFile.ToDictionary(p => p.Key, p => p.Value.Result), kubelabRoot);

        // Edit: the same operation on each copy.
        var kubectlEdit = Config(kubectlRoot, kubectlChain, @case.Operation);
        var ours = Apply(store, @case.Operation);
        var theirs = await kubectlEdit;
        if ((theirs.ExitCode == 0) != (ours == null))
        {
            throw new Exception($"kubectl exit {theirs.ExitCode} ({theirs.Stderr.Trim()}) but KubeLab {(ours == null ? "succeeded" : "failed: " + ours.Message)}");
        }

        if (ours != null)
        {
            // KubeLab words its errors in its own voice (naming every file searched), so only the kind of failure is
            // compared with kubectl's message.
            Same("kind of error", KindOf(theirs.Stderr), ours.Kind.ToString());
        }

        Same("active-context warning", theirs.Stderr.Contains("warning: this removed your active context").ToString(), log.Warnings.Any(w => w.Contains("removed your active context")).ToString());

        var after = @case.Chain.Select(async f => (File: f, Kubectl: await ViewFile(kubectlRoot, f), KubeLab: await ViewFile(kubelabRoot, f))).ToArray();
        var mergedAfter = Config(kubectlRoot, kubectlChain, "view", "--raw", "-o", "json");
        var mergedAfterOurs = Config(kubelabRoot, kubelabChain, "view", "--raw", "-o", "json");
        foreach (var file in await Task.WhenAll(after))
        {
            Same($"file {file.File} after the edit", file.Kubectl, file.KubeLab);
        }

        Same("merged view after the edit", (await mergedAfter).Stdout, (await mergedAfterOurs).Stdout);
        var locks = Directory.GetFiles(kubelabRoot, "*.lock", SearchOption.AllDirectories);
        Same("lock files left", "", string.Join(",", locks));
    }

    private static KubeConfigException? Apply(KubeConfigStore store, string[] operation)
    {
        string? Flag(string name) => operation.Where(a => a.StartsWith("--" + name + "=", StringComparison.Ordinal)).Select(a => a.Substring(name.Length + 3)).FirstOrDefault();

        try
        {
            _ = operation[0] switch
            {
                "use-context" => (object)store.UseContext(operation[1]),
                "set-context" => store.SetContext(operation[1], Flag("cluster"), Flag("user"), Flag("namespace")),
                "rename-context" => store.RenameContext(operation[1], operation[2]),
                "delete-context" => store.RemoveContext(operation[1], removeUnusedClusterAndUser: false),
                "delete-cluster" => store.RemoveCluster(operation[1]),
                "delete-user" => store.RemoveUser(operation[1]),
                _ => throw new ArgumentException(operation[0]),
            };
            return null;
        }
        catch (KubeConfigException ex)
        {
            return ex;
        }
    }

    private static void CompareRead(
        KubeConfigCase @case, KubeLab.Kubeconfig.KubeConfig read, JsonNode view, Kubectl.Result names, Kubectl.Result current,
        Dictionary<string, string> perFile, string kubelabRoot)
    {
        // Which file defines a name, as kubectl reads each file alone: the first one in the chain wins.
        string Origin(string list, string name) => @case.Precedence.First(f =>
            perFile[f].StartsWith('{') && JsonNode.Parse(perFile[f])?[list]?.AsArray().Any(e => (string?)e?["name"] == name) == true);

        // Resolved the way client-go does, against the origin's folder, with the case root written as <root>.
        string Resolve(string? path, string origin) =>
            string.IsNullOrEmpty(path) || Path.IsPathRooted(path) ? path ?? "" : "<root>" + Path.GetFullPath(Path.Combine("/", Path.GetDirectoryName(origin)!, path));

        var currentName = (string?)view["current-context"] ?? "";
        var expected = new List<string> { "current=" + currentName };
        foreach (var e in Items(view, "contexts"))
        {
            var c = e["context"];
            expected.Add($"context {e["name"]} cluster={c?["cluster"]} user={c?["user"]} ns={c?["namespace"]} current={(string?)e["name"] == currentName} src={Origin("contexts", (string)e["name"]!)}");
        }

        foreach (var e in Items(view, "clusters"))
        {
            var c = e["cluster"];
            var origin = Origin("clusters", (string)e["name"]!);
            expected.Add($"cluster {e["name"]} server={c?["server"]} ca={Resolve((string?)c?["certificate-authority"], origin)} data={c?["certificate-authority-data"] != null} insecure={(bool?)c?["insecure-skip-tls-verify"] == true} src={origin}");
        }

        foreach (var e in Items(view, "users"))
        {
            var origin = Origin("users", (string)e["name"]!);
            var command = (string?)e["user"]?["exec"]?["command"];
            expected.Add($"user {e["name"]} exec={(command != null && command.Contains('/') ? Resolve(command, origin) : command)} src={origin}");
        }

        string Rel(string path) => Path.GetRelativePath(kubelabRoot, path);
        string Norm(string? path) => path == null ? "" : Path.IsPathRooted(path) && path.StartsWith(kubelabRoot, StringComparison.Ordinal) ? "<root>/" + Rel(path) : path;
        var actual = new List<string> { "current=" + (read.CurrentContext ?? "") };
        actual.AddRange(read.Contexts.Select(c => $"context {c.Name} cluster={c.Cluster} user={c.User} ns={c.Namespace} current={c.IsCurrent} src={Rel(c.SourceFile)}"));
        actual.AddRange(read.Clusters.Select(c => $"cluster {c.Name} server={c.Server} ca={Norm(c.CertificateAuthority)} data={c.HasCertificateAuthorityData} insecure={c.InsecureSkipTlsVerify} src={Rel(c.SourceFile)}"));
        actual.AddRange(read.Users.Select(u => $"user {u.Name} exec={Norm(u.ExecCommand)} src={Rel(u.SourceFile)}"));
        Same("merged read", Sorted(expected), Sorted(actual));

        Same("get-contexts -o name", Sorted(names.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)), Sorted(read.Contexts.Select(c => c.Name)));
        Same("current-context", current.ExitCode == 0 ? current.Stdout.Trim() : "(not set)", read.CurrentContext ?? "(not set)");
    }

    private static IEnumerable<JsonNode> Items(JsonNode view, string list) => view[list]?.AsArray().Select(e => e!) ?? Enumerable.Empty<JsonNode>();

    private static string Sorted(IEnumerable<string> lines) => string.Join("\n", lines.OrderBy(l => l, StringComparer.Ordinal));

    /// <summary>The KubeConfigErrorKind that kubectl's error message stands for.</summary>
    private static string KindOf(string kubectlError) =>
        kubectlError.Contains("already exists") ? nameof(KubeConfigErrorKind.AlreadyExists)
        : kubectlError.Contains("no context exists") || kubectlError.Contains(", not in ") || kubectlError.Contains("it's not in") ? nameof(KubeConfigErrorKind.NotFound)
        : "unrecognised: " + kubectlError.Trim();

    private static void Same(string what, string expected, string actual)
    {
        if (expected != actual)
        {
            throw new Exception($"{what} differs.\nkubectl:\n{expected}\nKubeLab:\n{actual}");
        }
    }

    /// <summary>One file as kubectl reads it alone; "(missing)" when it does not exist (kubectl would show an empty config).</summary>
    private static async Task<string> ViewFile(string root, string relative)
    {
        var path = Path.Combine(root, relative);
        if (!File.Exists(path))
        {
            return "(missing)";
        }

        var result = await Run(root, null, "config", "view", "--raw", "-o", "json", "--kubeconfig", path);
        return result.ExitCode == 0 ? result.Stdout : "(kubectl cannot read it: " + result.Stderr.Trim() + ")";
    }

    private static Task<Kubectl.Result> Run(string home, string? kubeconfig, params string[] args) => Kubectl.RunAsync(home, kubeconfig, args);
}
