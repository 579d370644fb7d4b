using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace KubeLab.Minikube
{
    /// <summary>What kind of minikube failure this is; each kind has its own stable error id.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum MinikubeErrorKind
    {
        /// <summary>minikube itself failed (its error event or exit code says why).</summary>
        Failed,

        /// <summary>The minikube program is not on PATH.</summary>
        NotInstalled,

        /// <summary>Exit 85: the profile, host or node does not exist.</summary>
        ProfileNotFound,

        /// <summary>Exit 83: the cluster must be running for this.</summary>
        NotRunning,

        /// <summary>The docker driver needs the docker group and the user is not in it.</summary>
        DockerGroupRequired,

        /// <summary>A command run inside the cluster (ssh, kubectl) ended with a non-zero exit code.</summary>
        CommandExitCode,

        /// <summary>minikube printed something KubeLab cannot read.</summary>
        InvalidOutput,
    }

    /// <summary>A minikube failure, with minikube's own reason, advice and links when it gave them.</summary>
    public sealed class MinikubeException : Exception
    {
        public MinikubeException(MinikubeErrorKind kind, string message, int? exitCode = null, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            ExitCode = exitCode;
        }

        public MinikubeErrorKind Kind { get; }

        /// <summary>minikube's (or the remote command's) exit code, when a process ran.</summary>
        public int? ExitCode { get; }

        /// <summary>minikube's reason id, such as PROVIDER_DOCKER_NEWGRP or DRV_AS_ROOT.</summary>
        public string? Reason { get; internal set; }

        public string? Advice { get; internal set; }

        public string? DocumentationUrl { get; internal set; }

        public IReadOnlyList<string> Issues { get; internal set; } = Array.Empty<string>();

        /// <summary>The profile the command was for.</summary>
        public string? Profile { get; internal set; }
    }
}
