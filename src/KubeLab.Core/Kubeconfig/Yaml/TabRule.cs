using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>
    /// YamlDotNet's scanner, plus the one tab rule of go-yaml's scanner it does not apply: outside flow collections a tab
    /// may not stand where a key could start (at the start of a line, or right after "- ", "? " or a complex key's ":"),
    /// because YAML indents with spaces only. go-yaml then stops with "found character that cannot start any token".
    /// The whitespace between tokens is the only place such a tab can be, so only that is looked at.
    /// </summary>
    internal sealed class TabRule : IScanner
    {
        private readonly Scanner _scanner;
        private readonly string _text;
        private Token? _checked;
        private int _checkedUpTo;
        private int _flowLevel;
        private bool _afterIndicator;
        private bool _complexKey;

        public TabRule(string text)
        {
            _text = text;
            _scanner = new Scanner(new StringReader(text), skipComments: true);
        }

        public Mark CurrentPosition => _scanner.CurrentPosition;

        public Token? Current => _scanner.Current;

        public bool MoveNext() => Checked(_scanner.MoveNext());

        public bool MoveNextWithoutConsuming() => Checked(_scanner.MoveNextWithoutConsuming());

        public void ConsumeCurrent() => _scanner.ConsumeCurrent();

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
            switch (token)
            {
                case FlowSequenceStart _:
                case FlowMappingStart _:
                    _flowLevel++;
                    break;
                case FlowSequenceEnd _:
                case FlowMappingEnd _:
                    _flowLevel--;
                    break;
                case Key _:
                    _complexKey = start < _text.Length && _text[start] == '?';
                    break;
            }

            _afterIndicator = token is BlockEntry || (token is Key && _complexKey) || (token is Value && _complexKey);
            return moved;
        }

        private void CheckGap(int from, int to)
        {
            if (_flowLevel > 0)
            {
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
