using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace KubeLab.Tools
{
    /// <summary>Why an install, update or uninstall stopped; the cmdlets map it to an error id and category.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ToolInstallError
    {
        ChecksumMismatch,
        ChecksumUnavailable,
        InvalidArchive,
        DestinationNotWritable,
        VersionCheckFailed,
        NotInstalled,
        NotInstalledByKubeLab,
        VersionForSeveralTools,
    }

    /// <summary>An install-level failure whose message says what failed, where, and what to do.</summary>
    public sealed class ToolInstallException : Exception
    {
        public ToolInstallException(ToolInstallError error, string message, Exception? inner = null)
            : base(message, inner)
        {
            Error = error;
        }

        public ToolInstallError Error { get; }
    }
}
