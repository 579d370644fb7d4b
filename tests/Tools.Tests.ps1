BeforeAll {
    Import-Module $env:KUBELAB_TEST_MODULE -Force
    . (Join-Path $PSScriptRoot 'fixtures/ToolMirror.ps1')

    $script:root = New-TestFolder 'kubelab-mirror-'
    Add-MirrorKubectl $root 'v1.33.1'
    Add-MirrorFile $root 'https://dl.k8s.io/release/stable.txt' -Text "v1.33.1`n" | Out-Null
    Add-MirrorMinikube $root 'v1.37.0'
    Add-MirrorMinikube $root 'v1.38.1'
    # A mirror that cannot redirect serves releases/latest as a file naming the tag...
    Add-MirrorFile $root 'https://github.com/kubernetes/minikube/releases/latest' -Text "v1.38.1`n" | Out-Null
    Add-MirrorDockerCompose $root 'v2.29.7'
    Add-MirrorKustomize $root 'v5.8.1'
    # ...and one that can, redirects like GitHub (also written as files for the folder-mirror form).
    Add-MirrorFile $root 'https://github.com/docker/compose/releases/latest' -Text 'https://github.com/docker/compose/releases/tag/v2.29.7' | Out-Null
    Add-MirrorFile $root 'https://github.com/kubernetes-sigs/kustomize/releases/latest' -Text 'kustomize/v5.8.1' | Out-Null

    $script:server = [KubeLab.Tests.LoopbackMirror]::new($root)
    $server.Redirect('/github.com/docker/compose/releases/latest', 'https://github.com/docker/compose/releases/tag/v2.29.7')
    $server.Redirect('/github.com/kubernetes-sigs/kustomize/releases/latest', 'https://github.com/kubernetes-sigs/kustomize/releases/tag/kustomize%2Fv5.8.1')
    $script:mirror = $server.Url
    $script:kubectlPath = '/dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl'
    $env:KUBELAB_MIRROR = $null
}

AfterAll {
    $server.Dispose()
    Remove-Item $root -Recurse -Force
}

Describe 'Install-Kubectl' {
    BeforeEach {
        $dest = New-TestFolder
        $server.ClearRequests()
    }
    AfterEach { Remove-Item $dest -Recurse -Force }

    It 'installs the real kubectl from the mirror, verified, mode 0755, version read from the binary' {
        $tool = Install-Kubectl -Version 1.33.1 -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue
        $tool | Should -BeOfType ([KubeLab.Tools.KubeLabTool])
        $tool.Status | Should -Be 'Installed'
        $tool.Version | Should -Be 'v1.33.1'
        $tool.Path | Should -Be (Join-Path $dest 'kubectl')
        $tool.Sha256 | Should -Be (Get-TestSha256 $KubectlBinary)
        $tool.Source | Should -Be "${mirror}dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl"
        (& $tool.Path version --client -o json | ConvertFrom-Json).clientVersion.gitVersion | Should -Be 'v1.33.1'
        [IO.File]::GetUnixFileMode($tool.Path) | Should -Be ([IO.UnixFileMode]0x1ED)
    }

    It 'resolves the latest version from stable.txt through the mirror' {
        (Install-Kubectl -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue).Version | Should -Be 'v1.33.1'
        $server.Requests[0] | Should -Be '/dl.k8s.io/release/stable.txt'
    }

    It 'downloads nothing when the version is already there, and reinstalls with -Force' {
        Install-Kubectl -Version v1.33.1 -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue | Out-Null
        $server.ClearRequests()
        (Install-Kubectl -Version v1.33.1 -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue).Status | Should -Be 'AlreadyInstalled'
        $server.Requests | Should -BeNullOrEmpty
        (Install-Kubectl -Version v1.33.1 -Mirror $mirror -Destination $dest -Force -WarningAction SilentlyContinue).Status | Should -Be 'Installed'
        $server.CountRequests($kubectlPath) | Should -Be 1
    }

    It 'uses $env:KUBELAB_MIRROR when -Mirror is not given' {
        $env:KUBELAB_MIRROR = $mirror
        try { (Install-Kubectl -Version 1.33.1 -Destination $dest -WarningAction SilentlyContinue).Version | Should -Be 'v1.33.1' }
        finally { $env:KUBELAB_MIRROR = $null }
        $server.CountRequests($kubectlPath) | Should -Be 1
    }

    It 'installs from a local folder mirror' {
        $tool = Install-Kubectl -Version 1.33.1 -Mirror $root -Destination $dest -WarningAction SilentlyContinue
        $tool.Version | Should -Be 'v1.33.1'
        $tool.Source | Should -BeLike "$root/dl.k8s.io/*"
        $server.Requests | Should -BeNullOrEmpty
    }

    It 'takes a relative -Destination and folder -Mirror from the PowerShell location, not the process directory' {
        Push-Location $dest
        try { $tool = Install-Kubectl -Version 1.33.1 -Mirror (Resolve-Path -Relative $root) -Destination ./bin -WarningAction SilentlyContinue }
        finally { Pop-Location }
        $tool.Path | Should -Be (Join-Path $dest 'bin/kubectl')
        $tool.Version | Should -Be 'v1.33.1'
    }

    It 'changes and downloads nothing with -WhatIf' {
        Install-Kubectl -Version 1.33.1 -Mirror $mirror -Destination $dest -WhatIf -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ChildItem $dest -Force | Should -BeNullOrEmpty
        $server.CountRequests($kubectlPath) | Should -Be 0
    }

    It 'shows every URL with -Verbose and warns when the destination is not on PATH' {
        $out = Install-Kubectl -Version 1.33.1 -Mirror $mirror -Destination $dest -Verbose 4>&1 3>&1
        $verbose = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $verbose | Should -Contain "GET ${mirror}dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl.sha256 (mirror of https://dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl.sha256)"
        $verbose | Should -Contain "GET ${mirror}dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl (mirror of https://dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl)"
        @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Message | Should -Contain "$dest is not on PATH; add it to run the tools by name."
    }

    It 'retries a server error, a reset, a truncated body and a stall, then installs' {
        $server.AddFaults($kubectlPath, @([KubeLab.Tests.MirrorFault]::Status(500), [KubeLab.Tests.MirrorFault]::Reset()))
        (Install-Kubectl -Version 1.33.1 -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue).Version | Should -Be 'v1.33.1'
        $server.CountRequests($kubectlPath) | Should -Be 3
        $server.ClearRequests()
        $server.AddFaults($kubectlPath, @([KubeLab.Tests.MirrorFault]::Truncate(), [KubeLab.Tests.MirrorFault]::Stall(5000)))
        (Install-Kubectl -Version 1.33.1 -Mirror $mirror -Destination $dest -Force -TimeoutSec 1 -WarningAction SilentlyContinue).Version | Should -Be 'v1.33.1'
        $server.CountRequests($kubectlPath) | Should -Be 3
    }
}

