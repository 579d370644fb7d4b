using System.Collections.Generic;
using YamlDotNet.Core;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>
    /// Reads the plain, block-style YAML that kubectl, minikube and cloud CLIs write (one "key: value" or "- item" per
    /// line, plain or simply quoted scalars, "{}" and "[]"), several times faster than YamlDotNet's scanner, which
    /// spends most of a cold read on character-by-character lookahead through certificate data. It returns exactly the
    /// tree <see cref="TreeBuilder"/> would build, or null as soon as the text leaves that small subset (flow
    /// collections, anchors, tags, block or multi-line scalars, escapes, comments after content, tabs, CR, non-ASCII,
    /// document markers, odd indentation, empty values...): <see cref="TreeBuilder"/> then parses the whole text with
    /// every go-yaml rule, so whatever this reader cannot vouch for is decided by the full parser. A test compares both
    /// on every fuzz and hostile case.
    /// </summary>
    internal sealed class PlainBlockReader
    {
        /// <summary>Beyond this nesting the full parser (with go-yaml's depth limits) takes over; kubeconfigs nest about 6 deep.</summary>
        private const int MaxDepth = 64;

        /// <summary>libyaml and go-yaml refuse a simple key longer than 1024 characters; longer keys go to the full parser.</summary>
        private const int MaxKeyLength = 1024;

        /// <summary>Characters that cannot start a plain scalar here (YAML indicators); such a scalar goes to the full parser.</summary>
        private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

        private readonly char[] _text;
        private readonly int _length;
        private readonly List<Open> _open = new List<Open>();
        private Node? _root;
        private int _position;
        private int _line;

        /// <summary>The mapping whose last key has no value on its line (a block on the next lines, or an empty value), or null.</summary>
        private Node? _pendingKeyOwner;
        private int _pendingKeyColumn;
        private int _pendingKeyLine;

        private PlainBlockReader(SourceText text)
        {
            _text = text.Buffer;
            _length = text.Length;
        }

        /// <summary>The document's root, or null when the text is not in the subset this reader vouches for.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static Node? TryRead(SourceText text)
        {
            var reader = new PlainBlockReader(text);
            return reader.ReadAll() ? reader._root : null;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool ReadAll()
        {
            while (_position < _length)
            {
                _line++;
                var lineStart = _position;
                var end = LineEnd(lineStart);
                var indent = lineStart;
                while (indent < end && _text[indent] == ' ')
                {
                    indent++;
                }

                _position = end + 1;
                if (indent == end)
                {
                    continue; // blank line
                }

                if (_text[indent] == '#')
                {
                    if (!IsPlainAscii(indent, end))
                    {
                        return false;
                    }

                    continue; // comment line
                }

                if (!ContentLine(indent - lineStart, indent, end))
                {
                    return false;
                }
            }

            EndEmptyValue();
            return _root != null;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool ContentLine(int column, int start, int end)
        {
            if (column == 0 && IsDocumentMarker(start, end))
            {
                return false;
            }

            var isItem = IsItem(start, end);
            if (_pendingKeyOwner != null)
            {
                var owner = _pendingKeyOwner;
                if (isItem && column >= _pendingKeyColumn)
                {
                    // "key:" then "- item" at the key's column (kubectl's style) or deeper.
                    _pendingKeyOwner = null;
                    return Push(Node.Sequence(false, _line), column, owner) && Item(column, start, end);
                }

                if (!isItem && column > _pendingKeyColumn)
                {
                    _pendingKeyOwner = null;
                    return Push(Node.Mapping(false, _line), column, owner) && Entry(start, end);
                }

                EndEmptyValue();
            }

            if (_root == null)
            {
                if (column != 0)
                {
                    return false;
                }

                return isItem
                    ? Push(Node.Sequence(false, _line), column, null) && Item(column, start, end)
                    : Push(Node.Mapping(false, _line), column, null) && Entry(start, end);
            }

            while (_open.Count > 0)
            {
                var top = _open[_open.Count - 1];
                if (top.Column > column || (top.Column == column && top.Node.IsSequence && !isItem))
                {
                    _open.RemoveAt(_open.Count - 1);
                    continue;
                }

                if (top.Column < column)
                {
                    return false; // a continuation line, or indentation the full parser must judge
                }

                return top.Node.IsSequence ? Item(column, start, end) : !isItem && Entry(start, end);
            }

            return false; // content after the root node
        }

        /// <summary>"- " at <paramref name="start"/>: one sequence item, a scalar or a mapping whose first key is on this line.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool Item(int column, int start, int end)
        {
            var content = start + 1;
            while (content < end && _text[content] == ' ')
            {
                content++;
            }

            if (content == end || IsItem(content, end))
            {
                return false; // an empty item, or a sequence nested on the same line
            }

            var sequence = _open[_open.Count - 1].Node;
            if (KeyEnd(content, end) >= 0)
            {
                return Push(Node.Mapping(false, _line), column + (content - start), sequence) && Entry(content, end);
            }

            var value = Value(content, end);
            if (value == null)
            {
                return false;
            }

            sequence.Children.Add(value);
            return true;
        }

        /// <summary>"key: value" or "key:" in the innermost open mapping.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool Entry(int start, int end)
        {
            var colon = KeyEnd(start, end);
            if (colon < 0)
            {
                return false;
            }

            var open = _open[_open.Count - 1];
            open.Node.Children.Add(Node.Scalar(new string(_text, start, colon - start), ScalarStyle.Plain, _line));
            var valueStart = colon + 1;
            while (valueStart < end && _text[valueStart] == ' ')
            {
                valueStart++;
            }

            if (valueStart == end)
            {
                if (valueStart > colon + 1)
                {
                    return false; // "key: " with trailing spaces
                }

                _pendingKeyOwner = open.Node;
                _pendingKeyColumn = open.Column;
                _pendingKeyLine = _line;
                return true;
            }

            var value = Value(valueStart, end);
            if (value == null)
            {
                return false;
            }

            open.Node.Children.Add(value);
            return true;
        }

        /// <summary>The index of the ":" ending a plain key that starts at <paramref name="start"/>, or -1.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private int KeyEnd(int start, int end)
        {
            if (!StartsPlain(start, end))
            {
                return -1;
            }

            var limit = System.Math.Min(end, start + MaxKeyLength);
            for (var i = start; i < limit; i++)
            {
                var c = _text[i];
                if (c == ':' && (i + 1 == end || _text[i + 1] == ' '))
                {
                    return _text[i - 1] == ' ' ? -1 : i;
                }

                if (c < ' ' || c > '~' || (i > start && _text[i - 1] == ' ' && Indicators.IndexOf(c) >= 0))
                {
                    return -1; // also " #" (a comment) and " *x" or " &x" inside a key, which YamlDotNet scans its own way
                }
            }

            return -1;
        }

        /// <summary>A scalar or an empty flow collection filling the rest of the line, or null.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private Node? Value(int start, int end)
        {
            var first = _text[start];
            if (first == '"' || first == '\'')
            {
                // One quoted line without escapes ("" and '' only as the whole value): the text between the quotes.
                var close = start + 1;
                while (close < end && _text[close] != first && _text[close] != '\\' && _text[close] >= ' ' && _text[close] <= '~')
                {
                    close++;
                }

                return close == end - 1 && _text[close] == first
                    ? Node.Scalar(new string(_text, start + 1, close - start - 1), first == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, _line)
                    : null;
            }

            if (end - start == 2 && (first == '{' || first == '[') && _text[start + 1] == (first == '{' ? '}' : ']'))
            {
                return first == '{' ? Node.Mapping(true, _line) : Node.Sequence(true, _line);
            }

            if (!StartsPlain(start, end) || _text[end - 1] == ' ' || _text[end - 1] == ':')
            {
                return null;
            }

            for (var i = start; i < end; i++)
            {
                var c = _text[i];
                if (c < ' ' || c > '~' || (c == ' ' && (_text[i + 1] == '#' || _text[i - 1] == ':')))
                {
                    return null; // a control or non-ASCII character, a comment, or ": " (a mapping where none may start)
                }
            }

            return Node.Scalar(new string(_text, start, end - start), ScalarStyle.Plain, _line);
        }

        /// <summary>"key:" with nothing under it is an empty plain scalar, placed (as YamlDotNet does) on the key's line.</summary>
        private void EndEmptyValue()
        {
            if (_pendingKeyOwner != null)
            {
                _pendingKeyOwner.Children.Add(Node.Scalar("", ScalarStyle.Plain, _pendingKeyLine));
                _pendingKeyOwner = null;
            }
        }

        private bool Push(Node node, int column, Node? parent)
        {
            if (_open.Count >= MaxDepth)
            {
                return false;
            }

            if (parent == null)
            {
                _root = node;
            }
            else
            {
                parent.Children.Add(node);
            }

            _open.Add(new Open(node, column));
            return true;
        }

        private bool IsItem(int start, int end) => _text[start] == '-' && (start + 1 == end || _text[start + 1] == ' ');

        /// <summary>"---" or "..." followed by a blank or the line's end: a document marker (at column 0).</summary>
        private bool IsDocumentMarker(int start, int end) =>
            end - start >= 3 && (start + 3 == end || _text[start + 3] == ' ' || _text[start + 3] == '\t')
            && ((_text[start] == '-' && _text[start + 1] == '-' && _text[start + 2] == '-')
                || (_text[start] == '.' && _text[start + 1] == '.' && _text[start + 2] == '.'));

        /// <summary>A plain scalar may start with an indicator only in the case of "-" followed by a non-blank ("--flag").</summary>
        private bool StartsPlain(int start, int end) =>
            Indicators.IndexOf(_text[start]) < 0 || (_text[start] == '-' && start + 1 < end && _text[start + 1] != ' ');

        private int LineEnd(int start)
        {
            var end = System.Array.IndexOf(_text, '\n', start, _length - start);
            return end < 0 ? _length : end;
        }

        private bool IsPlainAscii(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (_text[i] < ' ' || _text[i] > '~')
                {
                    return false;
                }
            }

            return true;
        }

        private readonly struct Open
        {
            public Open(Node node, int column)
            {
                Node = node;
                Column = column;
            }

            public Node Node { get; }

            /// <summary>The column of the mapping's keys or of the sequence's "-".</summary>
            public int Column { get; }
        }
    }
}
