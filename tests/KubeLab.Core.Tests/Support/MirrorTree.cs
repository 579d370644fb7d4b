using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace KubeLab.Tests.Support;

/// <summary>A temp folder laid out like the upstream hosts (HOST/PATH, percent-decoded), served by <see cref="LoopbackMirror"/>.</summary>
public sealed class MirrorTree : IDisposable
{
    private const string RealKubectl = "/usr/lib/google-cloud-sdk/bin/kubectl.1.33";

    /// <summary>
    /// The kubectl v1.33.1 served as the release: the real binary where the machine has it, else the
    /// stand-in script from tests/fixtures/fake-tools (same version output), so the suite runs anywhere.
    /// </summary>
    public static string KubectlBinary { get; } = File.Exists(RealKubectl) ? RealKubectl : FakeTools.WriteExecutable("kubectl", FakeTools.Kubectl("v1.33.1"));

    public MirrorTree()
    {
        Root = Directory.CreateTempSubdirectory("kubelab-mirror-").FullName;
    }

    public string Root { get; }

    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>Writes a file where the mirror serves <paramref name="upstreamUrl"/>.</summary>
    public string Add(string upstreamUrl, byte[] content)
    {
        var path = PathOf(upstreamUrl);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Add(string upstreamUrl, string text) => Add(upstreamUrl, Encoding.UTF8.GetBytes(text));

    public string PathOf(string upstreamUrl)
    {
        var uri = new Uri(upstreamUrl);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString);
        return Path.Combine(new[] { Root, uri.Host }.Concat(segments).ToArray());
    }

    /// <summary>kubectl v1.33.1 (see KubectlBinary) and its bare-hex .sha256, at kubectl's two upstream paths.</summary>
    public string AddKubectl(string version = "v1.33.1", byte[]? content = null)
    {
        content ??= File.ReadAllBytes(KubectlBinary);
        Add($"https://dl.k8s.io/release/{version}/bin/linux/amd64/kubectl", content);
        var hash = Sha256(content);
        Add($"https://dl.k8s.io/release/{version}/bin/linux/amd64/kubectl.sha256", hash);
        return hash;
    }

    public string AddMinikube(string version)
    {
        var content = Encoding.UTF8.GetBytes(FakeTools.Minikube(version));
        var url = $"https://github.com/kubernetes/minikube/releases/download/{version}/minikube-linux-amd64";
        Add(url, content);
        Add(url + ".sha256", Sha256(content) + "\n");
        return Sha256(content);
    }

    public string AddDockerCompose(string version)
    {
        var content = Encoding.UTF8.GetBytes(FakeTools.DockerCompose(version));
        var url = $"https://github.com/docker/compose/releases/download/{version}/docker-compose-linux-x86_64";
        Add(url, content);
        Add(url + ".sha256", Sha256(content) + " *docker-compose-linux-x86_64\n");
        return Sha256(content);
    }

    /// <summary>A real tar.gz (made with tar) holding one file "kustomize", plus checksums.txt with other assets around it.</summary>
    public string AddKustomize(string version, string? script = null)
    {
        var work = Directory.CreateTempSubdirectory("kubelab-kustomize-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(work, "kustomize"), script ?? FakeTools.Kustomize(version));
            File.SetUnixFileMode(Path.Combine(work, "kustomize"), (UnixFileMode)0x1ED);
            var asset = $"kustomize_{version}_linux_amd64.tar.gz";
            var archive = Path.Combine(work, asset);
            Run("tar", "-czf", archive, "-C", work, "kustomize");
            var bytes = File.ReadAllBytes(archive);
            var baseUrl = $"https://github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2F{version}/";
            Add(baseUrl + asset, bytes);
            Add(baseUrl + "checksums.txt",
                $"{new string('a', 64)}  kustomize_{version}_darwin_amd64.tar.gz\n{Sha256(bytes)}  {asset}\n{new string('b', 64)}  kustomize_{version}_linux_arm64.tar.gz\n");
            return Sha256(bytes);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    public static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error}");
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
