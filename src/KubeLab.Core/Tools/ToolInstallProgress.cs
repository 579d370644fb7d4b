namespace KubeLab.Tools
{
    /// <summary>A progress report for one tool's download.</summary>
    public sealed class ToolInstallProgress
    {
        public ToolInstallProgress(string name, string version, long bytesReceived, long? totalBytes, bool completed)
        {
            Name = name;
            Version = version;
            BytesReceived = bytesReceived;
            TotalBytes = totalBytes;
            Completed = completed;
        }

        public string Name { get; }

        public string Version { get; }

        public long BytesReceived { get; }

        /// <summary>From Content-Length or the mirror file's size; null when the server does not say.</summary>
        public long? TotalBytes { get; }

        /// <summary>The last report for this tool (download over, successfully or not).</summary>
        public bool Completed { get; }
    }
}
