using System;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>
    /// Why go-yaml (and so kubectl) refuses a document, in its own words, with the line when there is one; or, where
    /// <see cref="KubectlReadsIt"/>, why KubeLab alone refuses it (a documented difference).
    /// </summary>
    internal sealed class YamlProblem : Exception
    {
        public YamlProblem(string reason, int line, int charIndex = -1, bool kubectlReadsIt = false)
            : base(reason)
        {
            Line = line;
            CharIndex = charIndex;
            KubectlReadsIt = kubectlReadsIt;
        }

        /// <summary>True where kubectl reads the document and only KubeLab refuses it.</summary>
        public bool KubectlReadsIt { get; }

        /// <summary>1-based; 0 when the problem has no single line (e.g. the whole document aliases too much).</summary>
        public int Line { get; }

        /// <summary>Where the parser stopped, in characters of the decoded text; -1 when not from the parser.</summary>
        public int CharIndex { get; }
    }
}
