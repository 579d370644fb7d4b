using KubeLab.Kubeconfig.Yaml;

namespace KubeLab.Kubeconfig
{
    /// <summary>One {name, body} item of a file's clusters, users or contexts list, edited in place so unknown keys stay.</summary>
    internal sealed class KubeConfigEntry
    {
        public KubeConfigEntry(KubeConfigFile file, EntryKind kind, Node item, string name)
        {
            File = file;
            Kind = kind;
            Item = item;
            Name = name;
        }

        public KubeConfigFile File { get; }

        public EntryKind Kind { get; }

        /// <summary>The list item as it is in the file (an alias when the file aliases it); read through <see cref="Node.Resolved"/>.</summary>
        public Node Item { get; private set; }

        public string Name { get; private set; }

        /// <summary>The body map, or null when the item has none (or YAML null).</summary>
        public Node? Body => Maps.Get(Item.Resolved, Kind.BodyKey())?.Resolved is Node body && body.IsMapping ? body : null;

        /// <summary>A string field of the body, as kubectl reads it.</summary>
        public string? Field(string key) => YamlScalars.Text(Node(key));

        /// <summary>Any field of the body (validated against the schema when the file was loaded).</summary>
        public Node? Node(string key) => Body is Node body ? Maps.Get(body, key) : null;

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

            var item = OwnItem();
            var bodyKey = Kind.BodyKey();
            var current = Maps.Get(item, bodyKey);
            var body = current != null && current.Resolved.IsMapping ? TreeEdits.Owned(current) : Yaml.Node.Mapping(flow: false);
            if (!ReferenceEquals(body, current))
            {
                TreeEdits.Set(item, bodyKey, body);
            }

            if (value.Length == 0 && omitEmpty)
            {
                TreeEdits.Remove(body, key);
            }
            else
            {
                TreeEdits.Set(body, key, YamlScalars.Create(value));
            }

            File.MarkChanged();
            return true;
        }

        public void Rename(string newName)
        {
            TreeEdits.Set(OwnItem(), KubeConfigSchema.NameKey, YamlScalars.Create(newName));
            File.Rename(this, newName);
            Name = newName;
        }

        private Node OwnItem()
        {
            Item = File.OwnItem(this);
            return Item;
        }
    }
}
