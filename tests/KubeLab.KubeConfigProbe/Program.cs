using System.Text;
using KubeLab;
using KubeLab.Kubeconfig;

// Reads case folders named on stdin, one per line, and answers one line per case on stdout:
//   start <dir>                      (flushed before the case runs, so a crash is pinned on it)
//   done <dir> <json>                (what KubeLab made of the case)
// Each case folder holds "chain" (the KUBECONFIG value, one path per line) and optionally "edit" (a set-context name).
// A rejected chain is also given an edit, which must fail and leave every file byte-for-byte as it was.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
string? line;
while ((line = Console.In.ReadLine()) != null && line.Length > 0)
{
    stdout.WriteLine("start " + line);
    stdout.WriteLine("done " + line + " " + Probe.Run(line));
}

internal static class Probe
{
    public static string Run(string dir)
    {
        var chain = File.ReadAllLines(Path.Combine(dir, "chain")).Where(l => l.Length > 0).ToArray();
        var editFile = Path.Combine(dir, "edit");
        var edit = File.Exists(editFile) ? File.ReadAllText(editFile).Trim() : null;
        var store = new KubeConfigStore(KubeConfigLocation.Resolve(null, string.Join(":", chain), dir, ':'), new Log());
        var result = new Dictionary<string, object?>();
        try
        {
            var config = store.Read();
            result["accepted"] = true;
            result["contexts"] = config.Contexts.Select(c => $"{c.Name}|{c.Cluster}|{c.User}|{c.Namespace}").ToArray();
            result["current"] = config.CurrentContext ?? "";
            if (edit != null)
            {
                store.SetContext(edit, "fuzz-cluster", "fuzz-user", "fuzz-ns");
                result["edited"] = true;
            }
        }
        catch (KubeConfigException ex)
        {
            result["accepted"] = false;
            result["kind"] = ex.Kind.ToString();
            result["file"] = ex.File ?? "";
            result["line"] = ex.Line;
            result["message"] = ex.Message;
            result["writeRefused"] = EditIsRefused(store, chain);
        }
        catch (Exception ex)
        {
            result["accepted"] = false;
            result["raw"] = ex.GetType().FullName + ": " + ex.Message;
        }

        return System.Text.Json.JsonSerializer.Serialize(result);
    }

    /// <summary>An edit of a chain KubeLab refuses to read must fail with KubeLab's error and change no file.</summary>
    private static string EditIsRefused(KubeConfigStore store, string[] chain)
    {
        var before = chain.Select(f => File.Exists(f) ? Convert.ToBase64String(File.ReadAllBytes(f)) : null).ToArray();
        try
        {
            store.SetContext("fuzz-refused", "c", "u", null);
            return "the edit succeeded";
        }
        catch (KubeConfigException)
        {
        }
        catch (Exception ex)
        {
            return "raw " + ex.GetType().FullName;
        }

        var after = chain.Select(f => File.Exists(f) ? Convert.ToBase64String(File.ReadAllBytes(f)) : null).ToArray();
        var leftovers = chain.Select(Path.GetDirectoryName).Distinct().SelectMany(d => Directory.Exists(d) ? Directory.GetFiles(d!, "*.lock") : Array.Empty<string>());
        return before.SequenceEqual(after) && !leftovers.Any() ? "yes" : "a file changed";
    }

    private sealed class Log : IOperationLog
    {
        public void Verbose(string message)
        {
        }

        public void Warning(string message)
        {
        }
    }
}
