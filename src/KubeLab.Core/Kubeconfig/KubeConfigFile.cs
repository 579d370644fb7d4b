using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using KubeLab.Kubeconfig.Yaml;
using YamlDotNet.Core;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// One kubeconfig file as a YAML tree. Edits change the tree in place and the whole tree is written back, so every
    /// key KubeLab does not model (exec env, extensions, preferences, unknown fields) survives. A missing file is an
    /// empty tree that is created only if an edit lands in it. A node that aliases share, or a map with merge keys, is
    /// copied before an edit changes it, so an edit never leaks into the entries that share it.
    /// </summary>
    internal sealed class KubeConfigFile
    {
        private const string CurrentContextKey = "current-context";
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false);

        private readonly Dictionary<string, KubeConfigEntry>[] _byName;
        private readonly List<KubeConfigEntry>[] _ordered;
        private Node? _root;

        private KubeConfigFile(string path, bool exists, Node? root)
        {
            Path = path;
            Exists = exists;
            _root = root;
            _byName = EntryKinds.All.Select(_ => new Dictionary<string, KubeConfigEntry>(StringComparer.Ordinal)).ToArray();
            _ordered = EntryKinds.All.Select(_ => new List<KubeConfigEntry>()).ToArray();
            foreach (var kind in EntryKinds.All)
            {
                if (RootMap is Node map && Maps.Get(map, kind.ListKey())?.Resolved is Node list && list.IsSequence)
                {
                    // A null item ("- ") is an entry with an empty name to client-go, as it is here.
                    foreach (var item in list.Children.Where(i => i.Resolved.IsMapping || YamlScalars.IsNull(i)))
                    {
                        Add(new KubeConfigEntry(this, kind, item, YamlScalars.Text(Maps.Get(item.Resolved, KubeConfigSchema.NameKey)) ?? ""));
                    }
                }
            }
        }

        public string Path { get; }

        /// <summary>False for a chain file that does not exist: it contributes nothing to the merged view.</summary>
        public bool Exists { get; }

        public bool Changed { get; private set; }

        public string? CurrentContext => RootMap is Node root ? YamlScalars.Text(Maps.Get(root, CurrentContextKey)) : null;

        private Node? RootMap => _root?.Resolved is Node root && root.IsMapping ? root : null;

        /// <summary>Reads and validates <paramref name="path"/>; a missing file gives an empty, non-existing file.</summary>
        public static KubeConfigFile Load(string path)
        {
            FileBytes bytes;
            try
            {
                bytes = FileBytes.Read(path, length => KubeConfigParser.CheckSize(path, length));
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                return new KubeConfigFile(path, exists: false, null);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new KubeConfigException(KubeConfigErrorKind.Io, $"Cannot read the kubeconfig file {path}: {ex.Message}", path, null, ex);
            }

            using (bytes)
            {
                return new KubeConfigFile(path, exists: true, KubeConfigParser.Parse(path, bytes.Buffer, bytes.Length));
            }
        }

        public IReadOnlyList<KubeConfigEntry> Entries(EntryKind kind) => _ordered[(int)kind];

        public KubeConfigEntry? Find(EntryKind kind, string name) => _byName[(int)kind].TryGetValue(name, out var entry) ? entry : null;

        public void MarkChanged() => Changed = true;

        public void SetCurrentContext(string name)
        {
            TreeEdits.Set(OwnRoot(), CurrentContextKey, YamlScalars.Create(name));
            MarkChanged();
        }

        /// <summary>Appends {name, body: {}} to the list of <paramref name="kind"/>, creating the list if needed.</summary>
        public KubeConfigEntry AddEntry(EntryKind kind, string name)
        {
            var item = Node.Mapping(flow: false);
            TreeEdits.Set(item, KubeConfigSchema.NameKey, YamlScalars.Create(name));
            TreeEdits.Set(item, kind.BodyKey(), Node.Mapping(flow: false));
            var list = OwnList(kind, create: true)!;
            if (list.Children.Count == 0)
            {
                // "contexts: []" would otherwise grow into one long flow line; kubectl writes block lists.
                list.Flow = false;
            }

            list.Children.Add(item);
            var entry = new KubeConfigEntry(this, kind, item, name);
            Add(entry);
            MarkChanged();
            return entry;
        }

        public void RemoveEntry(KubeConfigEntry entry)
        {
            // By reference: the same content may appear twice.
            var items = OwnList(entry.Kind, create: false)!.Children;
            var index = items.FindIndex(i => ReferenceEquals(i, entry.Item));
            if (index >= 0)
            {
                items.RemoveAt(index);
            }

            _byName[(int)entry.Kind].Remove(entry.Name);
            _ordered[(int)entry.Kind].Remove(entry);
            MarkChanged();
        }

        /// <summary>The entry's item map, made safe to edit (copied out of aliases and merges), replacing it in its list.</summary>
        internal Node OwnItem(KubeConfigEntry entry)
        {
            var items = OwnList(entry.Kind, create: false)!.Children;
            var index = items.FindIndex(i => ReferenceEquals(i, entry.Item));
            var owned = entry.Item.Resolved.IsMapping ? TreeEdits.Owned(entry.Item) : Node.Mapping(flow: false);
            if (index >= 0)
            {
                items[index] = owned;
            }

            return owned;
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
            var root = OwnRoot();
            EnsureHeader(root, "apiVersion", "v1", 0);
            EnsureHeader(root, "kind", "Config", 1);
            var text = TreeWriter.Write(root);

            // The emitter may close the document with an explicit "..." marker; kubeconfig files never carry one.
            if (text.EndsWith("\n...\n", StringComparison.Ordinal))
            {
                text = text.Substring(0, text.Length - 4);
            }

            return Utf8NoBom.GetBytes(text);
        }

        private static void EnsureHeader(Node root, string key, string value, int position)
        {
            if (string.IsNullOrEmpty(YamlScalars.Text(Maps.Get(root, key))))
            {
                TreeEdits.Remove(root, key);
                var at = Math.Min(position, root.Children.Count / 2) * 2;
                root.Children.Insert(at, Node.Scalar(key, ScalarStyle.Plain));
                root.Children.Insert(at + 1, YamlScalars.Create(value));
            }
        }

        private void Add(KubeConfigEntry entry)
        {
            _byName[(int)entry.Kind][entry.Name] = entry;
            _ordered[(int)entry.Kind].Add(entry);
        }

        private Node? OwnList(EntryKind kind, bool create)
        {
            var root = OwnRoot();
            var key = kind.ListKey();
            var current = Maps.Get(root, key);
            if (current != null && current.Resolved.IsSequence)
            {
                var owned = TreeEdits.Owned(current);
                if (!ReferenceEquals(owned, current))
                {
                    TreeEdits.Set(root, key, owned);
                }

                return owned;
            }

            if (!create)
            {
                return null;
            }

            var list = Node.Sequence(flow: false);
            TreeEdits.Set(root, key, list);
            return list;
        }

        /// <summary>The top-level map; an empty file or a document that is just null becomes a fresh map.</summary>
        private Node OwnRoot()
        {
            if (RootMap is Node root)
            {
                if (Maps.HasMerge(root))
                {
                    _root = TreeEdits.Owned(root);
                }

                return _root!.Resolved;
            }

            _root = Node.Mapping(flow: false);
            return _root;
        }
    }
}
