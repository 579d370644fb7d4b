using System;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Processes;
using KubeLab.Releases;

namespace KubeLab.Tools
{
    /// <summary>Asks an installed binary its version with the tool's own version command.</summary>
    public sealed class ToolVersionProbe
    {
        private readonly ICommandRunner _runner;
        private readonly TimeSpan _timeout;

        /// <param name="timeout">How long one version command may run (default 30 s): a file that hangs is not that tool.</param>
        public ToolVersionProbe(ICommandRunner runner, TimeSpan? timeout = null)
        {
            _runner = runner;
            _timeout = timeout ?? TimeSpan.FromSeconds(30);
        }

        /// <summary>The version, or null when no query gave one (the file is not that tool, or cannot run here).</summary>
        public async Task<ToolVersion?> GetVersionAsync(ToolRelease tool, string path, CancellationToken cancellationToken)
        {
            foreach (var query in tool.VersionQueries)
            {
                CommandResult result;
                using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    limit.CancelAfter(_timeout);
                    try
                    {
                        result = await _runner.RunAsync(new CommandSpec(path, query.Arguments), limit.Token).ConfigureAwait(false);
                    }
                    catch (ProgramNotFoundException)
                    {
                        return null;
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return null;
                    }
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
