using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Docker;
using KubeLab.Minikube;
using KubeLab.Processes;
using KubeLab.Releases;
using KubeLab.Tools;

namespace KubeLab.Lab
{
    /// <summary>
    /// Uninstall-KubeLab: undoes what Install-KubeLab did and only that. minikube's profiles go; tools go when KubeLab's
    /// install records say KubeLab placed them (and the file is unchanged); the docker group loses the user only when
    /// the lab record says the lab added them; Docker goes only when asked and when the lab installed it.
    /// </summary>
    public sealed class LabUninstaller
    {
        private readonly MinikubeClient _minikube;
        private readonly ToolInventory _tools;
        private readonly ToolUninstaller _toolUninstaller;
        private readonly string _destination;
        private readonly DockerGroup _group;
        private readonly Func<DockerInstaller> _docker;
        private readonly LabRecord _record;
        private readonly IOperationLog _log;

        public LabUninstaller(MinikubeClient minikube, ToolInventory tools, ToolUninstaller toolUninstaller, string destination, DockerGroup group, Func<DockerInstaller> docker, LabRecord record, IOperationLog log)
        {
            _minikube = minikube;
            _tools = tools;
            _toolUninstaller = toolUninstaller;
            _destination = destination;
            _group = group;
            _docker = docker;
            _record = record;
            _log = log;
        }

        /// <summary>The plan, in order (each step a target and an action, for ShouldProcess); reads only.</summary>
        public async Task<IReadOnlyList<DockerStep>> PlanAsync(bool removeDocker, bool removeData, CancellationToken cancellationToken)
        {
            var steps = new List<DockerStep>();
            if (await HasProfilesAsync(cancellationToken).ConfigureAwait(false))
            {
                steps.Add(new DockerStep("minikube delete --all" + (removeData ? " --purge" : string.Empty), "Delete every minikube profile",
                    ct => _minikube.DeleteAsync(null, all: true, purge: removeData, progress: null, cancellationToken: ct)));
            }

            var tools = await _tools.GetAsync(ToolCatalog.Names, _destination, online: false, cancellationToken).ConfigureAwait(false);
            foreach (var tool in tools.Where(tool => tool.Installed && tool.ManagedByKubeLab))
            {
                steps.Add(new DockerStep(tool.Path, $"Remove {tool.Name} {tool.Version} (installed by KubeLab)",
                    ct => _toolUninstaller.UninstallAsync(tool.Name, _destination, (_, _) => true, ct)));
            }

            var user = _record.Get(LabRecord.DockerGroupKey);
            if (user != null)
            {
                steps.AddRange(_group.PlanRemove(user));
            }

            var docker = _record.Get(LabRecord.DockerKey);
            if (removeDocker && docker == null)
            {
                _log.Warning("Docker was not installed by KubeLab (its lab record does not say so), so -RemoveDocker leaves it; Uninstall-Docker removes it.");
            }
            else if (removeDocker)
            {
                steps.AddRange(await _docker().PlanUninstallAsync(removeData, cancellationToken).ConfigureAwait(false));
            }

            if (File.Exists(_record.Location))
            {
                steps.Add(new DockerStep(_record.Location, "Forget what Install-KubeLab recorded", _ => Forget(removeDocker || docker == null)));
            }

            return steps;
        }

        /// <summary>Runs the plan through <paramref name="shouldProcess"/>; nothing after a declined step runs (with <paramref name="listWholePlan"/>, -WhatIf, the rest is still shown).</summary>
        public async Task<bool> UninstallAsync(IReadOnlyList<DockerStep> steps, bool listWholePlan, Func<string, string, bool> shouldProcess, CancellationToken cancellationToken)
        {
            var declined = false;
            foreach (var step in steps)
            {
                if (!shouldProcess(step.Target, step.Action))
                {
                    declined = true;
                    if (!listWholePlan)
                    {
                        break;
                    }
                }
                else if (!declined)
                {
                    await step.Run(cancellationToken).ConfigureAwait(false);
                }
            }

            return !declined;
        }

        private Task Forget(bool dockerGone)
        {
            _record.Remove(LabRecord.HostChecksKey);
            _record.Remove(LabRecord.DockerGroupKey);
            if (dockerGone)
            {
                _record.Remove(LabRecord.DockerKey);
            }

            return Task.CompletedTask;
        }

        private async Task<bool> HasProfilesAsync(CancellationToken cancellationToken)
        {
            try
            {
                return (await _minikube.GetProfilesAsync(cancellationToken).ConfigureAwait(false)).Count > 0;
            }
            catch (Exception ex) when (ex is ProgramNotFoundException || ex is MinikubeException)
            {
                return false;
            }
        }
    }
}
