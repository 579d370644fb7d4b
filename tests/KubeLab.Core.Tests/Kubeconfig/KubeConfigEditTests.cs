using KubeLab.Kubeconfig;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace KubeLab.Tests.Kubeconfig;

public sealed class KubeConfigEditTests : IDisposable
{
    private const string Rich = """
        apiVersion: v1
        kind: Config
        current-context: dev
        preferences:
          colors: true
          extensions:
          - name: pref-ext
            extension: {anything: [1, 2]}
        clusters:
        - name: c1
          cluster:
            server: https://c1.example:6443
            certificate-authority-data: Q0VSVA==
            extensions:
            - name: client.authentication.k8s.io/exec
              extension: {audience: sts}
            x-unknown-cluster-key: keep-me
        users:
        - name: u1
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: aws
              args: [eks, get-token, --cluster-name, lab]
              env:
              - name: AWS_PROFILE
                value: lab
              provideClusterInfo: true
        - name: u2
          user:
            auth-provider:
              name: oidc
              config: {idp-issuer-url: "https://issuer", client-id: kube, refresh-token: secret-refresh}
        contexts:
        - name: dev
          context: {cluster: c1, user: u1, namespace: team}
        - name: ops
          context: {cluster: c1, user: u2}
        extensions:
        - name: top-ext
          extension: {note: kept}
        x-top-level-unknown: {nested: [a, b]}
        """;

    private readonly TempKubeDirectory _dir = new();
    private readonly RecordingLog _log = new();

    public void Dispose() => _dir.Dispose();

    private KubeConfigStore Chain(params string[] files) => ChainWithLockWait(TimeSpan.FromSeconds(2), files);

    private KubeConfigStore ChainWithLockWait(TimeSpan wait, params string[] files) =>
        new(KubeConfigLocation.Resolve(null, string.Join(":", files.Select(_dir.PathOf)), _dir.Root, ':'), _log, wait);

    [Fact]
    public void UnmodelledFieldsSurviveAnEdit()
    {
        var path = _dir.Write("config", Rich);
        Chain("config").SetContext("dev", null, null, "other");

        var before = Canonical(Rich);
        var after = Canonical(File.ReadAllText(path));
        Assert.Equal(before.Replace("namespace=team", "namespace=other"), after);
    }

    [Fact]
    public void HeaderIsAddedWhenMissing()
    {
        var path = _dir.Write("config", "contexts:\n- name: a\n  context: {cluster: c, user: u}\n");
        Chain("config").UseContext("a");
        var root = (YamlMappingNode)Parse(File.ReadAllText(path));
        Assert.Equal("v1", ((YamlScalarNode)root["apiVersion"]).Value);
        Assert.Equal("Config", ((YamlScalarNode)root["kind"]).Value);
        Assert.Equal("a", ((YamlScalarNode)root["current-context"]).Value);
    }

    [Fact]
    public void NewContextGoesToTheDefaultFileAndChangesGoToTheOrigin()
    {
        _dir.Write("a", "users: []\n");
        _dir.Write("b", "contexts:\n- name: old\n  context: {cluster: c, user: u}\n");
        var store = Chain("missing", "a", "b");

        var created = store.SetContext("new", "c2", "u2", "ns");
        var changed = store.SetContext("old", null, null, "ns2");

        Assert.Equal((_dir.PathOf("a"), "c2", "u2", "ns"), (created.SourceFile, created.Cluster, created.User, created.Namespace));
        Assert.Equal((_dir.PathOf("b"), "c", "ns2"), (changed.SourceFile, changed.Cluster, changed.Namespace));
        Assert.Contains("name: new", File.ReadAllText(_dir.PathOf("a")));
        Assert.DoesNotContain("new", File.ReadAllText(_dir.PathOf("b")));
        Assert.False(File.Exists(_dir.PathOf("missing")));
    }

    [Fact]
    public void OnlyTheFilesThatChangeAreWritten()
    {
        var a = _dir.Write("a", "users: []\n");
        var b = _dir.Write("b", Rich);
        var c = _dir.Write("c", "current-context: ops\n");
        var old = DateTime.UtcNow.AddHours(-1);
        foreach (var path in new[] { a, b, c })
        {
            File.SetLastWriteTimeUtc(path, old);
        }

        Chain("a", "b", "c").UseContext("ops");

        Assert.Contains("current-context: ops", File.ReadAllText(a));
        Assert.Equal((old, old), (File.GetLastWriteTimeUtc(b), File.GetLastWriteTimeUtc(c)));
    }

