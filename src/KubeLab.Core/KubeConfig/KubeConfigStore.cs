using System;

namespace KubeLab.Core.Kubeconfig
{
    /// <summary>
    /// Reads the merged kubeconfig and edits it the way client-go's ModifyConfig does: every edit takes the
    /// kubectl lock on each file in the precedence, re-reads under the lock, writes atomically to the file
    /// that owns each entry, and keeps every field KubeLab does not model.
    /// </summary>
    public sealed class KubeConfigStore
    {
        // TODO(H1): implement; this placeholder only fixes the API the cmdlets are written against.
        public KubeConfigStore(KubeConfigLocation location, IOperationLog log)
        {
            Location = location;
            _ = log;
        }

        public KubeConfigLocation Location { get; }

        public KubeConfig Read() => throw new NotImplementedException();

        /// <summary>kubectl config use-context.</summary>
        public KubeContext UseContext(string name) => throw new NotImplementedException();

        /// <summary>kubectl config set-context: creates the context when missing; null leaves a field as it is.</summary>
        public KubeContext SetContext(string name, string? cluster, string? user, string? @namespace) => throw new NotImplementedException();

        /// <summary>kubectl config rename-context (current-context follows the rename).</summary>
        public KubeContext RenameContext(string name, string newName) => throw new NotImplementedException();

        /// <summary>kubectl config delete-context, optionally with the cluster and user no other context uses.</summary>
        public KubeContextRemoval RemoveContext(string name, bool removeUnusedClusterAndUser) => throw new NotImplementedException();

        /// <summary>kubectl config delete-cluster.</summary>
        public KubeCluster RemoveCluster(string name) => throw new NotImplementedException();

        /// <summary>kubectl config delete-user.</summary>
        public KubeUser RemoveUser(string name) => throw new NotImplementedException();
    }
}