Describe 'Install failures leave the previous binary and no temp file' {
    BeforeEach {
        $dest = New-TestFolder
        Set-Content (Join-Path $dest 'kubectl') 'previous'
        $server.ClearRequests()
    }
    AfterEach { Remove-Item $dest -Recurse -Force }

    It 'checksum mismatch: <Case>' -TestCases @(
        @{ Case = 'mirror checksum file'; Version = 'v1.33.0'; Sha256 = $null }
        @{ Case = 'wrong -Sha256'; Version = 'v1.33.1'; Sha256 = ('f' * 64) }
    ) {
        Add-MirrorKubectl $root 'v1.33.0' -Hash ('0' * 64)
        $pin = if ($Sha256) { @{ Sha256 = $Sha256 } } else { @{} }
        $err = { Install-Kubectl -Version $Version @pin -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ChecksumMismatch,*'
        $err.CategoryInfo.Category | Should -Be 'SecurityError'
        $err.Exception.Message | Should -BeLike "*https://dl.k8s.io/release/$Version/bin/linux/amd64/kubectl*"
        Get-Content (Join-Path $dest 'kubectl') | Should -Be 'previous'
        (Get-ChildItem $dest -Force).Name | Should -Be @('kubectl')
    }

    It 'HTTP 404 is not retried and names the URL' {
        $err = { Install-Kubectl -Version 9.9.9 -Mirror $mirror -Destination $dest -Sha256 ('a' * 64) -WarningAction SilentlyContinue } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'DownloadNotFound,*'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.Exception.Message | Should -BeLike "*${mirror}dl.k8s.io/release/v9.9.9/bin/linux/amd64/kubectl*HTTP 404*"
        $server.CountRequests('/dl.k8s.io/release/v9.9.9/bin/linux/amd64/kubectl') | Should -Be 1
        (Get-ChildItem $dest -Force).Name | Should -Be @('kubectl')
    }

    It 'a body truncated on every attempt fails after the retries' {
        $server.AlwaysFail($kubectlPath, [KubeLab.Tests.MirrorFault]::Truncate())
        try {
            $err = { Install-Kubectl -Version 1.33.1 -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue } | Should -Throw -PassThru
        }
        finally { $server.AlwaysFail($kubectlPath, $null) }
        $err.Exception.Message | Should -BeLike "*${mirror}dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl*ended before its Content-Length*"
        $server.CountRequests($kubectlPath) | Should -Be 4
        Get-Content (Join-Path $dest 'kubectl') | Should -Be 'previous'
        (Get-ChildItem $dest -Force).Name | Should -Be @('kubectl')
    }

    It 'Ctrl+C (Stop) ends a stalled download at once and leaves nothing behind' {
        $server.AlwaysFail($kubectlPath, [KubeLab.Tests.MirrorFault]::Stall(20000))
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Module, $Mirror, $Dest)
                    Import-Module $Module
                    Install-Kubectl -Version 1.33.1 -Mirror $Mirror -Destination $Dest -WarningAction SilentlyContinue
                }).AddArgument($env:KUBELAB_TEST_MODULE).AddArgument($mirror).AddArgument($dest)
            $async = $ps.BeginInvoke()
            for ($i = 0; $i -lt 100 -and $server.CountRequests($kubectlPath) -eq 0; $i++) { Start-Sleep -Milliseconds 100 }
            $server.CountRequests($kubectlPath) | Should -Be 1
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $ps.Dispose()
            $server.AlwaysFail($kubectlPath, $null)
        }
        Get-Content (Join-Path $dest 'kubectl') | Should -Be 'previous'
        (Get-ChildItem $dest -Force).Name | Should -Be @('kubectl')
    }

    It 'a read-only destination fails with a clear error' {
        $readonly = Join-Path $dest 'ro'
        New-Item -ItemType Directory $readonly | Out-Null
        & mount -t tmpfs -o 'ro,size=1m' tmpfs $readonly
        try {
            $err = { Install-Kubectl -Version 1.33.1 -Mirror $mirror -Destination $readonly -WarningAction SilentlyContinue } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'DestinationNotWritable,*'
            $err.Exception.Message | Should -BeLike "*$readonly/kubectl*"
        }
        finally { & umount $readonly }
    }

    It 'rejects bad input before any request: <Case>' -TestCases @(
        @{ Case = 'malformed version'; Command = { Install-Kubectl -Version 1.33 -Mirror $mirror -Destination $dest }; Id = 'InvalidToolArgument' }
        @{ Case = 'unknown tool'; Command = { Install-KubeLabTool -Name helm -Mirror $mirror -Destination $dest }; Id = 'InvalidToolArgument' }
        @{ Case = 'malformed -Sha256'; Command = { Install-Kubectl -Version 1.33.1 -Sha256 abc -Mirror $mirror -Destination $dest }; Id = 'InvalidToolArgument' }
        @{ Case = 'bad mirror'; Command = { Install-Kubectl -Version 1.33.1 -Mirror 'ftp://x' -Destination $dest }; Id = 'InvalidToolArgument' }
        @{ Case = '-Version with several tools'; Command = { Install-KubeLabTool -Name kubectl, minikube -Version 1.33.1 -Mirror $mirror -Destination $dest }; Id = 'VersionForSeveralTools' }
    ) {
        $err = { & $Command -WarningAction SilentlyContinue } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        ($err | Out-String) | Should -Not -Match "\(Parameter '" -Because 'C# parameter names mean nothing to a user'
        $server.Requests | Should -BeNullOrEmpty
        Get-Content (Join-Path $dest 'kubectl') | Should -Be 'previous'
    }
}

