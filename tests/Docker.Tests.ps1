BeforeDiscovery {
    $script:isRoot = (& id -u) -eq '0'
}

BeforeAll {
    Import-Module $env:KUBELAB_TEST_MODULE -Force
    . (Join-Path $PSScriptRoot 'fixtures/TestHost.ps1')
    . (Join-Path $PSScriptRoot 'fixtures/ToolMirror.ps1')
    . (Join-Path $PSScriptRoot 'fixtures/DockerAptRepo.ps1')
    $env:KUBELAB_MIRROR = $null
    $script:sourcesFile = '/etc/apt/sources.list.d/docker.sources'
    $script:keyringFile = '/etc/apt/keyrings/docker.asc'
    $script:osRelease = @{}
    Get-Content /etc/os-release | Where-Object { $_ -match '^([A-Z_]+)=(.*)$' } | ForEach-Object { $osRelease[$Matches[1]] = $Matches[2].Trim('"') }

    function Invoke-InFreshPwsh([string] $Script) {
        # What the host prints (What if: lines go to the host, not to a stream) from a pwsh of its own.
        $pwsh = Get-PwshCommand
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command "Import-Module '$env:KUBELAB_TEST_MODULE'; $Script" 2>&1 | Out-String -Width 400
    }

    # The engine packages as this suite found them: what it installs that was not there is purged at the end.
    $script:enginePackages = 'docker.io', 'containerd', 'runc'
    $script:initialPackages = @($enginePackages | Where-Object { Test-DebInstalled $_ })
    # And what installing and running docker.io leaves behind even after a purge.
    $script:initialLeftovers = @{}
    foreach ($path in '/var/lib/docker', '/etc/docker', '/run/docker', '/var/log/kubelab-dockerd.log') { $initialLeftovers[$path] = Test-Path $path }
    $script:hadDockerGroup = [bool](& getent group docker)

    function Stop-TestDaemon {
        # Only a dockerd that KubeLab started in the background (its pid file says so).
        if (Test-Path /run/kubelab-dockerd.pid) {
            & start-stop-daemon --stop --pidfile /run/kubelab-dockerd.pid --remove-pidfile --retry TERM/20/KILL/5 | Out-Null
        }
    }
}

AfterAll {
    if ((& id -u) -eq '0') {
        $added = @($enginePackages | Where-Object { $_ -notin $initialPackages -and (Test-DebInstalled $_) })
        if ($added) { & env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq @added 2>&1 | Out-Null }
        if ('docker.io' -notin $initialPackages -and -not (Test-DebInstalled docker.io)) {
            foreach ($path in $initialLeftovers.Keys) { if (-not $initialLeftovers[$path]) { Remove-Item $path -Recurse -Force -ErrorAction SilentlyContinue } }
            if (-not $hadDockerGroup) { & groupdel docker 2>$null }
        }
    }
}

Describe 'Docker cmdlets that change nothing' {
    It 'Get-DockerEngine always returns a DockerEngine; no daemon is a value, not an error' {
        $engine = Get-DockerEngine -ErrorAction Stop
        $engine | Should -BeOfType ([KubeLab.Docker.DockerEngine])
        $engine.Endpoint | Should -Be $(if ($env:DOCKER_HOST) { $env:DOCKER_HOST } else { 'unix:///var/run/docker.sock' })
        if (-not $engine.DaemonRunning) { $engine.Message | Should -Not -BeNullOrEmpty }
    }

    It 'Install-Docker -WhatIf shows the whole plan in order (key check first) and changes nothing' {
        $before = Test-Path $sourcesFile
        $out = Invoke-InFreshPwsh 'Install-Docker -Force -WhatIf'
        $lines = @($out -split "`n" | Where-Object { $_ -like 'What if:*' })
        $lines.Count | Should -BeGreaterOrEqual 6
        $lines[0] | Should -Match "check its fingerprint is 9DC8 5822 9FC7 DD38 854A E2D8 8D81 803C 0EBF CD88.*download\.docker\.com/linux/$($osRelease.ID)/gpg"
        $out | Should -Match '/etc/apt/keyrings/docker\.asc'
        $out | Should -Match "Suites: $($osRelease.VERSION_CODENAME)"
        $lines[-2] | Should -Match 'apt-get install -y docker-ce docker-ce-cli containerd\.io docker-buildx-plugin docker-compose-plugin'
        $lines[-1] | Should -Match 'Start the Docker daemon'
        Test-Path $sourcesFile | Should -Be $before
    }

    It 'refuses a user name with shell characters before anything runs' {
        $out = Add-DockerGroupUser -UserName 'x; touch /tmp/kubelab-pwned' -Verbose -ErrorVariable problems -ErrorAction SilentlyContinue 4>&1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'DockerInvalidUserName*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Running:*' }) | Should -BeNullOrEmpty
        Test-Path /tmp/kubelab-pwned | Should -BeFalse
    }

    It 'refuses a -KeyFingerprint that is not one, before anything runs' {
        { Install-Docker -KeyFingerprint 'not-a-fingerprint' -WhatIf } | Should -Throw -ErrorId 'InvalidToolArgument*'
    }
}

