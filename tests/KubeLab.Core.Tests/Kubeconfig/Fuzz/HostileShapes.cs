using System.Text;

namespace KubeLab.Tests.Kubeconfig.Fuzz;

/// <summary>
/// Fixed hostile files, each with the words kubectl (go-yaml, client-go) refuses it with, or null when kubectl reads it.
/// KubeLab's error carries the same words unless the shape says otherwise.
/// </summary>
internal static class HostileShapes
{
    public static readonly IReadOnlyList<Shape> All = Build();

    public static Shape Get(string name) => All.Single(s => s.Name == name);

    private static List<Shape> Build()
    {
        var shapes = new List<Shape>();
        void Add(string name, string text, string? says, string? kubeLabSays = null) => shapes.Add(new Shape(name, Encoding.UTF8.GetBytes(text), says, kubeLabSays ?? says));
        void AddBytes(string name, byte[] bytes, string? says) => shapes.Add(new Shape(name, bytes, says, says));
        const string Good = "apiVersion: v1\nkind: Config\ncurrent-context: a\ncontexts:\n- name: a\n  context: {cluster: c, user: u}\n";

        Add("flow list 50000 deep, unclosed", "current-context: a\nx: " + new string('[', 50000) + "\n", "exceeded max depth of 10000");
        Add("flow map 20000 deep", "x: " + Repeat("{a: ", 20000) + "1" + new string('}', 20000) + "\n", "exceeded max depth of 10000");
        Add("flow map 20000 deep, unclosed", "x: " + Repeat("{a: ", 20000) + "\n", "exceeded max depth of 10000");
        Add("flow list 10001 deep", "x: " + new string('[', 10001) + new string(']', 10001) + "\n", "exceeded max depth of 10000");
        Add("flow list 10000 deep under the root map (JSON depth 10001)", "x: " + new string('[', 10000) + new string(']', 10000) + "\n", "exceeded max depth");
        Add("flow list 9999 deep under the root map", Good + "x: " + new string('[', 9999) + new string(']', 9999) + "\n", null);
        Add("block maps 10000 deep", BlockMaps(10000), null);
        Add("block maps 10001 deep", BlockMaps(10001), "exceeded max depth of 10000");
        Add("block lists 10001 deep", "x:\n" + Repeat("- ", 10001) + "a\n", "exceeded max depth of 10000");
        Add("alias bomb, nine levels", AliasBomb(9), "excessive aliasing");
        Add("alias bomb, three levels (small enough for go-yaml)", AliasBomb(3), null);
        Add("aliases reused a little", Good + "x: &l [1, 2, 3]\ny: [*l, *l, *l]\n", null);
        Add("anchor containing itself", "x: &a [1, *a]\n", "anchor 'a' value contains itself");
        Add("undefined alias", "current-context: *nope\n", "unknown anchor 'nope' referenced");
        AddBytes("NUL in a value", Bytes("current-context: \"a", 0x00, "\"\n"), "control characters are not allowed");
        AddBytes("NUL in a comment", Bytes("current-context: a\n# ", 0x00, "\n"), "control characters are not allowed");
        AddBytes("DEL in a value", Bytes("current-context: a", 0x7F, "\n"), "control characters are not allowed");
        AddBytes("invalid UTF-8 (0xFF)", Bytes("current-context: \"a", 0xFF, "\"\n"), "invalid leading UTF-8 octet");
        AddBytes("UTF-8 cut short at the end", Bytes("current-context: caf", 0xC3), "incomplete UTF-8 octet sequence");
        AddBytes("encoded surrogate (CESU-8)", Bytes("current-context: \"", 0xED, 0xA0, 0x80, "\"\n"), "invalid Unicode character");
        AddBytes("overlong UTF-8", Bytes("current-context: \"", 0xC0, 0xAF, "\"\n"), "invalid length of a UTF-8 sequence");
        AddBytes("UTF-8 byte order mark", Concat(new byte[] { 0xEF, 0xBB, 0xBF }, Encoding.UTF8.GetBytes(Good)), null);
        AddBytes("UTF-16LE with byte order mark", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Good)).ToArray(), null);
        AddBytes("UTF-16BE with byte order mark", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Good)).ToArray(), null);
        Add("CRLF line ends", Good.Replace("\n", "\r\n"), null);
        Add("huge scalar (4 MB token)", Good + "users:\n- name: u\n  user:\n    token: " + new string('A', 4 << 20) + "\n", null);
        Add("two documents, the second broken", Good + "---\n]]] {{{\n", null);
        Add("two documents, the second a Deployment", Good + "---\napiVersion: apps/v1\nkind: Deployment\n", null);
        AddBytes("invalid UTF-8 in a second document beyond go-yaml's read-ahead", Concat(Encoding.UTF8.GetBytes(Good + "---\n" + Repeat("# padding\n", 200)), new byte[] { 0xFF, 0x0A }), null);
        AddBytes("invalid UTF-8 in a second document within go-yaml's read-ahead", Concat(Encoding.UTF8.GetBytes("current-context: a\n---\nx: "), new byte[] { 0xFF, 0x0A }), "invalid leading UTF-8 octet");
        Add("merge key in a context", "contexts:\n- name: a\n  context: &base {cluster: c, user: u}\n- name: b\n  context:\n    <<: *base\n    namespace: lab\ncurrent-context: b\n", null);
        Add("merge key overriding an earlier key", "current-context: a\n<<: {current-context: b}\ncontexts:\n- {name: a, context: {cluster: c, user: u}}\n- {name: b, context: {cluster: c, user: u}}\n", null);
        Add("merge of a scalar", "<<: 1\n", "map merge requires map or sequence of maps as the value");
        Add("tab as indentation", "\tcurrent-context: a\n", "found character that cannot start any token");
        Add("tab after the colon", "current-context:\ta\n", null);
        Add("root is a list", "- a\n- b\n", "couldn't get version/kind");
        Add("root is a string", "hello\n", "couldn't get version/kind");
        Add("root is null", "~\n", null);
        Add("only a comment", "# nothing here\n", null);
        Add("a Deployment", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n", "no kind \"Deployment\" is registered for version \"apps/v1\"");
        Add("a Service", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n", "no kind \"Service\" is registered for version \"v1\"");
        Add("a List", "apiVersion: v1\nkind: List\nitems: []\n", "no kind \"List\" is registered for version \"v1\"");
        Add("kind Config in another version", "apiVersion: v2\nkind: Config\n", "no kind \"Config\" is registered for version \"v2\"");
        Add("unclosed flow mapping", "contexts:\n- name: a\n  context: {cluster: x, user: y\ncurrent-context: a", "did not find expected ',' or '}'");
        Add("NaN value", Good + "x: .nan\n", "unsupported value: NaN");
        Add("null key", Good + "~: x\n", "unsupported map key");
        Add("list as a key", Good + "[a]: x\n", "invalid map key");
        Add("tag that does not fit", "current-context: !!int abc\n", "cannot decode !!str `abc` as a !!int", "cannot decode the value as a !!int");
        Add("YAML 1.2 directive", "%YAML 1.2\n---\ncurrent-context: a\n", "found incompatible YAML document");
        Add("repeated key (the last wins)", Good + "current-context: b\n", null);
        Add("number where a string belongs", "current-context: 12\n", "cannot unmarshal number", "must be a string, not a number");
        return shapes;
    }

    internal sealed record Shape(string Name, byte[] Bytes, string? KubectlSays, string? KubeLabSays)
    {
        public override string ToString() => Name;
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string BlockMaps(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth - 1; i++)
        {
            text.Append(' ', i).Append("k:\n");
        }

        return text.Append(' ', depth - 1).Append("k: v\n").ToString();
    }

    /// <summary>"Billion laughs": each level a list repeating the previous level nine times.</summary>
    private static string AliasBomb(int levels)
    {
        var text = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < levels; i++)
        {
            text.Append($"l{i}: &l{i} [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 9))).Append("]\n");
        }

        return text.ToString();
    }

    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p is string s ? Encoding.UTF8.GetBytes(s) : new[] { Convert.ToByte(p) }).ToArray();

    private static byte[] Concat(byte[] a, byte[] b) => a.Concat(b).ToArray();
}
