using System.Text;
using KubeLab.Kubeconfig;
using KubeLab.Tests.Kubeconfig.Fuzz;
using Xunit;

namespace KubeLab.Tests.Kubeconfig;

/// <summary>Issue 7: files of another kind, what a failed edit leaves behind, the "where it looked" warning, abandoned temp files, edits of shared YAML.</summary>
[Collection(KubectlCollection.Name)]
public sealed class KubeConfigHardeningTests : IDisposable
{
    private const string Good = "apiVersion: v1\nkind: Config\ncurrent-context: dev\nclusters:\n- name: c1\n  cluster: {server: https://c1}\nusers:\n- name: u1\n  user: {token: t}\ncontexts:\n- name: dev\n  context: {cluster: c1, user: u1}\n";
    private readonly TempKubeDirectory _dir = new();

    public static IEnumerable<object[]> OtherKindsAndOperations =>
        from kind in new[] { "a Deployment", "a Service", "a List" }
        from operation in new[] { "view", "use-context dev", "set-context dev --namespace=x", "set-context brand-new", "rename-context dev renamed", "delete-context dev", "delete-cluster c1", "delete-user u1" }
        from chained in new[] { false, true }
        select new object[] { kind, operation, chained };

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(OtherKindsAndOperations))]
    public void AFileOfAnotherKindIsNeverReadNorWritten(string kind, string operation, bool chained)
    {
        var manifest = HostileShapes.Get(kind).Bytes;
        var good = _dir.Write("good", Good);
        var other = _dir.PathOf("manifest.yaml");
        File.WriteAllBytes(other, manifest);
        var chain = chained ? good + ":" + other : other;
        var args = operation.Split(' ');

        var theirs = Kubectl.Run(_dir.Root, chain, new[] { "config" }.Concat(args).ToArray());
        Assert.NotEqual(0, theirs.ExitCode);
        Assert.Contains("is registered for version", theirs.Stderr);
        Assert.Contains(other, theirs.Stderr);
        Assert.Equal(manifest, File.ReadAllBytes(other));

        var store = new KubeConfigStore(KubeConfigLocation.Resolve(null, chain, _dir.Root, ':'), NullOperationLog.Instance);
        var error = Assert.Throws<KubeConfigException>(() => Apply(store, args));
        Assert.Equal(KubeConfigErrorKind.InvalidFile, error.Kind);
        Assert.Equal(other, error.File);
        Assert.Contains(other, error.Message);
        Assert.Contains("is registered for version", error.Message);
        Assert.Equal(manifest, File.ReadAllBytes(other));
        Assert.Equal(Good, File.ReadAllText(good));
        Assert.Empty(Directory.GetFiles(_dir.Root, "*.lock"));
    }

    [Fact]
    public void AFailedEditOnAFreshMachineCreatesNothing()
    {
        var home = _dir.PathOf("home");
        Directory.CreateDirectory(home);
        Assert.NotEqual(0, Kubectl.Run(home, null, "config", "use-context", "foo").ExitCode);
        Assert.False(Directory.Exists(Path.Combine(home, ".kube")), "kubectl created ~/.kube");

        var store = new KubeConfigStore(KubeConfigLocation.Resolve(null, null, home, ':'), NullOperationLog.Instance);
        Assert.Equal(KubeConfigErrorKind.NotFound, Assert.Throws<KubeConfigException>(() => store.UseContext("foo")).Kind);
        Assert.False(Directory.Exists(Path.Combine(home, ".kube")), "KubeLab left an empty ~/.kube behind");

        // A KUBECONFIG file in folders that do not exist yet: the same.
        var deep = Path.Combine(home, "a", "b", "config");
        store = new KubeConfigStore(KubeConfigLocation.Resolve(null, deep, home, ':'), NullOperationLog.Instance);
        Assert.Throws<KubeConfigException>(() => store.UseContext("foo"));
        Assert.False(Directory.Exists(Path.Combine(home, "a")));

        // Something written: the folder is made (0755) and stays.
        store.SetContext("lab", "minikube", "minikube", null);
        Assert.True(File.Exists(deep));
    }

    [Fact]
    public void NoKubeconfigAnywhereWarnsOnceNamingWhereKubeLabLooked()
    {
        var log = new RecordingLog();
        var store = new KubeConfigStore(KubeConfigLocation.Resolve(null, null, _dir.Root, ':'), log);
        Assert.Empty(store.Read().Contexts);
        var warning = Assert.Single(log.Warnings);
        Assert.Contains(Path.Combine(_dir.Root, ".kube", "config"), warning);
        Assert.Contains("KUBECONFIG", warning);

        _dir.Write(".kube/config", Good);
        store.Read();
        Assert.Single(log.Warnings);
    }

    [Fact]
    public void AWriteUnderTheLockRemovesTempFilesOfKilledKubeLabWritersOnly()
    {
        var config = _dir.Write("kube/config", Good);
        var folder = Path.GetDirectoryName(config)!;
        var abandoned = Path.Combine(folder, ".config.kubelab-0123456789ab.tmp");
        File.WriteAllBytes(abandoned, new byte[570 * 1024]);
        var others = new[] { ".config.kubelab-notours.tmp", ".other.kubelab-0123456789ab.tmp", "config.tmp", ".config.kubelab-0123456789ab.tmp.bak" }
            .Select(name => _dir.Write("kube/" + name, "keep")).ToArray();
        var store = new KubeConfigStore(KubeConfigLocation.Resolve(config, null, _dir.Root, ':'), NullOperationLog.Instance);

        store.Read();
        Assert.True(File.Exists(abandoned), "a read (which takes no lock) removed a temp file");

        store.SetContext("lab", "c1", "u1", null);
        Assert.False(File.Exists(abandoned));
        Assert.All(others, path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public void EditsOfAliasedAndMergedEntriesChangeOnlyThatEntryLikeKubectl()
    {
        const string Shared = "apiVersion: v1\nkind: Config\ncurrent-context: a\n"
            + "contexts:\n- name: a\n  context: &base {cluster: c1, user: u1}\n- name: b\n  context: *base\n- name: c\n  context:\n    <<: *base\n    namespace: lab\n"
            + "clusters:\n- name: c1\n  cluster: &cl {server: https://c1}\n- name: c2\n  cluster: *cl\n";
        foreach (var operation in new[] { "set-context b --namespace=x", "set-context c --cluster=c2", "set-context a --user=u2", "rename-context b renamed", "delete-context a", "delete-cluster c1", "use-context c" })
        {
            var theirs = _dir.Write($"{operation}/kubectl", Shared);
            var ours = _dir.Write($"{operation}/kubelab", Shared);
            var args = operation.Split(' ');
            Assert.Equal(0, Kubectl.Run(_dir.Root, theirs, new[] { "config" }.Concat(args).ToArray()).ExitCode);
            Apply(new KubeConfigStore(KubeConfigLocation.Resolve(null, ours, _dir.Root, ':'), NullOperationLog.Instance), args);
            var expected = Kubectl.Run(_dir.Root, theirs, "config", "view", "--raw", "-o", "json");
            var actual = Kubectl.Run(_dir.Root, ours, "config", "view", "--raw", "-o", "json");
            Assert.True(expected.Stdout == actual.Stdout, $"{operation}:\nkubectl: {expected.Stdout}\nKubeLab: {actual.Stdout}{actual.Stderr}\nfile:\n{File.ReadAllText(ours)}");
        }
    }

    [Fact]
    public void DeepFilesAreRefusedOnASmallStack()
    {
        // The depth checks run before anything recursive: a thread with 256 KB of stack reads the deepest shapes.
        var shapes = HostileShapes.All.Where(s => s.Name.Contains("deep")).ToArray();
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    foreach (var shape in shapes)
                    {
                        var path = _dir.PathOf("deep-" + Array.IndexOf(shapes, shape));
                        File.WriteAllBytes(path, shape.Bytes);
                        var store = new KubeConfigStore(KubeConfigLocation.Resolve(path, null, _dir.Root, ':'), NullOperationLog.Instance);
                        try
                        {
                            store.Read();
                            store.SetContext("lab", "c", "u", null);
                            Assert.Null(shape.KubectlSays);
                        }
                        catch (KubeConfigException ex)
                        {
                            Assert.Contains(shape.KubeLabSays!, ex.Message);
                        }
                    }
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
    }

    private static object Apply(KubeConfigStore store, string[] args)
    {
        string? Flag(string name) => args.Where(a => a.StartsWith("--" + name + "=", StringComparison.Ordinal)).Select(a => a.Substring(name.Length + 3)).FirstOrDefault();
        return args[0] switch
        {
            "view" => store.Read(),
            "use-context" => store.UseContext(args[1]),
            "set-context" => store.SetContext(args[1], Flag("cluster"), Flag("user"), Flag("namespace")),
            "rename-context" => store.RenameContext(args[1], args[2]),
            "delete-context" => store.RemoveContext(args[1], removeUnusedClusterAndUser: false),
            "delete-cluster" => store.RemoveCluster(args[1]),
            "delete-user" => store.RemoveUser(args[1]),
            _ => throw new ArgumentException(args[0]),
        };
    }
}
