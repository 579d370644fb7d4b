using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace KubeLab.Releases
{
    /// <summary>Reads the expected SHA-256 of one asset out of an upstream checksum file.</summary>
    public static class ChecksumFile
    {
        private static readonly Regex Sha256Hex = new Regex("^[0-9a-fA-F]{64}$", RegexOptions.CultureInvariant);

        public static bool IsSha256(string? value) => value != null && Sha256Hex.IsMatch(value);

        /// <summary>The lower-case hex hash for <paramref name="assetName"/>, or a <see cref="FormatException"/> saying what is wrong.</summary>
        public static string FindHash(string content, ChecksumFormat format, string assetName, string checksumUrl)
        {
            var lines = content.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (format == ChecksumFormat.HexOnly)
            {
                // kubectl's file is the bare hash; tolerate a trailing file name as sha256sum writes it.
                var first = lines.Count == 1 ? FirstField(lines[0]) : null;
                if (IsSha256(first))
                {
                    return first!.ToLowerInvariant();
                }

                throw new FormatException($"The checksum file {checksumUrl} does not hold a single SHA-256 hash.");
            }

            foreach (var line in lines)
            {
                var fields = line.Split(new[] { ' ', '\t' }, 2, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length != 2)
                {
                    continue;
                }

                // shasum -b marks binary mode with '*' before the name (compose); sha256sum uses two spaces (kustomize).
                var file = fields[1].Trim().TrimStart('*');
                if (string.Equals(file, assetName, StringComparison.Ordinal) && IsSha256(fields[0]))
                {
                    return fields[0].ToLowerInvariant();
                }
            }

            throw new FormatException($"The checksum file {checksumUrl} has no line for {assetName}.");
        }

        private static string FirstField(string line) => line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)[0];
    }
}
