using System.Text;

namespace KubeLab.Tests.Kubeconfig.Fuzz;

/// <summary>One KUBECONFIG chain of files (relative name, bytes), rebuilt exactly from (seed, index) or from a named hostile shape.</summary>
internal sealed class FuzzCase
{
    public FuzzCase(string name, IReadOnlyList<(string File, byte[] Bytes)> files, string description)
    {
        Name = name;
        Files = files;
        Description = description;
    }

    public string Name { get; }

    public IReadOnlyList<(string File, byte[] Bytes)> Files { get; }

    public string Description { get; }

    /// <summary>1 to 3 realistic files, one of them (usually) damaged by 1 to 3 mutations.</summary>
    public static FuzzCase Random(int seed, int index)
    {
        var random = new Random(unchecked((seed * 7919) + index));
        var count = random.Next(1, 4);
        var files = new List<(string, byte[])>();
        for (var i = 0; i < count; i++)
        {
            files.Add(($"f{i}/config", Encoding.UTF8.GetBytes(RealisticKubeconfig.Generate(random, $"f{i}"))));
        }

        var applied = new List<string>();
        var target = random.Next(count);
        if (random.Next(10) > 0)
        {
            files[target] = (files[target].Item1, Mutator.Mutate(random, files[target].Item2, random.Next(1, 4), applied));
        }

        return new FuzzCase($"seed {seed} case {index}", files, $"{count} file(s); f{target}/config: {(applied.Count > 0 ? string.Join("; ", applied) : "unchanged")}");
    }

    public static FuzzCase Single(string name, byte[] bytes) => new(name, new[] { ("config", bytes) }, name);

    public override string ToString() => $"{Name} ({Description})";
}
