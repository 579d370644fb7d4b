using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeLab.Releases;

namespace KubeLab.Completers
{
    /// <summary>Completes -Name with the tools KubeLab installs (kubectl, kustomize, minikube, docker-compose).</summary>
    public sealed class ToolNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = AlreadyTyped(commandAst, wordToComplete ?? string.Empty);
            return ToolCatalog.Names
                .Where(n => n.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                .Where(n => !typed.Contains(n))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
        }

        /// <summary>
        /// Tool names already on the command line (`-Name kubectl, &lt;Tab&gt;` should not offer kubectl again). Read
        /// from the syntax tree: PowerShell does not bind the list being typed into fakeBoundParameters.
        /// </summary>
        private static HashSet<string> AlreadyTyped(CommandAst commandAst, string wordToComplete)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var element in commandAst.CommandElements.Skip(1))
            {
                foreach (var constant in element.FindAll(ast => ast is StringConstantExpressionAst, searchNestedScriptBlocks: false).Cast<StringConstantExpressionAst>())
                {
                    if (!string.Equals(constant.Value, wordToComplete, StringComparison.OrdinalIgnoreCase))
                    {
                        names.Add(constant.Value);
                    }
                }
            }

            return names;
        }
    }
}
