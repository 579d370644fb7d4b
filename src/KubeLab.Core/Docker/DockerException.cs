using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace KubeLab.Docker
{
    /// <summary>What went wrong in a Docker step; each kind has its own error id.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum DockerErrorKind
    {
        /// <summary>Not Ubuntu or Debian (or a derivative that names one), so no repository fits.</summary>
        UnsupportedSystem,

        /// <summary>The downloaded key is not the one expected.</summary>
        KeyFingerprintMismatch,

        /// <summary>The key file could not be read as an OpenPGP public key.</summary>
        InvalidKey,

        /// <summary>No package version matches -Version.</summary>
        VersionNotFound,

        /// <summary>apt, dpkg, groupadd, usermod ... failed.</summary>
        CommandFailed,

        /// <summary>The daemon did not start or did not answer in time.</summary>
        DaemonNotStarted,

        /// <summary>The user name breaks the system's rules (and so never reaches a command).</summary>
        InvalidUserName,

        /// <summary>No such user in the passwd database.</summary>
        UserNotFound,
    }

    /// <summary>A Docker install, daemon or group step failed; the message says what, where, and what to do.</summary>
    public sealed class DockerException : Exception
    {
        public DockerException(DockerErrorKind kind, string message, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
        }

        public DockerErrorKind Kind { get; }
    }
}
