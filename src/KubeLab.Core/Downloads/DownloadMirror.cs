using System;
using System.IO;
using System.Linq;

namespace KubeLab.Downloads
{
    /// <summary>
    /// A copy of the upstream download hosts with the same paths: https://HOST/PATH is fetched from
    /// MIRROR/HOST/PATH. MIRROR is an http(s) base URI or a local folder. On disk the path is percent-decoded,
    /// as a static web server decodes it, so kustomize's tag kustomize%2Fv5.8.1 is the folder kustomize/v5.8.1
    /// and one tree serves both forms.
    /// </summary>
    public sealed class DownloadMirror
    {
        /// <summary>The environment variable used when -Mirror is not given.</summary>
        public const string EnvironmentVariable = "KUBELAB_MIRROR";

        private readonly Uri? _baseUri;
        private readonly string? _folder;

        private DownloadMirror(Uri? baseUri, string? folder)
        {
            _baseUri = baseUri;
            _folder = folder;
        }

        public bool IsLocalFolder => _folder != null;

        /// <summary>True for http://user:password@host/: the credentials (sent as HTTP Basic) travel unencrypted.</summary>
        public bool SendsCredentialsInClear => _baseUri != null && _baseUri.UserInfo.Length > 0 && _baseUri.Scheme == Uri.UriSchemeHttp;

        /// <summary>The mirror from an explicit value, else from KUBELAB_MIRROR; null means upstream directly.</summary>
        public static DownloadMirror? FromParameterOrEnvironment(string? value) =>
            Parse(string.IsNullOrWhiteSpace(value) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : value);

        public static DownloadMirror? Parse(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var text = value!.Trim();
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return new DownloadMirror(new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"), null);
            }

            var folder = uri != null && uri.IsFile ? uri.LocalPath : text;
            if (Path.IsPathRooted(folder) && Directory.Exists(folder))
            {
                return new DownloadMirror(null, Path.GetFullPath(folder));
            }

            throw new ArgumentException(
                $"The mirror '{text}' is neither an http(s) URI nor an existing folder (given by -Mirror or ${EnvironmentVariable}). " +
                "Give a base URI such as https://mirror.example/kubelab or an absolute folder path.");
        }

        /// <summary>Where an upstream URL is fetched from: an http(s) URI, or a file: URI for a folder mirror.</summary>
        public Uri Map(Uri upstream)
        {
            if (_baseUri != null)
            {
                return new Uri(_baseUri, upstream.Host + upstream.AbsolutePath + upstream.Query);
            }

            var segments = upstream.AbsolutePath.Split('/').Where(s => s.Length > 0).Select(Uri.UnescapeDataString);
            var path = Path.Combine(new[] { _folder!, upstream.Host }.Concat(segments).ToArray());
            return new Uri(Path.GetFullPath(path));
        }

        /// <summary>The URI without user info or query, for logs and errors (a mirror URI may carry credentials).</summary>
        public static string Display(Uri uri)
        {
            if (uri.IsFile)
            {
                return uri.LocalPath;
            }

            var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
            var shown = builder.Uri.GetLeftPart(UriPartial.Path);
            return uri.Query.Length > 0 ? shown + "?..." : shown;
        }
    }
}
