using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>
    /// YamlDotNet's scanner (YAML 1.2), plus the rules of go-yaml's scanner (libyaml, YAML 1.1) it does not apply, found
    /// by comparing both on damaged files:
    /// - outside flow collections a tab may not stand where a key could start (at the start of a line, or right after
    ///   "- ", "? " or a complex key's ":"): "found character that cannot start any token";
    /// - inside [ ] or { } a plain scalar ends at "?", so "a?b" there is an error;
    /// - a plain scalar never starts with an indicator such as "`", "@" or "%" (YamlDotNet allows some inside [ ]);
    /// - inside [ ] or { } two nodes need a "," between them, also after a quoted scalar;
    /// - inside [ ] or { } a ":" with no key before it ("{a: b, : c}") is an error;
    /// - inside [ ] or { } a ":" after a scalar that is not a key (an implicit key cannot span lines, so YamlDotNet
    ///   drops it, and then still takes the ":") is an error.
    /// Tabs can only matter in the whitespace between tokens, so only that is looked at.
    /// </summary>
    internal sealed class GoYamlScannerRules : IScanner
    {
        private readonly Scanner _scanner;
        private readonly SourceText _text;
        private Token? _checked;
        private int _checkedUpTo;
        private int _flowLevel;
        private bool _afterIndicator;
        private bool _complexKey;
        private bool _afterKey;
        private bool _afterScalarNotKey;
        private bool _afterNode;
        private readonly System.Collections.Generic.List<bool> _flowIsMapping = new System.Collections.Generic.List<bool>();

        public GoYamlScannerRules(SourceText text)
        {
            _text = text;
            _scanner = new Scanner(text.OpenReader(), skipComments: true);
        }

        public Mark CurrentPosition => _scanner.CurrentPosition;

        public Token? Current => _scanner.Current;

        public bool MoveNext() => Checked(_scanner.MoveNext());

        public bool MoveNextWithoutConsuming() => Checked(_scanner.MoveNextWithoutConsuming());

        public void ConsumeCurrent() => _scanner.ConsumeCurrent();

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool Checked(bool moved)
        {
            var token = _scanner.Current;
            if (!moved || token == null || ReferenceEquals(token, _checked))
            {
                return moved;
            }

            _checked = token;
            var start = (int)token.Start.Index;
            if (start > _checkedUpTo)
            {
                CheckGap(_checkedUpTo, start);
            }

            _checkedUpTo = System.Math.Max(_checkedUpTo, (int)token.End.Index);
            if (token is Scalar scalar)
            {
                CheckScalar(scalar, start);
            }

            if (token is Value && _flowLevel > 0 && _afterScalarNotKey)
            {
                throw new YamlProblem(ExpectedInFlow(), (int)token.Start.Line, start);
            }

            if (_flowLevel > 0 && token is Scalar empty && empty.Style == YamlDotNet.Core.ScalarStyle.Plain && empty.Start.Index == empty.End.Index)
            {
                // "{a: b, : c}": YamlDotNet puts an empty key there; go-yaml has no implicit empty nodes in flow collections.
                throw new YamlProblem("did not find expected node content", (int)token.Start.Line, start);
            }
            var isNode = token is Scalar || token is AnchorAlias || token is FlowMappingStart || token is FlowSequenceStart || token is Key;
            if (_flowLevel > 0 && _afterNode && isNode)
            {
                // "{a: 'b' c}": two nodes with no "," between them, which YamlDotNet lets pass after a quoted scalar.
                throw new YamlProblem(ExpectedInFlow(), (int)token.Start.Line, start);
            }

            _afterNode = token is Scalar || token is AnchorAlias;
            _afterScalarNotKey = (token is Scalar || token is AnchorAlias) && !_afterKey;
            _afterKey = token is Key;
            switch (token)
            {
                case FlowSequenceStart _:
                case FlowMappingStart _:
                    _flowLevel++;
                    _flowIsMapping.Add(token is FlowMappingStart);
                    break;
                case FlowSequenceEnd _:
                case FlowMappingEnd _:
                    _flowLevel--;
                    if (_flowIsMapping.Count > 0)
                    {
                        _flowIsMapping.RemoveAt(_flowIsMapping.Count - 1);
                    }

                    break;
                case Key _:
                    _complexKey = start < _text.Length && _text[start] == '?';
                    break;
            }

            _afterIndicator = token is BlockEntry || (token is Key && _complexKey) || (token is Value && _complexKey);
            return moved;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void CheckScalar(Scalar scalar, int start)
        {
            if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && start < _text.Length && ",[]{}#&*!|>'\"%@`".IndexOf(_text[start]) >= 0)
            {
                throw new YamlProblem("found character that cannot start any token", (int)scalar.Start.Line, start);
            }

            if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain)
            {
                CheckSwallowedValueIndicator(scalar, start);
            }

            if (_flowLevel > 0 && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain)
            {
                var end = System.Math.Min((int)scalar.End.Index, _text.Length);
                var question = _text.IndexOf('?', start + 1, end - start - 1);
                if (question > 0)
                {
                    throw new YamlProblem(ExpectedInFlow(), LineAt(question), question);
                }
            }
        }

        /// <summary>
        /// A plain scalar ends at ":" followed by a blank or a line break, in go-yaml as in YAML. YamlDotNet reads on past
        /// it after " *x" ("a *b: c" is one scalar to it), taking a file kubectl refuses. Where the scalar is a value
        /// ("key: a *b: c") go-yaml refuses with the words below; where it could be a key ("- a *b: c") go-yaml reads a
        /// map with the key "a *b", which YamlDotNet cannot give: KubeLab refuses that too, in its own words.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void CheckSwallowedValueIndicator(Scalar scalar, int start)
        {
            var end = System.Math.Min((int)scalar.End.Index, _text.Length);
            for (var i = _text.IndexOf(':', start, end - start); i >= 0; i = _text.IndexOf(':', i + 1, end - i - 1))
            {
                var next = i + 1 < _text.Length ? _text[i + 1] : ' ';
                if (next == ' ' || next == '\t' || next == '\n' || next == '\r')
                {
                    var line = LineAt(i);
                    if (_flowLevel == 0 && !StartsLine(start))
                    {
                        throw new YamlProblem("mapping values are not allowed in this context", line, i);
                    }

                    throw new YamlProblem(
                        "a plain key or value holds \": \" after \" *\", where YAML parsers disagree on where it ends: quote that text",
                        line,
                        i,
                        kubectlReadsIt: true);
                }
            }
        }

        /// <summary>Only blanks, or block-sequence dashes ("- - "), stand before this position on its line.</summary>
        private bool StartsLine(int index)
        {
            for (var i = index - 1; i >= 0; i--)
            {
                var c = _text[i];
                if (c == '\n' || c == '\r')
                {
                    return true;
                }

                if (c != ' ' && c != '-')
                {
                    return false;
                }
            }

            return true;
        }

        private string ExpectedInFlow() =>
            $"did not find expected ',' or '{(_flowIsMapping.Count > 0 && _flowIsMapping[_flowIsMapping.Count - 1] ? '}' : ']')}'";

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void CheckGap(int from, int to)
        {
            if (_flowLevel > 0)
            {
                // YamlDotNet skips a ":" right after "," ("{a: b,: c}"); to go-yaml it is a value with no key.
                var colon = _text.IndexOf(':', from, to - from);
                if (colon >= 0 && _text.IndexOf('#', from, colon - from) < 0)
                {
                    throw new YamlProblem("did not find expected node content", LineAt(colon), colon);
                }

                return;
            }

            var lineStart = from == 0 || _text[from - 1] == '\n' || _text[from - 1] == '\r';
            var afterIndicator = _afterIndicator;
            for (var i = from; i < to; i++)
            {
                var c = _text[i];
                if (c == '#')
                {
                    while (i + 1 < to && _text[i + 1] != '\n' && _text[i + 1] != '\r')
                    {
                        i++;
                    }
                }
                else if (c == '\n' || c == '\r')
                {
                    lineStart = true;
                    afterIndicator = false;
                }
                else if (c == '\t' && (lineStart || afterIndicator))
                {
                    throw new YamlProblem("found character that cannot start any token", LineAt(i), i);
                }
                else if (c != ' ' && c != '\t')
                {
                    lineStart = false;
                    afterIndicator = false;
                }
            }
        }

        private int LineAt(int index)
        {
            var line = 1;
            for (var i = 0; i < index; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                }
            }

            return line;
        }
    }
}
