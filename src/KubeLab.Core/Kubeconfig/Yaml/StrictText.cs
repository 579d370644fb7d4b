using System;
using System.Text;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>
    /// Bytes to text with the rules of go-yaml's reader (readerc.go), which kubectl uses: a UTF-8 or UTF-16 byte order
    /// mark picks the encoding (UTF-8 otherwise), malformed sequences are refused, and so are control characters (only
    /// tab, line feed, carriage return, NEL and printable characters may appear anywhere, comments included).
    /// Decoding stops at the first problem, which is kept with its byte offset: go-yaml reads the file in 512-byte
    /// chunks as its scanner needs them, so a bad byte after the end of the first document may never be looked at.
    /// </summary>
    internal sealed class StrictText : IDisposable
    {
        private StrictText(SourceText text, int preambleBytes, bool utf16, int problemOffset, string? problem)
        {
            Text = text;
            PreambleBytes = preambleBytes;
            Utf16 = utf16;
            ProblemOffset = problemOffset;
            Problem = problem;
        }

        /// <summary>The characters before the first problem (all of them when there is none), without the byte order mark.</summary>
        public SourceText Text { get; }

        /// <summary>go-yaml's words for the first problem, e.g. "invalid leading UTF-8 octet"; null when the bytes are clean.</summary>
        public string? Problem { get; }

        /// <summary>Byte offset of the first problem in the file.</summary>
        public int ProblemOffset { get; }

        private int PreambleBytes { get; }

        private bool Utf16 { get; }

        /// <summary>Decodes the first <paramref name="length"/> bytes of <paramref name="bytes"/>.</summary>
        public static StrictText Decode(byte[] bytes, int length)
        {
            if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                return DecodeUtf16(bytes, length, bigEndian: false);
            }

            if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return DecodeUtf16(bytes, length, bigEndian: true);
            }

            var start = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return DecodeUtf8(bytes, length, start);
        }

        public void Dispose() => Text.Dispose();

        /// <summary>The byte offset of a character index of <see cref="Text"/> (for the chunk rule and line numbers).</summary>
        public int ByteOffsetOf(int charIndex)
        {
            charIndex = Math.Max(0, Math.Min(charIndex, Text.Length));
            return PreambleBytes + (Utf16 ? charIndex * 2 : Encoding.UTF8.GetByteCount(Text.Substring(0, charIndex)));
        }

        /// <summary>1-based line of the first problem: the line the decoded text had reached.</summary>
        public int ProblemLine()
        {
            var line = 1;
            for (var i = 0; i < Text.Length; i++)
            {
                if (Text[i] == '\n')
                {
                    line++;
                }
            }

            return line;
        }

        /// <summary>The characters go-yaml accepts in a stream (its reader's check, before any YAML rule).</summary>
        private static bool IsAllowed(int c) =>
            c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) || c == 0x85
            || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static StrictText DecodeUtf8(byte[] bytes, int length, int start)
        {
            // UTF-8 never needs more UTF-16 code units than it has bytes.
            var chars = SourceText.Rent(length - start);
            var count = 0;
            var i = start;
            string? problem = null;
            while (i < length)
            {
                int b = bytes[i];
                if (b < 0x80)
                {
                    if (!IsAllowed(b))
                    {
                        problem = "control characters are not allowed";
                        break;
                    }

                    chars[count++] = (char)b;
                    i++;
                    continue;
                }

                var width = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
                if (width == 0)
                {
                    problem = "invalid leading UTF-8 octet";
                    break;
                }

                if (i + width > length)
                {
                    problem = "incomplete UTF-8 octet sequence";
                    break;
                }

                var value = width == 2 ? b & 0x1F : width == 3 ? b & 0x0F : b & 0x07;
                var trailingOk = true;
                for (var k = 1; k < width; k++)
                {
                    var t = bytes[i + k];
                    if ((t & 0xC0) != 0x80)
                    {
                        trailingOk = false;
                        break;
                    }

                    value = (value << 6) | (t & 0x3F);
                }

                if (!trailingOk)
                {
                    problem = "invalid trailing UTF-8 octet";
                    break;
                }

                if ((width == 2 && value < 0x80) || (width == 3 && value < 0x800) || (width == 4 && value < 0x10000))
                {
                    problem = "invalid length of a UTF-8 sequence";
                    break;
                }

                if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
                {
                    problem = "invalid Unicode character";
                    break;
                }

                if (!IsAllowed(value))
                {
                    problem = "control characters are not allowed";
                    break;
                }

                if (value >= 0x10000)
                {
                    value -= 0x10000;
                    chars[count++] = (char)(0xD800 + (value >> 10));
                    chars[count++] = (char)(0xDC00 + (value & 0x3FF));
                }
                else
                {
                    chars[count++] = (char)value;
                }

                i += width;
            }

            return new StrictText(SourceText.Own(chars, count), start, utf16: false, i, problem);
        }

        private static StrictText DecodeUtf16(byte[] bytes, int length, bool bigEndian)
        {
            var text = new StringBuilder(length / 2);
            var i = 2;
            string? problem = null;
            int Unit(int at) => bigEndian ? (bytes[at] << 8) | bytes[at + 1] : bytes[at] | (bytes[at + 1] << 8);
            while (i < length)
            {
                if (i + 2 > length)
                {
                    problem = "incomplete UTF-16 character";
                    break;
                }

                var value = Unit(i);
                var width = 2;
                if ((value & 0xFC00) == 0xDC00)
                {
                    problem = "unexpected low surrogate area";
                    break;
                }

                if ((value & 0xFC00) == 0xD800)
                {
                    if (i + 4 > length)
                    {
                        problem = "incomplete UTF-16 surrogate pair";
                        break;
                    }

                    var low = Unit(i + 2);
                    if ((low & 0xFC00) != 0xDC00)
                    {
                        problem = "expected low surrogate area";
                        break;
                    }

                    value = 0x10000 + ((value & 0x3FF) << 10) + (low & 0x3FF);
                    width = 4;
                }

                if (!IsAllowed(value))
                {
                    problem = "control characters are not allowed";
                    break;
                }

                text.Append(char.ConvertFromUtf32(value));
                i += width;
            }

            return new StrictText(SourceText.From(text.ToString()), 2, utf16: true, i, problem);
        }
    }
}
