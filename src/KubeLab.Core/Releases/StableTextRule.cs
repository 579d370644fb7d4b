using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Releases
{
    /// <summary>A text file whose body is the version, as kubectl's https://dl.k8s.io/release/stable.txt.</summary>
    public sealed class StableTextRule : ILatestVersionRule
    {
        public StableTextRule(Uri url)
        {
            Url = url;
        }

        public Uri Url { get; }

        public async Task<ToolVersion> ResolveAsync(IReleaseReader reader, CancellationToken cancellationToken)
        {
            var text = (await reader.ReadTextAsync(Url, cancellationToken).ConfigureAwait(false)).Trim();
            if (ToolVersion.TryParse(text, out var version))
            {
                return version!;
            }

            throw new InvalidDataException($"{Url} should hold a version such as v1.33.1 but holds '{Shorten(text)}'.");
        }

        internal static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 60) + "...";
    }
}
