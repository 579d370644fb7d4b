using System.Text;

namespace KubeLab.Tests.Kubeconfig;

/// <summary>
/// One random multi-file KUBECONFIG situation plus one kubectl config operation, built only from (seed, index) so a
/// failing case can be rebuilt exactly. Names overlap across files on purpose, so first-wins merging, shadowed entries
/// showing through after a delete, stale current-contexts and missing chain files are all exercised.
/// </summary>
internal sealed class KubeConfigCase
{
    private static readonly string[] ContextNames = { "dev", "prod", "stage", "ci", "lab" };
    private static readonly string[] ClusterNames = { "c1", "c2", "c3", "c4" };
    private static readonly string[] UserNames = { "u1", "u2", "u3", "u4" };
    private static readonly string[] Layouts = { "a/config", "b.yaml", "c", "d/e/config" };

    private KubeConfigCase(int seed, int index)
    {
        Seed = seed;
        Index = index;
        var random = new Random(unchecked(seed * 7919 + index));
        var count = random.Next(1, 5);
        Chain = Layouts.OrderBy(_ => random.Next()).Take(count).ToArray();
        foreach (var file in Chain)
        {
            var roll = random.NextDouble();
            if (roll < 0.15 && count > 1)
            {
                continue; // missing from disk: kubectl skips it
            }

            Files[file] = roll < 0.22 ? "" : FileContent(random, file);
        }

        // Some cases name one file explicitly (kubectl --kubeconfig, KubeLab -Path): only that file counts then.
        var existing = Chain.Where(Files.ContainsKey).ToArray();
        if (existing.Length > 0 && random.Next(8) == 0)
        {
            ExplicitFile = Pick(random, existing);
        }

        // Some KUBECONFIG values repeat an entry and have an empty one, which kubectl drops and skips.
        NoisyVariable = Chain.Length > 1 && random.Next(5) == 0;
        Operation = PickOperation(random);
    }

    /// <summary>The file passed as --kubeconfig, relative to the case folder; null when the chain is used.</summary>
    public string? ExplicitFile { get; }

    public bool NoisyVariable { get; }

    /// <summary>The files that make up the config: the explicit one alone, else the chain.</summary>
    public string[] Precedence => ExplicitFile != null ? new[] { ExplicitFile } : Chain;

    public int Seed { get; }

    public int Index { get; }

    /// <summary>Chain entries relative to the case folder, in precedence order.</summary>
    public string[] Chain { get; }

    /// <summary>Relative path -> content for the files that exist.</summary>
    public Dictionary<string, string> Files { get; } = new();

    /// <summary>The kubectl config arguments of the edit, e.g. ["rename-context", "dev", "lab"].</summary>
    public string[] Operation { get; }

    public static KubeConfigCase Build(int seed, int index) => new(seed, index);

    public override string ToString() =>
        $"seed {Seed} case {Index}: KUBECONFIG={Variable("")}; kubectl config {string.Join(" ", Operation)}" + (ExplicitFile != null ? " --kubeconfig " + ExplicitFile : "");

    /// <summary>The KUBECONFIG value for the copy under <paramref name="root"/>.</summary>
    public string Variable(string root)
    {
        var entries = Chain.Select(f => Path.Combine(root, f)).ToList();
        if (NoisyVariable)
        {
            entries.Insert(1, "");
            entries.Add(entries[0]);
        }

        return string.Join(":", entries);
    }

    public string Describe() =>
        ToString() + "\n" + string.Join("\n", Chain.Select(f => Files.TryGetValue(f, out var c) ? $"--- {f}\n{c}" : $"--- {f} (missing)"));

