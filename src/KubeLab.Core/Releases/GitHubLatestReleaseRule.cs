using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace KubeLab.Releases
{
    /// <summary>
    /// GitHub's https://github.com/OWNER/REPO/releases/latest, which redirects to .../releases/tag/TAG and skips
    /// pre-releases. A mirror either redirects the same way or serves a file at that path whose body is the tag
    /// (or the tag URL), because a static folder cannot redirect.
    /// </summary>
    public sealed class GitHubLatestReleaseRule : ILatestVersionRule
    {
        private const string TagMarker = "/releases/tag/";
        private readonly string _tagPrefix;

        /// <param name="tagPrefix">Text before the version in the tag: "kustomize/" for kustomize, empty elsewhere.</param>
        public GitHubLatestReleaseRule(string owner, string repository, string tagPrefix = "")
        {
            Url = new Uri($"https://github.com/{owner}/{repository}/releases/latest");
            _tagPrefix = tagPrefix;
        }

        public Uri Url { get; }

        public async Task<ToolVersion> ResolveAsync(IReleaseReader reader, CancellationToken cancellationToken)
        {
            var answer = (await reader.ReadRedirectOrTextAsync(Url, cancellationToken).ConfigureAwait(false)).Trim();
            var tag = TagOf(answer);
            if (!tag.StartsWith(_tagPrefix, StringComparison.Ordinal) || !ToolVersion.TryParse(tag.Substring(_tagPrefix.Length), out var version))
            {
                throw new InvalidDataException(
                    $"The latest release at {Url} is '{StableTextRule.Shorten(tag)}', which is not a {_tagPrefix}vX.Y.Z tag " +
                    "(the repository may have published another module last). Pass -Version explicitly.");
            }

            return version!;
        }

        private static string TagOf(string answer)
        {
            var marker = answer.IndexOf(TagMarker, StringComparison.Ordinal);
            var tag = marker >= 0 ? answer.Substring(marker + TagMarker.Length) : answer;
            var end = tag.IndexOfAny(new[] { '?', '#' });
            return Uri.UnescapeDataString(end >= 0 ? tag.Substring(0, end) : tag).Trim();
        }
    }
}
