using System.Management.Automation;
using KubeLab.Infrastructure;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>Get-KubeConfig: the merged kubeconfig (files, current context, contexts, clusters, users).</summary>
    [Cmdlet(VerbsCommon.Get, "KubeConfig")]
    [OutputType(typeof(KubeConfig))]
    public sealed class GetKubeConfigCommand : KubeConfigCommandBase
    {
        protected override void End(CmdletPipeline pipeline)
        {
            pipeline.WriteObject(ReadConfig(pipeline));
        }
    }
}
