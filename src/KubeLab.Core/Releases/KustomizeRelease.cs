using System;
using System.Collections.Generic;

namespace KubeLab.Releases
{
    /// <summary>
    /// kustomize from GitHub: module-prefixed tags (kustomize/vX.Y.Z, the slash encoded as %2F), a tar.gz holding
    /// one file "kustomize", and a sha256sum-style checksums.txt per release.
    /// </summary>
    public sealed class KustomizeRelease : ToolRelease
    {
        private const string Releases = "https://github.com/kubernetes-sigs/kustomize/releases";

        public override string Name => "kustomize";

        public override ILatestVersionRule Latest { get; } = new GitHubLatestReleaseRule("kubernetes-sigs", "kustomize", "kustomize/");

        protected override IReadOnlyCollection<string> LinuxArchitectures { get; } = new[] { "amd64", "arm64", "s390x", "ppc64le" };

        public override IReadOnlyList<VersionQuery> VersionQueries { get; } = new[]
        {
            new VersionQuery(new[] { "version", "-o", "json" }, output => JsonVersionField.Read(output, "version")),
            // v3.8-v4 print {Version:kustomize/v4.5.7 GitCommit:...}; v5 prints v5.8.1.
            new VersionQuery(new[] { "version" }, ToolVersion.FindIn),
        };

        protected override ReleaseArtifact CreateArtifact(ToolVersion version, string architecture)
        {
            var asset = $"kustomize_{version}_linux_{architecture}.tar.gz";
            var tag = "kustomize%2F" + version;
            return new ReleaseArtifact(
                new Uri($"{Releases}/download/{tag}/{asset}"),
                asset,
                new Uri($"{Releases}/download/{tag}/checksums.txt"),
                ChecksumFormat.SumList,
                archiveEntry: "kustomize");
        }
    }
}
