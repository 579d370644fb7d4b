using System.Collections.Generic;
using YamlDotNet.Core;

namespace KubeLab.Kubeconfig.Yaml
{
    internal enum NodeKind
    {
        Scalar,
        Sequence,
        Mapping,

        /// <summary>*name: a reference to an anchored node defined earlier; <see cref="Node.Target"/> is that node.</summary>
        Alias,
    }

    /// <summary>
    /// One node of a kubeconfig document, as written (not resolved): KubeLab's own tree instead of YamlDotNet's
    /// representation model, because that model is built and saved by recursion (a deep file overflows the stack,
    /// which .NET cannot catch) and throws raw exceptions on duplicate keys. Aliases stay aliases (so they are written
    /// back as aliases); readers look through them with <see cref="Resolved"/>. Cycles are refused when loading.
    /// </summary>
    internal sealed class Node
    {
        private Node(NodeKind kind, int line)
        {
            Kind = kind;
            Line = line;
        }

        public NodeKind Kind { get; }

        /// <summary>1-based line where the node starts; 0 for nodes KubeLab created.</summary>
        public int Line { get; }

        /// <summary>The anchor the node was defined with, kept so aliases can be written back as aliases.</summary>
        public string? Anchor { get; set; }

        /// <summary>The explicit tag as written (e.g. tag:yaml.org,2002:int, or "!"), null when none.</summary>
        public string? Tag { get; set; }

        /// <summary>True when some alias refers to this node: it must be copied before an edit changes it.</summary>
        public bool Shared { get; set; }

        public string Value { get; private set; } = "";

        public ScalarStyle Style { get; set; }

        /// <summary>Flow style ([a, b] / {a: b}) for collections.</summary>
        public bool Flow { get; set; }

        /// <summary>Sequence items, or mapping keys and values alternating (key, value, key, value ...).</summary>
        public List<Node> Children { get; } = new List<Node>();

        /// <summary>For an alias, the anchored node it names (never itself an alias).</summary>
        public Node? Target { get; private set; }

        /// <summary>The node a reader sees: the target of an alias, else this node.</summary>
        public Node Resolved => Target ?? this;

        public bool IsScalar => Kind == NodeKind.Scalar;

        public bool IsMapping => Kind == NodeKind.Mapping;

        public bool IsSequence => Kind == NodeKind.Sequence;

        public static Node Scalar(string value, ScalarStyle style, int line = 0) =>
            new Node(NodeKind.Scalar, line) { Value = value, Style = style };

        public static Node Alias(string name, Node target, int line) =>
            new Node(NodeKind.Alias, line) { Value = name, Target = target };

        public static Node Sequence(bool flow, int line = 0) => new Node(NodeKind.Sequence, line) { Flow = flow };

        public static Node Mapping(bool flow, int line = 0) => new Node(NodeKind.Mapping, line) { Flow = flow };
    }
}
