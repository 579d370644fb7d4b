using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// Temp files a KubeLab writer left beside a kubeconfig when it was killed between writing and renaming (AtomicFile
    /// names them ".&lt;file&gt;.kubelab-&lt;12 hex&gt;.tmp"). Every KubeLab write of a kubeconfig happens under its
    /// &lt;file&gt;.lock, so while the caller holds that lock no live writer can own such a file: whoever wrote it is gone.
    /// Files of any other name are never touched.
    /// </summary>
    internal static class KubeConfigTempFiles
    {
        /// <summary>Call only while holding the locks of <paramref name="files"/>.</summary>
        public static void RemoveAbandoned(IEnumerable<string> files, IOperationLog log)
        {
            foreach (var file in files)
            {
                var folder = Path.GetDirectoryName(file);
                var name = Path.GetFileName(file);
                if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
                {
                    continue;
                }

                var ours = new Regex("^" + Regex.Escape("." + name + ".kubelab-") + "[0-9a-f]{12}" + Regex.Escape(".tmp") + "$", RegexOptions.CultureInvariant);
                foreach (var candidate in Directory.EnumerateFiles(folder!, "." + name + ".kubelab-*.tmp"))
                {
                    if (!ours.IsMatch(Path.GetFileName(candidate)))
                    {
                        continue;
                    }

                    try
                    {
                        File.Delete(candidate);
                        log.Verbose($"Removed {candidate}, left by a KubeLab writer that was stopped before it finished");
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        // Best effort: a leftover is only clutter, the edit itself must go on.
                    }
                }
            }
        }
    }
}
