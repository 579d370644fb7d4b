using System;
using System.IO;
using System.Management.Automation;
using KubeLab.Tools;
using KubeLab.Downloads;

namespace KubeLab.Infrastructure
{
    /// <summary>Turns Core's install failures into ErrorRecords with stable ids and fitting categories.</summary>
    internal static class ToolErrors
    {
        public static ErrorRecord ToErrorRecord(Exception ex, object? target)
        {
            switch (ex)
            {
                case ToolInstallException install:
                    return new ErrorRecord(ex, install.Error.ToString(), CategoryOf(install.Error), target);
                case DownloadException download:
                    return new ErrorRecord(ex, "DownloadFailed", download.Failure == DownloadFailure.NotFound ? ErrorCategory.ObjectNotFound : ErrorCategory.ConnectionError, target);
                case PlatformNotSupportedException _:
                    return new ErrorRecord(ex, "UnsupportedPlatform", ErrorCategory.NotImplemented, target);
                case InvalidDataException _:
                    return new ErrorRecord(ex, "LatestVersionUnknown", ErrorCategory.InvalidData, target);
                case ArgumentException _:
                    return new ErrorRecord(ex, "InvalidToolArgument", ErrorCategory.InvalidArgument, target);
                case UnauthorizedAccessException _:
                    return new ErrorRecord(ex, "DestinationNotWritable", ErrorCategory.PermissionDenied, target);
                default:
                    return new ErrorRecord(ex, "ToolOperationFailed", ErrorCategory.NotSpecified, target);
            }
        }

        private static ErrorCategory CategoryOf(ToolInstallError error)
        {
            switch (error)
            {
                case ToolInstallError.ChecksumMismatch:
                    return ErrorCategory.SecurityError;
                case ToolInstallError.ChecksumUnavailable:
                case ToolInstallError.InvalidArchive:
                    return ErrorCategory.InvalidData;
                case ToolInstallError.DestinationNotWritable:
                    return ErrorCategory.WriteError;
                case ToolInstallError.NotInstalled:
                    return ErrorCategory.ObjectNotFound;
                case ToolInstallError.NotInstalledByKubeLab:
                    return ErrorCategory.PermissionDenied;
                default:
                    return ErrorCategory.InvalidResult;
            }
        }
    }
}
