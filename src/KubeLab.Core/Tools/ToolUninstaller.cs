using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Releases;

namespace KubeLab.Tools
{
    /// <summary>
    /// Removes a binary only when KubeLab placed it: the destination's <see cref="InstallRecords"/> names it and
    /// the file's SHA-256 still matches, so a package-managed or hand-replaced binary is never deleted.
    /// </summary>
    public sealed class ToolUninstaller
    {
        private readonly IOperationLog _log;

        public ToolUninstaller(IOperationLog log)
        {
            _log = log;
        }

        /// <summary>The tool as it was before removal (Installed false from now on); null when ShouldProcess declined.</summary>
        public async Task<KubeLabTool?> UninstallAsync(string name, string destination, Func<string, string, bool> shouldProcess, CancellationToken cancellationToken)
        {
            var tool = ToolCatalog.Get(name);
            var path = Path.Combine(destination, tool.BinaryName);
            var records = new InstallRecords(destination);
            var record = records.Find(tool.Name);
            if (!File.Exists(path))
            {
                throw new ToolInstallException(ToolInstallError.NotInstalled, $"{tool.Name} is not installed in {destination}.");
            }

            if (record == null)
            {
                throw new ToolInstallException(ToolInstallError.NotInstalledByKubeLab,
                    $"{path} was not installed by KubeLab ({records.Location} has no record of it); remove it with the tool that installed it.");
            }

            var actual = InstallRecords.HashFile(path);
            if (!string.Equals(actual, record.Sha256, StringComparison.Ordinal))
            {
                throw new ToolInstallException(ToolInstallError.NotInstalledByKubeLab,
                    $"{path} has changed since KubeLab installed {record.Version} (SHA-256 {actual}, recorded {record.Sha256}); it is left alone. Remove it by hand if you are sure.");
            }

            if (!shouldProcess(path, $"Remove {tool.Name} {record.Version}"))
            {
                return null;
            }

            File.Delete(path);
            await records.RemoveAsync(tool.Name, cancellationToken).ConfigureAwait(false);
            _log.Verbose($"Removed {path}.");
            return new KubeLabTool(tool.Name, destination, path) { Version = record.Version, Sha256 = record.Sha256, Installed = false };
        }
    }
}
