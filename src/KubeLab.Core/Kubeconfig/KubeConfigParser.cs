using KubeLab.Kubeconfig.Yaml;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// Turns the bytes of one kubeconfig file into its document tree, refusing every file kubectl refuses, in the order
    /// kubectl's pipeline does: go-yaml's reader (encoding, control characters), scanner and parser (syntax, depth,
    /// anchors), decoder (aliasing, keys, tags, merges), the JSON step (depth, NaN), apiVersion and kind, then the
    /// kubeconfig schema. Each refusal is a <see cref="KubeConfigException"/> naming the file and, where known, the line.
    /// </summary>
    internal static class KubeConfigParser
    {
        /// <summary>KubeLab's own bound (kubectl has none): a kubeconfig this large is not a kubeconfig.</summary>
        public const int MaxFileBytes = 64 * 1024 * 1024;

        /// <summary>go-yaml's reader decodes its input in chunks of this many bytes (input_raw_buffer_size).</summary>
        private const int ReaderChunk = 512;

        /// <summary>The root of the first document, or null for a file with none (empty, comments only).</summary>
        public static Node? Parse(string path, byte[] bytes, int length)
        {
            using (var decoded = StrictText.Decode(bytes, length))
            {
                return Parse(path, bytes, decoded);
            }
        }

        /// <summary>Refuses a file too large to be a kubeconfig before any of it is read.</summary>
        public static void CheckSize(string path, long length)
        {
            if (length > MaxFileBytes)
            {
                throw Refused(path, 0, $"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB, which KubeLab does not read as a kubeconfig", yaml: false, kubectlReadsIt: true);
            }
        }

        private static Node? Parse(string path, byte[] bytes, StrictText decoded)
        {
            // Most kubeconfigs are plain block YAML, which the fast reader takes; anything else, and any file with a bad
            // byte, goes through the full parser. Both give the same tree, so what follows does not know which ran.
            var root = (decoded.Problem == null ? PlainBlockReader.TryRead(decoded.Text) : null) ?? ParseFully(path, bytes, decoded);
            try
            {
                DecodeCheck.Run(root);
            }
            catch (YamlProblem problem)
            {
                throw Refused(path, problem.Line, problem.Message, yaml: !problem.Message.StartsWith("json:", System.StringComparison.Ordinal));
            }

            if (root != null)
            {
                CheckKind(path, root);
                KubeConfigSchema.Validate(root, path);
            }

            return root;
        }

        /// <summary>YamlDotNet's parser with go-yaml's rules: the first document's root, or go-yaml's refusal.</summary>
        private static Node? ParseFully(string path, byte[] bytes, StrictText decoded)
        {
            TreeBuilder? tree = null;
            YamlProblem? syntax = null;
            try
            {
                tree = TreeBuilder.Build(decoded.Text);
            }
            catch (YamlProblem problem)
            {
                syntax = problem;
            }

            if (decoded.Problem != null && ReachesProblem(decoded, tree, syntax))
            {
                throw Refused(path, decoded.ProblemLine(), $"{decoded.Problem} (byte 0x{bytes[decoded.ProblemOffset]:X2} at offset {decoded.ProblemOffset})", yaml: true);
            }

            if (syntax != null)
            {
                throw Refused(path, syntax.Line, syntax.Message, yaml: true, syntax.KubectlReadsIt);
            }

            return tree!.Root;
        }

        /// <summary>
        /// Whether go-yaml would have read the bad byte: it decodes whole 512-byte chunks, as far as its scanner looks
        /// (a few characters past the "---" or "..." ending the first document, or to the point of a syntax error).
        /// </summary>
        private static bool ReachesProblem(StrictText decoded, TreeBuilder? tree, YamlProblem? syntax)
        {
            int reachedChar;
            if (syntax != null)
            {
                reachedChar = syntax.CharIndex < 0 ? decoded.Text.Length : syntax.CharIndex;
            }
            else if (tree != null && tree.EndMarkerIndex >= 0)
            {
                reachedChar = tree.EndMarkerIndex;
            }
            else
            {
                return true;
            }

            var reachedByte = decoded.ByteOffsetOf(reachedChar) + 4;
            return decoded.ProblemOffset / ReaderChunk * ReaderChunk < reachedByte;
        }

        /// <summary>
        /// client-go decodes with defaults apiVersion v1 and kind Config, and its scheme knows only Config in v1 (and the
        /// internal version): any other kind is refused, so a Deployment manifest is never taken for an empty kubeconfig.
        /// </summary>
        private static void CheckKind(string path, Node root)
        {
            var resolved = root.Resolved;
            if (resolved.IsScalar)
            {
                if (!YamlScalars.IsNull(resolved))
                {
                    throw Refused(path, root.Line, "field \"(top level)\" must be a kubeconfig map, not a single value (kubectl: couldn't get version/kind)", yaml: false);
                }

                return;
            }

            if (resolved.IsSequence)
            {
                throw Refused(path, root.Line, "field \"(top level)\" must be a kubeconfig map, not a list (kubectl: couldn't get version/kind)", yaml: false);
            }

            var version = HeaderText(path, resolved, "apiVersion");
            var kind = HeaderText(path, resolved, "kind");
            version = version.Length == 0 ? "v1" : version;
            kind = kind.Length == 0 ? "Config" : kind;
            if (kind != "Config" || (version != "v1" && version != "__internal"))
            {
                var at = Maps.Get(resolved, "kind") ?? Maps.Get(resolved, "apiVersion") ?? root;
                throw Refused(
                    path,
                    at.Line,
                    $"no kind \"{kind}\" is registered for version \"{version}\": this is not a kubeconfig file (a kubeconfig has apiVersion v1 and kind Config)",
                    yaml: false);
            }
        }

        private static string HeaderText(string path, Node root, string key)
        {
            var node = Maps.Get(root, key);
            if (node == null)
            {
                return "";
            }

            var scalar = node.Resolved;
            var type = scalar.IsScalar ? YamlScalars.TypeOf(scalar) : YamlScalars.PlainType.String;
            if (!scalar.IsScalar || (type != YamlScalars.PlainType.String && type != YamlScalars.PlainType.Null))
            {
                throw Refused(path, node.Line, $"field \"{key}\" must be a string (kubectl: couldn't get version/kind)", yaml: false);
            }

            return YamlScalars.Text(scalar) ?? "";
        }

        /// <param name="kubectlReadsIt">True for KubeLab's own limits (documented differences): the message must not blame the file for kubectl.</param>
        private static KubeConfigException Refused(string path, int line, string reason, bool yaml, bool kubectlReadsIt = false)
        {
            var where = line > 0 ? $"{path}:{line}" : path;
            var what = yaml && !kubectlReadsIt ? "not valid YAML: " : "";
            var verdict = kubectlReadsIt
                ? "kubectl reads this file, but KubeLab does not, so it changes nothing in it"
                : "kubectl cannot read this file either; fix it before KubeLab edits it";
            return new KubeConfigException(
                KubeConfigErrorKind.InvalidFile,
                $"{where}: {what}{reason}. {verdict}.",
                path,
                line > 0 ? line : (int?)null);
        }
    }
}
