using YamlDotNet.Core;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>The few changes edits make to a tree, keeping go-yaml's reading of it (the last of repeated keys wins).</summary>
    internal static class TreeEdits
    {
        /// <summary>
        /// A node that can be changed without changing anything else: the node itself when nothing shares it, else a
        /// copy of what go-yaml decodes from it (an alias's target, a map with its merge keys applied). Children are
        /// shared with the original; they are copied in turn if an edit goes deeper.
        /// </summary>
        public static Node Owned(Node node)
        {
            var resolved = node.Resolved;
            var isMap = resolved.IsMapping;
            if (ReferenceEquals(node, resolved) && !resolved.Shared && !(isMap && Maps.HasMerge(resolved)))
            {
                return node;
            }

            if (resolved.IsScalar)
            {
                return Node.Scalar(resolved.Value, resolved.Style, resolved.Line);
            }

            if (resolved.IsSequence)
            {
                var list = Node.Sequence(resolved.Flow, resolved.Line);
                list.Children.AddRange(resolved.Children);
                return list;
            }

            var map = Node.Mapping(resolved.Flow, resolved.Line);
            foreach (var pair in Maps.Effective(resolved).Values)
            {
                map.Children.Add(pair.Key);
                map.Children.Add(pair.Value);
            }

            return map;
        }

        /// <summary>Replaces the value of the last <paramref name="key"/> pair, or appends one.</summary>
        public static void Set(Node map, string key, Node value)
        {
            var index = LastIndexOf(map, key);
            if (index >= 0)
            {
                map.Children[index + 1] = value;
                return;
            }

            map.Children.Add(Node.Scalar(key, ScalarStyle.Plain));
            map.Children.Add(value);
        }

        /// <summary>Removes every <paramref name="key"/> pair.</summary>
        public static void Remove(Node map, string key)
        {
            for (var index = LastIndexOf(map, key); index >= 0; index = LastIndexOf(map, key))
            {
                map.Children.RemoveRange(index, 2);
            }
        }

        private static int LastIndexOf(Node map, string key)
        {
            for (var i = map.Children.Count - 2; i >= 0; i -= 2)
            {
                var k = map.Children[i].Resolved;
                if (k.IsScalar && Maps.KeyText(k) == key && !Maps.IsMergeKey(k))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
