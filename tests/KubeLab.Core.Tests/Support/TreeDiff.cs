using KubeLab.Kubeconfig.Yaml;

namespace KubeLab.Tests.Support;

/// <summary>
/// Where two YAML trees first differ (kind, value, style, line, flow, tag, anchor, children), or null when they are
/// the same node for node. Iterative, so a deep tree cannot overflow the stack. Shared by the fast-reader test and the
/// coverage-guided fuzzer in fuzz/.
/// </summary>
internal static class TreeDiff
{
    public static string? FirstDifference(Node? expected, Node? actual)
    {
        var pending = new Stack<(Node? Expected, Node? Actual, string Path)>();
        pending.Push((expected, actual, "root"));
        while (pending.Count > 0)
        {
            var (e, a, path) = pending.Pop();
            if (e == null || a == null)
            {
                if (e != a)
                {
                    return $"{path}: {(e == null ? "only the second tree" : "only the first tree")} has a node";
                }

                continue;
            }

            if (Describe(e) != Describe(a))
            {
                return $"{path}: {Describe(e)} / {Describe(a)}";
            }

            for (var i = 0; i < e.Children.Count; i++)
            {
                pending.Push((e.Children[i], a.Children[i], $"{path}/{i}"));
            }
        }

        return null;
    }

    private static string Describe(Node n) =>
        $"{n.Kind} '{n.Value}' {n.Style} line {n.Line} flow {n.Flow} tag {n.Tag} anchor {n.Anchor} children {n.Children.Count}";
}
