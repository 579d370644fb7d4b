using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace KubeLab.Infrastructure
{
    /// <summary>
    /// The PowerShell 7 half of <see cref="DependencyLoader"/>. Kept in its own class so that Windows
    /// PowerShell, which has no System.Runtime.Loader, never JIT-compiles a method that names it.
    /// </summary>
    internal sealed class PrivateLoadContext : AssemblyLoadContext
    {
        // Only these load privately. Framework shims from netstandard packages (System.Memory,
        // Microsoft.Bcl.AsyncInterfaces ...) must come from the runtime, or Span<T> and friends would
        // exist twice; they fall back to our folder only when the runtime lacks them.
        private static readonly string[] PrivateNames = { "KubeLab.Core", "YamlDotNet", "CliWrap", "ICSharpCode.SharpZipLib" };

        // The subfolder of dependencies/ with builds for .NET 10 (PowerShell 7.6 and later); build.ps1 fills it.
        private const string RuntimeFolder = "net10.0";
        private const int RuntimeMajor = 10;

        private static PrivateLoadContext? _instance;

        private readonly string _folder;

        private PrivateLoadContext(string folder)
            : base()
        {
            _folder = folder;

            // Runs when neither this context nor the runtime has a name: a shim the runtime lacks.
            Resolving += (_, assemblyName) => LoadFallback(assemblyName);
        }

        internal static void Register(string folder)
        {
            _instance ??= new PrivateLoadContext(folder);
            Default.Resolving += ResolveCoreForDefaultContext;
        }

        internal static void Unregister()
        {
            Default.Resolving -= ResolveCoreForDefaultContext;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            return Array.IndexOf(PrivateNames, assemblyName.Name) >= 0 ? LoadFromFolder(assemblyName) : null;
        }

        private static Assembly? ResolveCoreForDefaultContext(AssemblyLoadContext context, AssemblyName assemblyName)
        {
            // KubeLab.dll lives in the default context and asks for KubeLab.Core there; the answer comes
            // from the private context, which then resolves Core's own references itself.
            if (_instance == null)
            {
                return null;
            }

            return assemblyName.Name == "KubeLab.Core" ? _instance.LoadFromFolder(assemblyName) : _instance.LoadFallback(assemblyName);
        }

        private Assembly? LoadFallback(AssemblyName assemblyName)
        {
            return Array.IndexOf(PrivateNames, assemblyName.Name) >= 0 ? null : LoadFromFolder(assemblyName);
        }

        private Assembly? LoadFromFolder(AssemblyName assemblyName)
        {
            // A build for the running .NET wins over the netstandard one when the module ships it (CliWrap:
            // its netstandard build's polyfilled Task.WhenEach was seen never completing after a process had
            // exited, about once in 1,400 version checks; its net10.0 build ran 16,000 without one).
            var runtimeSpecific = Path.Combine(_folder, RuntimeFolder, assemblyName.Name + ".dll");
            if (Environment.Version.Major >= RuntimeMajor && File.Exists(runtimeSpecific))
            {
                return LoadFromAssemblyPath(runtimeSpecific);
            }

            var path = Path.Combine(_folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
