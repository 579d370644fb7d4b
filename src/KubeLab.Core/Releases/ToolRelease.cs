using System;
using System.Collections.Generic;
using System.Linq;
using KubeLab.Host;

namespace KubeLab.Releases
{
    /// <summary>Where one tool's releases live upstream: artifact and checksum per version and platform, latest rule, version command.</summary>
    public abstract class ToolRelease
    {
        /// <summary>The name users type (kubectl, docker-compose ...).</summary>
        public abstract string Name { get; }

        /// <summary>The installed file name in the destination folder.</summary>
        public virtual string BinaryName => Name;

        public abstract ILatestVersionRule Latest { get; }

        /// <summary>Go-style architectures (amd64, arm64 ...) that upstream publishes for Linux.</summary>
        protected abstract IReadOnlyCollection<string> LinuxArchitectures { get; }

        /// <summary>Tried in order until one yields a version (JSON first, text as fallback where the JSON flag is newer than the tool).</summary>
        public abstract IReadOnlyList<VersionQuery> VersionQueries { get; }

        /// <summary>The artifact for this version and platform; unsupported platforms get a <see cref="PlatformNotSupportedException"/>.</summary>
        public ReleaseArtifact ArtifactFor(ToolVersion version, HostPlatform platform)
        {
            EnsureSupported(platform);
            return CreateArtifact(version, platform.Architecture);
        }

        /// <summary>Fails before any download when upstream publishes nothing for this platform.</summary>
        public void EnsureSupported(HostPlatform platform)
        {
            if (platform.Os != "linux" || !LinuxArchitectures.Contains(platform.Architecture))
            {
                throw new PlatformNotSupportedException(
                    $"{Name} is published for linux/{string.Join(", linux/", LinuxArchitectures)}; this machine is {platform}. " +
                    "Install it by hand or from your distribution's packages.");
            }
        }

        protected abstract ReleaseArtifact CreateArtifact(ToolVersion version, string architecture);

        public override string ToString() => Name;
    }
}
