using System.Text;
using KubeLab.Kubeconfig.Yaml;
using KubeLab.Tests.Kubeconfig.Fuzz;
using KubeLab.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace KubeLab.Tests.Kubeconfig;

/// <summary>
/// The fast reader must never decide anything the full parser would decide differently: wherever it returns a tree,
/// the full parser accepts the same text and builds the same tree, node for node (kind, value, style, line, flow, tag,
/// anchor). Fuzz cases and hostile shapes give it every kind of damaged text; it must also take the common files.
/// </summary>
public sealed class PlainBlockReaderTests
{
    private readonly ITestOutputHelper _output;

    public PlainBlockReaderTests(ITestOutputHelper output) => _output = output;

    private const string KubectlStyle =
        "apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==\n" +
        "    server: https://192.168.49.2:8443\n  name: minikube\ncontexts:\n- context:\n    cluster: minikube\n" +
        "    extensions:\n    - extension:\n        last-update: Wed, 25 Nov 2026 15:00:00 UTC\n        provider: minikube.sigs.k8s.io\n" +
        "        version: v1.37.0\n      name: context_info\n    namespace: default\n    user: minikube\n  name: minikube\n" +
        "current-context: minikube\nkind: Config\npreferences: {}\nusers:\n- name: minikube\n  user:\n" +
        "    client-certificate: /home/me/.minikube/profiles/minikube/client.crt\n    client-key: /home/me/.minikube/profiles/minikube/client.key\n" +
        "- name: eks\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      args:\n      - eks\n      - get-token\n" +
        "      - --cluster-name\n      - \"lab\"\n      command: aws\n      env: []\n      interactiveMode: IfAvailable\n      provideClusterInfo: false\n";

    [Theory]
    [InlineData(KubectlStyle)]
    [InlineData("# comment first\napiVersion: v1\nkind: Config\n\ncontexts:\n  - name: a\n    context:\n      cluster: 'c'\n      user: \"\"\n")]
    [InlineData("a:\nb:\n  # nothing here\nc: -1\nd:")]
    [InlineData("apiVersion: v1\nkind: Config\ncurrent-context: a:b\nusers:\n-   name: u\n    user:\n      token: abc#def")]
    public void TakesTheFilesKubectlAndMinikubeWrite(string text)
    {
        var (fast, full) = ReadBoth(Encoding.UTF8.GetBytes(text));
        Assert.NotNull(fast);
        AssertSameTree(full.Root, fast, text);
    }

    [Theory]
    [InlineData("a: b\n  c\n")]                   // a multi-line plain scalar
    [InlineData("a: b # comment\n")]
    [InlineData("a: &x b\nc: *x\n")]
    [InlineData("a: !!str b\n")]
    [InlineData("a: {b: c}\n")]
    [InlineData("a: |\n  text\n")]
    [InlineData("a: \"b\\n\"\n")]
    [InlineData("a: 'it''s'\n")]
    [InlineData("a: b\r\nc: d\r\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: b\n---\nc: d\n")]
    [InlineData("a: b\n b: c\n")]
    [InlineData("- - a\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: bé\n")]
    [InlineData("a : b\n")]
    [InlineData("- a *b: c\n")]                   // YamlDotNet scans such a key its own way
    [InlineData("a &b: c\n")]
    [InlineData("a: b \n")]
    public void LeavesEverythingElseToTheFullParser(string text)
    {
        using var decoded = StrictText.Decode(Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetByteCount(text));
        Assert.Null(PlainBlockReader.TryRead(decoded.Text));
    }

    [Fact]
    public void AgreesWithTheFullParserOnEveryFuzzCaseAndHostileShape()
    {
        var inputs = HostileShapes.All.Select(s => (s.Name, s.Bytes)).ToList();
        for (var i = 0; i < 1500; i++)
        {
            foreach (var (file, bytes) in FuzzCase.Random(KubeConfigFuzzTests.DefaultSeed, i).Files)
            {
                inputs.Add(($"case {i} {file}", bytes));
            }
        }

        var taken = 0;
        foreach (var (name, bytes) in inputs)
        {
            var (fast, full) = ReadBoth(bytes);
            if (fast == null)
            {
                continue;
            }

            taken++;
            Assert.True(full.Problem == null, $"{name}: the fast reader took a text the full parser refuses ({full.Problem?.Message})");
            AssertSameTree(full.Root, fast, name);
        }

        _output.WriteLine($"The fast reader took {taken} of {inputs.Count} texts; the full parser read the rest.");

        // Most generated files are plain block YAML: a reader that took none would pass the comparison above trivially.
        Assert.True(taken > inputs.Count / 10, $"the fast reader took only {taken} of {inputs.Count} texts");
    }

    private static (Node? Fast, (Node? Root, YamlProblem? Problem) Full) ReadBoth(byte[] bytes)
    {
        using var decoded = StrictText.Decode(bytes, bytes.Length);
        if (decoded.Problem != null)
        {
            return (null, (null, null));
        }

        var fast = PlainBlockReader.TryRead(decoded.Text);
        try
        {
            return (fast, (TreeBuilder.Build(decoded.Text).Root, null));
        }
        catch (YamlProblem problem)
        {
            return (fast, (null, problem));
        }
    }

    private static void AssertSameTree(Node? expected, Node? actual, string name)
    {
        var difference = TreeDiff.FirstDifference(expected, actual);
        Assert.True(difference == null, $"{name}: full parser / fast reader differ at {difference}");
    }
}
