namespace KubeLab.Kubeconfig
{
    /// <summary>How a kubeconfig user authenticates, judged from which fields are set.</summary>
    public enum KubeAuthType
    {
        None,
        ClientCertificate,
        Token,
        TokenFile,
        Basic,
        Exec,
        AuthProvider,
    }
}
