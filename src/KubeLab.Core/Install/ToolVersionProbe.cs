using System.Threading;
using System.Threading.Tasks;
using KubeLab.Core.Processes;
using KubeLab.Core.Releases;

namespace KubeLab.Core.Install
{
    /// <summary>Asks an installed binary its version with the tool's own version command.</summary>
    public sealed class ToolVersionProbe
    {
        private readonly ICommandRunner _runner;

        public ToolVersionProbe(ICommandRunner runner)
        {
            _runner = runner;
        }

        /// <summary>The version, or null when no query gave one (the file is not that tool, or cannot run here).</summary>
        public async Task<ToolVersion?> GetVersionAsync(ToolRelease tool, string path, CancellationToken cancellationToken)
        {
            foreach (var query in tool.VersionQueries)
            {
                CommandResult result;
                try
                {
                    result = await _runner.RunAsync(new CommandSpec(path, query.Arguments), cancellationToken).ConfigureAwait(false);
                }
                catch (CommandNotFoundException)
                {
                    return null;
                }

                var version = result.Succeeded ? query.Parse(result.StandardOutput) : null;
                if (version != null)
                {
                    return version;
                }
            }

            return null;
        }
    }
}
