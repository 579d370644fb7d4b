namespace KubeLab.Host
{
    /// <summary>One check of Test-KubeLabHost: what the lab needs, what this machine has, and what to do about it.</summary>
    public sealed class HostCheck
    {
        public HostCheck(string check, string required, string actual, bool passed, string? advice, object? value = null, bool optional = false)
        {
            Check = check;
            Required = required;
            Actual = actual;
            Passed = passed;
            Advice = passed ? null : advice;
            Value = value;
            Optional = optional;
        }

        public string Check { get; }

        public string Required { get; }

        public string Actual { get; }

        public bool Passed { get; }

        /// <summary>What the failure means for the lab and what to do; null when passed.</summary>
        public string? Advice { get; }

        /// <summary>The measured figure itself (a count, bytes, true/false) for scripts; Actual is its text.</summary>
        public object? Value { get; }

        /// <summary>Informational: a failure here does not make the host unfit (-Quiet ignores it).</summary>
        public bool Optional { get; }
    }
}
