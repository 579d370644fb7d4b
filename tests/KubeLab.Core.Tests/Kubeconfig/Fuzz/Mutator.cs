using System.Text;

namespace KubeLab.Tests.Kubeconfig.Fuzz;

/// <summary>Damages a kubeconfig the ways files get damaged: stray YAML punctuation, lost, repeated or swapped lines, shifted indentation, flipped bytes, truncation.</summary>
internal static class Mutator
{
    private static readonly string[] Punctuation =
    {
        "[", "]", "{", "}", ":", ",", "- ", "#", "&a ", "*a", "!", "!!int ", "|", ">", "'", "\"", "%", "@", "`", "?", "? ", "---\n", "...\n",
        "<<: ", "<<: *a\n", "\t", ": ", "\n", " ", "~", "&b ", "*b", "!!binary ", "\\", "\r",
    };

    public static byte[] Mutate(Random random, byte[] input, int count, List<string> applied)
    {
        var bytes = input.ToList();
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(8);
            switch (roll)
            {
                case 0:
                case 1:
                    var text = Punctuation[random.Next(Punctuation.Length)];
                    var at = random.Next(bytes.Count + 1);
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(text));
                    applied.Add($"insert {Show(text)} at {at}");
                    break;
                case 2:
                    EditLines(random, bytes, applied, (lines, n) => { applied.Add($"cut line {n + 1}"); lines.RemoveAt(n); });
                    break;
                case 3:
                    EditLines(random, bytes, applied, (lines, n) => { applied.Add($"duplicate line {n + 1}"); lines.Insert(n, lines[n]); });
                    break;
                case 4:
                    EditLines(random, bytes, applied, (lines, n) =>
                    {
                        var m = random.Next(lines.Count);
                        applied.Add($"swap lines {n + 1} and {m + 1}");
                        (lines[n], lines[m]) = (lines[m], lines[n]);
                    });
                    break;
                case 5:
                    EditLines(random, bytes, applied, (lines, n) =>
                    {
                        var shift = random.Next(1, 4);
                        if (random.Next(2) == 0)
                        {
                            applied.Add($"indent line {n + 1} by {shift}");
                            lines[n] = new string(' ', shift) + lines[n];
                        }
                        else
                        {
                            applied.Add($"unindent line {n + 1} by {shift}");
                            var trimmed = lines[n].TrimStart(' ');
                            lines[n] = new string(' ', Math.Max(0, lines[n].Length - trimmed.Length - shift)) + trimmed;
                        }
                    });
                    break;
                case 6:
                    if (bytes.Count > 0)
                    {
                        var position = random.Next(bytes.Count);
                        // Mostly bytes go-yaml refuses (controls, stray UTF-8 parts), sometimes any byte.
                        var value = random.Next(3) switch
                        {
                            0 => (byte)random.Next(0, 32),
                            1 => (byte)random.Next(0x80, 0x100),
                            _ => (byte)random.Next(0, 256),
                        };
                        applied.Add($"byte {position} = 0x{value:X2}");
                        bytes[position] = value;
                    }

                    break;
                default:
                    var cut = random.Next(bytes.Count + 1);
                    applied.Add($"truncate at {cut}");
                    bytes.RemoveRange(cut, bytes.Count - cut);
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static void EditLines(Random random, List<byte> bytes, List<string> applied, Action<List<string>, int> edit)
    {
        // Latin-1 keeps every byte as one char, so line edits never repair or damage the encoding themselves.
        var lines = Encoding.Latin1.GetString(bytes.ToArray()).Split('\n').ToList();
        if (lines.Count == 0)
        {
            return;
        }

        edit(lines, random.Next(lines.Count));
        bytes.Clear();
        bytes.AddRange(Encoding.Latin1.GetBytes(string.Join("\n", lines)));
    }

    private static string Show(string text) => text.Replace("\n", "\\n").Replace("\t", "\\t").Replace("\r", "\\r");
}
