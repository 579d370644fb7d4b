using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace KubeLab.Docker
{
    /// <summary>
    /// The primary-key fingerprints in an OpenPGP public key file (ASCII-armored, as Docker serves it, or
    /// binary), computed from the key packets themselves (RFC 4880 §12.2 for v4, RFC 9580 for v6): no gpg,
    /// no keyring, nothing trusted before the check.
    /// </summary>
    public static class OpenPgpKey
    {
        private const int PublicKeyTag = 6;
        private const int MaxKeyFileBytes = 1024 * 1024;

        /// <summary>Fingerprints of every primary key in the file, upper-case hex without spaces, in file order.</summary>
        /// <exception cref="DockerException">Not an OpenPGP public key file.</exception>
        public static IReadOnlyList<string> PrimaryFingerprints(byte[] file)
        {
            if (file.Length > MaxKeyFileBytes)
            {
                throw Invalid($"it is {file.Length} bytes, far more than a key");
            }

            var packets = IsArmored(file) ? Dearmor(Encoding.ASCII.GetString(file)) : file;
            var fingerprints = new List<string>();
            var position = 0;
            while (position < packets.Length)
            {
                var (tag, body, next) = ReadPacket(packets, position);
                if (tag == PublicKeyTag)
                {
                    fingerprints.Add(Fingerprint(body));
                }

                position = next;
            }

            if (fingerprints.Count == 0)
            {
                throw Invalid("it holds no public key");
            }

            return fingerprints;
        }

        /// <summary>A fingerprint as people write it (spaces, lower case, 0x) in the canonical form; null if it is not one.</summary>
        public static string? Normalize(string? fingerprint)
        {
            if (fingerprint == null)
            {
                return null;
            }

            var hex = new string(fingerprint.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
            if (hex.StartsWith("0X", StringComparison.Ordinal))
            {
                hex = hex.Substring(2);
            }

            return (hex.Length == 40 || hex.Length == 64) && hex.All(Uri.IsHexDigit) ? hex : null;
        }

        /// <summary>Groups of four, as gpg prints it, for messages.</summary>
        public static string Display(string fingerprint) =>
            string.Join(" ", Enumerable.Range(0, (fingerprint.Length + 3) / 4).Select(i => fingerprint.Substring(i * 4, Math.Min(4, fingerprint.Length - (i * 4)))));

        private static bool IsArmored(byte[] file)
        {
            var head = Encoding.ASCII.GetString(file, 0, Math.Min(file.Length, 200));
            return head.IndexOf("-----BEGIN PGP", StringComparison.Ordinal) >= 0;
        }

        private static byte[] Dearmor(string text)
        {
            var lines = text.Replace("\r", string.Empty).Split('\n');
            var begin = Array.FindIndex(lines, l => l.StartsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----", StringComparison.Ordinal));
            if (begin < 0)
            {
                throw Invalid("it is armored, but not a PUBLIC KEY BLOCK");
            }

            var body = new StringBuilder();
            var inHeaders = true;
            for (var i = begin + 1; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.StartsWith("-----END PGP PUBLIC KEY BLOCK-----", StringComparison.Ordinal))
                {
                    try
                    {
                        return Convert.FromBase64String(body.ToString());
                    }
                    catch (FormatException ex)
                    {
                        throw Invalid("its armor is not valid base64", ex);
                    }
                }

                if (inHeaders)
                {
                    // Armor headers (Version: ..., Comment: ...) end at the first blank line.
                    if (line.Length == 0)
                    {
                        inHeaders = false;
                    }
                    else if (line.IndexOf(": ", StringComparison.Ordinal) < 0)
                    {
                        inHeaders = false;
                        body.Append(line);
                    }

                    continue;
                }

                if (line.StartsWith("=", StringComparison.Ordinal) && line.Length == 5)
                {
                    continue; // the CRC-24 line
                }

                body.Append(line);
            }

            throw Invalid("its armor has no END line");
        }

        private static (int Tag, byte[] Body, int Next) ReadPacket(byte[] data, int position)
        {
            var header = data[position];
            if ((header & 0x80) == 0)
            {
                throw Invalid($"byte {position} is not a packet header");
            }

            int tag;
            long length;
            var offset = position + 1;
            if ((header & 0x40) != 0)
            {
                tag = header & 0x3F;
                var first = Byte(data, offset++);
                if (first < 192)
                {
                    length = first;
                }
                else if (first < 224)
                {
                    length = ((first - 192) << 8) + Byte(data, offset++) + 192;
                }
                else if (first == 255)
                {
                    length = FourOctets(data, offset);
                    offset += 4;
                }
                else
                {
                    throw Invalid("it uses partial body lengths, which key packets never do");
                }
            }
            else
            {
                tag = (header >> 2) & 0x0F;
                switch (header & 0x03)
                {
                    case 0:
                        length = Byte(data, offset++);
                        break;
                    case 1:
                        length = (Byte(data, offset) << 8) | Byte(data, offset + 1);
                        offset += 2;
                        break;
                    case 2:
                        length = FourOctets(data, offset);
                        offset += 4;
                        break;
                    default:
                        length = data.Length - offset;
                        break;
                }
            }

            if (length < 0 || offset + length > data.Length)
            {
                throw Invalid("a packet runs past the end of the file");
            }

            var body = new byte[length];
            Array.Copy(data, offset, body, 0, length);
            return (tag, body, offset + (int)length);
        }

        private static string Fingerprint(byte[] body)
        {
            if (body.Length == 0)
            {
                throw Invalid("a key packet is empty");
            }

            switch (body[0])
            {
                case 4:
                    using (var sha1 = SHA1.Create())
                    {
                        var prefix = new byte[] { 0x99, (byte)(body.Length >> 8), (byte)body.Length };
                        return Hex(sha1.ComputeHash(prefix.Concat(body).ToArray()));
                    }

                case 6:
                    using (var sha256 = SHA256.Create())
                    {
                        var prefix = new byte[] { 0x9B, (byte)(body.Length >> 24), (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length };
                        return Hex(sha256.ComputeHash(prefix.Concat(body).ToArray()));
                    }

                default:
                    throw Invalid($"it holds a version {body[0]} key; only v4 and v6 keys are understood");
            }
        }

        private static long FourOctets(byte[] data, int offset) =>
            ((long)Byte(data, offset) << 24) + (Byte(data, offset + 1) << 16) + (Byte(data, offset + 2) << 8) + Byte(data, offset + 3);

        private static int Byte(byte[] data, int index)
        {
            if (index >= data.Length)
            {
                throw Invalid("a packet header runs past the end of the file");
            }

            return data[index];
        }

        private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

        private static DockerException Invalid(string why, Exception? inner = null) =>
            new DockerException(DockerErrorKind.InvalidKey, "The downloaded key file is not an OpenPGP public key: " + why + ".", inner);
    }
}
