using System;
using System.Collections.Generic;
using System.Text;
using KubeLab.Kubeconfig.Yaml;

namespace KubeLab.Kubeconfig
{
    /// <summary>
    /// The shape client-go decodes a kubeconfig into (clientcmd/api/v1 types). A file that kubectl would refuse is
    /// refused here too, with the file, line and field, before anything is merged or written. Unknown keys pass:
    /// client-go ignores them and KubeLab keeps them.
    /// </summary>
    internal static class KubeConfigSchema
    {
        public static readonly Shape Root = Map(
            ("apiVersion", Text()),
            ("kind", Text()),
            ("current-context", Text()),
            ("preferences", Map(("colors", Bool()), ("extensions", Named("extension", Any())))),
            ("clusters", Named("cluster", Map(
                ("server", Text()),
                ("tls-server-name", Text()),
                ("insecure-skip-tls-verify", Bool()),
                ("certificate-authority", Text()),
                ("certificate-authority-data", Base64()),
                ("proxy-url", Text()),
                ("disable-compression", Bool()),
                ("extensions", Named("extension", Any()))))),
            ("users", Named("user", Map(
                ("client-certificate", Text()),
                ("client-certificate-data", Base64()),
                ("client-key", Text()),
                ("client-key-data", Base64()),
                ("token", Text()),
                ("tokenFile", Text()),
                ("as", Text()),
                ("as-uid", Text()),
                ("as-groups", List(Text())),
                ("as-user-extra", Dictionary(List(Text()))),
                ("username", Text()),
                ("password", Text()),
                ("auth-provider", Map(("name", Text()), ("config", Dictionary(Text())))),
                ("exec", Map(
                    ("command", Text()),
                    ("args", List(Text())),
                    ("env", List(Map(("name", Text()), ("value", Text())))),
                    ("apiVersion", Text()),
                    ("installHint", Text()),
                    ("provideClusterInfo", Bool()),
                    ("interactiveMode", Text()))),
                ("extensions", Named("extension", Any()))))),
            ("contexts", Named("context", Map(
                ("cluster", Text()),
                ("user", Text()),
                ("namespace", Text()),
                ("extensions", Named("extension", Any()))))),
            ("extensions", Named("extension", Any())));

        /// <summary>Throws InvalidFile naming the file, line and field when <paramref name="root"/> is not a kubeconfig.</summary>
        public static void Validate(Node root, string file)
        {
            try
            {
                Root.Check(root);
            }
            catch (Violation violation)
            {
                var line = violation.Node.Line;
                throw new KubeConfigException(
                    KubeConfigErrorKind.InvalidFile,
                    $"{file}:{line}: field \"{violation.Field}\" {violation.Problem}. kubectl cannot read this file either; fix it before KubeLab edits it.",
                    file,
                    line);
            }
        }

        private static Shape Text() => new ScalarShape(ScalarKind.Text);

        private static Shape Bool() => new ScalarShape(ScalarKind.Bool);

        /// <summary>A []byte field: JSON carries it as standard, padded base64, which kubectl decodes when it reads the file.</summary>
        private static Shape Base64() => new ScalarShape(ScalarKind.Base64);

        private static Shape Any() => new AnyShape();

        private static Shape List(Shape item) => new ListShape(item);

        private static Shape Dictionary(Shape value) => new MapShape(new Dictionary<string, Shape>(), value);

        private static Shape Map(params (string Key, Shape Shape)[] fields)
        {
            var known = new Dictionary<string, Shape>();
            foreach (var (key, shape) in fields)
            {
                known.Add(key, shape);
            }

            return new MapShape(known, null);
        }

        private static Shape Named(string bodyKey, Shape body) => new NamedListShape(bodyKey, body);

        private static bool IsNull(Node node) => YamlScalars.IsNull(node);

        internal abstract class Shape
        {
            public abstract void Check(Node node);
        }

        /// <summary>
        /// A misfit found deep in the tree. The field path is assembled only while it unwinds, so valid files (every file,
        /// almost always) pay nothing for it: building a path string for each of thousands of nodes cost more than the check.
        /// </summary>
        private sealed class Violation : Exception
        {
            private readonly List<string> _segments = new List<string>();

            public Violation(Node node, string problem, string? field = null)
            {
                Node = node;
                Problem = problem;
                if (field != null)
                {
                    _segments.Add(field);
                }
            }

            public Node Node { get; }

            public string Problem { get; }

            /// <summary>e.g. contexts[2].context.namespace; "(top level)" for the document itself.</summary>
            public string Field
            {
                get
                {
                    var path = new StringBuilder();
                    for (var i = _segments.Count - 1; i >= 0; i--)
                    {
                        var segment = _segments[i];
                        path.Append(path.Length > 0 && segment[0] != '[' ? "." + segment : segment);
                    }

                    return path.Length > 0 ? path.ToString() : "(top level)";
                }
            }

            /// <summary>Called by each enclosing shape, innermost first.</summary>
            public void Within(string segment) => _segments.Add(segment);
        }

        private enum ScalarKind
        {
            Text,
            Bool,
            Base64,
        }

