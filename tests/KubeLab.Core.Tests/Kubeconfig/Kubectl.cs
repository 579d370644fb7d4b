using System.Diagnostics;
using System.Text.Json.Nodes;

namespace KubeLab.Tests.Kubeconfig;

/// <summary>The real kubectl, the oracle for kubeconfig behaviour. Always run with HOME and KUBECONFIG set by the test.</summary>
internal static class Kubectl
{
    private const string PinnedBinary = "/usr/lib/google-cloud-sdk/bin/kubectl.1.33";

    public static readonly string Binary = File.Exists(PinnedBinary) ? PinnedBinary : FindOnPath("kubectl");

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("kubectl printed no JSON");
    }

    /// <summary>Runs kubectl with a controlled environment; <paramref name="kubeconfig"/> null unsets KUBECONFIG.</summary>
    public static Result Run(string home, string? kubeconfig, params string[] args) =>
        RunAsync(home, kubeconfig, args).GetAwaiter().GetResult();

    /// <summary>Asynchronous, so suites running many kubectl processes at once do not tie up pool threads waiting.</summary>
    public static async Task<Result> RunAsync(string home, string? kubeconfig, params string[] args)
    {
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = home,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["HOME"] = home;
        info.Environment.Remove("KUBECONFIG");
        if (kubeconfig != null)
        {
            info.Environment["KUBECONFIG"] = kubeconfig;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static string FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("kubectl is not installed (Debian: apt-get install kubernetes-client)");
}
