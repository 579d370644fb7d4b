using System;

namespace KubeLab.Tools
{
    /// <summary>One tool to install or update.</summary>
    public sealed class ToolInstallRequest
    {
        public ToolInstallRequest(string name, string destination)
        {
            Name = name;
            Destination = destination;
        }

        public string Name { get; }

        /// <summary>Absolute folder; created when missing.</summary>
        public string Destination { get; }

        /// <summary>1.33.1 or v1.33.1; null for upstream's latest stable.</summary>
        public string? Version { get; set; }

        /// <summary>Reinstall even when this version is already there.</summary>
        public bool Force { get; set; }

        /// <summary>Expected hash from the user, for mirrors without checksum files; replaces the upstream checksum file.</summary>
        public string? Sha256 { get; set; }

        /// <summary>Update semantics: fail when the tool is not in the destination yet.</summary>
        public bool RequireInstalled { get; set; }

        /// <summary>Asked (target, action) before anything changes; false skips the change (-WhatIf, -Confirm "no").</summary>
        public Func<string, string, bool> ShouldProcess { get; set; } = (_, _) => true;
    }
}
