using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using KubeLab.Docker;
using KubeLab.Downloads;
using KubeLab.Kubeconfig;
using KubeLab.Minikube;
using KubeLab.Processes;
using KubeLab.Tools;

namespace KubeLab.Infrastructure
{
    /// <summary>
    /// Turns Core's exceptions into ErrorRecords: one mapping per family of Core exceptions, one category per id.
    /// The message is Core's own (it already says what failed, where, and what to do).
    /// </summary>
    internal static class ErrorMapping
    {
        private static readonly Dictionary<string, ErrorCategory> Categories = new Dictionary<string, ErrorCategory>
        {
            [ErrorIds.KubeConfigInvalid] = ErrorCategory.InvalidData,
            [ErrorIds.KubeConfigNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.KubeConfigEntryExists] = ErrorCategory.ResourceExists,
            [ErrorIds.KubeConfigLocked] = ErrorCategory.ResourceBusy,
            [ErrorIds.KubeConfigIoFailed] = ErrorCategory.WriteError,
            [ErrorIds.NoCurrentContext] = ErrorCategory.InvalidOperation,
            [ErrorIds.ChecksumMismatch] = ErrorCategory.SecurityError,
            [ErrorIds.ChecksumUnavailable] = ErrorCategory.InvalidData,
            [ErrorIds.InvalidArchive] = ErrorCategory.InvalidData,
            [ErrorIds.DestinationNotWritable] = ErrorCategory.WriteError,
            [ErrorIds.VersionCheckFailed] = ErrorCategory.InvalidResult,
            [ErrorIds.NotInstalled] = ErrorCategory.ObjectNotFound,
            [ErrorIds.NotInstalledByKubeLab] = ErrorCategory.PermissionDenied,
            [ErrorIds.LatestVersionUnknown] = ErrorCategory.InvalidData,
            [ErrorIds.VersionForSeveralTools] = ErrorCategory.InvalidArgument,
            [ErrorIds.ToolOperationFailed] = ErrorCategory.WriteError,
            [ErrorIds.DownloadFailed] = ErrorCategory.ConnectionError,
            [ErrorIds.DownloadNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.UnsupportedPlatform] = ErrorCategory.NotImplemented,
            [ErrorIds.ElevationRequired] = ErrorCategory.PermissionDenied,
            [ErrorIds.ProgramNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.InvalidArgument] = ErrorCategory.InvalidArgument,

            // Minikube
            [ErrorIds.MinikubeFailed] = ErrorCategory.InvalidResult,
            [ErrorIds.MinikubeNotInstalled] = ErrorCategory.ObjectNotFound,
            [ErrorIds.MinikubeProfileNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.MinikubeNotRunning] = ErrorCategory.InvalidOperation,
            [ErrorIds.DockerGroupRequired] = ErrorCategory.PermissionDenied,
            [ErrorIds.MinikubeCommandExitCode] = ErrorCategory.InvalidResult,
            [ErrorIds.MinikubeOutputInvalid] = ErrorCategory.InvalidData,

            // Docker
            [ErrorIds.DockerUnsupportedSystem] = ErrorCategory.NotImplemented,
            [ErrorIds.DockerKeyFingerprintMismatch] = ErrorCategory.SecurityError,
            [ErrorIds.DockerInvalidKey] = ErrorCategory.InvalidData,
            [ErrorIds.DockerVersionNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.DockerCommandFailed] = ErrorCategory.InvalidResult,
            [ErrorIds.DockerDaemonNotStarted] = ErrorCategory.NotEnabled,
            [ErrorIds.DockerInvalidUserName] = ErrorCategory.InvalidArgument,
            [ErrorIds.DockerUserNotFound] = ErrorCategory.ObjectNotFound,

            // Lab
            [ErrorIds.HostChecksFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.LabStepFailed] = ErrorCategory.NotSpecified,
        };

        private static readonly Dictionary<KubeConfigErrorKind, string> KubeConfigIds = new Dictionary<KubeConfigErrorKind, string>
        {
            [KubeConfigErrorKind.InvalidFile] = ErrorIds.KubeConfigInvalid,
            [KubeConfigErrorKind.NotFound] = ErrorIds.KubeConfigNotFound,
            [KubeConfigErrorKind.AlreadyExists] = ErrorIds.KubeConfigEntryExists,
            [KubeConfigErrorKind.Locked] = ErrorIds.KubeConfigLocked,
            [KubeConfigErrorKind.Io] = ErrorIds.KubeConfigIoFailed,
        };

