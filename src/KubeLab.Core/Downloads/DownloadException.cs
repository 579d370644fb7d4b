using System;

namespace KubeLab.Downloads
{
    /// <summary>A download that failed, naming the URL (as fetched, without credentials) and what to do.</summary>
    public sealed class DownloadException : Exception
    {
        public DownloadException(string url, DownloadFailure failure, string detail, Exception? inner = null)
            : base($"Download of {url} failed: {detail}. {Advice(failure)}", inner)
        {
            Url = url;
            Failure = failure;
            Summary = $"Download of {url} failed: {detail}.";
        }

        /// <summary>What failed, without the advice: for a retry note, where "failed repeatedly" is not yet true.</summary>
        public string Summary { get; }

        public string Url { get; }

        public DownloadFailure Failure { get; }

        public bool IsTransient => Failure == DownloadFailure.ServerError || Failure == DownloadFailure.Network
            || Failure == DownloadFailure.Truncated || Failure == DownloadFailure.Timeout;

        private static string Advice(DownloadFailure failure)
        {
            switch (failure)
            {
                case DownloadFailure.NotFound:
                    return "Check the version exists upstream, or that the mirror (-Mirror / $env:KUBELAB_MIRROR) has this file at the upstream path.";
                case DownloadFailure.HttpError:
                    return "Check access to the server or mirror; a mirror that needs a login takes it in its URI (https://user:password@mirror.example/).";
                case DownloadFailure.TooLarge:
                    return "The server is not serving the expected file; check the mirror layout.";
                default:
                    return "The server or network failed repeatedly; try again later or use a mirror (-Mirror).";
            }
        }
    }
}
