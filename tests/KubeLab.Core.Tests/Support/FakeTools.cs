namespace KubeLab.Core.Tests.Support;

/// <summary>
/// The #!/bin/sh stand-ins in tests/fixtures/fake-tools (shared with Pester) for kustomize, minikube and
/// docker-compose: they print each tool's real version output shapes and fail like the tool on unknown flags.
/// </summary>
public static class FakeTools
{
    public static string Kustomize(string version) => Load("kustomize", version);

    public static string KustomizeV4(string version) => Load("kustomize-v4", version);

    public static string Minikube(string version) => Load("minikube", version);

    public static string DockerCompose(string version) => Load("docker-compose", version);

    private static string Load(string name, string version) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fake-tools", name)).Replace("@VERSION@", version);
}
