using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>
    /// Builds the first document of a YAML text into a <see cref="Node"/> tree from YamlDotNet's parser events, with
    /// an explicit stack (no recursion, so no depth can overflow the .NET stack). go-yaml's scanner limits are applied
    /// while building: at most 10000 open flow collections and 10000 open block levels ("exceeded max depth of 10000").
    /// Only the first document counts, as in kubectl (sigs.k8s.io/yaml decodes one document); what follows "---" or
    /// "..." is neither parsed nor kept.
    /// </summary>
    internal sealed class TreeBuilder
    {
        /// <summary>go-yaml's max_flow_level and max_indents.</summary>
        public const int MaxScannerDepth = 10000;

        /// <summary>How many lines are re-indented for YamlDotNet before giving up (see Build).</summary>
        private const int MaxIndentRepairs = 20;

        private readonly Dictionary<string, Node> _anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        private readonly List<Open> _open = new List<Open>();
        private int _flowDepth;
        private int _blockDepth;

        private TreeBuilder()
        {
        }

        /// <summary>The document's root; null for a file with no document (empty, only comments, or only "---").</summary>
        public Node? Root { get; private set; }

        /// <summary>
        /// Character index of the "---" or "..." that ends the first document, or -1 when it runs to the end of the text.
        /// go-yaml never reads further than a few characters past it.
        /// </summary>
        public int EndMarkerIndex { get; private set; } = -1;

        /// <summary>Throws <see cref="YamlProblem"/> for anything go-yaml's parser refuses.</summary>
        public static TreeBuilder Build(SourceText text)
        {
            var repaired = false;
            for (var repairs = 0; ; repairs++)
            {
                var builder = new TreeBuilder();
                var scanner = new GoYamlScannerRules(text);
                var parser = new Parser(scanner);
                try
                {
                    builder.Run(parser, text);
                    return builder;
                }
                catch (Exception ex) when (repairs < MaxIndentRepairs && IsIndentationRefusal(ex))
                {
                    // YamlDotNet (YAML 1.2) refuses a line inside [ ] or { }, or inside a multi-line "..." string, that starts
                    // left of the enclosing block's indentation; go-yaml (YAML 1.1) ignores indentation there. Leading
                    // spaces on such a line mean nothing to either parser, so the line is indented past every indentation
                    // before it and the text parsed again.
                    var indented = SourceText.From(Indent(text.ToString(), (int)scanner.CurrentPosition.Line));
                    if (repaired)
                    {
                        text.Dispose();
                    }

                    text = indented;
                    repaired = true;
                }
                catch (YamlException ex) when (builder.Root != null && builder._open.Count == 0 && ex.Message.Contains("<document end>"))
                {
                    // libyaml and go-yaml end a document with its root node and read what follows as the next document,
                    // which kubectl never looks at; YamlDotNet wants a "---" first.
                    builder.EndMarkerIndex = (int)ex.Start.Index;
                    return builder;
                }
                catch (YamlException ex)
                {
                    // go-yaml places an unclosed [ or { at the line where it opened.
                    var words = Words(ex);
                    var flow = words.StartsWith("did not find expected ','", StringComparison.Ordinal) ? builder._open.FindLast(o => o.Node.Flow).Node : null;
                    throw new YamlProblem(words, flow?.Line ?? (int)ex.Start.Line, (int)ex.Start.Index);
                }
                catch (YamlProblem)
                {
                    throw;
                }
                catch (Exception ex) when (!(ex is OutOfMemoryException))
                {
                    throw builder.Unexpected(parser, text);
                }
            }
        }

        /// <summary>
        /// Indents the 1-based <paramref name="line"/> one space deeper than any line before it. Lines are counted as
        /// YamlDotNet counts them: CR LF, a lone CR or LF, NEL, LS and PS each end one.
        /// </summary>
        private static string Indent(string text, int line)
        {
            var index = 0;
            var deepest = 0;
            for (var current = 1; current < line; current++)
            {
                var spaces = 0;
                while (index + spaces < text.Length && text[index + spaces] == ' ')
                {
                    spaces++;
                }

                deepest = Math.Max(deepest, spaces);
                while (index < text.Length && !IsBreak(text[index]))
                {
                    index++;
                }

                if (index >= text.Length)
                {
                    return text;
                }

                index += text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1;
            }

            return text.Substring(0, index) + new string(' ', deepest + 1) + text.Substring(index);
        }

        private static bool IsBreak(char c) => c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';

        /// <summary>YamlDotNet's scanner throws a bare InvalidOperationException (its only one) for a flow line left of the block indentation.</summary>
        private static bool IsIndentationRefusal(Exception ex) =>
            ex is InvalidOperationException
            || (ex is SyntaxErrorException && ex.Message.Contains("multi-line double-quoted scalar, found wrong indentation"));

        private YamlProblem Unexpected(IParser parser, SourceText text)
        {
            var open = _open.Count > 0 ? _open[_open.Count - 1].Node : null;
            if (open != null && open.Flow)
            {
                return new YamlProblem($"did not find expected ',' or '{(open.IsMapping ? '}' : ']')}'", open.Line, text.Length);
            }

            var mark = parser.Current?.Start;
            return new YamlProblem("the YAML is malformed here", (int)(mark?.Line ?? 0), (int)(mark?.Index ?? text.Length));
        }

        /// <summary>YamlDotNet words its errors like libyaml ("While parsing a flow mapping, did not find expected ',' or '}'."); go-yaml keeps the last part.</summary>
        private static string Words(YamlException ex)
        {
            var message = ex.Message;
            var close = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(", StringComparison.Ordinal) && close > 0)
            {
                message = message.Substring(close + 3);
            }

            var comma = message.IndexOf(", ", StringComparison.Ordinal);
            if (message.StartsWith("While ", StringComparison.Ordinal) && comma > 0)
            {
                message = message.Substring(comma + 2);
            }

            return message.TrimEnd('.');
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void Run(IParser parser, SourceText text)
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return;
            }

            var start = parser.Consume<DocumentStart>();
            if (start.Version != null && (start.Version.Version.Major != 1 || start.Version.Version.Minor != 1))
            {
                throw new YamlProblem("found incompatible YAML document", (int)start.Start.Line, (int)start.Start.Index);
            }

            while (true)
            {
                var current = parser.Current ?? throw new YamlProblem("unexpected end of the YAML stream", 0, text.Length);
                if (current is DocumentEnd end)
                {
                    var at = (int)end.Start.Index;
                    var marker = at + 3 <= text.Length ? text.Substring(at, 3) : "";
                    EndMarkerIndex = marker == "---" || marker == "..." ? at : -1;
                    return;
                }

                Handle(current);
                if (!parser.MoveNext())
                {
                    throw new YamlProblem("unexpected end of the YAML stream", 0, text.Length);
                }
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void Handle(ParsingEvent e)
        {
            var line = (int)e.Start.Line;
            switch (e)
            {
                case Scalar scalar:
                    Add(Define(Node.Scalar(scalar.Value, scalar.Style, line), scalar.Anchor, scalar.Tag), e);
                    break;
                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new YamlProblem($"unknown anchor '{alias.Value.Value}' referenced", line, (int)e.Start.Index);
                    }

                    target.Shared = true;
                    Add(Node.Alias(alias.Value.Value, target, line), e);
                    break;
                case SequenceStart sequence:
                    OpenCollection(Node.Sequence(sequence.Style == SequenceStyle.Flow, line), sequence.Anchor, sequence.Tag, e);
                    break;
                case MappingStart mapping:
                    OpenCollection(Node.Mapping(mapping.Style == MappingStyle.Flow, line), mapping.Anchor, mapping.Tag, e);
                    break;
                case SequenceEnd _:
                case MappingEnd _:
                    var closed = _open[_open.Count - 1];
                    if (closed.Node.IsMapping && closed.Node.Children.Count % 2 == 1)
                    {
                        // YamlDotNet ends a block mapping after a lone ":" key ("   : Z" at the end of a file) and drops the
                        // value; go-yaml's parser refuses it at the value on that line, and its parser errors give the
                        // 0-based line (decode.go's fail(), so none at all on the first line).
                        var lone = closed.Node.Children[closed.Node.Children.Count - 1];
                        throw new YamlProblem("did not find expected key", lone.Line - 1, (int)e.Start.Index);
                    }

                    _open.RemoveAt(_open.Count - 1);
                    if (closed.Node.Flow)
                    {
                        _flowDepth--;
                    }
                    else if (closed.RollsIndent)
                    {
                        _blockDepth--;
                    }

                    break;
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void OpenCollection(Node node, AnchorName anchor, TagName tag, ParsingEvent e)
        {
            // The anchor is known from the start of the collection, as in go-yaml, so "&a [*a]" refers to itself (refused later).
            Add(Define(node, anchor, tag), e);
            var column = (int)e.Start.Column;
            bool rollsIndent;
            if (node.Flow)
            {
                rollsIndent = false;
                if (++_flowDepth > MaxScannerDepth)
                {
                    throw new YamlProblem($"exceeded max depth of {MaxScannerDepth}", (int)e.Start.Line, (int)e.Start.Index);
                }
            }
            else
            {
                // A block sequence at its parent key's column ("key:\n- a") adds no indentation level in go-yaml's scanner.
                var parent = _open.Count > 0 ? _open[_open.Count - 1] : (Open?)null;
                var indentless = node.IsSequence && parent.HasValue && parent.Value.Node.IsMapping && !parent.Value.Node.Flow && parent.Value.Column == column;
                rollsIndent = !indentless && (parent == null || !parent.Value.Node.Flow);
                if (rollsIndent && ++_blockDepth > MaxScannerDepth)
                {
                    throw new YamlProblem($"exceeded max depth of {MaxScannerDepth}", (int)e.Start.Line, (int)e.Start.Index);
                }
            }

            _open.Add(new Open(node, column, rollsIndent));
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private Node Define(Node node, AnchorName anchor, TagName tag)
        {
            if (!tag.IsEmpty)
            {
                node.Tag = tag.Value;
            }

            if (!anchor.IsEmpty)
            {
                // A later anchor of the same name replaces the earlier one for the aliases that follow (YAML and go-yaml).
                node.Anchor = anchor.Value;
                _anchors[anchor.Value] = node;
            }

            return node;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void Add(Node node, ParsingEvent e)
        {
            if (_open.Count == 0)
            {
                if (Root != null)
                {
                    throw new YamlProblem("more than one root node in the document", (int)e.Start.Line, (int)e.Start.Index);
                }

                Root = node;
                return;
            }

            _open[_open.Count - 1].Node.Children.Add(node);
        }

        private readonly struct Open
        {
            public Open(Node node, int column, bool rollsIndent)
            {
                Node = node;
                Column = column;
                RollsIndent = rollsIndent;
            }

            public Node Node { get; }

            public int Column { get; }

            public bool RollsIndent { get; }
        }
    }
}
