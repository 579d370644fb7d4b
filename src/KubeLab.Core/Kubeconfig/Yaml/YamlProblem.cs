using System;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>Why go-yaml (and so kubectl) refuses a document, in its own words, with the line when there is one.</summary>
    internal sealed class YamlProblem : Exception
    {
        public YamlProblem(string reason, int line, int charIndex = -1)
            : base(reason)
        {
            Line = line;
            CharIndex = charIndex;
        }

        /// <summary>1-based; 0 when the problem has no single line (e.g. the whole document aliases too much).</summary>
        public int Line { get; }

        /// <summary>Where the parser stopped, in characters of the decoded text; -1 when not from the parser.</summary>
        public int CharIndex { get; }
    }
}