        private sealed class AnyShape : Shape
        {
            [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
            public override void Check(Node node)
            {
            }
        }

        private sealed class ScalarShape : Shape
        {
            private readonly ScalarKind _kind;

            public ScalarShape(ScalarKind kind) => _kind = kind;

            [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
            public override void Check(Node node)
            {
                var expected = _kind == ScalarKind.Bool ? "true or false" : "a string";
                var scalar = node.Resolved;
                if (!scalar.IsScalar)
                {
                    throw new Violation(node, $"must be {expected}, not a {(scalar.IsSequence ? "list" : "map")}");
                }

                var type = YamlScalars.TypeOf(scalar);
                var fits = type == YamlScalars.PlainType.Null
                    || (_kind == ScalarKind.Bool ? type == YamlScalars.PlainType.Bool : type == YamlScalars.PlainType.String);
                if (!fits)
                {
                    // The value itself is not repeated: it may be a token.
                    var hint = _kind == ScalarKind.Bool ? "" : " (quote the value)";
                    throw new Violation(node, $"must be {expected}, not a {type.ToString().ToLowerInvariant()}{hint}");
                }

                if (_kind == ScalarKind.Base64 && type == YamlScalars.PlainType.String && YamlScalars.Base64Problem(scalar.Value) is int at)
                {
                    throw new Violation(node, $"must be base64 data: illegal base64 data at input byte {at}");
                }
            }
        }

        private sealed class ListShape : Shape
        {
            private readonly Shape _item;

            public ListShape(Shape item) => _item = item;

            [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
            public override void Check(Node node)
            {
                if (IsNull(node))
                {
                    return;
                }

                var list = node.Resolved;
                if (!list.IsSequence)
                {
                    throw new Violation(node, "must be a list");
                }

                var index = 0;
                foreach (var item in list.Children)
                {
                    try
                    {
                        _item.Check(item);
                    }
                    catch (Violation violation)
                    {
                        violation.Within($"[{index}]");
                        throw;
                    }

                    index++;
                }
            }
        }

        private sealed class MapShape : Shape
        {
            private readonly Dictionary<string, Shape> _known;
            private readonly Shape? _anyKey;

            public MapShape(Dictionary<string, Shape> known, Shape? anyKey)
            {
                _known = known;
                _anyKey = anyKey;
            }

            [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
            public override void Check(Node node)
            {
                if (IsNull(node))
                {
                    return;
                }

                var map = node.Resolved;
                if (!map.IsMapping)
                {
                    throw new Violation(node, "must be a map");
                }

                // Only the value kubectl decodes counts: the last of repeated keys, merged keys included.
                if (Maps.HasMerge(map))
                {
                    foreach (var pair in Maps.Effective(map))
                    {
                        CheckField(pair.Key, pair.Value.Value);
                    }

                    return;
                }

                var children = map.Children;
                for (var i = 0; i < children.Count; i += 2)
                {
                    var key = children[i].Resolved.Value;
                    if (ReferenceEquals(Maps.Get(map, key), children[i + 1]))
                    {
                        CheckField(key, children[i + 1]);
                    }
                }
            }

            [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
            private void CheckField(string key, Node value)
            {
                var shape = _known.TryGetValue(key, out var knownShape) ? knownShape : _anyKey;
                try
                {
                    shape?.Check(value);
                }
                catch (Violation violation)
                {
                    violation.Within(key);
                    throw;
                }
            }
        }

        /// <summary>clusters, users, contexts, extensions: a list of {name, body}; client-go refuses a name twice in one list.</summary>
        private sealed class NamedListShape : Shape
        {
            private readonly Shape _item;
            private readonly string _bodyKey;

            public NamedListShape(string bodyKey, Shape body)
            {
                _bodyKey = bodyKey;
                _item = Map(("name", Text()), (bodyKey, body));
            }

            [System.Runtime.CompilerServices.MethodImpl(Yaml.HotPath.Optimized)]
            public override void Check(Node node)
            {
                if (IsNull(node))
                {
                    return;
                }

                var list = node.Resolved;
                if (!list.IsSequence)
                {
                    throw new Violation(node, "must be a list of {name: ...} entries");
                }

                var seen = new HashSet<string>(StringComparer.Ordinal);
                var index = 0;
                foreach (var item in list.Children)
                {
                    try
                    {
                        _item.Check(item);
                        var name = item.Resolved.IsMapping ? YamlScalars.Text(Maps.Get(item.Resolved, NameKey)) ?? "" : "";
                        if (seen.Contains(name))
                        {
                            throw new Violation(item, $"repeats the name \"{name}\" used earlier in the same list; names must be unique in a file", "name");
                        }

                        // client-go keeps an extension only when it has a value, and only kept names clash with later ones.
                        var body = item.Resolved.IsMapping ? Maps.Get(item.Resolved, _bodyKey) : null;
                        if (_bodyKey != "extension" || (body != null && !IsNull(body)))
                        {
                            seen.Add(name);
                        }
                    }
                    catch (Violation violation)
                    {
                        violation.Within($"[{index}]");
                        throw;
                    }

                    index++;
                }
            }
        }

        internal const string NameKey = "name";
    }
}
