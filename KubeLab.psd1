@{
    RootModule             = 'KubeLab.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5b0f3c8e-7a1d-4c2b-9e57-1f6d2a9b8c41'
    Author                 = 'KubeLab engineers'
    CompanyName            = 'KubeLab'
    Copyright              = '(c) KubeLab engineers. All rights reserved.'
    Description            = 'A Kubernetes learning lab on Ubuntu as PowerShell cmdlets: Docker, kubectl, kustomize, minikube, docker-compose and kubeconfig as typed objects.'
    PowerShellVersion      = '5.1'
    FormatsToProcess       = @('KubeLab.Format.ps1xml')
    CmdletsToExport        = @(
        'Get-KubeConfig'
        'Get-KubeContext'
        'Get-KubeCluster'
        'Get-KubeUser'
        'Use-KubeContext'
        'Set-KubeContext'
        'Rename-KubeContext'
        'Remove-KubeContext'
        'Remove-KubeCluster'
        'Remove-KubeUser'
        'Install-Kubectl'
        'Install-Kustomize'
        'Install-Minikube'
        'Install-DockerCompose'
        'Install-KubeLabTool'
        'Update-KubeLabTool'
        'Get-KubeLabTool'
        'Uninstall-KubeLabTool'
        # Minikube
        'Start-Minikube'
        'Get-MinikubeStatus'
        'Stop-Minikube'
        'Remove-Minikube'
        'Suspend-Minikube'
        'Resume-Minikube'
        'Get-MinikubeProfile'
        'Get-MinikubeAddon'
        'Enable-MinikubeAddon'
        'Disable-MinikubeAddon'
        'Invoke-MinikubeSsh'
        'Invoke-MinikubeKubectl'
        # Host
        'Test-KubeLabHost'
        # Docker
        'Install-Docker'
        'Uninstall-Docker'
        'Get-DockerEngine'
        'Add-DockerGroupUser'
        'Get-DockerGroupUser'
        'Remove-DockerGroupUser'
        # Lab
        'Install-KubeLab'
        'Get-KubeLab'
        'Uninstall-KubeLab'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags       = @('Kubernetes', 'kubectl', 'kubeconfig', 'minikube', 'Docker', 'Linux')
        }
    }
}
