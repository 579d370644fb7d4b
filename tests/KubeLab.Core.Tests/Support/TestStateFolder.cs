using System.Runtime.CompilerServices;
using KubeLab.Tools;

namespace KubeLab.Tests.Support;

/// <summary>
/// Install records go to KubeLab's state folder (/var/lib/kubelab as root): the whole test run uses a
/// throwaway one instead, set before any test runs.
/// </summary>
internal static class TestStateFolder
{
    public static readonly string Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kubelab-test-state-" + Environment.ProcessId);

    [ModuleInitializer]
    internal static void Use()
    {
        Environment.SetEnvironmentVariable(InstallRecords.StateHomeVariable, Path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        };
    }
}
