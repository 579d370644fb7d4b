using KubeLab.Minikube;

namespace KubeLab.Commands
{
    /// <summary>How -WhatIf and -Confirm name what a minikube cmdlet acts on, in one wording for all of them.</summary>
    internal static class MinikubeTarget
    {
        public static string Profile(string? profile) => $"minikube profile '{profile ?? MinikubeClient.DefaultProfile}'";

        public static string ProfileOrAll(string? profile, bool all) => all ? "every minikube profile" : Profile(profile);
    }
}
