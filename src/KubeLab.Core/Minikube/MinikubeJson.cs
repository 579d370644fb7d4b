using System;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeLab.Minikube
{
    /// <summary>
    /// Reads minikube's JSON. JSON is YAML flow syntax, so YamlDotNet (already shipped) reads it. The text is
    /// bounded first: a process's output is input from elsewhere, and a deep nesting must never reach a
    /// recursive parser (a stack overflow ends the whole PowerShell session).
    /// </summary>
    internal static class MinikubeJson
    {
        public const int MaxLength = 16 * 1024 * 1024;
        public const int MaxDepth = 64;

        /// <exception cref="MinikubeException">Too large, too deep, or not JSON.</exception>
        public static YamlNode Parse(string text, string what)
        {
            if (text.Length > MaxLength)
            {
                throw Invalid(what, $"it is larger than {MaxLength} characters");
            }

            if (Depth(text) > MaxDepth)
            {
                throw Invalid(what, $"it nests deeper than {MaxDepth} levels");
            }

            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                return stream.Documents.FirstOrDefault()?.RootNode ?? throw Invalid(what, "it is empty");
            }
            catch (YamlException ex)
            {
                throw Invalid(what, ex.Message, ex);
            }
        }

        public static YamlNode? Child(YamlNode? node, string key) =>
            node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

        /// <summary>A scalar's text; null when missing, JSON null, or not a scalar.</summary>
        public static string? Text(YamlNode? node, string key) => Text(Child(node, key));

        public static string? Text(YamlNode? node)
        {
            if (!(node is YamlScalarNode scalar) || scalar.Value == null)
            {
                return null;
            }

            // An unquoted null is JSON's null; a quoted "null" is the string.
            return scalar.Style == ScalarStyle.Plain && scalar.Value == "null" ? null : scalar.Value;
        }

        public static bool Bool(YamlNode? node, string key) => string.Equals(Text(node, key), "true", StringComparison.Ordinal);

        public static int? Int(YamlNode? node, string key) =>
            int.TryParse(Text(node, key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : (int?)null;

        public static long? Long(YamlNode? node, string key) =>
            long.TryParse(Text(node, key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : (long?)null;

        internal static MinikubeException Invalid(string what, string why, Exception? inner = null) =>
            new MinikubeException(MinikubeErrorKind.InvalidOutput, $"Could not read {what}: {why}.", null, inner);

        /// <summary>The deepest [ / { nesting outside strings.</summary>
        private static int Depth(string text)
        {
            int depth = 0, max = 0;
            var inString = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }
                }
                else if (c == '"')
                {
                    inString = true;
                }
                else if (c == '{' || c == '[')
                {
                    max = Math.Max(max, ++depth);
                }
                else if (c == '}' || c == ']')
                {
                    depth--;
                }
            }

            return max;
        }
    }
}
