using System;
using System.Collections.Generic;

namespace KubeLab.Releases
{
    /// <summary>One way to ask a tool its version: the arguments and how to read the standard output.</summary>
    public sealed class VersionQuery
    {
        public VersionQuery(IReadOnlyList<string> arguments, Func<string, ToolVersion?> parse)
        {
            Arguments = arguments;
            Parse = parse;
        }

        public IReadOnlyList<string> Arguments { get; }

        /// <summary>Returns null when the output does not have the expected shape, so the next query is tried.</summary>
        public Func<string, ToolVersion?> Parse { get; }
    }
}
