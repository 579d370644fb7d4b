using KubeLab.Minikube;
using KubeLab.Processes;
using KubeLab.Tests.Support;
using Xunit;

namespace KubeLab.Tests.Minikube;

/// <summary>The real streaming runner: step events reach the progress bar while minikube still runs.</summary>
public sealed class StreamingTests
{
    [Fact]
    public async Task ProgressArrivesWhileTheProcessRuns()
    {
        var step0 = MinikubeOutputTests.Event("step", """{"currentstep":"0","message":"Stopping node","name":"Stopping","totalsteps":"2"}""");
        var step2 = MinikubeOutputTests.Event("step", """{"currentstep":"2","message":"1 node stopped.","name":"Done","totalsteps":"2"}""");
        var marker = Path.Combine(Path.GetTempPath(), "kubelab-stream-" + Guid.NewGuid().ToString("N"));
        // Prints one event, then waits until the test has seen it (the marker file), then prints the last.
        var program = FakeTools.WriteExecutable("minikube",
            $"#!/bin/sh\nprintf '%s\\n' '{step0}'\nfor i in $(seq 1 100); do [ -e '{marker}' ] && break; sleep 0.05; done\nprintf '%s\\n' '{step2}'\n");
        try
        {
            var runner = new CliWrapStreamingCommandRunner(NullOperationLog.Instance);
            var identity = new SystemIdentity(runner, 1000, null, "ana", "/home/ana");
            var access = new DockerGroupAccess(new Elevation(identity), "docker", (_, _) => true, _ => true, _ => true);
            var client = new MinikubeClient(runner, access, NullOperationLog.Instance, program);
            var seen = new List<(string Step, bool MarkerExisted)>();
            var progress = new Reporter(p =>
            {
                lock (seen)
                {
                    seen.Add((p.StepName, File.Exists(marker)));
                }

                if (p.StepName == "Stopping")
                {
                    File.WriteAllText(marker, "");
                }
            });
            await client.StopAsync(null, false, false, progress, default);
            Assert.Equal(new[] { ("Stopping", false), ("Done", true), ("Done", true) }, seen);
        }
        finally
        {
            File.Delete(marker);
            Directory.Delete(Path.GetDirectoryName(program)!, true);
        }
    }

    private sealed class Reporter(Action<MinikubeProgress> report) : IProgress<MinikubeProgress>
    {
        public void Report(MinikubeProgress value) => report(value);
    }
}