Describe 'Install-Kustomize, Install-Minikube, Install-DockerCompose' {
    BeforeEach { $dest = New-TestFolder }
    AfterEach { Remove-Item $dest -Recurse -Force }

    It '<Command> resolves latest (<Rule>) and reports the version the tool prints' -TestCases @(
        @{ Command = 'Install-Kustomize'; Rule = 'GitHub redirect'; Name = 'kustomize'; Expected = 'v5.8.1' }
        @{ Command = 'Install-Minikube'; Rule = 'mirror file naming the tag'; Name = 'minikube'; Expected = 'v1.38.1' }
        @{ Command = 'Install-DockerCompose'; Rule = 'GitHub redirect'; Name = 'docker-compose'; Expected = 'v2.29.7' }
    ) {
        $tool = & $Command -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue
        $tool.Name | Should -Be $Name
        $tool.Version | Should -Be $Expected
        $tool.Status | Should -Be 'Installed'
        (Get-ChildItem $dest -Force).Name | Should -Be @($Name)
    }

    It 'loads SharpZipLib and YamlDotNet (version JSON) privately, and KubeLab.Core normally' {
        Install-Kustomize -Version 5.8.1 -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue | Out-Null
        $contextOf = { param($name) [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq $name } |
            ForEach-Object { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).GetType().Name } }
        foreach ($name in 'ICSharpCode.SharpZipLib', 'YamlDotNet') {
            & $contextOf $name | Should -Be 'PrivateLoadContext' -Because "$name is used by the install, privately"
        }
        & $contextOf 'KubeLab.Core' | Should -Be 'DefaultAssemblyLoadContext'
    }

    It 'the folder mirror resolves latest from the same tree' {
        (Install-Kustomize -Mirror $root -Destination $dest -WarningAction SilentlyContinue).Version | Should -Be 'v5.8.1'
    }
}