Describe 'Distribution source, for real on this machine' -Tag System -Skip:(-not $isRoot) {
    BeforeAll {
        $script:hadDockerIo = Test-DebInstalled docker.io
        $script:wasRunning = (Get-DockerEngine).DaemonRunning
        $script:work = New-TestFolder 'kubelab-docker-'
    }

    AfterAll {
        if (-not $wasRunning) { Stop-TestDaemon }
        Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'installs docker.io and brings the daemon up (here through the background fallback)' {
        $engine = Install-Docker -Source Distribution -Confirm:$false
        $engine | Should -BeOfType ([KubeLab.Docker.DockerEngine])
        $engine.Source | Should -Be 'Distribution'
        $engine.DaemonRunning | Should -BeTrue
        $engine.ServerVersion | Should -Not -BeNullOrEmpty
        $engine.ApiVersion | Should -Match '^1\.\d+$'
        Test-DebInstalled docker.io | Should -BeTrue
        if (-not $wasRunning -and -not (Test-Path /run/systemd/system)) {
            $engine.StartedBy | Should -BeIn @('InitScript', 'Background')
            if ($engine.StartedBy -eq 'Background') { Test-Path $engine.DaemonLog | Should -BeTrue }
        }
    }

    It 'runs a container from an image made locally with docker import' {
        $script:image = New-DockerTestImage $work
        & docker run --rm $image /bin/busybox echo kubelab-container-ran | Should -Be 'kubelab-container-ran'
    }

    It 'Get-DockerEngine with the daemon up: what the Engine API reports' {
        $engine = Get-DockerEngine
        $engine.DaemonRunning | Should -BeTrue
        $engine.Source | Should -Be 'Distribution'
        $engine.DataRoot | Should -Be '/var/lib/docker'
        $engine.StorageDriver | Should -Not -BeNullOrEmpty
        $engine.CgroupVersion | Should -BeIn @('1', '2')
        $engine.Rootless | Should -BeFalse
        $engine.ServerVersion | Should -Be (& docker version --format '{{.Server.Version}}')
        ($engine | Format-Table | Out-String) | Should -Match 'Distribution'
    }

    It 'runs nothing when everything is in place: status AlreadyInstalled, no apt, no download' {
        $out = Install-Docker -Source Distribution -Verbose 4>&1
        $engine = $out | Where-Object { $_ -is [KubeLab.Docker.DockerEngine] }
        $engine.Status | Should -Be 'AlreadyInstalled'
        @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'apt-get|apt-cache|GET ' }) | Should -BeNullOrEmpty
    }

    Context 'the docker group' {
        BeforeAll {
            $script:user = 'kltest' + [guid]::NewGuid().ToString('N').Substring(0, 6)
            & useradd -m $user
            if ($LASTEXITCODE -ne 0) { throw "useradd $user failed" }

            function Invoke-DockerAs([string] $Name) {
                # runuser takes the groups from the group database, like a fresh login.
                $output = & runuser -u $Name -- docker run --rm $image /bin/busybox echo ok 2>&1
                [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = "$output" }
            }
        }

        AfterAll {
            & userdel -r $user 2>$null
        }

        It 'a fresh user gets permission denied, is added, runs docker without sudo, and is removed again' {
            $denied = Invoke-DockerAs $user
            $denied.ExitCode | Should -Not -Be 0
            $denied.Output | Should -Match 'permission denied'

            $added = Add-DockerGroupUser -UserName $user -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue
            $added | Should -BeOfType ([KubeLab.Docker.DockerGroupMembership])
            $added.UserName | Should -Be $user
            $added.Group | Should -Be 'docker'
            $added.IsMember | Should -BeTrue
            $added.IsActiveInSession | Should -BeFalse
            $added.Advice | Should -Match 'log out and in again|newgrp docker'
            "$warned" | Should -Match 'newgrp docker'
            (& id -nG $user) -split ' ' | Should -Contain 'docker'

            $allowed = Invoke-DockerAs $user
            $allowed.Output | Should -Be 'ok'
            $allowed.ExitCode | Should -Be 0

            (Get-DockerGroupUser -UserName $user).IsMember | Should -BeTrue
            (Get-DockerGroupUser).UserName | Should -Contain $user

            $removed = Remove-DockerGroupUser -UserName $user -Confirm:$false
            $removed.IsMember | Should -BeFalse
            (Invoke-DockerAs $user).Output | Should -Match 'permission denied'
        }

        It 'takes users from the pipeline by property name, and -WhatIf changes nothing' {
            [pscustomobject]@{ UserName = $user } | Add-DockerGroupUser -WhatIf | Should -BeNullOrEmpty
            (& id -nG $user) -split ' ' | Should -Not -Contain 'docker'
            [pscustomobject]@{ Name = $user } | Add-DockerGroupUser -Confirm:$false -WarningAction SilentlyContinue | ForEach-Object IsMember | Should -BeTrue
            Get-DockerGroupUser -UserName $user | Remove-DockerGroupUser -Confirm:$false | ForEach-Object IsMember | Should -BeFalse
        }

        It 'root running the check sees the session as active (root needs no group)' {
            (Get-DockerGroupUser -UserName root).IsActiveInSession | Should -BeTrue
        }
    }

    Context 'as a user who is not root, in a session that started before the change' {
        BeforeAll {
            $script:plainUser = 'klplain' + [guid]::NewGuid().ToString('N').Substring(0, 6)
            & useradd -m $plainUser
            if ($LASTEXITCODE -ne 0) { throw "useradd $plainUser failed" }
            # This pwsh lives under root's home, which other users cannot read: a copy they can run.
            $script:userPwsh = Join-Path $work 'pwsh'
            Copy-Item ([IO.Path]::GetDirectoryName([System.Management.Automation.PSObject].Assembly.Location)) $userPwsh -Recurse
            & chmod -R a+rX $work
            $script:sessions = [Collections.Generic.List[Diagnostics.Process]]::new()

            function Start-AsPlainUser([string] $Script) {
                $file = Join-Path $work ("script-" + [guid]::NewGuid().ToString('N').Substring(0, 6) + '.ps1')
                Set-Content $file ("Import-Module '$env:KUBELAB_TEST_MODULE'`n" + $Script)
                & chmod a+r $file
                $start = [Diagnostics.ProcessStartInfo]::new('runuser')
                foreach ($argument in @('-u', $plainUser, '--', 'env', "HOME=/home/$plainUser", 'DOTNET_CLI_TELEMETRY_OPTOUT=1', 'DOTNET_NOLOGO=1',
                        (Get-Command dotnet).Source, (Join-Path $userPwsh 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $file)) {
                    $start.ArgumentList.Add($argument)
                }
                $start.RedirectStandardOutput = $true
                $start.RedirectStandardError = $true
                $process = [Diagnostics.Process]::Start($start)
                $script:sessions.Add($process)
                $process
            }

            function Wait-AsPlainUser([Diagnostics.Process] $Process) {
                if (-not $Process.WaitForExit(90000)) { $Process.Kill($true); throw 'the pwsh of the test user hung' }
                $out = $Process.StandardOutput.ReadToEnd()
                $err = $Process.StandardError.ReadToEnd()
                if ($Process.ExitCode -ne 0) { throw "the pwsh of the test user failed ($($Process.ExitCode)): $out $err" }
                $out | ConvertFrom-Json
            }
        }

        AfterAll {
            # The sessions this context started, if a failure left one running (userdel refuses a user with processes).
            foreach ($process in $sessions) { if (-not $process.HasExited) { $process.Kill($true); $process.WaitForExit() } }
            & userdel -r $plainUser 2>$null
        }

        It 'cannot elevate without root or sudo, is added by root, and learns that its own session does not have the group yet' {
            $signals = New-Item -ItemType Directory -Force -Path (Join-Path $work 'signals')
            & chmod 1777 $signals
            $ready = Join-Path $signals 'ready'
            $go = Join-Path $signals 'go'
            $session = Start-AsPlainUser @"
`$engineBefore = Get-DockerEngine
`$elevation = `$null
try { Add-DockerGroupUser -ErrorAction Stop | Out-Null } catch { `$elevation = `$_.FullyQualifiedErrorId + ' | ' + `$_.Exception.Message }
Set-Content '$ready' 'ready'
for (`$i = 0; `$i -lt 600 -and -not (Test-Path '$go'); `$i++) { Start-Sleep -Milliseconds 100 }
`$after = Get-DockerGroupUser -WarningAction SilentlyContinue | Where-Object UserName -eq '$plainUser'
[pscustomobject]@{ EngineBefore = `$engineBefore; Elevation = `$elevation; After = `$after } | ConvertTo-Json -Depth 3 -Compress
"@
            for ($i = 0; $i -lt 600 -and -not (Test-Path $ready) -and -not $session.HasExited; $i++) { Start-Sleep -Milliseconds 100 }
            if (-not (Test-Path $ready)) { $session.Kill($true); throw "the test user's session never got ready: $($session.StandardError.ReadToEnd())" }
            Add-DockerGroupUser -UserName $plainUser -Confirm:$false -WarningAction SilentlyContinue | Out-Null
            Set-Content $go 'go'
            $result = Wait-AsPlainUser $session

            $result.EngineBefore.DaemonRunning | Should -BeFalse
            $result.EngineBefore.Message | Should -Match 'Permission denied.*Add-DockerGroupUser'
            $result.Elevation | Should -BeLike 'ElevationRequired*'
            $result.Elevation | Should -Match 'sudo pwsh'
            $result.After.UserName | Should -Be $plainUser
            $result.After.IsMember | Should -BeTrue
            $result.After.IsActiveInSession | Should -BeFalse
            $result.After.Advice | Should -Match 'newgrp docker'
        }

        It 'a new session of that user has the group: active, and the daemon answers it' {
            $result = Wait-AsPlainUser (Start-AsPlainUser @"
[pscustomobject]@{ Membership = Get-DockerGroupUser -UserName '$plainUser'; Engine = Get-DockerEngine } | ConvertTo-Json -Depth 3 -Compress
"@)
            $result.Membership.IsMember | Should -BeTrue
            $result.Membership.IsActiveInSession | Should -BeTrue
            $result.Membership.Advice | Should -BeNullOrEmpty
            $result.Engine.DaemonRunning | Should -BeTrue
            $result.Engine.ServerVersion | Should -Not -BeNullOrEmpty
        }
    }

    It 'Get-DockerEngine with the daemon stopped: DaemonRunning false and why, not an error' {
        if ($wasRunning) { Set-ItResult -Skipped -Because 'a daemon this suite did not start was running'; return }
        & docker rmi $image 2>&1 | Out-Null
        Stop-TestDaemon
        $engine = Get-DockerEngine -ErrorAction Stop
        $engine.DaemonRunning | Should -BeFalse
        $engine.ServerVersion | Should -BeNullOrEmpty
        $engine.Source | Should -Be 'Distribution'
        $engine.Message | Should -Match 'not running'

        # Started again in the same session: the new daemon run is asked afresh, not served from the last one.
        (Install-Docker -Source Distribution -Confirm:$false).DaemonRunning | Should -BeTrue
        $again = Get-DockerEngine
        $again.DaemonRunning | Should -BeTrue
        $again.ServerVersion | Should -Be (& docker version --format '{{.Server.Version}}')
        Stop-TestDaemon
        (Get-DockerEngine).DaemonRunning | Should -BeFalse
    }
}

Describe 'Official source from a local apt repository in Docker''s layout' -Tag System -Skip:(-not $isRoot) {
    BeforeAll {
        $script:work = New-TestFolder 'kubelab-apt-'
        $script:family = $osRelease.ID
        $script:suite = $osRelease.VERSION_CODENAME
        $script:key = New-TestSigningKey $work
        $script:otherKey = New-TestSigningKey (Join-Path $work 'other') 'KubeLab Other <other@kubelab.invalid>'
        $mirrorRoot = Join-Path $work 'mirror'
        New-DockerAptRepository -MirrorRoot $mirrorRoot -Family $family -Suite $suite -GnupgHome $key.Home | Out-Null
        $script:server = [KubeLab.Tests.LoopbackMirror]::new($mirrorRoot)
        $script:mirror = $server.Url
        $script:packages = 'docker-ce', 'docker-ce-cli', 'containerd.io', 'docker-buildx-plugin', 'docker-compose-plugin'
        # What the official install removes as conflicting, to put back afterwards.
        $script:conflictsBefore = @('docker.io', 'docker-doc', 'docker-compose', 'docker-compose-v2', 'podman-docker', 'containerd', 'runc') | Where-Object { Test-DebInstalled $_ }
        $script:hadSources = Test-Path $sourcesFile
        Stop-TestDaemon
    }

    AfterAll {
        $server.Dispose()
        $left = @($packages | Where-Object { Test-DebInstalled $_ })
        if ($left) { & env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq @left | Out-Null }
        if (-not $hadSources) { Remove-Item $sourcesFile, $keyringFile -Force -ErrorAction SilentlyContinue }
        Remove-Item /var/lib/apt/lists/127.0.0.1* -Force -ErrorAction SilentlyContinue
        # Put back what the install removed as conflicting (docker.io and the containerd and runc it needs).
        $missing = @($conflictsBefore | Where-Object { -not (Test-DebInstalled $_) })
        if ($missing) {
            & env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq @missing 2>&1 | Out-Null
            foreach ($dependency in 'containerd', 'runc') {
                if ($dependency -in $missing) { & apt-mark auto $dependency | Out-Null }
            }
        }
        Stop-TestDaemon
        foreach ($gnupg in $key.Home, $otherKey.Home) { & gpgconf --homedir $gnupg --kill all 2>$null }
        Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'stops before any apt source or keyring is written when the key''s fingerprint is wrong, naming both' {
        $caught = $null
        try { Install-Docker -Mirror $mirror -KeyFingerprint $otherKey.Fingerprint -NoStart -Confirm:$false }
        catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'DockerKeyFingerprintMismatch*'
        $caught.CategoryInfo.Category | Should -Be 'SecurityError'
        $spaced = { param($f) ($f -split '(.{4})' | Where-Object { $_ }) -join ' ' }
        $caught.Exception.Message | Should -Match ([regex]::Escape((& $spaced $key.Fingerprint)))
        $caught.Exception.Message | Should -Match ([regex]::Escape((& $spaced $otherKey.Fingerprint)))
        $caught.Exception.Message | Should -Match 'Nothing was written'
        Test-Path $sourcesFile | Should -Be $hadSources
        Test-Path $keyringFile | Should -Be $hadSources
        foreach ($package in $conflictsBefore) { Test-DebInstalled $package | Should -BeTrue -Because "$package must not be removed before the key is checked" }
        $server.Requests | Should -Be @("/download.docker.com/linux/$family/gpg")
    }

    It 'installs Docker''s packages with apt from the mirror, after checking the mirror''s key' {
        $out = Install-Docker -Mirror $mirror -KeyFingerprint $key.Fingerprint -NoStart -Confirm:$false -Verbose 4>&1
        $engine = $out | Where-Object { $_ -is [KubeLab.Docker.DockerEngine] }
        $verbose = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        # -Verbose shows each command exactly as run, in order.
        $ran = @($verbose | Where-Object { $_ -like 'Running: *' })
        $ran | Should -Contain 'Running: dpkg --print-architecture'
        $ran | Should -Contain 'Running: install -m 0755 -d /etc/apt/keyrings'
        $ran[-1] | Should -Be 'Running: env DEBIAN_FRONTEND=noninteractive apt-get install -y docker-ce docker-ce-cli containerd.io docker-buildx-plugin docker-compose-plugin'
        $verbose | Should -Contain "The key from ${mirror}download.docker.com/linux/$family/gpg has the expected fingerprint $((($key.Fingerprint -split '(.{4})' | Where-Object { $_ }) -join ' '))."
        $engine.Status | Should -Be 'InstalledNotStarted'
        $engine.Source | Should -Be 'Official'
        $engine.PackageVersion | Should -Be '5:99.0.0-1~kubelab'
        foreach ($package in $packages) { Test-DebInstalled $package | Should -BeTrue -Because "apt installs $package from the mirror" }
        foreach ($package in $conflictsBefore) { Test-DebInstalled $package | Should -BeFalse -Because "$package conflicts with Docker's packages" }
        Get-Content $sourcesFile -Raw | Should -Be ("Types: deb`nURIs: ${mirror}download.docker.com/linux/$family`nSuites: $suite`nComponents: stable`n" +
            "Architectures: $(& dpkg --print-architecture)`nSigned-By: /etc/apt/keyrings/docker.asc`n")
        (& gpg --show-keys --with-colons $keyringFile 2>$null | Where-Object { $_ -like 'fpr:*' } | Select-Object -First 1).Split(':')[9] | Should -Be $key.Fingerprint
        ([IO.File]::GetUnixFileMode($keyringFile)) | Should -Be ([IO.UnixFileMode]0x1A4)
        $server.Requests | Should -Contain "/download.docker.com/linux/$family/dists/$suite/InRelease"
    }

    It 'runs nothing when Docker''s packages are in place' {
        $server.ClearRequests()
        $out = Install-Docker -Mirror $mirror -KeyFingerprint $key.Fingerprint -NoStart -Verbose 4>&1
        ($out | Where-Object { $_ -is [KubeLab.Docker.DockerEngine] }).Status | Should -Be 'AlreadyInstalled'
        @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Running:*' }) | Should -BeNullOrEmpty
        $server.Requests | Should -BeNullOrEmpty
    }

    It '-Version that the repository does not have: apt-cache madison''s versions are named' {
        { Install-Docker -Mirror $mirror -KeyFingerprint $key.Fingerprint -Version 98.1 -NoStart -Confirm:$false } |
            Should -Throw -ErrorId 'DockerVersionNotFound*' -ExpectedMessage '*99.0.0*'
    }

    It 'Uninstall-Docker purges the packages and removes the apt source and key (and -WhatIf first changes nothing)' {
        $preview = Invoke-InFreshPwsh 'Uninstall-Docker -WhatIf'
        $preview | Should -Match 'apt-get purge -y docker-ce docker-ce-cli containerd\.io docker-buildx-plugin docker-compose-plugin'
        $preview | Should -Match ([regex]::Escape("rm -f -- $sourcesFile $keyringFile"))
        $preview | Should -Not -Match '/var/lib/docker'
        Test-DebInstalled docker-ce | Should -BeTrue
        Uninstall-Docker -Confirm:$false
        foreach ($package in $packages) { Test-DebInstalled $package | Should -BeFalse }
        Test-Path $sourcesFile | Should -BeFalse
        Test-Path $keyringFile | Should -BeFalse
        Test-Path /var/lib/docker | Should -BeTrue -Because 'data is kept without -RemoveData'
    }
}
