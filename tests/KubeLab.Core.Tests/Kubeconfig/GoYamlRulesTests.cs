using System.Text;
using KubeLab.Kubeconfig;
using Xunit;

namespace KubeLab.Tests.Kubeconfig;

/// <summary>
/// One small file per go-yaml (YAML 1.1, libyaml) rule that YamlDotNet (YAML 1.2) does not share, each found by the
/// fuzz test: KubeLab must accept or refuse it exactly as kubectl does, and read the same current-context.
/// </summary>
[Collection(KubectlCollection.Name)]
public sealed class GoYamlRulesTests : IDisposable
{
    private readonly TempKubeDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("tab at the start of a line", "\tcurrent-context: a\n")]
    [InlineData("tab after indentation", "a:\n  \tb: c\n")]
    [InlineData("tab after '- '", "a:\n- b\n-\tc\n")]
    [InlineData("tab after a complex key's ':'", "? a\n:\tb\n")]
    [InlineData("tab after a simple key's ':'", "current-context:\ta\n")]
    [InlineData("tab before a comment", "current-context: a\t# note\n")]
    [InlineData("tabs inside a flow collection", "a: [\tb,\tc]\ncurrent-context: a\n")]
    [InlineData("'?' inside a plain scalar in a flow map", "a: {b: c?d}\n")]
    [InlineData("'?' inside a plain scalar in block context", "current-context: a?b\n")]
    [InlineData("'?' inside a quoted scalar in a flow map", "a: {b: 'c?d'}\ncurrent-context: x\n")]
    [InlineData("key split over two lines in a flow map", "a: {b: c, dd-\nee: f}\n")]
    [InlineData("':' after ',' in a flow map", "a: {b: 'c',: d}\n")]
    [InlineData("empty key in a flow map", "a: {b: c, : d}\n")]
    [InlineData("two nodes without ',' after a quoted scalar", "a: {b: 'c' d}\n")]
    [InlineData("backquote starting a value in a flow list", "a: [`b]\n")]
    [InlineData("'@' starting a value", "a: @b\n")]
    [InlineData("flow line left of the block indentation", "x:\n- {d: e\nser}\ncurrent-context: x\n")]
    [InlineData("flow line after a lone CR", "x:\n  y: [1\r, two]\ncurrent-context: x\n")]
    [InlineData("double-quoted line left of the indentation", "a:\n  b: \"x\ny\"\ncurrent-context: x\n")]
    [InlineData("content after the root node", "    password: x\nkind: Config\ncurrent-context: a\n")]
    [InlineData("unclosed flow map running into the next key", "contexts:\n- name: a\n  context: {cluster: x, user: y\ncurrent-context: a")]
    [InlineData("merge keys apply in order", "current-context: a\n<<: {current-context: b}\n")]
    [InlineData("merge list: the first map wins", "<<: [{current-context: b}, {current-context: c}]\n")]
    [InlineData("merge of an alias of a list", "l: &l [{current-context: b}]\n<<: *l\n")]
    [InlineData("quoted '<<' is an ordinary key", "'<<': {current-context: b}\ncurrent-context: a\n")]
    [InlineData("!!binary key", "!!binary Y3VycmVudC1jb250ZXh0: a\n")]
    [InlineData("!!binary value", "current-context: !!binary ZGV2\n")]
    [InlineData("!!binary value that is not base64", "current-context: !!binary '%%'\n")]
    [InlineData("certificate data that is not base64", "clusters:\n- name: c\n  cluster: {server: s, certificate-authority-data: 'not base64!'}\n")]
    [InlineData("certificate data with line breaks", "clusters:\n- name: c\n  cluster:\n    server: s\n    certificate-authority-data: |\n      Q0VS\n      VElG\n")]
    [InlineData("null context item", "contexts:\n-\ncurrent-context: x\n")]
    [InlineData("two null context items", "contexts:\n-\n-\n")]
    [InlineData("extension without a value, then the same name", "extensions:\n- name: a\n- name: a\n  extension: {}\n")]
    [InlineData("extension with a value, then the same name", "extensions:\n- name: a\n  extension: {}\n- name: a\n")]
    [InlineData("repeated key: the last wins", "current-context: a\ncurrent-context: b\n")]
    [InlineData("apiVersion of the internal version", "apiVersion: __internal\nkind: Config\ncurrent-context: a\n")]
    [InlineData("kind in lower case", "kind: config\n")]
    [InlineData("apiVersion that is a number", "apiVersion: 1\n")]
    [InlineData("infinity", "x: -.inf\n")]
    [InlineData("number too large for a float", "x: 1e400\ncurrent-context: a\n")]
    [InlineData("scalar tagged !!float holding an int", "x: !!float 3\ncurrent-context: a\n")]
    [InlineData("scalar tagged !!int holding a float", "x: !!int 1.5\n")]
    [InlineData("custom tag", "x: !custom [1]\ncurrent-context: a\n")]
    [InlineData("collection tagged !!str", "x: !!str [1]\ncurrent-context: a\n")]
    [InlineData("lone ':' key ending the file", "   : Z")]
    [InlineData("lone ':' key in a context", "contexts:\n- name: a\n  context:\n    : Z\n")]
    [InlineData("': ' after ' *x' in a value", "current-context: a *b: c\n")]
    [InlineData("': ' after ' *' on a continuation line", "current-context: a\n  *: Z\n")]
    public void KubeLabAcceptsAndRefusesLikeKubectl(string rule, string content)
    {
        var path = _dir.PathOf("config");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(content));
        var theirs = Kubectl.Run(_dir.Root, path, "config", "view", "--raw", "-o", "json");
        string? ours;
        try
        {
            ours = new KubeConfigStore(KubeConfigLocation.Resolve(null, path, _dir.Root, ':'), NullOperationLog.Instance).Read().CurrentContext ?? "";
        }
        catch (KubeConfigException ex)
        {
            Assert.Equal(path, ex.File);
            ours = null;
        }

        Assert.True((theirs.ExitCode == 0) == (ours != null), $"{rule}: kubectl {(theirs.ExitCode == 0 ? "reads it" : "refuses it: " + theirs.Stderr.Trim())}, KubeLab {(ours != null ? "reads it" : "refuses it")}");
        if (ours != null)
        {
            Assert.Equal(theirs.Json["current-context"]?.GetValue<string>() ?? "", ours);
        }
    }

    /// <summary>
    /// The one documented difference found so far: a plain key holding " *x" before its ":" ("- a *b: c"). kubectl reads
    /// a map with the key "a *b"; YamlDotNet reads one scalar, so KubeLab refuses the file in its own words, without
    /// claiming kubectl cannot read it, and an edit leaves it as it was.
    /// </summary>
    [Fact]
    public void RefusesAKeyWithAStarBeforeItsColonAndSaysKubectlReadsIt()
    {
        var path = _dir.PathOf("config");
        const string content = "apiVersion: v1\nkind: Config\ncontexts:\n- a *b: c\n";
        File.WriteAllText(path, content);
        Assert.Equal(0, Kubectl.Run(_dir.Root, path, "config", "view", "--raw", "-o", "json").ExitCode);
        var store = new KubeConfigStore(KubeConfigLocation.Resolve(null, path, _dir.Root, ':'), NullOperationLog.Instance);
        var refusal = Assert.Throws<KubeConfigException>(() => store.Read());
        Assert.Equal(KubeConfigErrorKind.InvalidFile, refusal.Kind);
        Assert.Equal(4, refusal.Line);
        Assert.Contains("kubectl reads this file, but KubeLab does not", refusal.Message);
        Assert.Throws<KubeConfigException>(() => store.SetContext("x", "c", "u", null));
        Assert.Equal(content, File.ReadAllText(path));
    }
}
