namespace KubeLab.Kubeconfig
{
    /// <summary>The three named lists of a kubeconfig that KubeLab models.</summary>
    internal enum EntryKind
    {
        Cluster,
        User,
        Context,
    }

    internal static class EntryKinds
    {
        public static readonly EntryKind[] All = { EntryKind.Cluster, EntryKind.User, EntryKind.Context };

        /// <summary>The top-level list key, e.g. "contexts".</summary>
        public static string ListKey(this EntryKind kind) => kind.BodyKey() + "s";

        /// <summary>The key of an entry's body, e.g. "context" in {name: dev, context: {...}}.</summary>
        public static string BodyKey(this EntryKind kind) => kind == EntryKind.Cluster ? "cluster" : kind == EntryKind.User ? "user" : "context";
    }
}
