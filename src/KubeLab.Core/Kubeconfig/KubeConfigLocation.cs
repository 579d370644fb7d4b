using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KubeLab.Processes;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// Which files make up the kubeconfig, following client-go: an explicit file, else every KUBECONFIG
    /// entry, else ~/.kube/config; and which file receives new entries (GetDefaultFilename).
    /// </summary>
    public sealed class KubeConfigLocation
    {
        private readonly IReadOnlyList<string> _variableFiles;

        private KubeConfigLocation(string? explicitFile, IReadOnlyList<string> variableFiles, string homeFile)
        {
            ExplicitFile = explicitFile;
            _variableFiles = variableFiles;
            HomeFile = homeFile;
            Precedence = explicitFile != null ? new[] { explicitFile }
                : variableFiles.Count > 0 ? variableFiles
                : new[] { homeFile };
        }

        /// <summary>The -Path file, like kubectl --kubeconfig; null when the chain is used.</summary>
        public string? ExplicitFile { get; }

        /// <summary>Loading precedence: the explicit file alone, or the KUBECONFIG chain, or ~/.kube/config.</summary>
        public IReadOnlyList<string> Precedence { get; }

        /// <summary>
        /// Every file a name is looked up in, in loading order, for messages ("/a/config, /b/config"). A not-found
        /// error names them all: naming only the first one sent users to a file that was never the problem.
        /// </summary>
        public string SearchedFiles => string.Join(", ", Precedence);

        /// <summary>
        /// Where new entries and a new current-context are written. Evaluated on each access because, like
        /// client-go, it depends on which KUBECONFIG files exist right now.
        /// </summary>
        public string DefaultFile
        {
            get
            {
                if (ExplicitFile != null)
                {
                    return ExplicitFile;
                }

                if (_variableFiles.Count == 0)
                {
                    return HomeFile;
                }

                return _variableFiles.Count == 1
                    ? _variableFiles[0]
                    : _variableFiles.FirstOrDefault(File.Exists) ?? _variableFiles[_variableFiles.Count - 1];
            }
        }

        /// <summary>True when the files come from KUBECONFIG (not an explicit file, not ~/.kube/config).</summary>
        internal bool FromVariable => ExplicitFile == null && _variableFiles.Count > 0;

        /// <summary>~/.kube/config for this home directory (client-go RecommendedHomeFile).</summary>
        internal string HomeFile { get; }

        /// <summary>From this process's KUBECONFIG and home directory.</summary>
        public static KubeConfigLocation Resolve(string? explicitPath) =>
            Resolve(explicitPath, Environment.GetEnvironmentVariable("KUBECONFIG"), HomeDirectory.Find(), Path.PathSeparator);

        /// <summary>From given values, so tests need not touch the process environment.</summary>
        public static KubeConfigLocation Resolve(string? explicitPath, string? kubeconfigVariable, string homeDirectory, char listSeparator)
        {
            var homeFile = Path.GetFullPath(Path.Combine(homeDirectory, ".kube", "config"));
            if (!string.IsNullOrEmpty(explicitPath))
            {
                return new KubeConfigLocation(Path.GetFullPath(explicitPath), new string[0], homeFile);
            }

            // Like filepath.SplitList + deduplicate; empty entries are skipped (client-go skips them when loading).
            // Paths are made absolute first so "a" and "./a" are one file and one lock.
            var files = (kubeconfigVariable ?? "")
                .Split(listSeparator)
                .Where(entry => entry.Length > 0)
                .Select(Path.GetFullPath)
                .Distinct(PathComparer)
                .ToArray();
            return new KubeConfigLocation(null, files, homeFile);
        }

        /// <summary>
        /// An explicit file must exist (kubectl --kubeconfig reads it as required). KubeLab also refuses to create one on
        /// an edit, where kubectl would: -Path names a file the user expects to be there, so a typo must not make a new one.
        /// </summary>
        internal void EnsureExplicitFileExists()
        {
            if (ExplicitFile != null && !File.Exists(ExplicitFile))
            {
                throw new KubeConfigException(KubeConfigErrorKind.NotFound, $"The kubeconfig file {ExplicitFile} does not exist.", ExplicitFile);
            }
        }

        internal static StringComparer PathComparer =>
            Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
    }
}
