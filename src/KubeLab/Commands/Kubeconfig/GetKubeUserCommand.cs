using System.Collections.Generic;
using System.Management.Automation;
using KubeLab.Completers;
using KubeLab.Kubeconfig;

namespace KubeLab.Commands
{
    /// <summary>Get-KubeUser: users (credentials) of the merged kubeconfig, without their secrets.</summary>
    [Cmdlet(VerbsCommon.Get, "KubeUser", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(KubeUser))]
    public sealed class GetKubeUserCommand : GetKubeEntryCommandBase<KubeUser>
    {
        private const string ByNameSet = "ByName";
        private const string FromContextSet = "FromContext";

        /// <summary>User names; wildcards allowed.</summary>
        [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(KubeUserNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>The user a piped context uses (its User property; see Get-KubeCluster for why not -Name).</summary>
        [Parameter(ParameterSetName = FromContextSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("User")]
        [ArgumentCompleter(typeof(KubeUserNameCompleter))]
        public string[]? UserName { get; set; }

        protected override string Kind => "user";

        protected override string[]? RequestedNames => ParameterSetName == FromContextSet ? UserName : Name;

        protected override IEnumerable<KubeUser> Entries(KubeConfig config) => config.Users;

        protected override string NameOf(KubeUser entry) => entry.Name;
    }
}
