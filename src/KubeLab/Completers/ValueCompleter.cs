using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeLab.Infrastructure;

namespace KubeLab.Completers
{
    /// <summary>
    /// The shape every KubeLab completer shares: values from local state or a short list (never the network, so
    /// Tab never waits), filtered by what is typed, quoted when needed. It always answers with a list, even an
    /// empty one: PowerShell falls back to file names only when a completer answers null or throws, and file
    /// names are wrong for a version, a profile or a hash. Parameters that are paths carry no completer.
    /// </summary>
    public abstract class ValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = WildcardPattern.Get(typed + "*", WildcardOptions.IgnoreCase);
            List<string> values;
            try
            {
                values = Values(commandName, parameterName, fakeBoundParameters ?? new Hashtable()).ToList();
            }
            catch (Exception)
            {
                // Tab completion must never throw at the user (nor fall back to file names).
                values = new List<string>();
            }

            return values
                .Where(value => !string.IsNullOrEmpty(value) && pattern.IsMatch(value))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(value => new CompletionResult(Quote(value), value, CompletionResultType.ParameterValue, value))
                .ToList();
        }

        protected abstract IEnumerable<string> Values(string commandName, string parameterName, IDictionary boundParameters);

        /// <summary>KubeLab's services as a cmdlet gets them, logging nothing and resolving paths as the cmdlet would.</summary>
        protected static ServiceFactory LocalServices() => new ServiceFactory(NullOperationLog.Instance, ResolveAgainstLocation);

        /// <summary>A bound string (or the strings of a bound list) from the command line being completed.</summary>
        protected static IEnumerable<string> Bound(IDictionary boundParameters, string name) =>
            boundParameters[name] switch
            {
                string one => new[] { one },
                IEnumerable many => many.Cast<object>().Select(item => item?.ToString() ?? string.Empty),
                _ => Enumerable.Empty<string>(),
            };

        // Completion runs on the pipeline thread, so a script block invoked here sees the session's current
        // location (created per call: a script block binds to the runspace it first runs in).
        private const string ResolveScript = "param($p) $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($p)";

        /// <summary>
        /// A typed path made absolute the way the cmdlet will resolve it: against PowerShell's current location
        /// (and ~ expanded), not the process directory.
        /// </summary>
        protected static string ResolveAgainstLocation(string path)
        {
            try
            {
                return ScriptBlock.Create(ResolveScript).Invoke(path).Select(result => result?.BaseObject as string).FirstOrDefault() ?? path;
            }
            catch (Exception)
            {
                return path;
            }
        }

        private static string Quote(string value) =>
            value.Any(c => char.IsWhiteSpace(c) || "'\"$`;(){}@,|&<>#".IndexOf(c) >= 0) ? "'" + value.Replace("'", "''") + "'" : value;
    }

    /// <summary>
    /// Free text with nothing local to offer (a hash, a key fingerprint, a new name, a command for the node): no
    /// values, and no file names.
    /// </summary>
    public sealed class NoValueCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(string commandName, string parameterName, IDictionary boundParameters) =>
            Enumerable.Empty<string>();
    }
}
