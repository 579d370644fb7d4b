using System;

namespace KubeLab.Releases
{
    /// <summary>One downloadable release file for one version and platform, with where its checksum lives.</summary>
    public sealed class ReleaseArtifact
    {
        public ReleaseArtifact(Uri url, string assetName, Uri checksumUrl, ChecksumFormat checksumFormat, string? archiveEntry = null, params Uri[] olderChecksumUrls)
        {
            OlderChecksumUrls = olderChecksumUrls;
            Url = url;
            AssetName = assetName;
            ChecksumUrl = checksumUrl;
            ChecksumFormat = checksumFormat;
            ArchiveEntry = archiveEntry;
        }

        /// <summary>The upstream URL; a mirror maps it, it is never rewritten here.</summary>
        public Uri Url { get; }

        /// <summary>The file name as it appears in checksum lists.</summary>
        public string AssetName { get; }

        public Uri ChecksumUrl { get; }

        public ChecksumFormat ChecksumFormat { get; }

        /// <summary>Where upstream used to publish the checksum: a mirror built from older instructions may hold it only there.</summary>
        public System.Collections.Generic.IReadOnlyList<Uri> OlderChecksumUrls { get; }

        /// <summary>For a .tar.gz: the entry that is the binary; null when the artifact is the binary itself.</summary>
        public string? ArchiveEntry { get; }
    }
}
