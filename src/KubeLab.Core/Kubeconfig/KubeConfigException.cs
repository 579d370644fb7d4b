using System;

namespace KubeLab.Kubeconfig
{
    /// <summary>A kubeconfig failure with the file (and line) it concerns. Nothing was written when it is thrown.</summary>
    public sealed class KubeConfigException : Exception
    {
        public KubeConfigException(KubeConfigErrorKind kind, string message, string? file = null, int? line = null, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            File = file;
            Line = line;
        }

        public KubeConfigErrorKind Kind { get; }

        public string? File { get; }

        public int? Line { get; }
    }
}
