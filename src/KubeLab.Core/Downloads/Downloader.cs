using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Releases;

namespace KubeLab.Downloads
{
    /// <summary>
    /// Every download KubeLab makes goes through here, so every one honours the mirror, retries transient
    /// failures with backoff, logs its URL, and streams through a fixed buffer while hashing: memory does not
    /// grow with the file size.
    /// </summary>
    public sealed class Downloader : IReleaseReader, IDisposable
    {
        private const int BufferSize = 81920;
        private const int MaxTextLength = 1024 * 1024;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

        private readonly DownloadMirror? _mirror;
        private readonly IOperationLog _log;
        private readonly RetryPolicy _retry;
        private readonly TimeSpan _stallTimeout;
        private readonly HttpClient _client;
        private readonly HttpClient _noRedirectClient;

        /// <param name="stallTimeout">How long a request may wait for headers or for the next bytes before it counts as timed out.</param>
        public Downloader(DownloadMirror? mirror, IOperationLog log, RetryPolicy? retry = null, TimeSpan? stallTimeout = null)
        {
            _mirror = mirror;
            _log = log;
            _retry = retry ?? RetryPolicy.Default;
            _stallTimeout = stallTimeout ?? TimeSpan.FromSeconds(30);
            if (mirror != null && mirror.SendsCredentialsInClear)
            {
                _log.Warning("The mirror URI carries a user and password over plain http, where anyone on the path can read them; use https.");
            }

            // Upstream artifact URLs redirect (github.com to its object store, dl.k8s.io to its CDN); the
            // latest-release rule needs to see GitHub's redirect itself, hence a second client.
            _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true }) { Timeout = Timeout.InfiniteTimeSpan };
            _noRedirectClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        }

        /// <summary>Where an upstream URL is really fetched from, as shown to users (no credentials).</summary>
        public string SourceOf(Uri upstreamUrl) => DownloadMirror.Display(_mirror?.Map(upstreamUrl) ?? upstreamUrl);

        public void Dispose()
        {
            _client.Dispose();
            _noRedirectClient.Dispose();
        }

        /// <summary>
        /// Streams <paramref name="upstreamUrl"/> (through the mirror) into <paramref name="target"/>, hashing as it goes.
        /// A retry rewinds the target, so it must be seekable (a temp file is).
        /// </summary>
        /// <param name="progress">Called with bytes so far and the total when known, at most every 100 ms and once at the end.</param>
        public Task<DownloadedContent> DownloadAsync(Uri upstreamUrl, Stream target, Action<long, long?>? progress, CancellationToken cancellationToken)
        {
            return WithRetries(upstreamUrl, async (url, token) =>
            {
                target.SetLength(0);
                target.Position = 0;
                return await CopyAsync(url, target, progress, token).ConfigureAwait(false);
            }, cancellationToken);
        }

        public Task<string> ReadTextAsync(Uri upstreamUrl, CancellationToken cancellationToken) =>
            WithRetries(upstreamUrl, ReadSmallTextAsync, cancellationToken);

        public Task<string> ReadRedirectOrTextAsync(Uri upstreamUrl, CancellationToken cancellationToken) =>
            WithRetries(upstreamUrl, (url, token) => url.IsFile ? ReadSmallTextAsync(url, token) : ReadRedirectAsync(url, token), cancellationToken);

        private async Task<T> WithRetries<T>(Uri upstreamUrl, Func<Uri, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
        {
            var url = _mirror?.Map(upstreamUrl) ?? upstreamUrl;
            _log.Verbose(url == upstreamUrl ? $"GET {DownloadMirror.Display(url)}" : $"GET {DownloadMirror.Display(url)} (mirror of {upstreamUrl})");
            for (var attemptNumber = 1; ; attemptNumber++)
            {
                try
                {
                    return await attempt(url, cancellationToken).ConfigureAwait(false);
                }
                catch (DownloadException ex) when (ex.IsTransient && attemptNumber < _retry.MaxAttempts)
                {
                    var delay = _retry.DelayAfter(attemptNumber);
                    _log.Verbose($"{ex.Summary} Attempt {attemptNumber} of {_retry.MaxAttempts}; retrying in {delay.TotalSeconds:0.##} s.");
                    await _retry.Sleep(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task<string> ReadRedirectAsync(Uri url, CancellationToken cancellationToken)
        {
            using (var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                stall.CancelAfter(_stallTimeout);
                using (var response = await SendAsync(_noRedirectClient, url, stall, cancellationToken).ConfigureAwait(false))
                {
                    var status = (int)response.StatusCode;
                    if (status >= 300 && status < 400 && response.Headers.Location != null)
                    {
                        var location = response.Headers.Location;
                        return (location.IsAbsoluteUri ? location : new Uri(url, location)).ToString();
                    }

                    // A mirror that cannot redirect serves a file naming the tag.
                    return await ReadBodyAsTextAsync(url, response, stall, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task<string> ReadSmallTextAsync(Uri url, CancellationToken cancellationToken)
        {
            using (var buffer = new MemoryStream())
            {
                await CopyAsync(url, new LimitedStream(buffer, MaxTextLength, url), null, cancellationToken).ConfigureAwait(false);
                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }

        private async Task<string> ReadBodyAsTextAsync(Uri url, HttpResponseMessage response, CancellationTokenSource stall, CancellationToken cancellationToken)
        {
            using (var buffer = new MemoryStream())
            {
                await CopyBodyAsync(url, response, new LimitedStream(buffer, MaxTextLength, url), null, stall, cancellationToken).ConfigureAwait(false);
                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }

        private async Task<DownloadedContent> CopyAsync(Uri url, Stream target, Action<long, long?>? progress, CancellationToken cancellationToken)
        {
            if (url.IsFile)
            {
                return await CopyFromFileAsync(url, target, progress, cancellationToken).ConfigureAwait(false);
            }

            using (var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                stall.CancelAfter(_stallTimeout);
                using (var response = await SendAsync(_client, url, stall, cancellationToken).ConfigureAwait(false))
                {
                    return await CopyBodyAsync(url, response, target, progress, stall, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task<HttpResponseMessage> SendAsync(HttpClient client, Uri url, CancellationTokenSource stall, CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            try
            {
                using (var request = NewGet(url))
                {
                    response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DownloadException(DownloadMirror.Display(url), DownloadFailure.Timeout, $"no response within {_stallTimeout.TotalSeconds:0.##} s", ex);
            }
            catch (HttpRequestException ex)
            {
                throw new DownloadException(DownloadMirror.Display(url), DownloadFailure.Network, Innermost(ex), ex);
            }

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode || (status >= 300 && status < 400))
            {
                return response;
            }

            response.Dispose();
            var failure = status == 404 || status == 410 ? DownloadFailure.NotFound
                : status >= 500 || status == 408 || status == 429 ? DownloadFailure.ServerError
                : DownloadFailure.HttpError;
            throw new DownloadException(DownloadMirror.Display(url), failure, $"HTTP {status} {response.ReasonPhrase}");
        }

        /// <summary>
        /// A GET for the URL. HttpClient ignores user info in a URI, so a mirror's user:password (an authenticated
        /// Artifactory or Nexus) goes as HTTP Basic and is left out of the request line. HttpClient drops the
        /// header when it follows a redirect, so the credentials never reach another host.
        /// </summary>
        private static HttpRequestMessage NewGet(Uri url)
        {
            if (url.UserInfo.Length == 0)
            {
                return new HttpRequestMessage(HttpMethod.Get, url);
            }

            var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri);
            var credentials = Encoding.UTF8.GetBytes(Uri.UnescapeDataString(url.UserInfo));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
            return request;
        }

        private async Task<DownloadedContent> CopyBodyAsync(
            Uri url, HttpResponseMessage response, Stream target, Action<long, long?>? progress, CancellationTokenSource stall, CancellationToken cancellationToken)
        {
            var expected = response.Content.Headers.ContentLength;
            try
            {
                using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    var content = await PumpAsync(body, target, expected, progress, stall, cancellationToken).ConfigureAwait(false);
                    if (expected.HasValue && content.Length != expected.Value)
                    {
                        throw new DownloadException(DownloadMirror.Display(url), DownloadFailure.Truncated, $"the body ended before its Content-Length of {expected.Value} bytes (received {content.Length})");
                    }

                    return content;
                }
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DownloadException(DownloadMirror.Display(url), DownloadFailure.Timeout, $"no data for {_stallTimeout.TotalSeconds:0.##} s", ex);
            }
            catch (Exception ex) when (ex is IOException || ex is HttpRequestException)
            {
                // A reset or a body that ends before Content-Length surfaces here (HttpIOException on .NET 8+).
                if (ex.Message.IndexOf("prematurely", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    throw new DownloadException(DownloadMirror.Display(url), DownloadFailure.Truncated, $"the body ended before its Content-Length of {expected} bytes", ex);
                }

                throw new DownloadException(DownloadMirror.Display(url), DownloadFailure.Network, Innermost(ex), ex);
            }
        }

        private async Task<DownloadedContent> CopyFromFileAsync(Uri url, Stream target, Action<long, long?>? progress, CancellationToken cancellationToken)
        {
            var path = url.LocalPath;
            if (!File.Exists(path))
            {
                throw new DownloadException(path, DownloadFailure.NotFound, "no such file in the mirror folder");
            }

            using (var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true))
            {
                return await PumpAsync(source, target, source.Length, progress, stall, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<DownloadedContent> PumpAsync(
            Stream source, Stream target, long? total, Action<long, long?>? progress, CancellationTokenSource stall, CancellationToken cancellationToken)
        {
            var buffer = new byte[BufferSize];
            long received = 0;
            var sinceReport = Stopwatch.StartNew();
            progress?.Invoke(0, total);
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                while (true)
                {
                    stall.CancelAfter(_stallTimeout);
                    var read = await source.ReadAsync(buffer, 0, buffer.Length, stall.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                    received += read;
                    if (progress != null && sinceReport.Elapsed >= ProgressInterval)
                    {
                        progress(received, total);
                        sinceReport.Restart();
                    }
                }

                progress?.Invoke(received, total);
                return new DownloadedContent(received, ToHex(hash.GetHashAndReset()));
            }
        }

        internal static string ToHex(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes)
            {
                text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }

        private static string Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex.Message.TrimEnd('.');
        }

        /// <summary>Guards the small text reads against a mirror serving a huge file at a version or checksum path.</summary>
        private sealed class LimitedStream : Stream
        {
            private readonly Stream _inner;
            private readonly long _limit;
            private readonly Uri _url;

            public LimitedStream(Stream inner, long limit, Uri url)
            {
                _inner = inner;
                _limit = limit;
                _url = url;
            }

            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => _inner.Length;

            public override long Position
            {
                get => _inner.Position;
                set => throw new NotSupportedException();
            }

            public override void Flush() => _inner.Flush();

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count)
            {
                if (_inner.Length + count > _limit)
                {
                    throw new DownloadException(DownloadMirror.Display(_url), DownloadFailure.TooLarge, $"more than {_limit} bytes where a short text file was expected");
                }

                _inner.Write(buffer, offset, count);
            }
        }
    }
}
