using System;
using KubeLab.Processes;
using KubeLab.Tools;
using KubeLab.Infrastructure;
using KubeLab.Downloads;

namespace KubeLab.Commands
{
    /// <summary>What every tool cmdlet does with -Destination and -Mirror before handing them to Core.</summary>
    public abstract class ToolCmdletBase : AsyncPSCmdlet
    {
        /// <summary>The folder as typed, made absolute against PowerShell's location; the default folder when not given.</summary>
        protected string ResolveDestination(string? destination) =>
            ToolDestination.Resolve(destination == null ? null : ResolvePath(destination), new SystemIdentity(new CliWrapCommandRunner(NullOperationLog.Instance)));

        /// <summary>The mirror from -Mirror or $env:KUBELAB_MIRROR; a folder given as a relative path is taken relative to PowerShell's location.</summary>
        protected DownloadMirror? ResolveMirror(string? mirror)
        {
            var isUri = mirror != null && Uri.TryCreate(mirror, UriKind.Absolute, out var uri) && !uri.IsFile;
            return DownloadMirror.FromParameterOrEnvironment(mirror == null || isUri ? mirror : ResolvePath(mirror));
        }
    }
}
