using System;
using System.Collections.Generic;
using System.Linq;

namespace KubeLab.Releases
{
    /// <summary>The tools KubeLab installs, by the name users type.</summary>
    public static class ToolCatalog
    {
        public static IReadOnlyList<ToolRelease> All { get; } = new ToolRelease[]
        {
            new KubectlRelease(),
            new KustomizeRelease(),
            new MinikubeRelease(),
            new DockerComposeRelease(),
        };

        public static IEnumerable<string> Names => All.Select(t => t.Name);

        /// <summary>The tool, or an <see cref="ArgumentException"/> listing the valid names.</summary>
        public static ToolRelease Get(string name)
        {
            var tool = All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            return tool ?? throw new ArgumentException($"'{name}' is not a tool KubeLab installs. Valid names: {string.Join(", ", Names)}.", nameof(name));
        }
    }
}
