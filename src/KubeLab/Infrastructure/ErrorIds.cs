namespace KubeLab.Infrastructure
{
    /// <summary>Stable error ids: scripts match on them, so they never change once shipped.</summary>
    internal static class ErrorIds
    {
        public const string KubeConfigInvalid = "KubeConfigInvalid";
        public const string KubeConfigNotFound = "KubeConfigNotFound";
        public const string KubeConfigEntryExists = "KubeConfigEntryExists";
        public const string KubeConfigLocked = "KubeConfigLocked";
        public const string KubeConfigIoFailed = "KubeConfigIoFailed";
        public const string NoCurrentContext = "NoCurrentContext";
    }
}
