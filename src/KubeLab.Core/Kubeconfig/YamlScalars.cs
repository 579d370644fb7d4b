using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// How kubectl sees a YAML scalar. client-go turns YAML into JSON with YAML 1.1 rules (go-yaml v2), so an
    /// unquoted 123, yes or off is a number or a bool, not a string; kubectl then rejects it in a string field.
    /// </summary>
    internal static class YamlScalars
    {
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

        // Written values stay plain only when they cannot be mistaken for anything but a string.
        private static readonly Regex SafePlainPattern = new Regex("^[A-Za-z0-9_][A-Za-z0-9_./@-]*$", RegexOptions.CultureInvariant);

        public static PlainType TypeOf(YamlScalarNode scalar)
        {
            if (scalar.Style != ScalarStyle.Plain && scalar.Style != ScalarStyle.Any)
            {
                return PlainType.String;
            }

            if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
            {
                return scalar.Tag.Value.EndsWith(":null") ? PlainType.Null
                    : scalar.Tag.Value.EndsWith(":bool") ? PlainType.Bool
                    : scalar.Tag.Value.EndsWith(":int") || scalar.Tag.Value.EndsWith(":float") ? PlainType.Number
                    : PlainType.String;
            }

            var value = scalar.Value ?? "";

            // Fast path, as this runs for every scalar of files with thousands of entries: a null, bool or number
            // can only start with one of these characters, and most values (names, URLs, base64 data) do not.
            if (value.Length > 0 && "~nNyYtTfFoO0123456789+-.".IndexOf(value[0]) < 0)
            {
                return PlainType.String;
            }

            return NullPattern.IsMatch(value) ? PlainType.Null
                : BoolPattern.IsMatch(value) ? PlainType.Bool
                : NumberPattern.IsMatch(value) ? PlainType.Number
                : PlainType.String;
        }

        /// <summary>The string kubectl reads from a validated string field; null when absent or YAML null.</summary>
        public static string? Text(YamlNode? node) =>
            node is YamlScalarNode scalar && TypeOf(scalar) != PlainType.Null ? scalar.Value : null;

        /// <summary>A validated bool field's value.</summary>
        public static bool IsTrue(YamlNode? node) =>
            node is YamlScalarNode scalar && TypeOf(scalar) == PlainType.Bool && TruePattern.IsMatch(scalar.Value ?? "");

        /// <summary>A new string scalar that every YAML reader, kubectl included, reads back as this exact string.</summary>
        public static YamlScalarNode Create(string value)
        {
            var scalar = new YamlScalarNode(value);
            var safe = SafePlainPattern.IsMatch(value) && !BoolPattern.IsMatch(value) && !NullPattern.IsMatch(value) && !NumberPattern.IsMatch(value);
            scalar.Style = safe ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
            return scalar;
        }
    }
}
