using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeLab.Tests.Kubeconfig.Fuzz;

/// <summary>
/// Runs KubeLab's reader on case folders in a child process (KubeLab.KubeConfigProbe), so a case that kills the
/// process (a stack overflow cannot be caught in .NET) or hangs it is reported as that case failing, and the remaining
/// cases go on in a new child. The child runs with small thread stacks (256 KB), so recursion that a larger file
/// could deepen shows up here first.
/// </summary>
internal static class ProbeRunner
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Case folder -> the probe's JSON answer, or a "died"/"hung" description.</summary>
    public static Dictionary<string, (JsonNode? Answer, string? Failure)> Run(IReadOnlyList<string> dirs)
    {
        var results = new Dictionary<string, (JsonNode?, string?)>();
        var pending = new Queue<string>(dirs);
        while (pending.Count > 0)
        {
            var batch = pending.ToArray();
            pending.Clear();
            var (answers, stoppedAt, failure) = RunBatch(batch);
            foreach (var (dir, json) in answers)
            {
                results[dir] = (JsonNode.Parse(json), null);
            }

            if (stoppedAt != null)
            {
                results[stoppedAt] = (null, failure);
                var index = Array.IndexOf(batch, stoppedAt);
                foreach (var rest in batch.Skip(index + 1))
                {
                    pending.Enqueue(rest);
                }
            }
            else
            {
                foreach (var lost in batch.Where(d => !results.ContainsKey(d)))
                {
                    results[lost] = (null, failure ?? "the probe ended without answering");
                }
            }
        }

        return results;
    }

    private static (List<(string Dir, string Json)> Answers, string? StoppedAt, string? Failure) RunBatch(string[] dirs)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KubeLab.KubeConfigProbe.dll"));
        info.Environment["DOTNET_DefaultStackSize"] = "40000";
        info.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("the probe did not start");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        var writer = Task.Run(() =>
        {
            try
            {
                foreach (var dir in dirs)
                {
                    process.StandardInput.WriteLine(dir);
                }

                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The probe died: the reader side reports which case it was on.
            }
        });

        var answers = new List<(string, string)>();
        string? current = null;
        while (true)
        {
            var read = process.StandardOutput.ReadLineAsync();
            if (!read.Wait(CaseTimeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return (answers, current, $"KubeLab hung: no answer within {CaseTimeout.TotalSeconds:N0} s");
            }

            var line = read.Result;
            if (line == null)
            {
                process.WaitForExit();
                writer.Wait();
                string tail;
                lock (stderr)
                {
                    tail = stderr.ToString();
                }

                tail = tail.Length > 600 ? tail.Substring(0, 600) : tail;
                return (answers, current, current == null ? null : $"KubeLab's process died (exit {process.ExitCode}): {tail.Trim()}");
            }

            if (line.StartsWith("start ", StringComparison.Ordinal))
            {
                current = line.Substring(6);
            }
            else if (line.StartsWith("done ", StringComparison.Ordinal) && current != null)
            {
                answers.Add((current, line.Substring(5 + current.Length + 1)));
                current = null;
            }
        }
    }
}
