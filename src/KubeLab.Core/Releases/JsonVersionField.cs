using System;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeLab.Releases
{
    /// <summary>
    /// Reads one string field out of a tool's JSON version output. JSON is YAML flow syntax, so YamlDotNet
    /// (already shipped for kubeconfig) reads it, and unknown or extra keys are simply ignored.
    /// </summary>
    internal static class JsonVersionField
    {
        public static ToolVersion? Read(string json, params string[] path)
        {
            var trimmed = json.Trim();
            if (!trimmed.StartsWith("{", StringComparison.Ordinal))
            {
                return null;
            }

            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(trimmed));
                YamlNode? node = stream.Documents.FirstOrDefault()?.RootNode;
                foreach (var key in path)
                {
                    node = node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
                }

                return node is YamlScalarNode scalar && ToolVersion.TryParse(scalar.Value, out var version) ? version : null;
            }
            catch (YamlException)
            {
                return null;
            }
        }
    }
}
