namespace KubeLab.Lab
{
    /// <summary>The lab's steps by name, in the order Install-KubeLab shows them.</summary>
    public static class LabStepNames
    {
        public const string HostChecks = "Host checks";
        public const string Docker = "Docker Engine";
        public const string DockerGroup = "docker group";
        public const string Tools = "Tools";
        public const string Minikube = "minikube";
    }
}