Describe 'Tool name completion' {
    It 'offers each tool once: <Line>' -ForEach @(
        @{ Line = 'Install-KubeLabTool -Name '; Expected = @('kubectl', 'kustomize', 'minikube', 'docker-compose') }
        @{ Line = 'Install-KubeLabTool -Name kubectl, '; Expected = @('kustomize', 'minikube', 'docker-compose') }
        @{ Line = 'Install-KubeLabTool kubectl, minikube, k'; Expected = @('kustomize') }
        @{ Line = 'Uninstall-KubeLabTool ku'; Expected = @('kubectl', 'kustomize') }
    ) {
        (TabExpansion2 $Line).CompletionMatches.CompletionText | Should -Be $Expected
    }
}

Describe 'Install-KubeLabTool' {
    BeforeEach { $dest = New-TestFolder }
    AfterEach { Remove-Item $dest -Recurse -Force }

    It 'downloads several tools in parallel, each with its own progress bar' {
        $parallel = [KubeLab.Tests.LoopbackMirror]::new($root)
        $parallel.Redirect('/github.com/kubernetes-sigs/kustomize/releases/latest', 'https://github.com/kubernetes-sigs/kustomize/releases/tag/kustomize%2Fv5.8.1')
        # Slow artifacts: run one after another, they could never be in flight together.
        $parallel.AddFaults('/github.com/kubernetes/minikube/releases/download/v1.38.1/minikube-linux-amd64', [KubeLab.Tests.MirrorFault]::Stall(1500))
        $parallel.AddFaults('/github.com/docker/compose/releases/download/v2.29.7/docker-compose-linux-x86_64', [KubeLab.Tests.MirrorFault]::Stall(1500))
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Module, $Mirror, $Dest)
                    $ProgressPreference = 'Continue'
                    Import-Module $Module
                    Install-KubeLabTool -Name kubectl, kustomize, minikube, docker-compose -Mirror $Mirror -Destination $Dest -WarningAction SilentlyContinue
                }).AddArgument($env:KUBELAB_TEST_MODULE).AddArgument($parallel.Url).AddArgument($dest)
            $results = $ps.Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
            $progress = @($ps.Streams.Progress)
        }
        finally {
            $ps.Dispose()
            $parallel.Dispose()
        }
        $results.Name | Should -Be @('kubectl', 'kustomize', 'minikube', 'docker-compose')
        $results.Version | Should -Be @('v1.33.1', 'v5.8.1', 'v1.38.1', 'v2.29.7')
        $parallel.MaxConcurrentRequests | Should -BeGreaterOrEqual 2
        ($progress.ActivityId | Sort-Object -Unique) | Should -Be @(1, 2, 3, 4)
        $kubectlSize = (Get-Item $KubectlBinary).Length.ToString('#,0', [cultureinfo]::InvariantCulture)
        $progress | Where-Object { $_.ActivityId -eq 1 -and $_.StatusDescription -eq "$kubectlSize of $kubectlSize bytes" -and $_.PercentComplete -eq 100 } | Should -Not -BeNullOrEmpty
        $progress | Where-Object RecordType -eq Completed | Should -HaveCount 4
    }

    It 'reports one failing tool as an error and still installs the others' {
        $out = Install-KubeLabTool -Name kubectl, minikube -Mirror $mirror -Destination (Join-Path $dest 'x') -WarningAction SilentlyContinue -ErrorVariable failures -ErrorAction SilentlyContinue
        $out.Name | Should -Be @('kubectl', 'minikube')
        $failures | Should -BeNullOrEmpty
        $server.AlwaysFail('/dl.k8s.io/release/stable.txt', [KubeLab.Tests.MirrorFault]::Status(404))
        try {
            $out = Install-KubeLabTool -Name kubectl, minikube -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue -ErrorVariable failures -ErrorAction SilentlyContinue
        }
        finally { $server.AlwaysFail('/dl.k8s.io/release/stable.txt', $null) }
        $out.Name | Should -Be @('minikube')
        $failures | Should -HaveCount 1
        $failures[0].TargetObject | Should -Be 'kubectl'
    }
}