        private static readonly Dictionary<ToolInstallError, string> ToolIds = new Dictionary<ToolInstallError, string>
        {
            [ToolInstallError.ChecksumMismatch] = ErrorIds.ChecksumMismatch,
            [ToolInstallError.ChecksumUnavailable] = ErrorIds.ChecksumUnavailable,
            [ToolInstallError.InvalidArchive] = ErrorIds.InvalidArchive,
            [ToolInstallError.DestinationNotWritable] = ErrorIds.DestinationNotWritable,
            [ToolInstallError.VersionCheckFailed] = ErrorIds.VersionCheckFailed,
            [ToolInstallError.NotInstalled] = ErrorIds.NotInstalled,
            [ToolInstallError.NotInstalledByKubeLab] = ErrorIds.NotInstalledByKubeLab,
            [ToolInstallError.VersionForSeveralTools] = ErrorIds.VersionForSeveralTools,
        };

        private static readonly Dictionary<MinikubeErrorKind, string> MinikubeIds = new Dictionary<MinikubeErrorKind, string>
        {
            [MinikubeErrorKind.NotInstalled] = ErrorIds.MinikubeNotInstalled,
            [MinikubeErrorKind.ProfileNotFound] = ErrorIds.MinikubeProfileNotFound,
            [MinikubeErrorKind.NotRunning] = ErrorIds.MinikubeNotRunning,
            [MinikubeErrorKind.DockerGroupRequired] = ErrorIds.DockerGroupRequired,
            [MinikubeErrorKind.CommandExitCode] = ErrorIds.MinikubeCommandExitCode,
            [MinikubeErrorKind.InvalidOutput] = ErrorIds.MinikubeOutputInvalid,
            [MinikubeErrorKind.Failed] = ErrorIds.MinikubeFailed,
        };

        private static readonly Dictionary<DockerErrorKind, string> DockerIds = new Dictionary<DockerErrorKind, string>
        {
            [DockerErrorKind.UnsupportedSystem] = ErrorIds.DockerUnsupportedSystem,
            [DockerErrorKind.KeyFingerprintMismatch] = ErrorIds.DockerKeyFingerprintMismatch,
            [DockerErrorKind.InvalidKey] = ErrorIds.DockerInvalidKey,
            [DockerErrorKind.VersionNotFound] = ErrorIds.DockerVersionNotFound,
            [DockerErrorKind.CommandFailed] = ErrorIds.DockerCommandFailed,
            [DockerErrorKind.DaemonNotStarted] = ErrorIds.DockerDaemonNotStarted,
            [DockerErrorKind.InvalidUserName] = ErrorIds.DockerInvalidUserName,
            [DockerErrorKind.UserNotFound] = ErrorIds.DockerUserNotFound,
        };

        /// <summary>Whether this is a failure Core reports on purpose (anything else is a bug and surfaces as is).</summary>
        public static bool IsKnown(Exception ex) => IdOf(ex) != null;

        public static ErrorRecord ToErrorRecord(Exception ex, object? target)
        {
            var id = IdOf(ex) ?? throw new ArgumentException("No error id for " + ex.GetType().Name, nameof(ex), ex);
            var record = new ErrorRecord(ex, id, CategoryOf(id), target ?? (ex as KubeConfigException)?.File);
            if (ex is ArgumentException argument && argument.ParamName != null)
            {
                // .NET appends "(Parameter 'name')" naming a C# parameter, which means nothing to the user.
                record.ErrorDetails = new ErrorDetails(argument.Message.Replace($" (Parameter '{argument.ParamName}')", string.Empty));
            }

            return record;
        }

        /// <summary>An ErrorRecord for a failure found in the cmdlet layer itself (a bad parameter combination ...).</summary>
        public static ErrorRecord Create(Exception ex, string id, object? target) => new ErrorRecord(ex, id, CategoryOf(id), target);

        internal static ErrorCategory CategoryOf(string id) => Categories[id];

        internal static IEnumerable<string> AllIds => Categories.Keys;

        private static string? IdOf(Exception ex)
        {
            switch (ex)
            {
                case KubeConfigException kubeconfig:
                    return KubeConfigIds[kubeconfig.Kind];
                case ToolInstallException install:
                    return ToolIds[install.Error];
                case DownloadException download:
                    return download.Failure == DownloadFailure.NotFound ? ErrorIds.DownloadNotFound : ErrorIds.DownloadFailed;
                case ElevationRequiredException _:
                    return ErrorIds.ElevationRequired;
                case ProgramNotFoundException _:
                    return ErrorIds.ProgramNotFound;
                case PlatformNotSupportedException _:
                    return ErrorIds.UnsupportedPlatform;
                case InvalidDataException _:
                    return ErrorIds.LatestVersionUnknown;
                case ArgumentException _:
                    return ErrorIds.InvalidArgument;
                case UnauthorizedAccessException _:
                    return ErrorIds.DestinationNotWritable;
                case IOException _:
                    return ErrorIds.ToolOperationFailed;
                case KubeLab.Lab.HostChecksFailedException _:
                    return ErrorIds.HostChecksFailed;
                case DockerException docker:
                    return DockerIds[docker.Kind];
                case MinikubeException minikube:
                    return MinikubeIds[minikube.Kind];
                default:
                    return null;
            }
        }
    }
}