    /// <summary>Writes the files under <paramref name="root"/>.</summary>
    public void WriteTo(string root)
    {
        foreach (var (file, content) in Files)
        {
            var path = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static IEnumerable<string> Subset(Random random, string[] names, int max) =>
        names.OrderBy(_ => random.Next()).Take(random.Next(0, max + 1));

    private static string FileContent(Random random, string file)
    {
        var tag = file.Replace('/', '-').Replace('.', '-');
        var yaml = new StringBuilder();
        if (random.Next(3) > 0)
        {
            yaml.Append("apiVersion: v1\nkind: Config\n");
        }

        var currentRoll = random.Next(5);
        if (currentRoll < 3)
        {
            yaml.Append($"current-context: {(currentRoll == 0 ? "ghost" : Pick(random, ContextNames))}\n");
        }
        else if (currentRoll == 3)
        {
            yaml.Append("current-context: \"\"\n");
        }

        if (random.Next(4) == 0)
        {
            yaml.Append("preferences:\n  colors: true\n");
        }

        var flow = random.Next(2) == 0;
        yaml.Append("contexts:\n");
        foreach (var name in Subset(random, ContextNames, 4))
        {
            var ns = random.Next(2) == 0 ? $", namespace: ns-{tag}" : "";
            var extra = random.Next(5) == 0 ? ", x-unknown-context-key: kept" : "";
            yaml.Append(flow
                ? $"- name: {name}\n  context: {{cluster: {Pick(random, ClusterNames)}, user: {Pick(random, UserNames)}{ns}{extra}}}\n"
                : $"- context:\n    cluster: {Pick(random, ClusterNames)}\n    user: {Pick(random, UserNames)}\n" + (ns.Length > 0 ? $"    namespace: ns-{tag}\n" : "") + $"  name: {name}\n");
        }

        yaml.Append("clusters:\n");
        foreach (var name in Subset(random, ClusterNames, 3))
        {
            yaml.Append($"- name: {name}\n  cluster:\n    server: https://{tag}-{name}.example:6443\n");
            yaml.Append(random.Next(3) switch
            {
                0 => "    certificate-authority: certs/ca.crt\n",
                1 => "    certificate-authority-data: Q0VSVElGSUNBVEU=\n",
                _ => "    insecure-skip-tls-verify: true\n",
            });
            if (random.Next(4) == 0)
            {
                yaml.Append("    extensions:\n    - name: kubelab.test/ext\n      extension: {note: kept, list: [1, 2]}\n");
            }
        }

        yaml.Append("users:\n");
        foreach (var name in Subset(random, UserNames, 3))
        {
            yaml.Append($"- name: {name}\n  user:\n");
            yaml.Append(random.Next(4) switch
            {
                0 => $"    token: token-{tag}\n",
                1 => "    client-certificate-data: Q0VSVA==\n    client-key-data: S0VZ\n",
                2 => "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: ./bin/helper\n      args: [get-token, --fast]\n      env:\n      - name: MODE\n        value: test\n      provideClusterInfo: false\n      interactiveMode: Never\n",
                _ => "    auth-provider:\n      name: oidc\n      config: {client-id: kube, idp-issuer-url: https://issuer}\n",
            });
        }

        if (random.Next(4) == 0)
        {
            yaml.Append("x-kubelab-unknown:\n  keep: [1, two]\nextensions:\n- name: top\n  extension: {a: b}\n");
        }

        return yaml.ToString();
    }

    private static string[] PickOperation(Random random)
    {
        // Names come from the pools, so some exist and some do not: both the edits and the errors are compared.
        var context = random.Next(6) == 0 ? "nope" : Pick(random, ContextNames);
        switch (random.Next(7))
        {
            case 0:
                return new[] { "use-context", context };
            case 1:
            case 2:
                var args = new List<string> { "set-context", random.Next(4) == 0 ? "brand-new" : context };
                if (random.Next(2) == 0)
                {
                    args.Add("--cluster=" + Pick(random, ClusterNames));
                }

                if (random.Next(3) == 0)
                {
                    args.Add("--user=" + Pick(random, UserNames));
                }

                var ns = random.Next(3);
                if (ns == 0)
                {
                    args.Add("--namespace=set-ns");
                }
                else if (ns == 1)
                {
                    args.Add("--namespace=");
                }

                return args.ToArray();
            case 3:
                return new[] { "rename-context", context, random.Next(3) == 0 ? Pick(random, ContextNames) : "renamed" };
            case 4:
                return new[] { "delete-context", context };
            case 5:
                return new[] { "delete-cluster", random.Next(6) == 0 ? "nope" : Pick(random, ClusterNames) };
            default:
                return new[] { "delete-user", random.Next(6) == 0 ? "nope" : Pick(random, UserNames) };
        }
    }
}
