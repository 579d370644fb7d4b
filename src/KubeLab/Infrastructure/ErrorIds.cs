namespace KubeLab.Infrastructure
{
    /// <summary>
    /// Every error id KubeLab writes, in one place. Scripts match on them (FullyQualifiedErrorId), so an id never
    /// changes once shipped; each has exactly one category, set beside it in <see cref="ErrorMapping"/>.
    /// </summary>
    internal static class ErrorIds
    {
        // Kubeconfig
        public const string KubeConfigInvalid = "KubeConfigInvalid";
        public const string KubeConfigNotFound = "KubeConfigNotFound";
        public const string KubeConfigEntryExists = "KubeConfigEntryExists";
        public const string KubeConfigLocked = "KubeConfigLocked";
        public const string KubeConfigIoFailed = "KubeConfigIoFailed";
        public const string NoCurrentContext = "NoCurrentContext";

        // Tools
        public const string ChecksumMismatch = "ChecksumMismatch";
        public const string ChecksumUnavailable = "ChecksumUnavailable";
        public const string InvalidArchive = "InvalidArchive";
        public const string DestinationNotWritable = "DestinationNotWritable";
        public const string VersionCheckFailed = "VersionCheckFailed";
        public const string NotInstalled = "NotInstalled";
        public const string NotInstalledByKubeLab = "NotInstalledByKubeLab";
        public const string LatestVersionUnknown = "LatestVersionUnknown";
        public const string VersionForSeveralTools = "VersionForSeveralTools";
        public const string ToolOperationFailed = "ToolOperationFailed";

        // Downloads
        public const string DownloadFailed = "DownloadFailed";
        public const string DownloadNotFound = "DownloadNotFound";

        // Host and processes
        public const string UnsupportedPlatform = "UnsupportedPlatform";
        public const string ElevationRequired = "ElevationRequired";
        public const string ProgramNotFound = "ProgramNotFound";
        public const string InvalidArgument = "InvalidToolArgument";

        // Minikube
        public const string MinikubeFailed = "MinikubeFailed";
        public const string MinikubeNotInstalled = "MinikubeNotInstalled";
        public const string MinikubeProfileNotFound = "MinikubeProfileNotFound";
        public const string MinikubeNotRunning = "MinikubeNotRunning";
        public const string DockerGroupRequired = "DockerGroupRequired";
        public const string MinikubeCommandExitCode = "MinikubeCommandExitCode";
        public const string MinikubeOutputInvalid = "MinikubeOutputInvalid";

        // Docker
        public const string DockerUnsupportedSystem = "DockerUnsupportedSystem";
        public const string DockerKeyFingerprintMismatch = "DockerKeyFingerprintMismatch";
        public const string DockerInvalidKey = "DockerInvalidKey";
        public const string DockerVersionNotFound = "DockerVersionNotFound";
        public const string DockerCommandFailed = "DockerCommandFailed";
        public const string DockerDaemonNotStarted = "DockerDaemonNotStarted";
        public const string DockerInvalidUserName = "DockerInvalidUserName";
        public const string DockerUserNotFound = "DockerUserNotFound";

        // Lab
        public const string HostChecksFailed = "HostChecksFailed";
        public const string LabStepFailed = "LabStepFailed";
    }
}
