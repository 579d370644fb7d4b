using System;
using System.Text.RegularExpressions;
using KubeLab.Kubeconfig.Yaml;
using YamlDotNet.Core;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// How kubectl sees a YAML scalar. client-go turns YAML into JSON with YAML 1.1 rules (go-yaml v2), so an
    /// unquoted 123, yes or off is a number or a bool, not a string; kubectl then rejects it in a string field.
    /// </summary>
    internal static class YamlScalars
    {
        internal const string TagPrefix = "tag:yaml.org,2002:";

        internal enum PlainType
        {
            String,
            Null,
            Bool,
            Number,
        }

        private static readonly Regex NullPattern = new Regex("^(~|null|Null|NULL)?$", RegexOptions.CultureInvariant);

        private static readonly Regex BoolPattern = new Regex(
            "^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$", RegexOptions.CultureInvariant);

        private static readonly Regex TruePattern = new Regex("^(y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$", RegexOptions.CultureInvariant);

        private static readonly Regex NumberPattern = new Regex(
            @"^([-+]?(0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9]+([eE][-+]?[0-9]+)?|[1-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|\.(inf|Inf|INF))|\.(nan|NaN|NAN))$",
            RegexOptions.CultureInvariant);

        private static readonly Regex IntegerPattern = new Regex(
            @"^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*|[1-9][0-9_]*(:[0-5]?[0-9])+)$", RegexOptions.CultureInvariant);

        /// <summary>Values JSON cannot carry, so kubectl fails on them anywhere in the file ("json: unsupported value: NaN").</summary>
        private static readonly Regex NotFinitePattern = new Regex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant);

        private static readonly Regex TimestampPattern = new Regex(
            @"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$",
            RegexOptions.CultureInvariant);

        // Written values stay plain only when they cannot be mistaken for anything but a string.
        private static readonly Regex SafePlainPattern = new Regex("^[A-Za-z0-9_][A-Za-z0-9_./@-]*$", RegexOptions.CultureInvariant);

        [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
        public static PlainType TypeOf(Node scalar)
        {
            if (scalar.Tag == "!")
            {
                return PlainType.String;
            }

            if (scalar.Tag != null)
            {
                return scalar.Tag == TagPrefix + "null" ? PlainType.Null
                    : scalar.Tag == TagPrefix + "bool" ? PlainType.Bool
                    : scalar.Tag == TagPrefix + "int" || scalar.Tag == TagPrefix + "float" ? PlainType.Number
                    : PlainType.String;
            }

            if (scalar.Style != ScalarStyle.Plain && scalar.Style != ScalarStyle.Any)
            {
                return PlainType.String;
            }

            return PlainTypeOf(scalar.Value);
        }

        /// <summary>
        /// The go-yaml reason a scalar cannot be decoded at all (a tag its value does not fit, or a value JSON cannot
        /// hold), or null when it is fine.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
        public static string? DecodeProblem(Node scalar)
        {
            var value = scalar.Value;
            var tag = scalar.Tag;
            if (tag == null || tag == "!")
            {
                // Only ".nan", ".inf" and signed infinities are not finite: most values are ruled out by their first character.
                var plain = scalar.Style == ScalarStyle.Plain || scalar.Style == ScalarStyle.Any;
                return plain && tag == null && value.Length > 0 && ".+-".IndexOf(value[0]) >= 0 && NotFinitePattern.IsMatch(value) ? NotFinite(value) : null;
            }

            if (!tag.StartsWith(TagPrefix, StringComparison.Ordinal))
            {
                return null;
            }

            var kind = tag.Substring(TagPrefix.Length);
            var fits = kind switch
            {
                "int" => IntegerPattern.IsMatch(value),
                "float" => NumberPattern.IsMatch(value),
                "bool" => BoolPattern.IsMatch(value),
                "null" => NullPattern.IsMatch(value),
                "timestamp" => TimestampPattern.IsMatch(value),
                _ => true,
            };
            if (!fits)
            {
                // kubectl quotes the value here; KubeLab does not, as it may be a token or a key.
                return $"cannot decode the value as a !!{kind}, the type its tag names";
            }

            if (kind == "binary" && Base64Problem(value) != null)
            {
                return "!!binary value contains invalid base64 data";
            }

            return kind == "float" && NotFinitePattern.IsMatch(value) ? NotFinite(value) : null;
        }

        /// <summary>encoding/json's refusal, with Go's spelling of the value.</summary>
        private static string NotFinite(string value) =>
            $"json: unsupported value: {(value.IndexOf('n') == 1 || value.IndexOf('N') == 1 ? "NaN" : value[0] == '-' ? "-Inf" : "+Inf")} ({value}; JSON has no NaN or infinity)";

        /// <summary>The string kubectl reads from a validated string field; null when absent or YAML null.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
        public static string? Text(Node? node)
        {
            var scalar = node?.Resolved;
            return scalar != null && scalar.IsScalar && TypeOf(scalar) != PlainType.Null ? Decoded(scalar) : null;
        }

        /// <summary>A scalar's text as go-yaml hands it on: a !!binary value is its decoded bytes (read as UTF-8 by JSON).</summary>
        [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
        public static string Decoded(Node scalar)
        {
            if (scalar.Tag != TagPrefix + "binary" || Base64Problem(scalar.Value) != null)
            {
                return scalar.Value;
            }

            return System.Text.Encoding.UTF8.GetString(System.Convert.FromBase64String(scalar.Value.Replace("\r", "").Replace("\n", "")));
        }

        /// <summary>A validated bool field's value.</summary>
        public static bool IsTrue(Node? node)
        {
            var scalar = node?.Resolved;
            return scalar != null && scalar.IsScalar && TypeOf(scalar) == PlainType.Bool && TruePattern.IsMatch(scalar.Value);
        }

        /// <summary>True for a plain null (empty, ~, null) or an explicit !!null.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
        public static bool IsNull(Node node)
        {
            var scalar = node.Resolved;
            return scalar.IsScalar && TypeOf(scalar) == PlainType.Null;
        }

        /// <summary>A new string scalar that every YAML reader, kubectl included, reads back as this exact string.</summary>
        public static Node Create(string value)
        {
            var safe = SafePlainPattern.IsMatch(value) && !BoolPattern.IsMatch(value) && !NullPattern.IsMatch(value) && !NumberPattern.IsMatch(value);
            return Node.Scalar(value, safe ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted);
        }

        [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
        private static PlainType PlainTypeOf(string value)
        {
            // Fast path, as this runs for every scalar of files with thousands of entries: a null, bool or number
            // can only start with one of these characters, and most values (names, URLs, base64 data) do not.
            if (value.Length > 0 && "~nNyYtTfFoO0123456789+-.".IndexOf(value[0]) < 0)
            {
                return PlainType.String;
            }

            // Null and bool words are at most five letters ("false"); a longer value starting with a letter is text.
            if (value.Length > 5 && char.IsLetter(value[0]))
            {
                return PlainType.String;
            }

            return NullPattern.IsMatch(value) ? PlainType.Null
                : BoolPattern.IsMatch(value) ? PlainType.Bool
                : NumberPattern.IsMatch(value) ? PlainType.Number
                : PlainType.String;
        }

        /// <summary>
        /// Where Go's base64.StdEncoding (which skips line breaks) stops on <paramref name="value"/>: null when it
        /// decodes, else the offset of the offending input byte, as in "illegal base64 data at input byte N".
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
        public static int? Base64Problem(string value)
        {
            var count = 0;
            var paddingAt = -1;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '\r' || c == '\n')
                {
                    continue;
                }

                var isData = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
                if ((paddingAt >= 0 && c != '=') || (!isData && c != '='))
                {
                    return i;
                }

                if (c == '=' && paddingAt < 0)
                {
                    // Padding completes the last group of four, after at least two data characters.
                    if (count % 4 < 2)
                    {
                        return i;
                    }

                    paddingAt = count;
                }

                count++;
            }

            return count % 4 == 0 ? (int?)null : value.Length;
        }
    }
}
