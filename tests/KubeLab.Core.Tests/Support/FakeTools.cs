namespace KubeLab.Tests.Support;

/// <summary>
/// The #!/bin/sh stand-ins in tests/fixtures/fake-tools (shared with Pester) for kustomize, minikube,
/// docker-compose (and kubectl, where no real binary exists): they print each tool's real version output
/// shapes and fail like the tool on unknown flags.
/// </summary>
public static class FakeTools
{
    public static string Kubectl(string version) => Load("kubectl", version);

    /// <summary>Writes a stand-in as <paramref name="name"/> in a new temp folder, mode 0755, and returns its path.</summary>
    public static string WriteExecutable(string name, string script)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kubelab-standin-").FullName, name);
        File.WriteAllText(path, script);
        File.SetUnixFileMode(path, (UnixFileMode)0x1ED);
        return path;
    }

    public static string Kustomize(string version) => Load("kustomize", version);

    public static string KustomizeV4(string version) => Load("kustomize-v4", version);

    public static string Minikube(string version) => Load("minikube", version);

    public static string DockerCompose(string version) => Load("docker-compose", version);

    private static string Load(string name, string version) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fake-tools", name)).Replace("@VERSION@", version);
}
