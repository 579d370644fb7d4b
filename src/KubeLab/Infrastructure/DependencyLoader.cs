using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace KubeLab.Infrastructure
{
    /// <summary>
    /// Resolves the third-party libraries listed in Dependencies.txt from the module's dependencies/ folder.
    /// On PowerShell 7 the private ones load into a private AssemblyLoadContext; Windows PowerShell has no load
    /// contexts, so there an AssemblyResolve handler serves the same folder. KubeLab.Core sits beside
    /// KubeLab.dll and loads normally.
    /// </summary>
    public sealed class DependencyLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal static readonly string ModuleFolder = Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? ".";

        internal static readonly string DependencyFolder = Path.Combine(ModuleFolder, "dependencies");

        private static readonly bool IsCoreClr =
            !System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        public void OnImport()
        {
            if (IsCoreClr)
            {
                PrivateLoadContext.Register(DependencyFolder, DependencyList.Load());
            }
            else
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveFromDependencyFolder;
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsCoreClr)
            {
                PrivateLoadContext.Unregister();
            }
            else
            {
                AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromDependencyFolder;
            }
        }

        private static Assembly? ResolveFromDependencyFolder(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name + ".dll";
            foreach (var folder in new[] { ModuleFolder, DependencyFolder })
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    return Assembly.LoadFrom(path);
                }
            }

            return null;
        }
    }
}
