using System.Collections.Generic;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>
    /// Walks a document the way go-yaml v2's decoder does when sigs.k8s.io/yaml turns it into JSON for kubectl, and
    /// refuses what that refuses: excessive aliasing (decode.go's ratio of alias-expanded nodes to decoded nodes), an
    /// anchor that contains itself, map keys that are collections or null, merge keys that merge no map, scalars whose
    /// tag does not fit their value, NaN and infinities (JSON has none), and nesting deeper than encoding/json's 10000
    /// levels once aliases are expanded. The walk follows aliases, so it counts exactly the work go-yaml would do and
    /// stops as soon as go-yaml would; it uses an explicit stack, so no file can overflow the .NET stack.
    /// </summary>
    internal sealed class DecodeCheck
    {
        /// <summary>encoding/json's maxNestingDepth: kubectl's JSON step refuses deeper documents.</summary>
        public const int MaxJsonDepth = 10000;

        private const long AliasRatioRangeLow = 400000;
        private const long AliasRatioRangeHigh = 4000000;

        private readonly Stack<Frame> _work = new Stack<Frame>();
        private readonly HashSet<Node> _expanding = new HashSet<Node>();
        private long _decodes;
        private long _aliasDecodes;
        private int _aliasDepth;
        private int _depth;

        private DecodeCheck()
        {
        }

        private enum Step
        {
            Visit,
            VisitKey,
            VisitMerged,
            Merge,
            LeaveAlias,
            LeaveCollection,
        }

        /// <summary>Throws <see cref="YamlProblem"/> when kubectl could not decode the document rooted at <paramref name="root"/>.</summary>
        public static void Run(Node? root)
        {
            var check = new DecodeCheck();
            check._decodes = 1; // go-yaml counts the document node too
            if (root != null)
            {
                check.Walk(root);
            }
        }

        /// <summary>decode.go allowedAliasRatio: 99% for small documents, scaling down to 10% for very large ones.</summary>
        private static double AllowedAliasRatio(long decodes) =>
            decodes <= AliasRatioRangeLow ? 0.99
            : decodes >= AliasRatioRangeHigh ? 0.10
            : 0.99 - (0.89 * ((decodes - AliasRatioRangeLow) / (double)(AliasRatioRangeHigh - AliasRatioRangeLow)));

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void Walk(Node root)
        {
            _work.Push(new Frame(Step.Visit, root));
            while (_work.Count > 0)
            {
                var frame = _work.Pop();
                switch (frame.Step)
                {
                    case Step.Visit:
                        Visit(frame.Node, inline: false);
                        break;
                    case Step.VisitMerged:
                        Visit(frame.Node, inline: true);
                        break;
                    case Step.VisitKey:
                        CheckKey(frame.Node);
                        Visit(frame.Node, inline: false);
                        break;
                    case Step.Merge:
                        Merge(frame.Node);
                        break;
                    case Step.LeaveAlias:
                        _expanding.Remove(frame.Node);
                        _aliasDepth--;
                        break;
                    case Step.LeaveCollection:
                        _depth--;
                        break;
                }
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void Visit(Node node, bool inline)
        {
            _decodes++;
            if (_aliasDepth > 0)
            {
                _aliasDecodes++;
            }

            if (_aliasDecodes > 100 && _decodes > 1000 && (double)_aliasDecodes / _decodes > AllowedAliasRatio(_decodes))
            {
                throw new YamlProblem("document contains excessive aliasing", 0);
            }

            switch (node.Kind)
            {
                case NodeKind.Alias:
                    if (!_expanding.Add(node))
                    {
                        throw new YamlProblem($"anchor '{node.Value}' value contains itself", node.Line);
                    }

                    _aliasDepth++;
                    _work.Push(new Frame(Step.LeaveAlias, node));
                    _work.Push(new Frame(inline ? Step.VisitMerged : Step.Visit, node.Target!));
                    break;
                case NodeKind.Scalar:
                    if (YamlScalars.DecodeProblem(node) is string problem)
                    {
                        throw new YamlProblem(problem, node.Line);
                    }

                    break;
                case NodeKind.Sequence:
                    Enter(node);
                    for (var i = node.Children.Count - 1; i >= 0; i--)
                    {
                        _work.Push(new Frame(Step.Visit, node.Children[i]));
                    }

                    break;
                case NodeKind.Mapping:
                    // A merged map decodes into the map that merges it: no level of its own.
                    if (!inline)
                    {
                        Enter(node);
                    }

                    for (var i = node.Children.Count - 2; i >= 0; i -= 2)
                    {
                        if (Maps.IsMergeKey(node.Children[i].Resolved))
                        {
                            _work.Push(new Frame(Step.Merge, node.Children[i + 1]));
                        }
                        else
                        {
                            _work.Push(new Frame(Step.Visit, node.Children[i + 1]));
                            _work.Push(new Frame(Step.VisitKey, node.Children[i]));
                        }
                    }

                    break;
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void Enter(Node node)
        {
            if (++_depth > MaxJsonDepth)
            {
                throw new YamlProblem($"json: exceeded max depth of {MaxJsonDepth} nested lists and maps", node.Line);
            }

            _work.Push(new Frame(Step.LeaveCollection, node));
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static void CheckKey(Node key)
        {
            var resolved = key.Resolved;
            if (!resolved.IsScalar)
            {
                throw new YamlProblem($"invalid map key: a {(resolved.IsSequence ? "list" : "map")} cannot be a key", key.Line);
            }

            if (YamlScalars.IsNull(resolved) && YamlScalars.DecodeProblem(resolved) == null)
            {
                throw new YamlProblem("unsupported map key: a null key (e.g. ~ or an empty key) cannot be a key", key.Line);
            }
        }

        /// <summary>decode.go merge: a map, an alias of a map, or a list of those, applied last to first.</summary>
        private void Merge(Node value)
        {
            var resolved = value.Resolved;
            if (resolved.IsMapping)
            {
                _work.Push(new Frame(Step.VisitMerged, value));
                return;
            }

            if (value.Kind == NodeKind.Sequence)
            {
                foreach (var item in value.Children)
                {
                    if (!item.Resolved.IsMapping)
                    {
                        throw MergeProblem(item);
                    }

                    _work.Push(new Frame(Step.VisitMerged, item));
                }

                return;
            }

            throw MergeProblem(value);
        }

        private static YamlProblem MergeProblem(Node at) => new YamlProblem("map merge requires map or sequence of maps as the value", at.Line);

        private readonly struct Frame
        {
            public Frame(Step step, Node node)
            {
                Step = step;
                Node = node;
            }

            public Step Step { get; }

            public Node Node { get; }
        }
    }
}
