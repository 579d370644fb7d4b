using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace KubeLab.Infrastructure
{
    /// <summary>
    /// Resolves KubeLab.Core and the third-party libraries from the module's dependencies/ folder.
    /// On PowerShell 7 they load into a private AssemblyLoadContext, so another module's YamlDotNet or
    /// CliWrap (platyPS, powershell-yaml) never clashes with ours; Windows PowerShell has no load contexts,
    /// so there an AssemblyResolve handler serves the same folder.
    /// </summary>
    public sealed class DependencyLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal static readonly string DependencyFolder = Path.Combine(
            Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? ".", "dependencies");

        private static readonly bool IsCoreClr =
            !System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        public void OnImport()
        {
            if (IsCoreClr)
            {
                PrivateLoadContext.Register(DependencyFolder);
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
            var path = Path.Combine(DependencyFolder, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
