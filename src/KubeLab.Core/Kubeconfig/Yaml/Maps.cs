using System;
using System.Collections.Generic;
using YamlDotNet.Core;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>
    /// A mapping as go-yaml decodes it: pairs apply in order and a later key wins (duplicates are not an error), and a
    /// merge key ("&lt;&lt;: *base" or a list of maps) applies the merged maps at its place, the first map of a list winning.
    /// </summary>
    internal static class Maps
    {
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static bool IsMergeKey(Node key) =>
            key.IsScalar && key.Value == "<<"
            && ((key.Tag == null && (key.Style == ScalarStyle.Plain || key.Style == ScalarStyle.Any)) || key.Tag == "tag:yaml.org,2002:merge");

        /// <summary>The key as kubectl sees it: the text of a scalar (decoded for a !!binary key).</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static string KeyText(Node key) => YamlScalars.Decoded(key);

        /// <summary>The value decoded for <paramref name="key"/>, or null. The map must be a mapping (resolved).</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static Node? Get(Node map, string key)
        {
            var children = map.Children;
            var merges = false;
            for (var i = children.Count - 2; i >= 0; i -= 2)
            {
                var k = children[i].Resolved;
                if (k.IsScalar && KeyText(k) == key && !IsMergeKey(k))
                {
                    // Valid only if no merge after it could override; merges are rare, so check them only when present.
                    return merges ? Effective(map).TryGetValue(key, out var merged) ? merged.Value : null : children[i + 1];
                }

                merges |= IsMergeKey(k);
            }

            return merges && Effective(map).TryGetValue(key, out var value) ? value.Value : null;
        }

        /// <summary>True when the mapping has a merge key, so its decoded content differs from its pairs.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static bool HasMerge(Node map)
        {
            for (var i = 0; i < map.Children.Count; i += 2)
            {
                if (IsMergeKey(map.Children[i].Resolved))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Every decoded key with its key and value nodes, in first-seen order. Built with an explicit work list, as
        /// merged maps may themselves merge others.
        /// </summary>
        public static Dictionary<string, (Node Key, Node Value)> Effective(Node map)
        {
            var result = new Dictionary<string, (Node, Node)>(StringComparer.Ordinal);
            var work = new Stack<(Node Map, int Index)>();
            work.Push((map, 0));
            while (work.Count > 0)
            {
                var (current, index) = work.Pop();
                if (index >= current.Children.Count)
                {
                    continue;
                }

                work.Push((current, index + 2));
                var key = current.Children[index].Resolved;
                var value = current.Children[index + 1];
                if (IsMergeKey(key))
                {
                    var merged = value.Resolved;
                    if (merged.IsMapping)
                    {
                        work.Push((merged, 0));
                    }
                    else if (merged.IsSequence)
                    {
                        // Applied last to first, so the first map wins; pushed first to last so the last runs first.
                        foreach (var item in merged.Children)
                        {
                            if (item.Resolved.IsMapping)
                            {
                                work.Push((item.Resolved, 0));
                            }
                        }
                    }

                    continue;
                }

                if (key.IsScalar)
                {
                    result[KeyText(key)] = (current.Children[index], value);
                }
            }

            return result;
        }
    }
}
