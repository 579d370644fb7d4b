using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KubeLab.FileSystem;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// Reads the merged kubeconfig and edits it the way client-go's ModifyConfig does: every edit takes the
    /// kubectl lock on each file in the precedence, re-reads under the lock, writes atomically to the file
    /// that owns each entry, and keeps every field KubeLab does not model.
    /// </summary>
    public sealed class KubeConfigStore
    {
        private static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(2);

        private readonly IOperationLog _log;
        private readonly TimeSpan _lockWait;

        public KubeConfigStore(KubeConfigLocation location, IOperationLog log)
            : this(location, log, DefaultLockWait)
        {
        }

        /// <param name="lockWait">How long to retry while another writer holds a lock (zero: fail at once like kubectl).</param>
        internal KubeConfigStore(KubeConfigLocation location, IOperationLog log, TimeSpan lockWait)
        {
            Location = location;
            _log = log;
            _lockWait = lockWait;
        }

        public KubeConfigLocation Location { get; }

        /// <summary>The merged view, without locks (kubectl reads without them too; writes are atomic renames).</summary>
        public KubeConfig Read()
        {
            var view = MergedView.Load(Location, forReading: true);
            if (view.Files.All(f => !f.Exists))
            {
                // client-go warns for a KUBECONFIG naming only missing files (usually a typo); it says nothing when
                // ~/.kube/config is missing, which leaves a new user with an empty answer and no idea where to look.
                _log.Warning(Location.FromVariable
                    ? $"None of the kubeconfig files in KUBECONFIG exists: {Location.SearchedFiles}."
                    : $"The kubeconfig file {Location.HomeFile} does not exist (KUBECONFIG is not set, so it is the one file kubectl and KubeLab read).");
            }

            return EntryMapper.ToConfig(view, Location);
        }

        /// <summary>kubectl config use-context.</summary>
        public KubeContext UseContext(string name)
        {
            RequireName(name, nameof(name));
            return Edit(view =>
            {
                var context = view.Find(EntryKind.Context, name)
                    ?? throw NotFound(EntryKind.Context, name, "Cannot use");
                WriteCurrentContext(view, name);
                return EntryMapper.ToContext(context, name);
            });
        }

        /// <summary>kubectl config set-context: creates the context when missing; null leaves a field as it is.</summary>
        public KubeContext SetContext(string name, string? cluster, string? user, string? @namespace)
        {
            RequireName(name, nameof(name));
            return Edit(view =>
            {
                var context = view.Find(EntryKind.Context, name);
                if (context == null)
                {
                    // A new entry has no origin yet: client-go puts it in the default file.
                    context = view.FileAt(Location.DefaultFile).AddEntry(EntryKind.Context, name);
                    _log.Verbose($"Creating context \"{name}\" in {context.File.Path}");
                }

                // cluster and user are written even when empty (not omitempty in client-go); namespace "" unsets it.
                var changed = (cluster != null && context.SetField("cluster", cluster, omitEmpty: false))
                    | (user != null && context.SetField("user", user, omitEmpty: false))
                    | (@namespace != null && context.SetField("namespace", @namespace, omitEmpty: true));
                if (changed)
                {
                    _log.Verbose($"Setting context \"{name}\" in {context.File.Path}");
                }

                return EntryMapper.ToContext(context, view.CurrentContext);
            });
        }

        /// <summary>kubectl config rename-context: the entry stays in its file; a current-context that follows goes to the default file.</summary>
        public KubeContext RenameContext(string name, string newName)
        {
            RequireName(newName, nameof(newName));
            return Edit(view =>
            {
                var context = view.Find(EntryKind.Context, name)
                    ?? throw NotFound(EntryKind.Context, name, "Cannot rename");
                if (view.Find(EntryKind.Context, newName) != null)
                {
                    throw new KubeConfigException(
                        KubeConfigErrorKind.AlreadyExists,
                        $"Cannot rename the context \"{name}\" to \"{newName}\": a context named \"{newName}\" already exists in {Location.SearchedFiles}.");
                }

                var current = view.CurrentContext;
                _log.Verbose($"Renaming context \"{name}\" to \"{newName}\" in {context.File.Path}");
                context.Rename(newName);
                if (current == name)
                {
                    WriteCurrentContext(view, newName);
                }

                return EntryMapper.ToContext(context, view.CurrentContext);
            });
        }

        /// <summary>
        /// kubectl config delete-context. Like kubectl, deleting the current context leaves current-context pointing at the
        /// missing name and warns; with <paramref name="removeUnusedClusterAndUser"/> its cluster and user go too when no
        /// context left in the merged view refers to them.
        /// </summary>
        public KubeContextRemoval RemoveContext(string name, bool removeUnusedClusterAndUser)
        {
            var removal = Edit(view =>
            {
                var context = Remove(view, EntryKind.Context, name);
                var removed = EntryMapper.ToContext(context, view.CurrentContext);
                var clusters = new List<KubeCluster>();
                var users = new List<KubeUser>();
                if (removeUnusedClusterAndUser)
                {
                    var remaining = view.Entries(EntryKind.Context).ToArray();
                    if (RemoveIfUnused(view, EntryKind.Cluster, removed.Cluster, remaining) is KubeConfigEntry cluster)
                    {
                        clusters.Add(EntryMapper.ToCluster(cluster));
                    }

                    if (RemoveIfUnused(view, EntryKind.User, removed.User, remaining) is KubeConfigEntry user)
                    {
                        users.Add(EntryMapper.ToUser(user));
                    }
                }

                return new KubeContextRemoval(removed, clusters, users);
            });

            if (removal.Context.IsCurrent)
            {
                _log.Warning($"This removed your active context \"{name}\"; use Use-KubeContext (kubectl config use-context) to select a different one.");
            }

            return removal;
        }

        /// <summary>kubectl config delete-cluster.</summary>
        public KubeCluster RemoveCluster(string name) => Edit(view => EntryMapper.ToCluster(Remove(view, EntryKind.Cluster, name)));

        /// <summary>kubectl config delete-user.</summary>
        public KubeUser RemoveUser(string name) => Edit(view => EntryMapper.ToUser(Remove(view, EntryKind.User, name)));

        /// <summary>Removes the winning entry from its origin file only: a same-named entry in a later file then shows through.</summary>
        private KubeConfigEntry Remove(MergedView view, EntryKind kind, string name)
        {
            var entry = view.Find(kind, name)
                ?? throw NotFound(kind, name, "Cannot remove");
            _log.Verbose($"Deleting {kind.BodyKey()} \"{name}\" from {entry.File.Path}");
            entry.File.RemoveEntry(entry);
            return entry;
        }

        private KubeConfigEntry? RemoveIfUnused(MergedView view, EntryKind kind, string name, IReadOnlyList<KubeConfigEntry> remainingContexts)
        {
            var field = kind.BodyKey();
            if (name.Length == 0 || view.Find(kind, name) == null || remainingContexts.Any(c => c.Field(field) == name))
            {
                return null;
            }

            return Remove(view, kind, name);
        }

        /// <summary>client-go writeCurrentContext: a new value goes to the explicit or default file, and only when it changes.</summary>
        private void WriteCurrentContext(MergedView view, string name)
        {
            if (view.CurrentContext == name)
            {
                return;
            }

            var file = view.FileAt(Location.DefaultFile);
            _log.Verbose($"Setting current-context to \"{name}\" in {file.Path}");
            file.SetCurrentContext(name);
        }

        /// <summary>kubectl refuses empty context names for use-context and set-context too.</summary>
        private static void RequireName(string name, string parameter)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("Empty context names are not allowed.", parameter);
            }
        }

        /// <summary>KubeLab's words (kubectl's differ per command), naming every file that was searched.</summary>
        private KubeConfigException NotFound(EntryKind kind, string name, string action) =>
            new KubeConfigException(
                KubeConfigErrorKind.NotFound,
                $"{action} the {kind.BodyKey()} \"{name}\": no {kind.BodyKey()} named \"{name}\" in {Location.SearchedFiles}.");

        /// <summary>
        /// ModifyConfig's frame: lock every file, read everything under the locks (so no concurrent edit is lost),
        /// apply the change in memory, then write only the files that changed. Errors before the writes leave every file as it was.
        /// </summary>
        private T Edit<T>(Func<MergedView, T> change)
        {
            // Checked before locking, as taking a lock creates the file's folder.
            Location.EnsureExplicitFileExists();
            using (var locks = KubeConfigLocks.Acquire(Location.Precedence, _lockWait, _log))
            {
                KubeConfigTempFiles.RemoveAbandoned(Location.Precedence, _log);
                var view = MergedView.Load(Location, forReading: false);
                var result = change(view);
                var pending = view.Files.Where(f => f.Changed).Select(f => (f.Path, Content: f.Serialize())).ToArray();
                foreach (var (path, content) in pending)
                {
                    locks.KeepCreatedDirectories();
                    Write(path, content);
                }

                return result;
            }
        }

        private void Write(string path, byte[] content)
        {
            _log.Verbose($"Writing {path}");
            try
            {
                KubeConfigDirectories.Ensure(Path.GetDirectoryName(path));
                AtomicFile.WriteAllBytes(path, content, 0x180);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new KubeConfigException(KubeConfigErrorKind.Io, $"Cannot write the kubeconfig file {path}: {ex.Message}", path, null, ex);
            }
        }
    }
}
