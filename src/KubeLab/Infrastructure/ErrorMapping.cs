using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using KubeLab.Docker;
using KubeLab.Downloads;
using KubeLab.Kubeconfig;
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

            // Docker
            [ErrorIds.DockerUnsupportedSystem] = ErrorCategory.NotImplemented,
            [ErrorIds.DockerKeyFingerprintMismatch] = ErrorCategory.SecurityError,
            [ErrorIds.DockerInvalidKey] = ErrorCategory.InvalidData,
            [ErrorIds.DockerVersionNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.DockerCommandFailed] = ErrorCategory.InvalidResult,
            [ErrorIds.DockerDaemonNotStarted] = ErrorCategory.NotEnabled,
            [ErrorIds.DockerInvalidUserName] = ErrorCategory.InvalidArgument,
            [ErrorIds.DockerUserNotFound] = ErrorCategory.ObjectNotFound,
        };

        /// <summary>Whether this is a failure Core reports on purpose (anything else is a bug and surfaces as is).</summary>
        public static bool IsKnown(Exception ex) => IdOf(ex) != null;

        public static ErrorRecord ToErrorRecord(Exception ex, object? target)
        {
            var id = IdOf(ex) ?? throw new ArgumentException("No error id for " + ex.GetType().Name, nameof(ex), ex);
            return new ErrorRecord(ex, id, CategoryOf(id), target ?? (ex as KubeConfigException)?.File);
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
                    return KubeConfigId(kubeconfig.Kind);
                case ToolInstallException install:
                    return ToolId(install.Error);
                case DownloadException download:
                    return download.Failure == DownloadFailure.NotFound ? ErrorIds.DownloadNotFound : ErrorIds.DownloadFailed;
                case DockerException docker:
                    return DockerId(docker.Kind);
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
                default:
                    return null;
            }
        }

        private static string KubeConfigId(KubeConfigErrorKind kind)
        {
            switch (kind)
            {
                case KubeConfigErrorKind.InvalidFile:
                    return ErrorIds.KubeConfigInvalid;
                case KubeConfigErrorKind.NotFound:
                    return ErrorIds.KubeConfigNotFound;
                case KubeConfigErrorKind.AlreadyExists:
                    return ErrorIds.KubeConfigEntryExists;
                case KubeConfigErrorKind.Locked:
                    return ErrorIds.KubeConfigLocked;
                default:
                    return ErrorIds.KubeConfigIoFailed;
            }
        }

        // Docker
        private static string DockerId(DockerErrorKind kind)
        {
            switch (kind)
            {
                case DockerErrorKind.UnsupportedSystem:
                    return ErrorIds.DockerUnsupportedSystem;
                case DockerErrorKind.KeyFingerprintMismatch:
                    return ErrorIds.DockerKeyFingerprintMismatch;
                case DockerErrorKind.InvalidKey:
                    return ErrorIds.DockerInvalidKey;
                case DockerErrorKind.VersionNotFound:
                    return ErrorIds.DockerVersionNotFound;
                case DockerErrorKind.DaemonNotStarted:
                    return ErrorIds.DockerDaemonNotStarted;
                case DockerErrorKind.InvalidUserName:
                    return ErrorIds.DockerInvalidUserName;
                case DockerErrorKind.UserNotFound:
                    return ErrorIds.DockerUserNotFound;
                default:
                    return ErrorIds.DockerCommandFailed;
            }
        }

        private static string ToolId(ToolInstallError error)
        {
            switch (error)
            {
                case ToolInstallError.ChecksumMismatch:
                    return ErrorIds.ChecksumMismatch;
                case ToolInstallError.ChecksumUnavailable:
                    return ErrorIds.ChecksumUnavailable;
                case ToolInstallError.InvalidArchive:
                    return ErrorIds.InvalidArchive;
                case ToolInstallError.DestinationNotWritable:
                    return ErrorIds.DestinationNotWritable;
                case ToolInstallError.NotInstalled:
                    return ErrorIds.NotInstalled;
                case ToolInstallError.NotInstalledByKubeLab:
                    return ErrorIds.NotInstalledByKubeLab;
                case ToolInstallError.VersionForSeveralTools:
                    return ErrorIds.VersionForSeveralTools;
                default:
                    return ErrorIds.VersionCheckFailed;
            }
        }
    }
}
