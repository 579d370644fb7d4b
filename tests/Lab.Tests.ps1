<#
    The whole lab end to end on this machine (tag System, as root): Install-KubeLab with Debian's docker.io
    (-DockerSource Distribution, the background dockerd fallback), the four tools from the loopback mirror, and
    the minikube stand-in first on PATH, run as a real user made here (SUDO_USER, with fixtures/sudo-standin
    where there is no sudo). The docker group is the real one (docker.io makes it); the user is the suite's own.
    Everything the suite adds is removed in AfterAll: packages it installed, their leftovers, the docker group
    when it made it, the user, the folders.
#>
BeforeDiscovery {
    # -Skip is decided at discovery, before BeforeAll runs: whether Docker's package was here before the suite.
    $dockerWasInstalled = [bool](@(& dpkg-query -W -f '${db:Status-Abbrev}' docker.io 2>$null) -like 'ii*')
    $script:isRoot = (& id -u) -eq '0'
    # Whether this host fails a required check (here: cgroup v1 only), which the lab must then be forced past.
    Import-Module $env:KUBELAB_TEST_MODULE -Force
    $script:hostFails = @(Test-KubeLabHost | Where-Object { -not $_.Passed -and -not $_.Optional -and $_.Check -notlike 'Docker *' }).Count -gt 0
}

BeforeAll {
    Import-Module $env:KUBELAB_TEST_MODULE -Force
    . (Join-Path $PSScriptRoot 'fixtures/TestHost.ps1')
    . (Join-Path $PSScriptRoot 'fixtures/LabFixture.ps1')
    if (-not $isRoot) { return }
    $script:fixture = Enter-LabFixture
    $script:server = $fixture.Server
    $script:mirror = $fixture.Mirror
    $script:dest = $fixture.Destination
    $script:user = $fixture.User
    $script:initialPackages = $fixture.Initial.Packages
    $script:minikubeAsset = Get-MirrorPath $fixture.Root 'https://github.com/kubernetes/minikube/releases/download/v1.38.1/minikube-linux-amd64'
    $script:lab = @{ Mirror = $mirror; DockerSource = 'Distribution'; Destination = $dest; Force = $true; Confirm = $false }

    function script:Invoke-Lab([string] $Script) {
        # In a runspace of its own, so the progress and verbose streams can be read; the same process and env.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$env:KUBELAB_TEST_MODULE'; `$VerbosePreference = 'Continue'; `$lab = `$args[0]; $Script").AddArgument($lab)
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = $output; Seconds = $watch.Elapsed.TotalSeconds; Progress = @($ps.Streams.Progress); Verbose = @($ps.Streams.Verbose.Message); Warning = @($ps.Streams.Warning.Message); Error = @($ps.Streams.Error) }
        }
        finally { $ps.Dispose() }
    }

    function script:Get-StandinCalls {
        $log = "/tmp/$user/.minikube/standin-calls.jsonl"
        if (Test-Path $log) { @(Get-Content $log | ConvertFrom-Json) } else { @() }
    }

    function script:Test-InGroup([string] $Name) { ((& getent group docker) -split ':')[-1] -split ',' -contains $Name }
}

AfterAll {
    if ($isRoot) { Exit-LabFixture $fixture }
}

