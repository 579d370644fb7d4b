namespace KubeLab.Tools
{
    /// <summary>A tool KubeLab installs, as found in or placed into a destination folder.</summary>
    public sealed class KubeLabTool
    {
        public KubeLabTool(string name, string destination, string path)
        {
            Name = name;
            Destination = destination;
            Path = path;
        }

        public string Name { get; }

        /// <summary>The version the tool itself reports (vX.Y.Z), or null when it is missing or would not say.</summary>
        public string? Version { get; set; }

        /// <summary>The folder; named like the install cmdlets' parameter so the object pipes into them.</summary>
        public string Destination { get; }

        public string Path { get; }

        public bool Installed { get; set; }

        /// <summary>KubeLab placed this file and it is unchanged since, so Uninstall-KubeLabTool may remove it.</summary>
        public bool ManagedByKubeLab { get; set; }

        /// <summary>Lower-case hex SHA-256 of the file KubeLab placed.</summary>
        public string? Sha256 { get; set; }

        /// <summary>The URL the file came from (the mirror's, when one was used).</summary>
        public string? Source { get; set; }

        /// <summary>Set by the install cmdlets; null from Get-KubeLabTool.</summary>
        public ToolStatus? Status { get; set; }

        /// <summary>Upstream's latest stable version (Get-KubeLabTool -Online).</summary>
        public string? LatestVersion { get; set; }

        /// <summary>Installed and older than <see cref="LatestVersion"/>; null unless -Online.</summary>
        public bool? UpdateAvailable { get; set; }

        public override string ToString() => Name + " " + (Version ?? "(not installed)");
    }
}
