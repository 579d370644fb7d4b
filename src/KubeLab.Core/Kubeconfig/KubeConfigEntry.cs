using YamlDotNet.RepresentationModel;

namespace KubeLab.Kubeconfig
{
    /// <summary>One {name, body} item of a file's clusters, users or contexts list, edited in place so unknown keys stay.</summary>
    internal sealed class KubeConfigEntry
    {
        public KubeConfigEntry(KubeConfigFile file, EntryKind kind, YamlMappingNode item, string name)
        {
            File = file;
            Kind = kind;
            Item = item;
            Name = name;
        }

        public KubeConfigFile File { get; }

        public EntryKind Kind { get; }

        public YamlMappingNode Item { get; }

        public string Name { get; private set; }

        /// <summary>The body map, or null when the item has none (or YAML null).</summary>
        public YamlMappingNode? Body => Item.Children.TryGetValue(new YamlScalarNode(Kind.BodyKey()), out var body) ? body as YamlMappingNode : null;

        /// <summary>A string field of the body, as kubectl reads it.</summary>
        public string? Field(string key) => YamlScalars.Text(Node(key));

        /// <summary>Any field of the body (validated against the schema when the file was loaded).</summary>
        public YamlNode? Node(string key) =>
            Body is YamlMappingNode body && body.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        /// <summary>
        /// Sets a string field the way kubectl's typed edit would end up on disk: an equal value is no change (so the file is
        /// not rewritten), and "" drops an omitempty field such as namespace but is kept for cluster and user.
        /// </summary>
        public bool SetField(string key, string value, bool omitEmpty)
        {
            if ((Field(key) ?? "") == value)
            {
                return false;
            }

            var body = Body;
            if (body == null)
            {
                body = new YamlMappingNode();
                Item.Children[new YamlScalarNode(Kind.BodyKey())] = body;
            }

            if (value.Length == 0 && omitEmpty)
            {
                body.Children.Remove(new YamlScalarNode(key));
            }
            else
            {
                body.Children[new YamlScalarNode(key)] = YamlScalars.Create(value);
            }

            File.MarkChanged();
            return true;
        }

        public void Rename(string newName)
        {
            Item.Children[KubeConfigSchema.NameKey] = YamlScalars.Create(newName);
            File.Rename(this, newName);
            Name = newName;
        }
    }
}