Describe 'Install-KubeLab, Get-KubeLab, Uninstall-KubeLab end to end' -Tag System -Skip:(-not $isRoot) {
    It '-WhatIf lists every step with its commands, and changes nothing' {
        $run = Invoke-Lab 'Install-KubeLab @lab -WhatIf'
        $run.Error | Should -BeNullOrEmpty
        $summary = $run.Output[0]
        $summary | Should -BeOfType ([KubeLab.Lab.LabSummary])
        $summary.Steps.Name | Should -Be @('Host checks', 'Docker Engine', 'docker group', 'Tools', 'minikube')
        $summary.Steps.Status | Should -Not -Contain 'Done'
        @(Get-ChildItem $dest) | Should -BeNullOrEmpty
        $server.Requests | Should -BeNullOrEmpty
        Test-DebInstalled docker.io | Should -Be ('docker.io' -in $initialPackages)

        # What if: lines go to the host: a pwsh of its own shows them.
        $pwsh = Get-PwshCommand
        $text = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command "Import-Module '$env:KUBELAB_TEST_MODULE'; Install-KubeLab -Mirror '$mirror' -DockerSource Distribution -Destination '$dest' -Force -WhatIf | Out-Null" 2>&1 | Out-String -Width 400
        foreach ($target in 'Host checks', 'Docker Engine', 'docker group', 'Tools', 'minikube') { $text | Should -Match "on target `"$target`"" }
        if ('docker.io' -notin $initialPackages) { $text | Should -Match 'apt-get install -y docker\.io' }
        $text | Should -Match ([regex]::Escape("Install kubectl (latest stable) into $dest"))
        $text | Should -Match 'minikube start --profile=minikube --output=json'
        $text | Should -Match ([regex]::Escape("usermod -aG docker $user"))
        $server.Requests | Should -BeNullOrEmpty
    }

    It 'stops before anything changes when a required host check fails and -Force is not given' -Skip:(-not $hostFails) {
        $options = $lab.Clone(); $options.Remove('Force')
        { Install-KubeLab @options -ErrorAction Stop } | Should -Throw -ErrorId 'HostChecksFailed,*'
        try { Install-KubeLab @options -ErrorAction Stop } catch { $_.Exception.Message | Should -Match 'Install-KubeLab -Force' }
        @(Get-ChildItem $dest) | Should -BeNullOrEmpty
        $server.Requests | Should -BeNullOrEmpty
        Test-DebInstalled docker.io | Should -Be ('docker.io' -in $initialPackages)
    }

    It 'first run: every step Done, the tools downloaded while apt installed Docker, one bar with a child per step' {
        $server.ClearRequests()
        $run = Invoke-Lab 'Install-KubeLab @lab'
        $run.Error | Should -BeNullOrEmpty
        $summary = $run.Output[0]
        $script:firstRun = $summary
        $script:firstWall = $run.Seconds
        # A docker.io that was already here is AlreadyDone, or Done when its daemon had to be started first.
        $expected = if ('docker.io' -in $initialPackages) { @('AlreadyDone', 'Done') } else { @('Done') }
        ($summary.Steps | Where-Object Name -eq 'Docker Engine').Status | Should -BeIn $expected
        ($summary.Steps | Where-Object Name -ne 'Docker Engine').Status | Should -Be @('Done', 'Done', 'Done', 'Done')
        ($summary.Steps | Where-Object Name -eq 'Host checks').Detail | Should -Match 'accepted with -Force'
        $summary.Context | Should -Be 'minikube'
        $summary.Versions.kubectl | Should -Be 'v1.33.1'
        $summary.Versions.minikube | Should -Be 'v1.38.1'
        $summary.Versions.docker | Should -Not -BeNullOrEmpty
        $summary.NextSteps -join ' ' | Should -Match 'log out and in again'
        Test-InGroup $user | Should -BeTrue
        Test-DebInstalled docker.io | Should -BeTrue
        $server.CountRequests('/dl.k8s.io/release/v1.33.1/bin/linux/amd64/kubectl') | Should -Be 1
        (Get-StandinCalls | Where-Object { $_.argv[0] -eq 'start' }).user | Should -Be $user

        # Overlap: the run took less than its steps one after another would (the tools while apt installed Docker).
        $sum = ($summary.Steps.Duration | Measure-Object TotalSeconds -Sum).Sum
        if ($expected -eq 'Done') {
            $run.Seconds | Should -BeLessThan $sum
            $docker = $summary.Steps | Where-Object Name -eq 'Docker Engine'
            $tools = $summary.Steps | Where-Object Name -eq 'Tools'
            $tools.StartedAt + $tools.Duration | Should -BeLessThan ($docker.StartedAt + $docker.Duration)
            $tools.StartedAt | Should -BeLessThan ($docker.StartedAt + [timespan]::FromSeconds(1))
        }
        Write-Host ("first run: wall {0:0.0} s, steps one after another {1:0.0} s ({2})" -f $run.Seconds, $sum, (($summary.Steps | ForEach-Object { '{0} {1:0.0} s' -f $_.Name, $_.Duration.TotalSeconds }) -join ', '))

        $bars = $run.Progress | Where-Object RecordType -ne 'Completed'
        $parent = @($bars | Where-Object ParentActivityId -lt 0)
        @($parent.ActivityId | Sort-Object -Unique) | Should -HaveCount 1
        $children = @($bars | Where-Object ParentActivityId -eq $parent[0].ActivityId)
        @($children.Activity | Sort-Object -Unique) | Should -Contain 'Tools'
        @($children.Activity | Sort-Object -Unique) | Should -Contain 'minikube'
        if ($expected -eq 'Done') { $run.Verbose | Should -Contain 'Running: env DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io' }
    }

    It 'second run: AlreadyDone for every step, no download, no apt, no minikube start' {
        $server.ClearRequests()
        $starts = @(Get-StandinCalls | Where-Object { $_.argv[0] -eq 'start' }).Count
        $run = Invoke-Lab 'Install-KubeLab @lab'
        $run.Error | Should -BeNullOrEmpty
        $run.Output[0].Steps.Status | Should -Be @('AlreadyDone', 'AlreadyDone', 'AlreadyDone', 'AlreadyDone', 'AlreadyDone')
        $run.Output[0].Context | Should -Be 'minikube'
        $server.Requests | Should -BeNullOrEmpty
        @($run.Verbose | Where-Object { $_ -match '^Running: .*(apt-get|dpkg|usermod|groupadd)' }) | Should -BeNullOrEmpty
        @(Get-StandinCalls | Where-Object { $_.argv[0] -eq 'start' }).Count | Should -Be $starts
        Write-Host ("second run: {0:0.00} s in a fresh runspace" -f $run.Seconds)
    }

    It '-SkipMinikubeStart leaves minikube out and says how to start it' {
        $summary = Install-KubeLab @lab -SkipMinikubeStart
        $summary.Steps.Name | Should -Not -Contain 'minikube'
        $summary.Steps.Status | Should -Be @('AlreadyDone', 'AlreadyDone', 'AlreadyDone', 'AlreadyDone')
        $summary.Context | Should -BeNullOrEmpty
        $summary.NextSteps -join ' ' | Should -Match 'Start-Minikube'
    }

    It 'Get-KubeLab: Docker answers, the user is in the group, each tool''s version, the profile, the context' {
        $state = Get-KubeLab -Destination $dest
        $state | Should -BeOfType ([KubeLab.Lab.LabState])
        $state.DockerAnswers | Should -BeTrue
        $state.DockerVersion | Should -Not -BeNullOrEmpty
        $state.UserName | Should -Be $user
        $state.DockerGroupMember | Should -BeTrue
        ($state.Tools | Where-Object Name -eq 'kustomize').Version | Should -Be 'v5.8.1'
        ($state.Profiles | Where-Object Name -eq 'minikube').Status | Should -Be 'OK'
        $state.CurrentContext | Should -Be 'minikube'
        $server.Requests | Should -BeNullOrEmpty
        ($state | Format-Table | Out-String) | Should -Match 'kubectl v1\.33\.1'
    }

    It 'Get-KubeLab -Online: each tool''s latest release through the mirror, and what is outdated' {
        $latest = Get-MirrorPath $fixture.Root 'https://github.com/kubernetes/minikube/releases/latest'
        Set-Content $latest "v1.39.0`n"
        try { $state = Get-KubeLab -Online -Mirror $mirror -Destination $dest }
        finally { Set-Content $latest "v1.38.1`n" }
        ($state.Tools | Where-Object Name -eq 'minikube').LatestVersion | Should -Be 'v1.39.0'
        $state.Outdated | Should -Be @('minikube')
        $server.Requests | Should -Not -BeNullOrEmpty
    }

    It 'a failed download leaves nothing half-placed; minikube waits; the next run finishes only what is missing' {
        Uninstall-KubeLabTool -Name kustomize, minikube -Destination $dest -Confirm:$false
        Move-Item $minikubeAsset "$minikubeAsset.away"
        try {
            $server.ClearRequests()
            $run = Invoke-Lab 'Install-KubeLab @lab'
            $summary = $run.Output[0]
            ($summary.Steps | Where-Object Name -eq 'Tools').Status | Should -Be 'Failed'
            ($summary.Steps | Where-Object Name -eq 'minikube').Status | Should -Be 'Skipped'
            ($summary.Steps | Where-Object Name -eq 'Docker Engine').Status | Should -Be 'AlreadyDone'
            $run.Error[0].FullyQualifiedErrorId | Should -BeLike 'DownloadNotFound*'
            $summary.NextSteps -join ' ' | Should -Match "Fix 'Tools'"
            (Get-ChildItem -Force $dest).Name | Sort-Object | Should -Be @('docker-compose', 'kubectl', 'kustomize')
        }
        finally { Move-Item "$minikubeAsset.away" $minikubeAsset }

        $server.ClearRequests()
        $summary = Install-KubeLab @lab
        ($summary.Steps | Where-Object Name -eq 'Tools').Status | Should -Be 'Done'
        ($summary.Steps | Where-Object Name -ne 'Tools').Status | Should -Be @('AlreadyDone', 'AlreadyDone', 'AlreadyDone', 'AlreadyDone')
        $server.CountRequests('/github.com/kubernetes/minikube/releases/download/v1.38.1/minikube-linux-amd64') | Should -Be 1
        $server.CountRequests('kustomize_v5.8.1_linux_amd64.tar.gz') | Should -Be 0
    }

    It 'Ctrl+C during a download (StopProcessing) stops at once and leaves nothing half-placed; the next run completes' {
        Uninstall-KubeLabTool -Name minikube -Destination $dest -Confirm:$false
        $path = '/github.com/kubernetes/minikube/releases/download/v1.38.1/minikube-linux-amd64'
        $server.ClearRequests()
        $server.AddFaults($path, [KubeLab.Tests.MirrorFault]::Stall(20000))
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$env:KUBELAB_TEST_MODULE'; `$lab = `$args[0]; Install-KubeLab @lab").AddArgument($lab)
            $async = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ($server.CountRequests($path) -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $server.CountRequests($path) | Should -Be 1
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
        (Get-ChildItem -Force $dest).Name | Sort-Object | Should -Be @('docker-compose', 'kubectl', 'kustomize')

        $summary = Install-KubeLab @lab
        ($summary.Steps | Where-Object Name -eq 'Tools').Status | Should -Be 'Done'
        $summary.Succeeded | Should -BeTrue
        (Get-ChildItem -Force $dest).Name | Sort-Object | Should -Be @('docker-compose', 'kubectl', 'kustomize', 'minikube')
    }

    It 'Uninstall-KubeLab -WhatIf changes nothing; then it removes the profile, the tools and the group membership, and keeps Docker' {
        Uninstall-KubeLab -Destination $dest -WhatIf
        @(Get-ChildItem $dest) | Should -HaveCount 4
        Test-InGroup $user | Should -BeTrue

        Uninstall-KubeLab -Destination $dest -Confirm:$false
        @(Get-ChildItem -Force $dest) | Should -BeNullOrEmpty
        Test-InGroup $user | Should -BeFalse
        @(Get-StandinCalls | Where-Object { $_.argv[0] -eq 'delete' }) | Should -Not -BeNullOrEmpty
        @(Get-ChildItem "/tmp/$user/.minikube/profiles" -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
        Test-DebInstalled docker.io | Should -BeTrue
        $state = Get-KubeLab -Destination $dest
        $state.Tools.Installed | Should -Not -Contain $true
        $state.Profiles | Should -BeNullOrEmpty
        $state.CurrentContext | Should -BeNullOrEmpty
    }

    It 'Uninstall-KubeLab -RemoveDocker removes the Docker the lab installed' -Skip:$dockerWasInstalled {
        Uninstall-KubeLab -Destination $dest -RemoveDocker -RemoveData -Confirm:$false
        Test-DebInstalled docker.io | Should -BeFalse
        Test-Path /run/kubelab-dockerd.pid | Should -BeFalse
        Test-Path (Join-Path $env:KUBELAB_STATE_HOME 'lab.tsv') | Should -BeFalse
    }
}

Describe 'Install-KubeLab as a plain user without sudo' -Tag System -Skip:(-not $isRoot) {
    BeforeAll {
        # The suite's user runs its own pwsh (a copy: root's NuGet folder is not readable to it), with its own state folder.
        $script:userPwsh = "/tmp/$user/pwsh"
        Copy-Item ([IO.Path]::GetDirectoryName([System.Management.Automation.PSObject].Assembly.Location)) $userPwsh -Recurse
        & chown -R "${user}:" $userPwsh
    }

    It 'installs the tools into ~/.local/bin, then stops on Docker with ElevationRequired, after the summary' -Skip:$dockerWasInstalled {
        $script = "/tmp/$user/lab.ps1"
        Set-Content $script @"
Import-Module '$env:KUBELAB_TEST_MODULE'
`$summary = `$null; `$failure = `$null
try { Install-KubeLab -Mirror '$mirror' -DockerSource Distribution -Force -WarningAction SilentlyContinue -ErrorAction Stop -OutVariable summary | Out-Null }
catch { `$failure = `$_.FullyQualifiedErrorId + ' | ' + `$_.Exception.Message }
[pscustomobject]@{ Statuses = @(`$summary[0].Steps | ForEach-Object { "`$(`$_.Name)=`$(`$_.Status)" }); Failure = `$failure } | ConvertTo-Json -Compress
"@
        & chown "${user}:" $script
        # runuser keeps root's environment: PATH without the sudo test double (this user must find no sudo), its own HOME and state.
        $path = ($env:PATH -split ':' | Where-Object { $_ -notlike '*sudo-standin*' }) -join ':'
        $out = & runuser -u $user -- env "HOME=/tmp/$user" "PATH=$path" 'KUBELAB_STATE_HOME=' 'SUDO_USER=' DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 `
            (Get-Command dotnet).Source (Join-Path $userPwsh 'pwsh.dll') -NoProfile -NonInteractive -File $script 2>&1
        $result = ($out | Select-Object -Last 1) | ConvertFrom-Json
        $result.Failure | Should -BeLike 'ElevationRequired*'
        $result.Statuses | Should -Contain 'Tools=Done'
        $result.Statuses | Should -Contain 'Docker Engine=Failed'
        $result.Statuses | Should -Contain 'minikube=Skipped'
        Test-Path "/tmp/$user/.local/bin/kubectl" | Should -BeTrue
        Test-DebInstalled docker.io | Should -BeFalse
    }
}
