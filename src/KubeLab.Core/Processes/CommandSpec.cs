using System.Collections.Generic;
using System.Linq;

namespace KubeLab.Processes
{
    /// <summary>A program and its argument list: never a shell string, so no argument is ever re-parsed.</summary>
    public sealed class CommandSpec
    {
        public CommandSpec(string fileName, params string[] arguments)
            : this(fileName, (IEnumerable<string>)arguments)
        {
        }

        public CommandSpec(string fileName, IEnumerable<string> arguments)
        {
            FileName = fileName;
            Arguments = arguments.ToArray();
        }

        public string FileName { get; }

        public IReadOnlyList<string> Arguments { get; }

        public string? WorkingDirectory { get; set; }

        /// <summary>Variables to set (or, with a null value, to remove) for the child only.</summary>
        public IDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>();

        /// <summary>The command as a POSIX shell would need it typed, for -Verbose and error messages.</summary>
        public string Display => string.Join(" ", new[] { FileName }.Concat(Arguments).Select(ShellQuote));

        public override string ToString() => Display;

        private static string ShellQuote(string value)
        {
            if (value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || "-_./=:,+@%".IndexOf(c) >= 0))
            {
                return value;
            }

            return "'" + value.Replace("'", "'\\''") + "'";
        }
    }
}
