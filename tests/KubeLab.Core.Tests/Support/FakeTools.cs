namespace KubeLab.Core.Tests.Support;

/// <summary>
/// Small #!/bin/sh stand-ins for kustomize, minikube and docker-compose that print each tool's real version
/// output shapes (reference section 2, 4, 5) and fail like the tool on flags it does not know.
/// </summary>
public static class FakeTools
{
    public static string Kustomize(string version) => $$"""
        #!/bin/sh
        if [ "$1" = version ] && [ "$2" = -o ] && [ "$3" = json ]; then
          echo '{"version":"{{version}}","gitCommit":"0123456789abcdef","buildDate":"2025-01-01T00:00:00Z","goOs":"linux","goArch":"amd64","goVersion":"go1.24.2"}'
          exit 0
        fi
        if [ "$1" = version ]; then echo '{{version}}'; exit 0; fi
        echo "Error: unknown command \"$1\" for \"kustomize\"" >&2
        exit 1

        """;

    /// <summary>kustomize v4: no -o json, and the Go-struct text form.</summary>
    public static string KustomizeV4(string version) => $$"""
        #!/bin/sh
        if [ "$1" = version ] && [ -n "$2" ]; then echo "Error: unknown shorthand flag: 'o' in -o" >&2; exit 1; fi
        if [ "$1" = version ]; then echo '{Version:kustomize/{{version}} GitCommit:56d82a8378dfc8dc3b3b1085e5a6e67b82966bd7 BuildDate:2022-08-02T16:35:54Z GoOs:linux GoArch:amd64}'; exit 0; fi
        exit 1

        """;

    public static string Minikube(string version) => $$"""
        #!/bin/sh
        if [ "$1" = version ] && [ "$2" = -o ] && [ "$3" = json ]; then
          echo '{"commit":"86fc9d54fca63f295d8737c8eacdbb7987e89c67","minikubeVersion":"{{version}}"}'
          exit 0
        fi
        if [ "$1" = version ]; then echo 'minikube version: {{version}}'; echo 'commit: 86fc9d54fca63f295d8737c8eacdbb7987e89c67'; exit 0; fi
        echo "Error: unknown command \"$1\" for \"minikube\"" >&2
        exit 14

        """;

    public static string DockerCompose(string version) => $$"""
        #!/bin/sh
        if [ "$1" = version ] && [ "$2" = --format ] && [ "$3" = json ]; then echo '{"version":"{{version}}"}'; exit 0; fi
        if [ "$1" = version ] && [ "$2" = --short ]; then echo '{{version}}' | sed 's/^v//'; exit 0; fi
        if [ "$1" = version ]; then echo 'Docker Compose version {{version}}'; exit 0; fi
        echo "unknown docker command: \"compose $1\"" >&2
        exit 1

        """;
}
