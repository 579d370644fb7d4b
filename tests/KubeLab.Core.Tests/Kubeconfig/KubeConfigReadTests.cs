using KubeLab;
using KubeLab.Kubeconfig;
using Xunit;

namespace KubeLab.Tests.Kubeconfig;

public sealed class KubeConfigReadTests : IDisposable
{
    private readonly TempKubeDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private KubeConfigStore Chain(params string[] files) =>
        new(KubeConfigLocation.Resolve(null, string.Join(":", files.Select(_dir.PathOf)), _dir.Root, ':'), NullOperationLog.Instance);

    [Fact]
    public void FirstFileDefiningANameWinsAsAWholeEntry()
    {
        _dir.Write("a", """
            contexts:
            - name: dev
              context: {cluster: c1, user: u1}
            """);
        _dir.Write("b", """
            current-context: dev
            contexts:
            - name: dev
              context: {cluster: c2, user: u2, namespace: from-b}
            - name: prod
              context: {cluster: c3, user: u3}
            """);

        var config = Chain("a", "missing", "b").Read();

        var dev = Assert.Single(config.Contexts, c => c.Name == "dev");
        Assert.Equal(("c1", "u1", (string?)null), (dev.Cluster, dev.User, dev.Namespace));
        Assert.Equal(_dir.PathOf("a"), dev.SourceFile);
        Assert.True(dev.IsCurrent);
        Assert.Equal(_dir.PathOf("b"), config.Contexts.Single(c => c.Name == "prod").SourceFile);
        Assert.Equal(3, config.Files.Count);
    }

    [Fact]
    public void FirstNonEmptyCurrentContextWins()
    {
        _dir.Write("a", "current-context: \"\"\n");
        _dir.Write("b", "current-context: second\n");
        _dir.Write("c", "current-context: third\n");
        Assert.Equal("second", Chain("a", "b", "c").Read().CurrentContext);
    }

    [Fact]
    public void EmptyAndMissingFilesAreEmptyConfigs()
    {
        _dir.Write("empty", "");
        _dir.Write("comment", "# nothing here\n");
        var config = Chain("empty", "comment", "missing").Read();
        Assert.Empty(config.Contexts);
        Assert.Null(config.CurrentContext);
    }

