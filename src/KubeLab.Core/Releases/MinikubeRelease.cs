using System;
using System.Collections.Generic;

namespace KubeLab.Releases
{
    /// <summary>
    /// minikube from its GitHub releases (the install docs' source): bare binary minikube-linux-ARCH and a
    /// bare-hex .sha256 beside it. Latest is GitHub's releases/latest, which, like the GCS "latest", skips betas.
    /// </summary>
    public sealed class MinikubeRelease : ToolRelease
    {
        public override string Name => "minikube";

        public override ILatestVersionRule Latest { get; } = new GitHubLatestReleaseRule("kubernetes", "minikube");

        protected override IReadOnlyCollection<string> LinuxArchitectures { get; } = new[] { "amd64", "arm64", "arm", "ppc64le", "s390x" };

        public override IReadOnlyList<VersionQuery> VersionQueries { get; } = new[]
        {
            new VersionQuery(new[] { "version", "-o", "json" }, output => JsonVersionField.Read(output, "minikubeVersion")),
        };

        protected override ReleaseArtifact CreateArtifact(ToolVersion version, string architecture)
        {
            var asset = "minikube-linux-" + architecture;
            var url = $"https://github.com/kubernetes/minikube/releases/download/{version}/{asset}";
            return new ReleaseArtifact(new Uri(url), asset, new Uri(url + ".sha256"), ChecksumFormat.HexOnly);
        }
    }
}
