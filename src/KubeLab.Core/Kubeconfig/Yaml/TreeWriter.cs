using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>
    /// Writes a <see cref="Node"/> tree back as YAML through YamlDotNet's emitter, walking with an explicit stack (the
    /// emitter itself is a state machine), keeping styles, tags, anchors and aliases. An alias whose anchor is not in
    /// force where it is written (its node was edited away, or an edit copied it earlier) is written as the node itself,
    /// anchor included, so the file always reads back to the same values.
    /// </summary>
    internal static class TreeWriter
    {
        public static string Write(Node root)
        {
            var writer = new StringWriter { NewLine = "\n" };
            var emitter = new Emitter(writer);
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart(null, null, true));
            var inForce = new Dictionary<string, Node>(StringComparer.Ordinal);
            var work = new Stack<(Node Node, bool Close)>();
            work.Push((root, false));
            while (work.Count > 0)
            {
                var (node, close) = work.Pop();
                if (close)
                {
                    emitter.Emit(node.IsSequence ? (ParsingEvent)new SequenceEnd() : new MappingEnd());
                    continue;
                }

                if (node.Kind == NodeKind.Alias)
                {
                    if (inForce.TryGetValue(node.Value, out var bound) && ReferenceEquals(bound, node.Target))
                    {
                        emitter.Emit(new AnchorAlias(new AnchorName(node.Value)));
                        continue;
                    }

                    node = node.Target!;
                }
                else if (node.Anchor != null && inForce.TryGetValue(node.Anchor, out var written) && ReferenceEquals(written, node))
                {
                    // Already written once (an edit put a copy earlier): refer to it instead of defining it twice.
                    emitter.Emit(new AnchorAlias(new AnchorName(node.Anchor)));
                    continue;
                }

                var anchor = AnchorName.Empty;
                if (node.Anchor != null)
                {
                    anchor = new AnchorName(node.Anchor);
                    inForce[node.Anchor] = node;
                }

                var tag = node.Tag != null ? new TagName(node.Tag) : TagName.Empty;
                switch (node.Kind)
                {
                    case NodeKind.Scalar:
                        // YamlDotNet writes an empty plain scalar as '' (a string); a plain empty value is a null, so it is written as one.
                        var value = node.Value.Length == 0 && node.Tag == null && (node.Style == ScalarStyle.Plain || node.Style == ScalarStyle.Any) ? "null" : node.Value;
                        emitter.Emit(new Scalar(anchor, tag, value, node.Style, node.Tag == null, node.Tag == null));
                        break;
                    case NodeKind.Sequence:
                        emitter.Emit(new SequenceStart(anchor, tag, node.Tag == null, node.Flow ? SequenceStyle.Flow : SequenceStyle.Block));
                        PushChildren(work, node);
                        break;
                    default:
                        emitter.Emit(new MappingStart(anchor, tag, node.Tag == null, node.Flow ? MappingStyle.Flow : MappingStyle.Block));
                        PushChildren(work, node);
                        break;
                }
            }

            emitter.Emit(new DocumentEnd(true));
            emitter.Emit(new StreamEnd());
            return writer.ToString();
        }

        private static void PushChildren(Stack<(Node, bool)> work, Node node)
        {
            work.Push((node, true));
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                work.Push((node.Children[i], false));
            }
        }
    }
}
