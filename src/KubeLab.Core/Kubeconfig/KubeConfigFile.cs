using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// One kubeconfig file as a YAML tree. Edits change the tree in place and the whole tree is written back, so every
    /// key KubeLab does not model (exec env, extensions, preferences, unknown fields) survives. A missing file is an
    /// empty tree that is created only if an edit lands in it.
    /// </summary>
    internal sealed class KubeConfigFile
    {
        private static readonly YamlScalarNode CurrentContextKey = new YamlScalarNode("current-context");
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false);

        private readonly Dictionary<string, KubeConfigEntry>[] _byName;
        private readonly List<KubeConfigEntry>[] _ordered;
        private YamlStream _stream;

        private KubeConfigFile(string path, bool exists, YamlStream stream)
        {
            Path = path;
            Exists = exists;
            _stream = stream;
            _byName = EntryKinds.All.Select(_ => new Dictionary<string, KubeConfigEntry>(StringComparer.Ordinal)).ToArray();
            _ordered = EntryKinds.All.Select(_ => new List<KubeConfigEntry>()).ToArray();
            foreach (var kind in EntryKinds.All)
            {
                if (List(kind, create: false) is YamlSequenceNode list)
                {
                    // A null item ("- ") names nothing KubeLab can address; it stays in the file untouched.
                    foreach (var item in list.Children.OfType<YamlMappingNode>())
                    {
                        var name = item.Children.TryGetValue(KubeConfigSchema.NameKey, out var value) ? YamlScalars.Text(value) ?? "" : "";
                        Add(new KubeConfigEntry(this, kind, item, name));
                    }
                }
            }
        }

        public string Path { get; }

        /// <summary>False for a chain file that does not exist: it contributes nothing to the merged view.</summary>
        public bool Exists { get; }

        public bool Changed { get; private set; }

        public string? CurrentContext => Root is YamlMappingNode root && root.Children.TryGetValue(CurrentContextKey, out var value) ? YamlScalars.Text(value) : null;

        private YamlMappingNode? Root => _stream.Documents.Count > 0 ? _stream.Documents[0].RootNode as YamlMappingNode : null;

        /// <summary>Reads and validates <paramref name="path"/>; a missing file gives an empty, non-existing file.</summary>
        public static KubeConfigFile Load(string path)
        {
            var stream = new YamlStream();
            try
            {
                // Streamed, not read into one string first: a large file would be a large-object-heap string, and
                // those allocations force full garbage collections that cost more than the parse itself.
                using (var reader = new StreamReader(path, Utf8NoBom, detectEncodingFromByteOrderMarks: true, bufferSize: 65536))
                {
                    stream.Load(reader);
                }
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                return new KubeConfigFile(path, exists: false, new YamlStream());
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new KubeConfigException(KubeConfigErrorKind.Io, $"Cannot read the kubeconfig file {path}: {ex.Message}", path, null, ex);
            }
            catch (YamlException ex)
            {
                var line = (int)ex.Start.Line;
                throw new KubeConfigException(
                    KubeConfigErrorKind.InvalidFile, $"{path}:{line}: not valid YAML: {ex.Message}", path, line, ex);
            }

            if (stream.Documents.Count > 0)
            {
                KubeConfigSchema.Validate(stream.Documents[0].RootNode, path);
            }

            return new KubeConfigFile(path, exists: true, stream);
        }

        public IReadOnlyList<KubeConfigEntry> Entries(EntryKind kind) => _ordered[(int)kind];

        public KubeConfigEntry? Find(EntryKind kind, string name) => _byName[(int)kind].TryGetValue(name, out var entry) ? entry : null;

        public void MarkChanged() => Changed = true;

        public void SetCurrentContext(string name)
        {
            EnsureRoot().Children[CurrentContextKey] = YamlScalars.Create(name);
            MarkChanged();
        }

        /// <summary>Appends {name, body: {}} to the list of <paramref name="kind"/>, creating the list if needed.</summary>
        public KubeConfigEntry AddEntry(EntryKind kind, string name)
        {
            var item = new YamlMappingNode();
            item.Children.Add(KubeConfigSchema.NameKey, YamlScalars.Create(name));
            item.Children.Add(new YamlScalarNode(kind.BodyKey()), new YamlMappingNode());
            var list = List(kind, create: true)!;
            if (list.Children.Count == 0)
            {
                // "contexts: []" would otherwise grow into one long flow line; kubectl writes block lists.
                list.Style = SequenceStyle.Block;
            }

            list.Children.Add(item);
            var entry = new KubeConfigEntry(this, kind, item, name);
            Add(entry);
            MarkChanged();
            return entry;
        }

        public void RemoveEntry(KubeConfigEntry entry)
        {
            // By reference: YamlNode equality is structural and would compare whole subtrees.
            var items = List(entry.Kind, create: false)!.Children;
            for (var i = 0; i < items.Count; i++)
            {
                if (ReferenceEquals(items[i], entry.Item))
                {
                    items.RemoveAt(i);
                    break;
                }
            }

            _byName[(int)entry.Kind].Remove(entry.Name);
            _ordered[(int)entry.Kind].Remove(entry);
            MarkChanged();
        }

        /// <summary>Called by <see cref="KubeConfigEntry.Rename"/> so lookups follow the new name.</summary>
        internal void Rename(KubeConfigEntry entry, string newName)
        {
            _byName[(int)entry.Kind].Remove(entry.Name);
            _byName[(int)entry.Kind][newName] = entry;
            MarkChanged();
        }

        /// <summary>The file as client-go would accept it: apiVersion v1 and kind Config are added when missing, like WriteToFile.</summary>
        public byte[] Serialize()
        {
            var root = EnsureRoot();
            EnsureHeader(root, "apiVersion", "v1", 0);
            EnsureHeader(root, "kind", "Config", 1);
            var writer = new StringWriter { NewLine = "\n" };
            _stream.Save(writer, assignAnchors: false);
            // YamlDotNet closes the document with an explicit "..." marker; kubeconfig files never carry one.
            var text = writer.ToString();
            if (text.EndsWith("\n...\n", StringComparison.Ordinal))
            {
                text = text.Substring(0, text.Length - 4);
            }

            return Utf8NoBom.GetBytes(text);
        }

        private static void EnsureHeader(YamlMappingNode root, string key, string value, int position)
        {
            var keyNode = new YamlScalarNode(key);
            if (string.IsNullOrEmpty(root.Children.TryGetValue(keyNode, out var existing) ? YamlScalars.Text(existing) : null))
            {
                root.Children.Remove(keyNode);
                root.Children.Insert(Math.Min(position, root.Children.Count), keyNode, YamlScalars.Create(value));
            }
        }

        private void Add(KubeConfigEntry entry)
        {
            _byName[(int)entry.Kind][entry.Name] = entry;
            _ordered[(int)entry.Kind].Add(entry);
        }

        private YamlSequenceNode? List(EntryKind kind, bool create)
        {
            var key = new YamlScalarNode(kind.ListKey());
            if (Root is YamlMappingNode root && root.Children.TryGetValue(key, out var node) && node is YamlSequenceNode list)
            {
                return list;
            }

            if (!create)
            {
                return null;
            }

            list = new YamlSequenceNode();
            EnsureRoot().Children[key] = list;
            return list;
        }

        /// <summary>The top-level map; an empty file or a document that is just null becomes a fresh map.</summary>
        private YamlMappingNode EnsureRoot()
        {
            if (Root is YamlMappingNode root)
            {
                return root;
            }

            root = new YamlMappingNode();
            _stream = new YamlStream(new YamlDocument(root));
            return root;
        }
    }
}
