using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace KubeLab.Downloads
{
    /// <summary>Why a download failed; decides whether it is retried and what the user is told to do.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum DownloadFailure
    {
        /// <summary>404/410 or a missing mirror file: never retried.</summary>
        NotFound,

        /// <summary>Another non-success HTTP status that retrying cannot fix (401, 403 ...).</summary>
        HttpError,

        /// <summary>5xx, 408 or 429: retried.</summary>
        ServerError,

        /// <summary>Connection refused or reset: retried.</summary>
        Network,

        /// <summary>Fewer bytes than Content-Length: retried.</summary>
        Truncated,

        /// <summary>No data for longer than the stall timeout: retried.</summary>
        Timeout,

        /// <summary>A small text file (version, checksum list) was larger than such files ever are.</summary>
        TooLarge,
    }
}
