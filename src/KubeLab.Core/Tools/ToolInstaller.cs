using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.FileSystem;
using KubeLab.Processes;
using KubeLab.Releases;
using KubeLab.Downloads;
using KubeLab.Host;

namespace KubeLab.Tools
{
    /// <summary>
    /// Installs one tool: resolve the version, skip when already there, fetch the expected hash, stream the
    /// artifact into a temp file in the destination while hashing, verify, then rename over the old binary
    /// (extracting first when the artifact is a tar.gz), and finally ask the new binary its version.
    /// </summary>
    public sealed class ToolInstaller
    {
        private const int ExecutableMode = 0x1ED; // 0755

        private readonly Downloader _downloader;
        private readonly ToolVersionProbe _probe;
        private readonly IOperationLog _log;
        private readonly HostPlatform _platform;

        public ToolInstaller(Downloader downloader, ICommandRunner runner, IOperationLog log, HostPlatform? platform = null)
        {
            _downloader = downloader;
            _probe = new ToolVersionProbe(runner);
            _log = log;
            _platform = platform ?? HostPlatform.Current;
        }

        /// <summary>The result, or null when ShouldProcess declined (-WhatIf).</summary>
        public async Task<KubeLabTool?> InstallAsync(ToolInstallRequest request, IProgress<ToolInstallProgress>? progress, CancellationToken cancellationToken)
        {
            // Everything that can be checked without the network is checked first, so bad input changes nothing.
            var tool = ToolCatalog.Get(request.Name);
            var requested = request.Version == null ? null : ToolVersion.Parse(request.Version);
            if (request.Sha256 != null && !ChecksumFile.IsSha256(request.Sha256))
            {
                throw new ArgumentException($"-Sha256 '{request.Sha256}' is not a SHA-256 hash (64 hex digits).", nameof(request));
            }

            tool.EnsureSupported(_platform);
            var target = Path.Combine(request.Destination, tool.BinaryName);
            var present = File.Exists(target);
            if (request.RequireInstalled && !present)
            {
                throw new ToolInstallException(ToolInstallError.NotInstalled, $"{tool.Name} is not installed in {request.Destination}; use Install-KubeLabTool -Name {tool.Name} first.");
            }

            var version = requested ?? await tool.Latest.ResolveAsync(_downloader, cancellationToken).ConfigureAwait(false);
            var current = present ? await _probe.GetVersionAsync(tool, target, cancellationToken).ConfigureAwait(false) : null;
            var result = new KubeLabTool(tool.Name, request.Destination, target);
            if (version.Equals(current) && !request.Force)
            {
                _log.Verbose($"{target} is already {version}; nothing to download (use -Force to reinstall).");
                result.Installed = true;
                result.Version = current!.ToString();
                result.Status = ToolStatus.AlreadyInstalled;
                result.Sha256 = InstallRecords.HashFile(target);
                return result;
            }

            var action = !present ? $"Install {tool.Name} {version}"
                : current == null ? $"Replace {tool.Name} (version unknown) with {version}"
                : $"Replace {tool.Name} {current} with {version}";
            if (!request.ShouldProcess(target, action))
            {
                return null;
            }

            var artifact = tool.ArtifactFor(version, _platform);
            var expected = request.Sha256?.ToLowerInvariant() ?? await ExpectedHashAsync(artifact, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(request.Destination);

            Action<long, long?> report = (received, total) => progress?.Report(new ToolInstallProgress(tool.Name, version.ToString(), received, total, false));
            try
            {
                await PlaceAsync(artifact, target, expected, report, cancellationToken).ConfigureAwait(false);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ToolInstallException(ToolInstallError.DestinationNotWritable,
                    $"Cannot write {target}: {ex.Message} Run elevated, or choose a writable -Destination such as ~/.local/bin.", ex);
            }
            catch (IOException ex) when (!(ex is FileNotFoundException))
            {
                throw new ToolInstallException(ToolInstallError.DestinationNotWritable,
                    $"Cannot write {target}: {ex.Message} Free space or choose another -Destination; the previous file is unchanged.", ex);
            }
            finally
            {
                progress?.Report(new ToolInstallProgress(tool.Name, version.ToString(), 0, null, true));
            }

            // Uninstall compares the binary on disk with the record: for an archive (kustomize) that is the
            // extracted file, whose hash differs from the verified download's.
            var placedHash = artifact.ArchiveEntry == null ? expected : InstallRecords.HashFile(target);
            await new InstallRecords(request.Destination).SetAsync(new InstallRecord(tool.Name, placedHash, version.ToString(), _downloader.SourceOf(artifact.Url)), cancellationToken).ConfigureAwait(false);

            var installed = await _probe.GetVersionAsync(tool, target, cancellationToken).ConfigureAwait(false);
            if (installed == null)
            {
                throw new ToolInstallException(ToolInstallError.VersionCheckFailed,
                    $"{tool.Name} {version} was placed at {target} (SHA-256 verified) but does not report a version when run; check that it runs on this machine ({_platform}).");
            }

            if (!installed.Equals(version))
            {
                _log.Warning($"{target} reports {installed}, not the requested {version}: the release or mirror serves another build under this version.");
            }

            result.Installed = true;
            result.Version = installed.ToString();
            result.Sha256 = placedHash;
            result.Source = _downloader.SourceOf(artifact.Url);
            result.Status = present && !version.Equals(current) ? ToolStatus.Updated : ToolStatus.Installed;
            return result;
        }

        private async Task<string> ExpectedHashAsync(ReleaseArtifact artifact, CancellationToken cancellationToken)
        {
            var (content, url) = await ReadChecksumFileAsync(artifact, cancellationToken).ConfigureAwait(false);
            try
            {
                return ChecksumFile.FindHash(content, artifact.ChecksumFormat, artifact.AssetName, url.ToString());
            }
            catch (FormatException ex)
            {
                throw new ToolInstallException(ToolInstallError.ChecksumUnavailable, ex.Message + " Nothing was installed; fix the mirror or pass -Sha256.", ex);
            }
        }

        /// <summary>The checksum file from where upstream publishes it now, else from where it used to.</summary>
        private async Task<(string Content, Uri Url)> ReadChecksumFileAsync(ReleaseArtifact artifact, CancellationToken cancellationToken)
        {
            DownloadException? firstMiss = null;
            foreach (var url in new[] { artifact.ChecksumUrl }.Concat(artifact.OlderChecksumUrls))
            {
                try
                {
                    return (await _downloader.ReadTextAsync(url, cancellationToken).ConfigureAwait(false), url);
                }
                catch (DownloadException ex) when (ex.Failure == DownloadFailure.NotFound)
                {
                    firstMiss ??= ex;
                }
            }

            throw new ToolInstallException(ToolInstallError.ChecksumUnavailable,
                $"{firstMiss!.Message} Without a checksum nothing is installed; if the mirror has no checksum files, pass the expected hash with -Sha256.", firstMiss);
        }

        private Task PlaceAsync(ReleaseArtifact artifact, string target, string expected, Action<long, long?> report, CancellationToken cancellationToken)
        {
            if (artifact.ArchiveEntry == null)
            {
                return AtomicFile.WriteAsync(target, ExecutableMode, forceMode: true, async (stream, token) =>
                {
                    var content = await _downloader.DownloadAsync(artifact.Url, stream, report, token).ConfigureAwait(false);
                    Verify(artifact, content, expected); // before AtomicFile renames: a bad file never replaces the old one
                }, cancellationToken);
            }

            return PlaceFromArchiveAsync(artifact, target, expected, report, cancellationToken);
        }

        private async Task PlaceFromArchiveAsync(ReleaseArtifact artifact, string target, string expected, Action<long, long?> report, CancellationToken cancellationToken)
        {
            // The archive is kept on disk (not in memory) next to the target, and is hashed before it is opened.
            var archivePath = AtomicFile.TempPathBeside(Path.Combine(Path.GetDirectoryName(target)!, artifact.AssetName));
            try
            {
                using (var archive = new FileStream(archivePath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
                {
                    var content = await _downloader.DownloadAsync(artifact.Url, archive, report, cancellationToken).ConfigureAwait(false);
                    Verify(artifact, content, expected);
                    archive.Position = 0;
                    await AtomicFile.WriteAsync(target, ExecutableMode, forceMode: true,
                        (stream, token) => TarGzEntry.CopyAsync(archive, artifact.ArchiveEntry!, stream, artifact.AssetName, token), cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                File.Delete(archivePath);
            }
        }

        private void Verify(ReleaseArtifact artifact, DownloadedContent content, string expected)
        {
            if (!string.Equals(content.Sha256, expected, StringComparison.Ordinal))
            {
                throw new ToolInstallException(ToolInstallError.ChecksumMismatch,
                    $"SHA-256 of {artifact.AssetName} from {artifact.Url} is {content.Sha256}, expected {expected}. " +
                    "The file was discarded and nothing changed; the download or the mirror is corrupt, or the -Sha256 given is wrong.");
            }

            _log.Verbose($"SHA-256 of {artifact.AssetName} verified: {expected} ({content.Length} bytes).");
        }
    }
}
