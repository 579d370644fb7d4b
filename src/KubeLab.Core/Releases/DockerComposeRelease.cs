using System;
using System.Collections.Generic;

namespace KubeLab.Releases
{
    /// <summary>
    /// Standalone docker-compose from GitHub: docker-compose-linux-ARCH with compose's own arch names
    /// (x86_64, aarch64 ...) and a per-asset .sha256 of the form "&lt;hash&gt; *&lt;asset&gt;".
    /// </summary>
    public sealed class DockerComposeRelease : ToolRelease
    {
        private static readonly IReadOnlyDictionary<string, string> ComposeArchitecture = new Dictionary<string, string>
        {
            ["amd64"] = "x86_64",
            ["arm64"] = "aarch64",
            ["ppc64le"] = "ppc64le",
            ["riscv64"] = "riscv64",
            ["s390x"] = "s390x",
        };

        public override string Name => "docker-compose";

        public override ILatestVersionRule Latest { get; } = new GitHubLatestReleaseRule("docker", "compose");

        protected override IReadOnlyCollection<string> LinuxArchitectures => (IReadOnlyCollection<string>)ComposeArchitecture.Keys;

        public override IReadOnlyList<VersionQuery> VersionQueries { get; } = new[]
        {
            new VersionQuery(new[] { "version", "--format", "json" }, output => JsonVersionField.Read(output, "version")),
        };

        protected override ReleaseArtifact CreateArtifact(ToolVersion version, string architecture)
        {
            var asset = "docker-compose-linux-" + ComposeArchitecture[architecture];
            var url = $"https://github.com/docker/compose/releases/download/{version}/{asset}";
            return new ReleaseArtifact(new Uri(url), asset, new Uri(url + ".sha256"), ChecksumFormat.HexOnly);
        }
    }
}