    [Fact]
    public void ReadsSeeChangesToFilesThatHadSettled()
    {
        // Settled files (unchanged for a while) are served from the parse cache; any write must still be seen.
        var path = _dir.Write("config", "current-context: aaaa\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        var store = Chain("config");
        Assert.Equal("aaaa", store.Read().CurrentContext);
        Assert.Equal("aaaa", store.Read().CurrentContext);

        File.WriteAllText(path, "current-context: bbbb\n");
        Assert.Equal("bbbb", store.Read().CurrentContext);

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        Assert.Equal("bbbb", store.Read().CurrentContext);
        new KubeConfigStore(store.Location, NullOperationLog.Instance).SetContext("new", "c", "u", null);
        Assert.Contains(store.Read().Contexts, c => c.Name == "new");
    }

    [Fact]
    public void KubeconfigVariableNamingOnlyMissingFilesWarnsLikeClientGo()
    {
        var log = new RecordingLog();
        var store = new KubeConfigStore(KubeConfigLocation.Resolve(null, _dir.PathOf("x") + ":" + _dir.PathOf("y"), _dir.Root, ':'), log);
        Assert.Empty(store.Read().Contexts);
        Assert.Equal($"None of the kubeconfig files in KUBECONFIG exists: {_dir.PathOf("x")}, {_dir.PathOf("y")}.", Assert.Single(log.Warnings));

        _dir.Write("y", "");
        store.Read();
        Assert.Single(log.Warnings);
    }

    [Fact]
    public void MissingExplicitFileIsNotFound()
    {
        var store = new KubeConfigStore(KubeConfigLocation.Resolve(_dir.PathOf("nope"), null, _dir.Root, ':'), NullOperationLog.Instance);
        var error = Assert.Throws<KubeConfigException>(() => store.Read());
        Assert.Equal(KubeConfigErrorKind.NotFound, error.Kind);
        Assert.Contains(_dir.PathOf("nope"), error.Message);
    }

    [Fact]
    public void RelativePathsResolveAgainstTheDefiningFilesFolder()
    {
        _dir.Write("sub/config", """
            clusters:
            - name: c
              cluster: {server: https://x, certificate-authority: certs/ca.crt}
            users:
            - name: relative
              user: {exec: {command: ./bin/helper, apiVersion: client.authentication.k8s.io/v1}}
            - name: onpath
              user: {exec: {command: aws, args: [eks]}}
            """);
        var config = Chain("sub/config").Read();
        Assert.Equal(_dir.PathOf("sub/certs/ca.crt"), config.Clusters[0].CertificateAuthority);
        Assert.Equal(_dir.PathOf("sub/bin/helper"), config.Users.Single(u => u.Name == "relative").ExecCommand);
        Assert.Equal("aws", config.Users.Single(u => u.Name == "onpath").ExecCommand);
        Assert.Contains("certificate-authority: certs/ca.crt", File.ReadAllText(_dir.PathOf("sub/config")));
    }

    [Theory]
    [InlineData("{token: secret-value}", KubeAuthType.Token)]
    [InlineData("{tokenFile: /t}", KubeAuthType.TokenFile)]
    [InlineData("{username: a, password: secret-value}", KubeAuthType.Basic)]
    [InlineData("{client-certificate-data: Zm9v, client-key-data: c2VjcmV0LXZhbHVl, token: secret-value}", KubeAuthType.ClientCertificate)]
    [InlineData("{client-certificate: c.crt, client-key: c.key, token: secret-value}", KubeAuthType.ClientCertificate)]
    [InlineData("{exec: {command: x}, token: secret-value}", KubeAuthType.Exec)]
    [InlineData("{auth-provider: {name: oidc, config: {id-token: secret-value}}}", KubeAuthType.AuthProvider)]
    [InlineData("{}", KubeAuthType.None)]
    [InlineData("null", KubeAuthType.None)]
    public void AuthTypeComesFromTheFieldsSet(string user, KubeAuthType expected)
    {
        _dir.Write("config", $"users:\n- name: u\n  user: {user}\n");
        var read = Chain("config").Read().Users.Single();
        Assert.Equal(expected, read.AuthType);
        Assert.DoesNotContain("secret-value", System.Text.Json.JsonSerializer.Serialize(read));
    }

    [Theory]
    [InlineData("current-context: a\nkind: Config: x\nusers: []\n", 2, null)]
    [InlineData("contexts:\n  name: a\n", 2, "contexts")]
    [InlineData("contexts:\n- name: a\n  context:\n  - cluster: x\n", 4, "contexts[0].context")]
    [InlineData("clusters:\n- name: c\n  cluster:\n    server: [https://x]\n", 4, "clusters[0].cluster.server")]
    [InlineData("contexts:\n- name: a\n  context: {namespace: 123}\n", 3, "contexts[0].context.namespace")]
    [InlineData("clusters:\n- name: c\n  cluster: {insecure-skip-tls-verify: \"yes\"}\n", 3, "clusters[0].cluster.insecure-skip-tls-verify")]
    [InlineData("users:\n- name: u\n  user: {}\n- name: u\n  user: {}\n", 4, "users[1].name")]
    [InlineData("- just\n- a list\n", 1, "(top level)")]
    public void InvalidFilesNameTheFileLineAndField(string content, int line, string? field)
    {
        var path = _dir.Write("bad", content);
        var error = Assert.Throws<KubeConfigException>(() => Chain("bad").Read());
        Assert.Equal(KubeConfigErrorKind.InvalidFile, error.Kind);
        Assert.Equal(path, error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains($"{path}:{line}:", error.Message);
        if (field != null)
        {
            Assert.Contains($"\"{field}\"", error.Message);
        }

        // kubectl must refuse the same file: the check mirrors client-go, it does not invent rules.
        Assert.NotEqual(0, Kubectl.Run(_dir.Root, path, "config", "view").ExitCode);
    }

    [Fact]
    public void WrongTypeMessagesDoNotEchoTheValue()
    {
        _dir.Write("bad", "users:\n- name: u\n  user: {token: 987654321}\n");
        var error = Assert.Throws<KubeConfigException>(() => Chain("bad").Read());
        Assert.DoesNotContain("987654321", error.Message);
    }
}
