BeforeAll {
    . (Join-Path $PSScriptRoot 'fixtures/KubeConfigFixtures.ps1')
    . (Join-Path $PSScriptRoot 'fixtures/TestHost.ps1')
    Import-Module $env:KUBELAB_TEST_MODULE -Force
    $script:savedKubeconfig = $env:KUBECONFIG
}

AfterAll {
    $env:KUBECONFIG = $script:savedKubeconfig
}

Describe 'Kubeconfig cmdlets' {
    BeforeEach {
        $dir = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kubelab-pester-$([guid]::NewGuid().ToString('N'))")
        $config = New-LabKubeconfig -Path (Join-Path $dir 'config')
        $env:KUBECONFIG = $config
    }

    AfterEach {
        Remove-Item $dir -Recurse -Force
    }

    Context 'reading' {
        It 'lists the same contexts as kubectl config get-contexts, with the current one marked' {
            $ours = Get-KubeContext
            $kubectl = Invoke-Kubectl $config config get-contexts --no-headers |
                ForEach-Object { $f = -split ($_ -replace '^\*', '* '); if ($_ -match '^\*') { $f[1] } else { $f[0] } }
            $ours.Name | Should -Be ($kubectl | Sort-Object)
            ($ours | Where-Object IsCurrent).Name | Should -Be (Invoke-Kubectl $config config current-context)
        }

        It 'formats contexts as a CURRENT NAME CLUSTER USER NAMESPACE table' {
            $table = Get-KubeContext | Out-String -Width 200
            $lines = $table -split "`n" | Where-Object { $_.Trim() }
            $lines[0] | Should -Match '^CURRENT\s+NAME\s+CLUSTER\s+USER\s+NAMESPACE\s*$'
            $lines | Where-Object { $_ -match '^\*\s+minikube\s+minikube\s+minikube\s+default' } | Should -HaveCount 1
            $lines | Where-Object { $_ -match '^\s+staging\s+staging\s+staging-admin\s+web' } | Should -HaveCount 1
        }

        It 'never cuts a context or cluster name in the table, even at 80 columns' {
            $long = 'arn:aws:eks:eu-west-1:123456789012:cluster/production-platform'
            $file = Join-Path ([IO.Path]::GetTempPath()) "kubelab-wide-$([guid]::NewGuid().ToString('N'))"
            "apiVersion: v1`nkind: Config`nclusters:`n- name: $long`n  cluster: {server: 'https://0123456789ABCDEF.gr7.eu-west-1.eks.amazonaws.com'}`ncontexts:`n- name: $long`n  context: {cluster: '$long', user: u}" | Set-Content $file
            try {
                (Get-KubeContext -Path $file | Out-String -Width 80) | Should -Match ([regex]::Escape($long))
                (Get-KubeCluster -Path $file | Out-String -Width 80) | Should -Match ([regex]::Escape($long))
            }
            finally { Remove-Item $file }
        }

        It 'selects by wildcard and by -Current' {
            (Get-KubeContext old-*).Name | Should -Be @('old-one', 'old-two')
            (Get-KubeContext -Current).Name | Should -Be 'minikube'
        }

        It 'reports a literal name that matches nothing as an error and goes on' {
            $result = Get-KubeContext nope, staging -ErrorVariable err -ErrorAction SilentlyContinue
            $result.Name | Should -Be 'staging'
            $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeConfigNotFound*'
        }

        It 'names every KUBECONFIG file, in order, when Remove-KubeContext finds no such context' {
            $second = Join-Path $dir 'second'
            "apiVersion: v1`nkind: Config`ncontexts:`n- name: z`n  context: {cluster: c, user: u}" | Set-Content $second
            $env:KUBECONFIG = "$config$([IO.Path]::PathSeparator)$second"
            Remove-KubeContext nope -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'KubeConfigNotFound,*'
            $err[0].Exception.Message | Should -Be "Cannot remove the context `"nope`": no context named `"nope`" in $config, $second."
        }

        It 'pipes a context to its cluster and its user' {
            $cluster = Get-KubeContext staging | Get-KubeCluster
            $cluster.Name | Should -Be 'staging'
            $cluster.Server | Should -Be 'https://staging.example.test:6443'
            $cluster.HasCertificateAuthorityData | Should -BeTrue
            (Get-KubeContext old-two | Get-KubeUser).Name | Should -Be 'cloud'
            (Get-KubeContext minikube | Get-KubeUser).AuthType | Should -Be 'ClientCertificate'
        }

        It 'resolves a relative certificate authority against the file that names it' {
            (Get-KubeCluster minikube).CertificateAuthority | Should -Be (Join-Path $dir 'ca.crt')
        }

        It 'describes each user by auth type without exposing secrets' {
            $users = Get-KubeUser
            ($users | Where-Object Name -eq 'staging-admin').AuthType | Should -Be 'Token'
            ($users | Where-Object Name -eq 'old-user').AuthType | Should -Be 'Basic'
            ($users | Where-Object Name -eq 'cloud').AuthType | Should -Be 'Exec'
            ($users | Where-Object Name -eq 'cloud').ExecCommand | Should -Be 'gke-gcloud-auth-plugin'
            $dump = (Get-KubeConfig | ConvertTo-Json -Depth 6) + ($users | Format-List * | Out-String) + ($users | ConvertTo-Json -Depth 6) +
                (Get-KubeConfig | Format-List * | Out-String -Width 500) + ((Get-KubeConfig).Users | Format-List * | Out-String) +
                (Get-KubeContext | Get-KubeUser | Format-Table * | Out-String -Width 500) + ($users | Select-Object * | Out-String -Width 500)
            $dump | Should -Not -Match 's3cr3t-T0KEN-value|hunter2-PASSWORD|U0VDUkVULUtFWS1EQVRB|TUlJQ2FrZUNBRGF0YQ=='
        }

        It 'merges a KUBECONFIG chain with the first file winning, as kubectl does' {
            $second = Join-Path $dir 'second'
            @"
apiVersion: v1
kind: Config
current-context: extra
clusters:
- name: staging
  cluster:
    server: https://shadowed.example.test
- name: extra
  cluster:
    server: https://extra.example.test
contexts:
- name: extra
  context: {cluster: extra, user: extra}
users: []
"@ | Set-Content $second
            $env:KUBECONFIG = "$config$([IO.Path]::PathSeparator)$(Join-Path $dir 'missing')$([IO.Path]::PathSeparator)$second"
            (Get-KubeCluster staging).Server | Should -Be 'https://staging.example.test:6443'
            (Get-KubeContext extra).SourceFile | Should -Be $second
            (Get-KubeConfig).CurrentContext | Should -Be (Invoke-Kubectl $env:KUBECONFIG config current-context)
        }

        It 'reads ~/.kube/config when KUBECONFIG is unset' {
            $home2 = New-Item -ItemType Directory -Path (Join-Path $dir 'home/.kube') -Force
            New-LabKubeconfig -Path (Join-Path $home2 'config') -CurrentContext staging | Out-Null
            $pwsh = Get-PwshCommand
            $script = "Import-Module '$env:KUBELAB_TEST_MODULE'; (Get-KubeContext -Current).Name"
            $result = & /usr/bin/env -u KUBECONFIG "HOME=$(Join-Path $dir 'home')" @pwsh -NoProfile -NonInteractive -Command $script
            $result | Should -Be 'staging'
        }

        It 'reads an explicit -Path and errors when it is missing' {
            $other = New-LabKubeconfig -Path (Join-Path $dir 'other') -CurrentContext old-one
            (Get-KubeContext -Current -Path $other).Name | Should -Be 'old-one'
            { Get-KubeContext -Path (Join-Path $dir 'absent') -ErrorAction Stop } | Should -Throw -ErrorId 'KubeConfigNotFound*'
        }
    }

    Context 'editing' {
        It 'switches context through the pipeline, as kubectl sees it' {
            Get-KubeContext staging | Use-KubeContext
            Invoke-Kubectl $config config current-context | Should -Be 'staging'
        }

        It 'sets a namespace by name and on the current context, and passes the result through' {
            $result = Set-KubeContext -Name staging -Namespace api -PassThru
            $result.Namespace | Should -Be 'api'
            Set-KubeContext -Current -Namespace kube-system
            $view = Invoke-Kubectl $config config view -o json | ConvertFrom-Json
            ($view.contexts | Where-Object name -eq 'staging').context.namespace | Should -Be 'api'
            ($view.contexts | Where-Object name -eq 'minikube').context.namespace | Should -Be 'kube-system'
        }

        It 'renames a context and current-context follows' {
            Rename-KubeContext -Name minikube -NewName lab
            Invoke-Kubectl $config config current-context | Should -Be 'lab'
            (Invoke-Kubectl $config config get-contexts -o name) | Should -Contain 'lab'
        }

        It 'removes contexts piped from a wildcard query' {
            Get-KubeContext -Name old-* | Remove-KubeContext
            (Invoke-Kubectl $config config get-contexts -o name) | Sort-Object | Should -Be @('minikube', 'staging')
        }

        It 'with -RemoveUnused also removes the cluster and user nothing else uses' {
            $removed = Remove-KubeContext staging -RemoveUnused -PassThru
            $removed.Context.Name | Should -Be 'staging'
            $removed.Clusters.Name | Should -Be 'staging'
            $removed.Users.Name | Should -Be 'staging-admin'
            Remove-KubeContext old-one -RemoveUnused
            $view = Invoke-Kubectl $config config view -o json | ConvertFrom-Json
            $view.clusters.name | Should -Contain 'old-cluster'   # old-two still uses it
            $view.users.name | Should -Not -Contain 'old-user'
        }

        It 'removes clusters and users by name' {
            Get-KubeCluster old-cluster | Remove-KubeCluster
            Remove-KubeUser old-user, cloud
            $view = Invoke-Kubectl $config config view -o json | ConvertFrom-Json
            $view.clusters.name | Should -Not -Contain 'old-cluster'
            $view.users.name | Sort-Object | Should -Be @('minikube', 'staging-admin')
        }

        It 'keeps fields it does not model through an edit' {
            Set-KubeContext staging -Namespace api
            $view = Invoke-Kubectl $config config view --raw -o json | ConvertFrom-Json
            $exec = ($view.users | Where-Object name -eq 'cloud').user.exec
            $exec.args | Should -Be '--verbose'
            $exec.env[0].value | Should -Be 'lab'
            $exec.interactiveMode | Should -Be 'IfAvailable'
            ($view.clusters | Where-Object name -eq 'minikube').cluster.extensions[0].extension.version | Should -Be 'v1.38.1'
            $view.preferences.colors | Should -BeTrue
        }

        It 'changes nothing with -WhatIf' {
            $before = Get-FileHash $config
            Use-KubeContext staging -WhatIf
            Set-KubeContext staging -Namespace x -WhatIf
            Rename-KubeContext staging s2 -WhatIf
            Remove-KubeContext staging -RemoveUnused -WhatIf
            Remove-KubeCluster staging -WhatIf
            Remove-KubeUser cloud -WhatIf
            (Get-FileHash $config).Hash | Should -Be $before.Hash
        }

        It 'never shows secrets in -Verbose output' {
            $verbose = Set-KubeContext staging -Namespace v -Verbose 4>&1 | Out-String
            $verbose | Should -Not -Match 's3cr3t-T0KEN-value|hunter2-PASSWORD|U0VDUkVULUtFWS1EQVRB'
        }
    }

    Context 'bad input changes nothing' {
        It 'rejects an unknown context' {
            $before = Get-FileHash $config
            { Use-KubeContext nope -ErrorAction Stop } | Should -Throw -ErrorId 'KubeConfigNotFound*'
            { Rename-KubeContext staging minikube -ErrorAction Stop } | Should -Throw -ErrorId 'KubeConfigEntryExists*'
            (Get-FileHash $config).Hash | Should -Be $before.Hash
        }

        It 'names the file and line of malformed YAML' {
            Add-Content $config "`n- this: [is, not: valid"
            $before = Get-FileHash $config
            $err = { Get-KubeContext -ErrorAction Stop } | Should -Throw -ErrorId 'KubeConfigInvalid*' -PassThru
            $err.Exception.Message | Should -Match "$([regex]::Escape($config)):\d+:"   # file:line: as compilers print it
            { Use-KubeContext staging -ErrorAction Stop } | Should -Throw -ErrorId 'KubeConfigInvalid*'
            (Get-FileHash $config).Hash | Should -Be $before.Hash
        }

        It 'rejects a list where a map belongs' {
            (Get-Content $config -Raw) -replace 'preferences:\n  colors: true', "preferences:`n- colors" | Set-Content $config
            { Get-KubeContext -ErrorAction Stop } | Should -Throw -ErrorId 'KubeConfigInvalid*'
        }

        It 'rejects duplicate names in one file' {
            Add-Content $config "- name: staging`n  context: {cluster: x, user: y}"
            { Get-KubeContext -ErrorAction Stop } | Should -Throw -ErrorId 'KubeConfigInvalid*'
        }

        It 'refuses to write while kubectl''s lock is held' {
            New-Item "$config.lock" -ItemType File | Out-Null
            $before = Get-FileHash $config
            $err = { Use-KubeContext staging -ErrorAction Stop } | Should -Throw -ErrorId 'KubeConfigLocked*' -PassThru
            $err.Exception.Message | Should -Match ([regex]::Escape("$config.lock"))
            (Get-FileHash $config).Hash | Should -Be $before.Hash
            Test-Path "$config.lock" | Should -BeTrue   # someone else's lock is not ours to remove
        }
    }

    Context 'tab completion' {
        It 'completes context, cluster and user names' {
            (TabExpansion2 'Use-KubeContext st').CompletionMatches.CompletionText | Should -Be @('staging')
            (TabExpansion2 'Get-KubeCluster old').CompletionMatches.CompletionText | Should -Be @('old-cluster')
            (TabExpansion2 'Remove-KubeUser c').CompletionMatches.CompletionText | Should -Be @('cloud')
            (TabExpansion2 'Set-KubeContext old-one -User mini').CompletionMatches.CompletionText | Should -Be @('minikube')
            (TabExpansion2 'Set-KubeContext old-one -Namespace kube-s').CompletionMatches.CompletionText | Should -Be @('kube-system')
            (TabExpansion2 'Set-KubeContext old-one -Namespace ').CompletionMatches.CompletionResultType | Should -Not -Contain 'ProviderItem'
        }

        It 'completes from the file given with -Path' {
            $other = Join-Path $dir 'other'
            "apiVersion: v1`nkind: Config`ncontexts:`n- name: elsewhere`n  context: {cluster: a, user: b}" | Set-Content $other
            (TabExpansion2 "Use-KubeContext -Path $other e").CompletionMatches.CompletionText | Should -Be @('elsewhere')
        }

        It 'completes from a relative -Path taken from the PowerShell location, as the cmdlet reads it' {
            "apiVersion: v1`nkind: Config`ncontexts:`n- name: relative-one`n  context: {cluster: a, user: b}" | Set-Content (Join-Path $dir 'rel')
            Push-Location $dir
            try { (TabExpansion2 "Use-KubeContext -Path ./rel r").CompletionMatches.CompletionText | Should -Be @('relative-one') }
            finally { Pop-Location }
        }
    }
}
