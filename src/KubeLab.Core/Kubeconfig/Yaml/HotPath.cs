using System.Runtime.CompilerServices;

namespace KubeLab.Kubeconfig.Yaml
{
    /// <summary>
    /// MethodImplOptions.AggressiveOptimization (not in netstandard2.0's enum, honoured by .NET Core 3.0 and later):
    /// the per-character and per-node methods of a cold read are compiled optimized at once. Inside PowerShell the
    /// runtime keeps them at its unoptimized first tier for many calls (every new script block it compiles delays
    /// tiering up), which made a cold read of large files several times slower than the same code in a console app.
    /// </summary>
    internal static class HotPath
    {
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
