using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeLab.Releases
{
    /// <summary>A release version such as v1.33.1 (the leading v is optional on input and always shown).</summary>
    public sealed class ToolVersion : IEquatable<ToolVersion>, IComparable<ToolVersion>
    {
        private static readonly Regex Pattern = new Regex(
            @"^v?(?<major>\d{1,9})\.(?<minor>\d{1,9})\.(?<patch>\d{1,9})(?:-(?<pre>[0-9A-Za-z][0-9A-Za-z.-]*))?$",
            RegexOptions.CultureInvariant);

        private static readonly Regex Embedded = new Regex(@"v\d+\.\d+\.\d+(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?", RegexOptions.CultureInvariant);

        private ToolVersion(int major, int minor, int patch, string? prerelease)
        {
            Major = major;
            Minor = minor;
            Patch = patch;
            Prerelease = prerelease;
        }

        public int Major { get; }

        public int Minor { get; }

        public int Patch { get; }

        public string? Prerelease { get; }

        /// <summary>Parses 1.33.1 or v1.33.1; anything else is an <see cref="ArgumentException"/> naming the accepted forms.</summary>
        public static ToolVersion Parse(string text)
        {
            if (TryParse(text, out var version))
            {
                return version!;
            }

            throw new ArgumentException($"'{text}' is not a release version. Use the form 1.33.1 or v1.33.1.", nameof(text));
        }

        public static bool TryParse(string? text, out ToolVersion? version)
        {
            version = null;
            var match = text == null ? null : Pattern.Match(text.Trim());
            if (match == null || !match.Success)
            {
                return false;
            }

            version = new ToolVersion(
                int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["patch"].Value, CultureInfo.InvariantCulture),
                match.Groups["pre"].Success ? match.Groups["pre"].Value : null);
            return true;
        }

        /// <summary>The first vX.Y.Z inside free text, for tools whose version output is not JSON.</summary>
        public static ToolVersion? FindIn(string text)
        {
            var match = Embedded.Match(text);
            return match.Success ? Parse(match.Value) : null;
        }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "v{0}.{1}.{2}", Major, Minor, Patch) + (Prerelease == null ? string.Empty : "-" + Prerelease);

        public bool Equals(ToolVersion? other) => other != null && CompareTo(other) == 0;

        public override bool Equals(object? obj) => obj is ToolVersion other && Equals(other);

        public override int GetHashCode() => ToString().GetHashCode();

        public int CompareTo(ToolVersion? other)
        {
            if (other == null)
            {
                return 1;
            }

            var byNumbers = Major != other.Major ? Major.CompareTo(other.Major)
                : Minor != other.Minor ? Minor.CompareTo(other.Minor)
                : Patch.CompareTo(other.Patch);
            if (byNumbers != 0)
            {
                return byNumbers;
            }

            // A release sorts after its own pre-releases (semver); pre-releases compare as text, which is enough here.
            if (Prerelease == null || other.Prerelease == null)
            {
                return Prerelease == null ? (other.Prerelease == null ? 0 : 1) : -1;
            }

            return string.CompareOrdinal(Prerelease, other.Prerelease);
        }
    }
}