    [Fact]
    public void EmptyNamespaceUnsetsIt()
    {
        var path = _dir.Write("config", Rich);
        var context = Chain("config").SetContext("dev", null, null, "");
        Assert.Null(context.Namespace);
        Assert.DoesNotContain("namespace", File.ReadAllText(path));
    }

    [Fact]
    public void AnEditThatChangesNothingWritesNothing()
    {
        var path = _dir.Write("config", Rich);
        var stamp = File.GetLastWriteTimeUtc(path);
        Chain("config").SetContext("dev", "c1", "u1", "team");
        Chain("config").UseContext("dev");
        Assert.Equal(Rich, File.ReadAllText(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void UnknownContextIsNotFoundAndNothingIsWritten()
    {
        var path = _dir.Write("config", Rich);
        var error = Assert.Throws<KubeConfigException>(() => Chain("config").UseContext("nope"));
        Assert.Equal(KubeConfigErrorKind.NotFound, error.Kind);
        Assert.Equal($"Cannot use the context \"nope\": no context named \"nope\" in {path}.", error.Message);
        Assert.Equal(Rich, File.ReadAllText(path));
        Assert.False(File.Exists(path + ".lock"));
    }

    [Fact]
    public void NotFoundAndAlreadyExistsNameEveryFileOfTheChainInOrder()
    {
        _dir.Write("a", Rich);
        _dir.Write("b", Rich);
        var searched = $"{_dir.PathOf("missing")}, {_dir.PathOf("a")}, {_dir.PathOf("b")}";
        var store = Chain("missing", "a", "b");

        var removal = Assert.Throws<KubeConfigException>(() => store.RemoveCluster("nope"));
        Assert.Equal(KubeConfigErrorKind.NotFound, removal.Kind);
        Assert.Equal($"Cannot remove the cluster \"nope\": no cluster named \"nope\" in {searched}.", removal.Message);

        var rename = Assert.Throws<KubeConfigException>(() => store.RenameContext("nope", "other"));
        Assert.Equal($"Cannot rename the context \"nope\": no context named \"nope\" in {searched}.", rename.Message);

        var taken = Assert.Throws<KubeConfigException>(() => store.RenameContext("dev", "dev"));
        Assert.Equal(KubeConfigErrorKind.AlreadyExists, taken.Kind);
        Assert.Equal($"Cannot rename the context \"dev\" to \"dev\": a context named \"dev\" already exists in {searched}.", taken.Message);
    }

    [Fact]
    public void MissingExplicitFileIsNotFoundAndNothingIsCreated()
    {
        var path = _dir.PathOf("no/such/config");
        var store = new KubeConfigStore(KubeConfigLocation.Resolve(path, null, _dir.Root, ':'), _log);
        var error = Assert.Throws<KubeConfigException>(() => store.SetContext("x", "c", "u", null));
        Assert.Equal((KubeConfigErrorKind.NotFound, path), (error.Kind, error.File));
        Assert.False(Directory.Exists(_dir.PathOf("no")));
    }

    [Fact]
    public void RenameOntoAnExistingContextIsAlreadyExists()
    {
        var path = _dir.Write("config", Rich);
        var error = Assert.Throws<KubeConfigException>(() => Chain("config").RenameContext("dev", "ops"));
        Assert.Equal(KubeConfigErrorKind.AlreadyExists, error.Kind);
        Assert.Equal(Rich, File.ReadAllText(path));
    }

    [Fact]
    public void RenameKeepsTheEntryInItsFileAndTheCurrentContextFollowsToTheDefaultFile()
    {
        _dir.Write("a", "users: []\n");
        _dir.Write("b", "current-context: dev\ncontexts:\n- name: dev\n  context: {cluster: c, user: u}\n");

        var renamed = Chain("a", "b").RenameContext("dev", "prod");

        Assert.Equal((_dir.PathOf("b"), true), (renamed.SourceFile, renamed.IsCurrent));
        Assert.Contains("current-context: prod", File.ReadAllText(_dir.PathOf("a")));
        Assert.Contains("current-context: dev", File.ReadAllText(_dir.PathOf("b")));
        Assert.Contains("name: prod", File.ReadAllText(_dir.PathOf("b")));
    }

    [Fact]
    public void DeletingTheCurrentContextWarnsAndKeepsCurrentContextLikeKubectl()
    {
        var path = _dir.Write("config", Rich);
        var removal = Chain("config").RemoveContext("dev", removeUnusedClusterAndUser: false);
        Assert.True(removal.Context.IsCurrent);
        Assert.Single(_log.Warnings);
        Assert.Contains("current-context: dev", File.ReadAllText(path));
        Assert.Empty(removal.Clusters);
    }

    [Fact]
    public void DeletingAnEntryLetsALaterSameNamedEntryShowThrough()
    {
        _dir.Write("a", "clusters:\n- name: c\n  cluster: {server: https://a}\n");
        _dir.Write("b", "clusters:\n- name: c\n  cluster: {server: https://b}\n");
        var store = Chain("a", "b");
        Assert.Equal("https://a", store.RemoveCluster("c").Server);
        Assert.Equal("https://b", store.Read().Clusters.Single().Server);
    }

    [Fact]
    public void RemoveUnusedTakesOnlyClustersAndUsersNoOtherContextUses()
    {
        var path = _dir.Write("config", Rich);
        var store = Chain("config");
        var first = store.RemoveContext("ops", removeUnusedClusterAndUser: true);
        Assert.Empty(first.Clusters);
        Assert.Equal("u2", Assert.Single(first.Users).Name);

        var second = store.RemoveContext("dev", removeUnusedClusterAndUser: true);
        Assert.Equal("c1", Assert.Single(second.Clusters).Name);
        Assert.Equal("u1", Assert.Single(second.Users).Name);
        var left = store.Read();
        Assert.Empty(left.Contexts);
        Assert.Empty(left.Clusters);
        Assert.Empty(left.Users);
        Assert.Contains("x-top-level-unknown", File.ReadAllText(path));
    }

    [Fact]
    public void AHeldLockIsAnnouncedOnceWhileWaitingNotOncePerRetry()
    {
        var a = _dir.Write("a", Rich);
        File.WriteAllText(a + ".lock", "");

        Assert.Throws<KubeConfigException>(() => ChainWithLockWait(TimeSpan.FromMilliseconds(600), "a").UseContext("ops"));

        var waits = _log.Verbose.Where(m => m.StartsWith("Waiting")).ToList();
        Assert.Equal(a + ".lock", Assert.Single(waits).Split(" for ")[1].Split(' ')[0]);
    }

    [Fact]
    public void HeldLockIsLockedNothingIsWrittenAndOtherLocksAreReleased()
    {
        var a = _dir.Write("a", Rich);
        var b = _dir.Write("b", "users: []\n");
        File.WriteAllText(b + ".lock", "");

        var error = Assert.Throws<KubeConfigException>(() => ChainWithLockWait(TimeSpan.Zero, "a", "b").UseContext("ops"));

        Assert.Equal(KubeConfigErrorKind.Locked, error.Kind);
        Assert.Contains(b + ".lock", error.Message);
        Assert.Contains("stale", error.Message);
        Assert.Equal(Rich, File.ReadAllText(a));
        Assert.False(File.Exists(a + ".lock"));
        Assert.True(File.Exists(b + ".lock"));
    }

    [Fact]
    public void ALockReleasedWhileItIsBeingTakenIsWaitedForNotAnError()
    {
        // Another writer takes and releases the lock as fast as it can, so the lock often vanishes between a
        // failed create-new and any later look at the file: that must count as "held, wait", never as an I/O error.
        var a = _dir.Write("a", Rich);
        var stop = false;
        var churn = new Thread(() =>
        {
            var burst = new System.Diagnostics.Stopwatch();
            while (!Volatile.Read(ref stop))
            {
                // Bursts of take/release, then a pause, so KubeLab always gets a turn well within its 2 s wait.
                for (burst.Restart(); burst.ElapsedMilliseconds < 2;)
                {
                    try
                    {
                        new FileStream(a + ".lock", FileMode.CreateNew, FileAccess.Write).Dispose();
                        File.Delete(a + ".lock");
                    }
                    catch (IOException)
                    {
                        // KubeLab holds it this moment.
                    }
                }

                Thread.Sleep(2);
            }
        });
        churn.Start();
        try
        {
            for (var i = 0; i < 120; i++)
            {
                Chain("a").UseContext(i % 2 == 0 ? "ops" : "dev");
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            churn.Join();
        }

        Assert.Contains("current-context: dev", File.ReadAllText(a));
    }

    [Fact]
    public void ShortLivedLockIsWaitedFor()
    {
        var a = _dir.Write("a", Rich);
        File.WriteAllText(a + ".lock", "");
        // A thread of its own: under a loaded test run a pool continuation might come later than the wait allows.
        var release = new Thread(() =>
        {
            Thread.Sleep(150);
            File.Delete(a + ".lock");
        });
        release.Start();

        Chain("a").UseContext("ops");

        release.Join();
        Assert.Contains("current-context: ops", File.ReadAllText(a));
    }

    [Fact]
    public void LocksAreRemovedAfterSuccessAndFailure()
    {
        var a = _dir.Write("a", Rich);
        var store = Chain("a", "missing/b");
        store.UseContext("ops");
        Assert.Throws<KubeConfigException>(() => store.RemoveUser("nope"));
        Assert.Empty(Directory.GetFiles(_dir.Root, "*.lock", SearchOption.AllDirectories));
        Assert.True(Directory.Exists(_dir.PathOf("missing")), "kubectl creates the folder of a missing chain file when locking it");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, File.GetUnixFileMode(_dir.PathOf("missing")));
        Assert.Contains("current-context: ops", File.ReadAllText(a));
    }

    [Fact]
    public void InvalidFileInTheChainStopsTheEditBeforeAnyWrite()
    {
        var a = _dir.Write("a", Rich);
        _dir.Write("b", "contexts: {}\n");
        var error = Assert.Throws<KubeConfigException>(() => Chain("a", "b").UseContext("ops"));
        Assert.Equal((KubeConfigErrorKind.InvalidFile, _dir.PathOf("b"), (int?)1), (error.Kind, error.File, error.Line));
        Assert.Equal(Rich, File.ReadAllText(a));
        Assert.Empty(Directory.GetFiles(_dir.Root, "*.lock"));
    }

    [Fact]
    public void NewFilesAre0600AndExistingFilesKeepTheirMode()
    {
        var existing = _dir.Write("a", Rich);
        File.SetUnixFileMode(existing, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        Chain("a").UseContext("ops");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(existing));

        Chain("new/config").SetContext("x", "c", "u", null);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.PathOf("new/config")));
    }

    [Fact]
    public void SecretsNeverReachTheLogOrTheObjects()
    {
        _dir.Write("config", Rich);
        var store = Chain("config");
        var removed = store.RemoveUser("u2");
        Assert.Equal(KubeAuthType.AuthProvider, removed.AuthType);
        var everything = string.Join("\n", _log.Verbose.Concat(_log.Warnings)) + System.Text.Json.JsonSerializer.Serialize(removed);
        Assert.DoesNotContain("secret-refresh", everything);
    }

    [Fact]
    public void ValuesThatLookLikeOtherTypesAreWrittenAsStrings()
    {
        var path = _dir.Write("config", Rich);
        Chain("config").SetContext("yes", "123", "null", "on");
        var read = Chain("config").Read().Contexts.Single(c => c.Name == "yes");
        Assert.Equal(("123", "null", "on"), (read.Cluster, read.User, read.Namespace));
        var kubectl = Kubectl.Run(_dir.Root, path, "config", "view", "-o", "jsonpath={.contexts[?(@.name==\"yes\")].context.namespace}");
        Assert.Equal((0, "on"), (kubectl.ExitCode, kubectl.Stdout));
    }

    private static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    /// <summary>The tree as sorted key=value lines, so two files compare by meaning, not by layout.</summary>
    private static string Canonical(string yaml)
    {
        var lines = new List<string>();
        Walk(Parse(yaml), "", lines);
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    private static void Walk(YamlNode node, string path, List<string> lines)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var pair in map.Children)
                {
                    Walk(pair.Value, path + "/" + ((YamlScalarNode)pair.Key).Value, lines);
                }

                break;
            case YamlSequenceNode list:
                var index = 0;
                foreach (var item in list.Children)
                {
                    Walk(item, path + "[" + index++ + "]", lines);
                }

                break;
            case YamlScalarNode scalar:
                lines.Add($"{path}={scalar.Value}");
                break;
        }
    }
}
