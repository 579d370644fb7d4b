using System;
using System.Collections.Generic;
using System.Linq;
using KubeLab.Host;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace KubeLab.Docker
{
    /// <summary>Where Docker Engine comes from.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum DockerSource
    {
        /// <summary>Docker's own apt repository (download.docker.com): docker-ce and friends.</summary>
        Official,

        /// <summary>The distribution's own docker.io package.</summary>
        Distribution,

        /// <summary>Something else answers (a static binary, a snap, Docker Desktop ...).</summary>
        Other,

        /// <summary>No Docker Engine package and no daemon.</summary>
        None,
    }

    /// <summary>
    /// Docker's apt repository for this system: ubuntu or debian, and the suite (codename). Derivatives use
    /// the release they are built on (UBUNTU_CODENAME, DEBIAN_CODENAME), as Docker's documentation advises.
    /// </summary>
    public sealed class DockerRepository
    {
        public const string DefaultBase = "https://download.docker.com/linux/";

        /// <summary>Docker's release key (Docker Release (CE deb) &lt;docker@docker.com&gt;, rsa4096, 2017-02-22).</summary>
        public const string DockerKeyFingerprint = "9DC858229FC7DD38854AE2D88D81803C0EBFCD88";

        public const string KeyringPath = "/etc/apt/keyrings/docker.asc";

        public const string SourcesPath = "/etc/apt/sources.list.d/docker.sources";

        /// <summary>get.docker.com's one-line form; it would name the same repository twice with another Signed-By, which apt refuses.</summary>
        public const string LegacyListPath = "/etc/apt/sources.list.d/docker.list";

        /// <summary>What Docker's repository installs, in the documented order.</summary>
        public static readonly IReadOnlyList<string> OfficialPackages = new[] { "docker-ce", "docker-ce-cli", "containerd.io", "docker-buildx-plugin", "docker-compose-plugin" };

        /// <summary>What the uninstall removes (the documented purge list).</summary>
        public static readonly IReadOnlyList<string> OfficialPurgePackages = OfficialPackages.Concat(new[] { "docker-ce-rootless-extras" }).ToArray();

        public const string DistributionPackage = "docker.io";

        /// <summary>The suites (codenames) Docker's repository serves, per family (its install pages for Ubuntu and Debian).</summary>
        public static readonly IReadOnlyDictionary<string, string[]> SupportedSuites = new Dictionary<string, string[]>
        {
            ["ubuntu"] = new[] { "resolute", "questing", "noble", "jammy" },
            ["debian"] = new[] { "trixie", "bookworm", "bullseye" },
        };

        /// <summary>The dpkg architectures Docker's repository serves, per family.</summary>
        public static readonly IReadOnlyDictionary<string, string[]> SupportedArchitectures = new Dictionary<string, string[]>
        {
            ["ubuntu"] = new[] { "amd64", "armhf", "arm64", "s390x", "ppc64el" },
            ["debian"] = new[] { "amd64", "armhf", "arm64", "ppc64el" },
        };

        private DockerRepository(string family, string suite, string description)
        {
            Family = family;
            Suite = suite;
            Description = description;
        }

        /// <summary>ubuntu or debian: the folder under download.docker.com/linux/.</summary>
        public string Family { get; }

        /// <summary>The codename apt asks for (noble, jammy, bookworm ...).</summary>
        public string Suite { get; }

        /// <summary>The system as os-release names it, for messages.</summary>
        public string Description { get; }

        /// <summary>Whether Docker's repository serves this suite (an older release is refused by apt, not by KubeLab).</summary>
        public bool IsSupported => SupportedSuites[Family].Contains(Suite);

        public Uri BaseUri => new Uri(DefaultBase + Family);

        public Uri KeyUri => new Uri(DefaultBase + Family + "/gpg");

        /// <summary>The distribution's packages that clash with Docker's (docs: "uninstall old versions").</summary>
        public IReadOnlyList<string> ConflictingPackages => Family == "ubuntu"
            ? new[] { "docker.io", "docker-compose", "docker-compose-v2", "docker-doc", "podman-docker", "containerd", "runc" }
            : new[] { "docker.io", "docker-doc", "docker-compose", "podman-docker", "containerd", "runc" };

        /// <summary>The repository for this system, or a clear refusal (before anything runs).</summary>
        /// <exception cref="DockerException">Neither Ubuntu, Debian nor a derivative that names one of them.</exception>
        public static DockerRepository For(OsRelease os)
        {
            var family = FamilyOf(os);
            string? suite = null;
            if (family == "ubuntu")
            {
                suite = os.UbuntuCodename ?? (os.Id == "ubuntu" ? os.VersionCodename : null);
            }
            else if (family == "debian")
            {
                suite = os.Id == "debian" ? os.VersionCodename : os.DebianCodename;
            }

            if (family == null || suite == null)
            {
                throw new DockerException(
                    DockerErrorKind.UnsupportedSystem,
                    $"Docker Engine cannot be installed on {os.PrettyName} (ID={os.Id}) by KubeLab: it supports Ubuntu and Debian, and derivatives " +
                    "whose /etc/os-release names the Ubuntu release (UBUNTU_CODENAME) or Debian release (DEBIAN_CODENAME) they are built on. Nothing was changed.");
            }

            return new DockerRepository(family, suite, os.PrettyName);
        }

        /// <summary>The deb822 sources file, as Docker's documentation writes it.</summary>
        public string SourcesFile(string repositoryUri, string architecture) =>
            "Types: deb\n" +
            $"URIs: {repositoryUri.TrimEnd('/')}\n" +
            $"Suites: {Suite}\n" +
            "Components: stable\n" +
            $"Architectures: {architecture}\n" +
            $"Signed-By: {KeyringPath}\n";

        private static string? FamilyOf(OsRelease os)
        {
            if (os.Id == "ubuntu" || os.UbuntuCodename != null)
            {
                return "ubuntu";
            }

            if (os.Id == "debian" || (os.IdLike.Contains("debian") && os.DebianCodename != null))
            {
                return "debian";
            }

            return null;
        }
    }
}
