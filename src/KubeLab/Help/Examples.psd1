# Long descriptions and examples for Get-Help; synopses and parameter text come from the code's <summary>.
@{
    'Get-KubeConfig' = @{
        Description = "Reads every kubeconfig file in the loading precedence (-Path, else `$env:KUBECONFIG, else ~/.kube/config) and returns the merged view, as kubectl config view sees it. The first file that defines a name wins; each entry names the file it comes from.`n`nSecrets (tokens, passwords, keys, certificate data) are never copied into the output."
        Examples    = @(
            @{ Title = 'Summary of the merged kubeconfig'; Code = 'Get-KubeConfig'; Remarks = 'Shows the current context, how many contexts, clusters and users there are, and the files they come from.' }
            @{ Title = 'As JSON for another tool'; Code = 'Get-KubeConfig | ConvertTo-Json -Depth 4'; Remarks = 'The whole model without any secret value.' }
        )
    }
    'Get-KubeContext' = @{
        Description = "Lists the contexts of the merged kubeconfig. The default table reads like kubectl config get-contexts: CURRENT (*), NAME, CLUSTER, USER, NAMESPACE. Names accept wildcards; a literal name that does not exist is reported as an error while the others are still returned."
        Examples    = @(
            @{ Title = 'All contexts'; Code = 'Get-KubeContext'; Remarks = 'The current context is marked with *.' }
            @{ Title = 'By wildcard'; Code = 'Get-KubeContext dev-*'; Remarks = 'Every context whose name starts with dev-.' }
            @{ Title = 'The current context and its cluster'; Code = 'Get-KubeContext -Current | Get-KubeCluster'; Remarks = 'The context''s Cluster property binds to Get-KubeCluster.' }
        )
    }
    'Get-KubeCluster' = @{
        Description = "Lists the clusters of the merged kubeconfig: server, certificate authority (a file resolved against the kubeconfig's folder, or whether embedded data is present), TLS settings and the file that defines each. Piping contexts gives the clusters they use."
        Examples    = @(
            @{ Title = 'All clusters'; Code = 'Get-KubeCluster'; Remarks = 'Name, server, certificate authority and source file.' }
            @{ Title = 'The cluster behind a context'; Code = 'Get-KubeContext minikube | Get-KubeCluster'; Remarks = 'Binds the context''s Cluster property.' }
        )
    }
    'Get-KubeUser' = @{
        Description = "Lists the users (credentials) of the merged kubeconfig with their authentication type (ClientCertificate, Token, TokenFile, Basic, Exec, AuthProvider or None) and, for exec plugins, the command. Secret values are never shown."
        Examples    = @(
            @{ Title = 'All users'; Code = 'Get-KubeUser'; Remarks = 'Name, auth type, exec command and source file.' }
            @{ Title = 'Who uses an exec plugin'; Code = 'Get-KubeUser | Where-Object AuthType -eq Exec | Select-Object Name, ExecCommand'; Remarks = 'Useful before moving a kubeconfig to a machine without the plugin.' }
            @{ Title = 'The user behind a context'; Code = 'Get-KubeContext staging | Get-KubeUser'; Remarks = 'Binds the context''s User property.' }
        )
    }
    'Use-KubeContext' = @{
        Description = "Sets current-context, like kubectl config use-context. The context must exist in the merged view. The value is written where kubectl writes it: the -Path file, else the first existing KUBECONFIG file, else ~/.kube/config. The write takes kubectl's lock and is atomic."
        Examples    = @(
            @{ Title = 'Switch by name'; Code = 'Use-KubeContext minikube'; Remarks = 'Names tab-complete.' }
            @{ Title = 'Switch from the pipeline'; Code = 'Get-KubeContext staging | Use-KubeContext -PassThru'; Remarks = 'Returns the context, now current.' }
            @{ Title = 'See what would change'; Code = 'Use-KubeContext prod -WhatIf'; Remarks = 'Names the file that would be written; writes nothing.' }
        )
    }
    'Set-KubeContext' = @{
        Description = "Changes the namespace, cluster or user of a context, like kubectl config set-context. A context that does not exist is created in the default file, as kubectl does. An existing context is changed in the file that defines it; everything KubeLab does not model (extensions and so on) is kept."
        Examples    = @(
            @{ Title = 'Namespace of the current context'; Code = 'Set-KubeContext -Current -Namespace kube-system'; Remarks = 'kubectl commands without -n now use kube-system.' }
            @{ Title = 'Create a context'; Code = 'Set-KubeContext -Name lab-admin -Cluster minikube -User minikube -Namespace default -PassThru'; Remarks = 'Cluster and user names tab-complete.' }
            @{ Title = 'Clear the namespace'; Code = 'Set-KubeContext staging -Namespace ""'; Remarks = 'kubectl then uses the default namespace.' }
        )
    }
    'Rename-KubeContext' = @{
        Description = "Renames a context in the file that defines it, like kubectl config rename-context. If it was the current context, current-context follows the new name. Renaming onto an existing name is an error and changes nothing."
        Examples    = @(
            @{ Title = 'Rename'; Code = 'Rename-KubeContext -Name minikube -NewName lab'; Remarks = 'The cluster and user keep their names.' }
        )
    }
    'Remove-KubeContext' = @{
        Description = "Deletes contexts from the file that defines them, like kubectl config delete-context. With -RemoveUnused it also deletes each context's cluster and user when no remaining context uses them. Deleting the current context warns, as kubectl does."
        Examples    = @(
            @{ Title = 'Remove old contexts'; Code = 'Get-KubeContext -Name old-* | Remove-KubeContext'; Remarks = 'Contexts pipe by name.' }
            @{ Title = 'Remove with its orphaned cluster and user'; Code = 'Remove-KubeContext gone -RemoveUnused -PassThru'; Remarks = 'Returns what was removed.' }
        )
    }
    'Remove-KubeCluster' = @{
        Description = "Deletes clusters from the file that defines them, like kubectl config delete-cluster. Contexts that still point at the cluster are left as they are."
        Examples    = @(
            @{ Title = 'Remove a cluster'; Code = 'Remove-KubeCluster old-cluster'; Remarks = 'Use -WhatIf first to see which file changes.' }
        )
    }
    'Remove-KubeUser' = @{
        Description = "Deletes users (credentials) from the file that defines them, like kubectl config delete-user."
        Examples    = @(
            @{ Title = 'Remove users not used by any context'; Code = '$used = (Get-KubeContext).User; Get-KubeUser | Where-Object Name -notin $used | Remove-KubeUser'; Remarks = 'Users pipe by name.' }
        )
    }
}
