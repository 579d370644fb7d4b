using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ICSharpCode.SharpZipLib.GZip;
using ICSharpCode.SharpZipLib.Tar;

namespace KubeLab.Tools
{
    /// <summary>Copies one named file out of a .tar.gz (kustomize ships its binary that way).</summary>
    internal static class TarGzEntry
    {
        public static Task CopyAsync(Stream archive, string entryName, Stream target, string archiveDescription, CancellationToken cancellationToken)
        {
            try
            {
                using (var gzip = new GZipInputStream(archive) { IsStreamOwner = false })
                using (var tar = new TarInputStream(gzip, Encoding.UTF8) { IsStreamOwner = false })
                {
                    TarEntry? entry;
                    while ((entry = tar.GetNextEntry()) != null)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name.Substring(2) : entry.Name;
                        if (!entry.IsDirectory && name == entryName)
                        {
                            tar.CopyEntryContents(target);
                            return Task.CompletedTask;
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is ICSharpCode.SharpZipLib.SharpZipBaseException || ex is EndOfStreamException)
            {
                throw new ToolInstallException(ToolInstallError.InvalidArchive, $"{archiveDescription} is not a readable tar.gz: {ex.Message}", ex);
            }

            throw new ToolInstallException(ToolInstallError.InvalidArchive, $"{archiveDescription} has no '{entryName}' entry.");
        }
    }
}
