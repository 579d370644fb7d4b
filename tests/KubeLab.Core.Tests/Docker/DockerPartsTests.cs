using System.Text;
using KubeLab.Host;
using KubeLab.Docker;
using Xunit;

namespace KubeLab.Tests.Docker;

public sealed class DockerPartsTests
{
    [Theory]
    [InlineData("mirror-key.asc", DockerFixture.MirrorKeyFingerprint)]
    [InlineData("mirror-key.gpg", DockerFixture.MirrorKeyFingerprint)]
    [InlineData("other-key.asc", DockerFixture.OtherKeyFingerprint)]
    public void FingerprintsMatchWhatGpgPrints(string file, string fingerprint)
    {
        // The fixtures were made with gpg 2.2, which printed these fingerprints.
        Assert.Equal(new[] { fingerprint }, OpenPgpKey.PrimaryFingerprints(File.ReadAllBytes(DockerFixture.FixtureFile(file))));
    }

    [Fact]
    public void EveryPrimaryKeyInAFileIsFound()
    {
        Assert.Equal(
            new[] { DockerFixture.MirrorKeyFingerprint, DockerFixture.OtherKeyFingerprint },
            OpenPgpKey.PrimaryFingerprints(File.ReadAllBytes(DockerFixture.FixtureFile("two-keys.asc"))));
    }

    [Theory]
    [InlineData("<html>Not found</html>")]
    [InlineData("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n!!!!\n-----END PGP PUBLIC KEY BLOCK-----\n")]
    [InlineData("-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n")]
    public void NonKeysAreRefusedClearly(string text)
    {
        var error = Assert.Throws<DockerException>(() => OpenPgpKey.PrimaryFingerprints(Encoding.ASCII.GetBytes(text)));
        Assert.Equal(DockerErrorKind.InvalidKey, error.Kind);
    }

    [Theory]
    [InlineData("9DC8 5822 9FC7 DD38 854A  E2D8 8D81 803C 0EBF CD88", "9DC858229FC7DD38854AE2D88D81803C0EBFCD88")]
    [InlineData("0x9dc858229fc7dd38854ae2d88d81803c0ebfcd88", "9DC858229FC7DD38854AE2D88D81803C0EBFCD88")]
    [InlineData("0EBFCD88", null)]
    [InlineData("not hex at all, not hex at all, not hex a", null)]
    public void FingerprintsAreNormalized(string given, string? expected)
    {
        Assert.Equal(expected, OpenPgpKey.Normalize(given));
    }

    [Theory]
    [InlineData("5:29.4.0-1~ubuntu.24.04~noble", "29.4.0", true)]
    [InlineData("5:29.4.0-1~ubuntu.24.04~noble", "29.4", true)]
    [InlineData("5:29.4.0-1~ubuntu.24.04~noble", "29", true)]
    [InlineData("5:29.4.0-1~ubuntu.24.04~noble", "v29.4.0", true)]
    [InlineData("5:29.4.0-1~ubuntu.24.04~noble", "5:29.4.0-1~ubuntu.24.04~noble", true)]
    [InlineData("5:29.4.0-1~ubuntu.24.04~noble", "29.4.1", false)]
    [InlineData("5:29.4.0-1~ubuntu.24.04~noble", "2", false)]
    [InlineData("5:29.4.10-1~ubuntu.24.04~noble", "29.4.1", false)]
    [InlineData("20.10.24+dfsg1-1+deb12u1+b6", "20.10.24", true)]
    public void VersionsMatchLikeGetDockerCom(string aptVersion, string requested, bool matches)
    {
        Assert.Equal(matches, DpkgStatus.VersionMatches(aptVersion, requested));
    }

    [Fact]
    public void MadisonOutputIsReadNewestFirstWithoutSourcePackages()
    {
        var output =
            "docker-ce | 5:29.4.0-1~debian.12~bookworm | https://download.docker.com/linux/debian bookworm/stable amd64 Packages\n" +
            "docker-ce | 5:29.4.0-1~debian.12~bookworm | http://127.0.0.1:8080/download.docker.com/linux/debian bookworm/stable amd64 Packages\n" +
            "docker-ce | 5:28.0.0-1~debian.12~bookworm | https://download.docker.com/linux/debian bookworm/stable amd64 Packages\n" +
            "docker-ce | 5:29.4.0-1 | https://download.docker.com/linux/debian bookworm/stable Sources\n";
        Assert.Equal(new[] { "5:29.4.0-1~debian.12~bookworm", "5:28.0.0-1~debian.12~bookworm" }, DockerInstaller.ParseMadison(output, "docker-ce"));
    }

    [Fact]
    public void DpkgStatusKnowsOnlyInstalledPackages()
    {
        var status = DpkgStatus.Parse(
            "Package: docker.io\nStatus: install ok installed\nVersion: 20.10.24+dfsg1-1+deb12u1+b6\nDescription: Linux container runtime\n more text\n\n" +
            "Package: docker-ce\nStatus: deinstall ok config-files\nVersion: 5:29.4.0-1\n\n" +
            "Package: runc\nStatus: install ok half-configured\nVersion: 1.1.5\n");
        Assert.Equal("20.10.24+dfsg1-1+deb12u1+b6", status.VersionOf("docker.io"));
        Assert.False(status.IsInstalled("docker-ce"));
        Assert.False(status.IsInstalled("runc"));
    }

    [Fact]
    public void OsReleaseValuesAreUnquotedAndDerivativesUseTheirBase()
    {
        var mint = OsRelease.Parse(DockerFixture.Mint22);
        Assert.Equal("linuxmint", mint.Id);
        Assert.Equal(new[] { "ubuntu", "debian" }, mint.IdLike);
        Assert.Equal("noble", DockerRepository.For(mint).Suite);
        Assert.Equal("ubuntu", DockerRepository.For(mint).Family);

        var lmde = OsRelease.Parse("ID=linuxmint\nID_LIKE=debian\nPRETTY_NAME='LMDE 6 (faye)'\nVERSION_CODENAME=faye\nDEBIAN_CODENAME=bookworm\n");
        Assert.Equal("LMDE 6 (faye)", lmde.PrettyName);
        Assert.Equal(("debian", "bookworm"), (DockerRepository.For(lmde).Family, DockerRepository.For(lmde).Suite));

        // Debian testing/sid has no codename in os-release: refused rather than guessed.
        Assert.Throws<DockerException>(() => DockerRepository.For(OsRelease.Parse("ID=debian\nPRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\n")));
    }
}
