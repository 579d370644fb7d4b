namespace KubeLab.Downloads
{
    /// <summary>What a streamed download produced: its length and the SHA-256 computed on the way.</summary>
    public sealed class DownloadedContent
    {
        public DownloadedContent(long length, string sha256)
        {
            Length = length;
            Sha256 = sha256;
        }

        public long Length { get; }

        /// <summary>Lower-case hex.</summary>
        public string Sha256 { get; }
    }
}
