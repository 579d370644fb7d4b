using System;
using System.Collections.Generic;
using System.IO;

namespace KubeLab.Infrastructure
{
    /// <summary>The allow-list of shipped third-party assemblies (Dependencies.txt, embedded), as the loader needs it.</summary>
    internal sealed class DependencyList
    {
        private DependencyList(HashSet<string> isolated, HashSet<string> shims)
        {
            Isolated = isolated;
            Shims = shims;
        }

        /// <summary>Loaded into KubeLab's private load context on PowerShell 7.</summary>
        public HashSet<string> Isolated { get; }

        /// <summary>Loaded from dependencies/ only when the runtime lacks them.</summary>
        public HashSet<string> Shims { get; }

        public static DependencyList Load()
        {
            var isolated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var shims = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using var stream = typeof(DependencyList).Assembly.GetManifestResourceStream("KubeLab.Dependencies.txt")
                ?? throw new InvalidOperationException("KubeLab.dll was built without its Dependencies.txt resource.");
            using var reader = new StreamReader(stream);
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                var parts = line.Trim().Split(new[] { ' ' }, 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2 || parts[0].StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                (parts[0] == "private" ? isolated : shims).Add(parts[1].Trim());
            }

            return new DependencyList(isolated, shims);
        }
    }
}
