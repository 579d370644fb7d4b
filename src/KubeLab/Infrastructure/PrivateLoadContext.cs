using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace KubeLab.Infrastructure
{
    /// <summary>
    /// The PowerShell 7 half of DependencyLoader: third-party libraries (the "private" entries of
    /// Dependencies.txt) load into this context, so another module's YamlDotNet or CliWrap never clashes with
    /// ours. KubeLab's own assemblies stay in the default context, where PowerShell resolves type names.
    /// Kept in its own class so that Windows PowerShell, which has no System.Runtime.Loader, never JIT-compiles
    /// a method that names it.
    /// </summary>
    internal sealed class PrivateLoadContext : AssemblyLoadContext
    {
        // The subfolder of dependencies/ with builds for .NET 10 (PowerShell 7.6 and later); the build fills it.
        private const string RuntimeFolder = "net10.0";
        private const int RuntimeMajor = 10;

        private static PrivateLoadContext? _instance;

        private readonly string _folder;
        private readonly DependencyList _dependencies;

        private PrivateLoadContext(string folder, DependencyList dependencies)
            : base()
        {
            _folder = folder;
            _dependencies = dependencies;

            // Runs when neither this context nor the runtime has a name: a shim the runtime lacks.
            Resolving += (_, assemblyName) => LoadShim(assemblyName);
        }

        internal static void Register(string folder, DependencyList dependencies)
        {
            _instance ??= new PrivateLoadContext(folder, dependencies);
            Default.Resolving += ResolveForDefaultContext;
        }

        internal static void Unregister()
        {
            Default.Resolving -= ResolveForDefaultContext;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            return IsIsolated(assemblyName) ? LoadFromFolder(assemblyName) : null;
        }

        private static Assembly? ResolveForDefaultContext(AssemblyLoadContext context, AssemblyName assemblyName)
        {
            // KubeLab.Core (default context) asks for YamlDotNet there: the answer comes from the private context,
            // which resolves the library's own references itself. Shims the runtime lacks come from our folder.
            if (_instance == null)
            {
                return null;
            }

            return _instance.IsIsolated(assemblyName) ? _instance.LoadFromAssemblyName(assemblyName) : _instance.LoadShim(assemblyName);
        }

        private bool IsIsolated(AssemblyName assemblyName) => assemblyName.Name != null && _dependencies.Isolated.Contains(assemblyName.Name);

        private Assembly? LoadShim(AssemblyName assemblyName)
        {
            return assemblyName.Name != null && _dependencies.Shims.Contains(assemblyName.Name) ? LoadFromFolder(assemblyName) : null;
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
