using System;
using System.Collections.Generic;

namespace KubeLab.Releases
{
    /// <summary>
    /// kubectl from dl.k8s.io: bare binary, bare-hex .sha256, stable.txt. The checksum comes from /release/ like the
    /// binary (kubernetes.io's install page); dl.k8s.io also serves it without /release/, where older instructions
    /// fetched it, so a mirror holding only that copy still works.
    /// </summary>
    public sealed class KubectlRelease : ToolRelease
    {
        public override string Name => "kubectl";

        public override ILatestVersionRule Latest { get; } = new StableTextRule(new Uri("https://dl.k8s.io/release/stable.txt"));

        protected override IReadOnlyCollection<string> LinuxArchitectures { get; } = new[] { "amd64", "arm64" };

        public override IReadOnlyList<VersionQuery> VersionQueries { get; } = new[]
        {
            new VersionQuery(new[] { "version", "--client", "-o", "json" }, output => JsonVersionField.Read(output, "clientVersion", "gitVersion")),
        };

        protected override ReleaseArtifact CreateArtifact(ToolVersion version, string architecture) => new ReleaseArtifact(
            new Uri($"https://dl.k8s.io/release/{version}/bin/linux/{architecture}/kubectl"),
            "kubectl",
            new Uri($"https://dl.k8s.io/release/{version}/bin/linux/{architecture}/kubectl.sha256"),
            ChecksumFormat.HexOnly,
            olderChecksumUrls: new Uri($"https://dl.k8s.io/{version}/bin/linux/{architecture}/kubectl.sha256"));
    }
}
