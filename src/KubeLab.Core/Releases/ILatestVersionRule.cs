using System;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Releases
{
    /// <summary>How a tool's upstream names its latest stable release.</summary>
    public interface ILatestVersionRule
    {
        /// <summary>The upstream URL that is asked; a mirror serves the same path.</summary>
        Uri Url { get; }

        Task<ToolVersion> ResolveAsync(IReleaseReader reader, CancellationToken cancellationToken);
    }

    /// <summary>The small reads a latest rule needs; the downloader implements it (mirror, retries, logging).</summary>
    public interface IReleaseReader
    {
        /// <summary>The body of a small text file, e.g. stable.txt.</summary>
        Task<string> ReadTextAsync(Uri upstreamUrl, CancellationToken cancellationToken);

        /// <summary>
        /// Where a URL points: the Location of a redirect, or for a mirror that cannot redirect, the text of the
        /// file served at that path. Returned as-is; the rule interprets it.
        /// </summary>
        Task<string> ReadRedirectOrTextAsync(Uri upstreamUrl, CancellationToken cancellationToken);
    }
}