Describe 'Get-KubeLabTool, Update-KubeLabTool, Uninstall-KubeLabTool' {
    BeforeEach {
        $dest = New-TestFolder
        Install-Kubectl -Version 1.33.1 -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue | Out-Null
        Install-Minikube -Version 1.37.0 -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue | Out-Null
    }
    AfterEach { Remove-Item $dest -Recurse -Force }

    It 'lists every tool with what it reports, offline by default' {
        $server.ClearRequests()
        $tools = Get-KubeLabTool -Destination $dest
        $tools.Name | Should -Be @('kubectl', 'kustomize', 'minikube', 'docker-compose')
        $tools.Installed | Should -Be @($true, $false, $true, $false)
        $tools.ManagedByKubeLab | Should -Be @($true, $false, $true, $false)
        $tools[0].Sha256 | Should -Match '^[0-9a-f]{64}$'
        $tools[0].Source | Should -BeLike "${mirror}dl.k8s.io/release/v1.33.1/*"
        $tools.Version | Should -Be @('v1.33.1', $null, 'v1.37.0', $null)
        $tools[0].Path | Should -Be (Join-Path $dest 'kubectl')
        $tools.UpdateAvailable | Should -Be @($null, $null, $null, $null)
        $server.Requests | Should -BeNullOrEmpty
    }

    It 'formats as a table like the other KubeLab views' {
        $table = Get-KubeLabTool -Destination $dest | Format-Table | Out-String -Width 400
        $table | Should -Match 'Name\s+Version\s+Status\s+Latest\s+Update\s+Path'
        $table | Should -Match "kubectl\s+v1\.33\.1\s+.*$([regex]::Escape((Join-Path $dest 'kubectl')))"
    }

    It 'Get -Online | Where UpdateAvailable | Update updates exactly the outdated tools' {
        $online = Get-KubeLabTool -Destination $dest -Online -Mirror $mirror
        ($online | Where-Object Name -eq minikube).LatestVersion | Should -Be 'v1.38.1'
        $updated = $online | Where-Object UpdateAvailable | Update-KubeLabTool -Mirror $mirror -WarningAction SilentlyContinue
        $updated.Name | Should -Be @('minikube')
        $updated.Status | Should -Be 'Updated'
        $updated.Version | Should -Be 'v1.38.1'
        (Get-KubeLabTool minikube -Destination $dest -Online -Mirror $mirror).UpdateAvailable | Should -BeFalse
    }

    It 'Update-KubeLabTool refuses a tool that is not installed' {
        $err = { Update-KubeLabTool -Name kustomize -Destination $dest -Mirror $mirror -WarningAction SilentlyContinue } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'NotInstalled,*'
        Test-Path (Join-Path $dest 'kustomize') | Should -BeFalse
    }

    It 'Uninstall removes what KubeLab installed, from the pipeline, and honours -WhatIf' {
        Get-KubeLabTool -Destination $dest | Where-Object Installed | Uninstall-KubeLabTool -WhatIf
        Test-Path (Join-Path $dest 'kubectl') | Should -BeTrue
        Get-KubeLabTool -Destination $dest | Where-Object Installed | Uninstall-KubeLabTool -Confirm:$false
        (Get-KubeLabTool -Destination $dest).Installed | Should -Be @($false, $false, $false, $false)
    }

    It 'Uninstall leaves a binary KubeLab did not place or that changed since' {
        Set-Content (Join-Path $dest 'docker-compose') 'from somewhere else'
        Set-Content (Join-Path $dest 'minikube') 'replaced by hand'
        # The README's pipeline: only what KubeLab manages goes to Uninstall, so nothing fails.
        Get-KubeLabTool -Destination $dest | Where-Object ManagedByKubeLab | Uninstall-KubeLabTool -WhatIf -ErrorVariable none
        $none | Should -BeNullOrEmpty
        (Get-KubeLabTool -Destination $dest | Where-Object ManagedByKubeLab).Name | Should -Be @('kubectl')
        Uninstall-KubeLabTool docker-compose, minikube -Destination $dest -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 2
        $failures.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'NotInstalledByKubeLab,*' }
        Get-Content (Join-Path $dest 'docker-compose') | Should -Be 'from somewhere else'
        Get-Content (Join-Path $dest 'minikube') | Should -Be 'replaced by hand'
    }
}
