using System;
using System.IO;
using System.Linq;

namespace KubeLab.Processes
{
    /// <summary>client-go's homedir.HomeDir(): HOME on Unix; on Windows the first candidate that already has a kubeconfig.</summary>
    public static class HomeDirectory
    {
        public static string Find()
        {
            var home = Environment.GetEnvironmentVariable("HOME");
            if (Path.DirectorySeparatorChar != '\\')
            {
                return string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home!;
            }

            var drive = Environment.GetEnvironmentVariable("HOMEDRIVE");
            var path = Environment.GetEnvironmentVariable("HOMEPATH");
            var drivePath = string.IsNullOrEmpty(drive) || string.IsNullOrEmpty(path) ? null : drive + path;
            var profile = Environment.GetEnvironmentVariable("USERPROFILE");

            // A folder that already holds .kube\config wins (HOMEDRIVE+HOMEPATH before USERPROFILE for compatibility) ...
            var withConfig = new[] { home, drivePath, profile }
                .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(Path.Combine(p, ".kube", "config")));
            if (withConfig != null)
            {
                return withConfig;
            }

            // ... else the first existing folder (USERPROFILE preferred, as other credential tools write there), else the first set.
            var candidates = new[] { home, profile, drivePath }.Where(p => !string.IsNullOrEmpty(p)).Select(p => p!).ToArray();
            return candidates.FirstOrDefault(Directory.Exists) ?? candidates.FirstOrDefault() ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }
    }
}
