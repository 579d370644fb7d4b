<#
    The minikube cmdlets end to end, against the stateful stand-in in fixtures/minikube-standin (first on PATH).
    The tests run as root, as KubeLab does under sudo: SUDO_USER names a real user made here (useradd), so
    minikube runs as that user with that user's HOME and groups, and the stand-in refuses root like minikube
    (DRV_AS_ROOT). The docker group is a group of this suite's own (KUBELAB_DOCKER_GROUP), so the tests neither
    need Docker nor touch the real docker group. On a machine without sudo, fixtures/sudo-standin supplies one
    that switches user for real (setpriv); with sudo installed, the real one runs.
#>
BeforeAll {
    Import-Module $env:KUBELAB_TEST_MODULE -Force
    $script:fixtures = Join-Path $PSScriptRoot 'fixtures'
    $script:standin = Join-Path $fixtures 'minikube-standin/minikube'
    $script:savedPath = $env:PATH
    $prefix = @(Join-Path $fixtures 'minikube-standin')
    if (-not (Get-Command sudo -CommandType Application -ErrorAction SilentlyContinue)) { $prefix += Join-Path $fixtures 'sudo-standin' }
    $env:PATH = (@($prefix) + $env:PATH) -join [IO.Path]::PathSeparator

    $suffix = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:group = "klpg$suffix"
    $script:user = "klpu$suffix"
    $script:outsider = "klpo$suffix"
    & groupadd $group
    & useradd --create-home --home-dir "/tmp/$user" -G $group $user
    & useradd --create-home --home-dir "/tmp/$outsider" $outsider
    $script:userHome = "/tmp/$user"
    $script:miniHome = "$userHome/.minikube"
    $script:kubeconfig = "$userHome/.kube/config"
    $script:savedSudoUser = $env:SUDO_USER
    $script:savedGroup = $env:KUBELAB_DOCKER_GROUP
    $env:KUBELAB_DOCKER_GROUP = $group

    function script:Reset-Standin([string] $For = $user) {
        # A fresh minikube home for the user: no profiles, no kubeconfig, no call log. The stand-in's docker
        # driver wants the suite's group (as the socket's group), like minikube wants the docker group.
        $h = "/tmp/$For"
        Remove-Item "$h/.minikube", "$h/.kube" -Recurse -Force -ErrorAction SilentlyContinue
        New-Item -ItemType Directory "$h/.minikube" | Out-Null
        Set-Content "$h/.minikube/standin-docker-group" $group
        & chown -R "${For}:" "$h/.minikube"
        $env:SUDO_USER = $For
    }

    function script:Get-Calls([string] $For = $user) {
        $log = "/tmp/$For/.minikube/standin-calls.jsonl"
        if (Test-Path $log) { Get-Content $log | ConvertFrom-Json } else { @() }
    }

    function script:Invoke-Captured([string] $Script) {
        # Runs in a runspace of its own so the progress and verbose streams can be read.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$env:KUBELAB_TEST_MODULE'; `$VerbosePreference = 'Continue'; $Script")
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = $output; Progress = @($ps.Streams.Progress); Verbose = @($ps.Streams.Verbose.Message); Warning = @($ps.Streams.Warning.Message); Error = @($ps.Streams.Error) }
        }
        finally { $ps.Dispose() }
    }
}

AfterAll {
    $env:PATH = $savedPath
    $env:SUDO_USER = $savedSudoUser
    $env:KUBELAB_DOCKER_GROUP = $savedGroup
    & userdel --remove $user 2>$null
    & userdel --remove $outsider 2>$null
    & groupdel $group
}

Describe 'Start-Minikube' {
    BeforeEach { Reset-Standin }

    It 'runs minikube as the invoking user with the group, and returns the status of every node' {
        $status = Start-Minikube -Profile lab -Nodes 2 -Addon metrics-server -Confirm:$false -WarningAction SilentlyContinue
        $status | Should -HaveCount 2
        $status[0] | Should -BeOfType ([KubeLab.Minikube.MinikubeStatus])
        $status.Node | Should -Be @('lab', 'lab-m02')
        $status.Profile | Should -Be @('lab', 'lab')
        $status[0].Healthy | Should -BeTrue
        $status[1].Worker | Should -BeTrue
        $status[1].APIServer | Should -Be 'Irrelevant'
        $calls = Get-Calls
        $calls[0].argv[0] | Should -Be 'start'
        $calls.user | Sort-Object -Unique | Should -Be $user
        $calls[0].groups | Should -Contain $group
        (Get-Content "$miniHome/profiles/lab/config.json" | ConvertFrom-Json).Addons.'metrics-server' | Should -BeTrue
    }

    It 'turns the step events into one progress bar, shows the command with -Verbose and warnings as warnings' {
        $run = Invoke-Captured 'Start-Minikube -Profile lab -KubernetesVersion v1.33.1 -Confirm:$false'
        $run.Error | Should -BeNullOrEmpty
        $run.Output.Count | Should -Be 1
        $bars = $run.Progress | Where-Object RecordType -ne 'Completed'
        @($bars.ActivityId | Sort-Object -Unique) | Should -HaveCount 1
        $bars[0].Activity | Should -Be 'minikube start -p lab'
        $bars[0].StatusDescription | Should -Be 'Step 0 of 19: Initial Minikube Setup'
        $bars[-1].StatusDescription | Should -Be 'Step 19 of 19: Done'
        $bars[-1].PercentComplete | Should -Be 100
        $bars.StatusDescription | Should -Contain 'Step 11 of 19: Preparing Kubernetes'
        ($bars | Where-Object StatusDescription -like '*Preparing Kubernetes').CurrentOperation | Should -Be 'Preparing Kubernetes v1.33.1 on Docker 28.4.0 ...'
        ($run.Progress | Select-Object -Last 1).RecordType | Should -Be 'Completed'
        $run.Verbose | Should -Contain "Running: sudo -n -u $user -H -- $standin start --profile=lab --output=json --kubernetes-version=v1.33.1"
        $run.Warning | Should -Contain 'Starting v1.39.0, minikube will default to "containerd" container runtime. See #21973 for more info.'
    }

    It 'turns the error event into the error record: reason, exit code, message; minikube''s warnings stay warnings' {
        $run = Invoke-Captured 'Start-Minikube -KubernetesVersion v1.10.0 -Confirm:$false'
        $err = $run.Error | Select-Object -Last 1
        $err.FullyQualifiedErrorId | Should -BeLike 'MinikubeFailed,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidResult'
        $err.Exception.Reason | Should -Be 'K8S_OLD_UNSUPPORTED'
        $err.Exception.ExitCode | Should -Be 106
        $err.Exception.Message | Should -Be 'minikube start -p minikube failed with exit code 106 (K8S_OLD_UNSUPPORTED): Kubernetes 1.10.0 is not supported by this release of minikube'
        $run.Warning | Should -Contain 'You can force an unsupported Kubernetes version via the --force flag'
    }

    It 'carries minikube''s advice and documentation link into the error' {
        # The socket belongs to another group than the one KubeLab was told: minikube says PROVIDER_DOCKER_NEWGRP.
        $other = "klpx$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        & groupadd $other
        try {
            Set-Content "$miniHome/standin-docker-group" $other
            $err = { Start-Minikube -Confirm:$false -WarningAction SilentlyContinue } | Should -Throw -PassThru
        }
        finally { & groupdel $other }
        $err.Exception.Reason | Should -Be 'PROVIDER_DOCKER_NEWGRP'
        $err.Exception.ExitCode | Should -Be 69
        $err.Exception.Advice | Should -Be "Add your user to the 'docker' group: 'sudo usermod -aG docker `$USER && newgrp docker'"
        $err.Exception.DocumentationUrl | Should -Be 'https://docs.docker.com/engine/install/linux-postinstall/'
        $err.Exception.Message | Should -BeLike '*Advice: Add your user to the ''docker'' group*Documentation: https://docs.docker.com/engine/install/linux-postinstall/'
    }

    It 'makes -Mirror (or KUBELAB_MIRROR) minikube''s --binary-mirror in the MIRROR/HOST/PATH layout' {
        $run = Invoke-Captured 'Start-Minikube -Mirror https://mirror.example/kubelab -ImageRepository registry.example/k8s -Confirm:$false'
        $run.Verbose | Where-Object { $_ -like 'Running:*' } | Select-Object -First 1 |
            Should -BeLike '* --binary-mirror=https://mirror.example/kubelab/dl.k8s.io/release --image-repository=registry.example/k8s'
        $env:KUBELAB_MIRROR = 'http://127.0.0.1:8099/m'
        try { Start-Minikube -Confirm:$false -WarningAction SilentlyContinue | Out-Null }
        finally { $env:KUBELAB_MIRROR = $null }
        (Get-Calls)[-2].argv | Should -Contain '--binary-mirror=http://127.0.0.1:8099/m/dl.k8s.io/release'
        (Get-Content "$miniHome/profiles/minikube/config.json" | ConvertFrom-Json).BinaryMirror | Should -Be 'http://127.0.0.1:8099/m/dl.k8s.io/release'
    }

    It 'as plain root fails before anything runs' {
        $env:SUDO_USER = $null
        $err = { Start-Minikube -Confirm:$false } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ElevationRequired,*'
        $err.Exception.Message | Should -BeLike '*must not run as root*'
        Get-Calls | Should -BeNullOrEmpty
    }

    It 'a user who is not in the docker group gets an error naming Add-DockerGroupUser, and nothing runs' {
        Reset-Standin -For $outsider
        $err = { Start-Minikube -Confirm:$false } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'DockerGroupRequired,*'
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err.Exception.Message | Should -BeLike "*needs $outsider in the '$group' group*Add-DockerGroupUser*"
        Get-Calls -For $outsider | Should -BeNullOrEmpty
    }

    It 'the stand-in, like minikube, refuses a session without the docker group (PROVIDER_DOCKER_NEWGRP)' {
        # What KubeLab spares its users: minikube run as a user whose session lacks the group.
        Reset-Standin -For $outsider
        $out = & sudo -n -u $outsider -H -- $standin start --output=json
        $LASTEXITCODE | Should -Be 69
        ($out | Select-Object -Last 1 | ConvertFrom-Json).data.name | Should -Be 'PROVIDER_DOCKER_NEWGRP'
    }

    It 'changes nothing with -WhatIf' {
        Start-Minikube -WhatIf | Should -BeNullOrEmpty
        Get-Calls | Should -BeNullOrEmpty
    }

    It 'the context minikube wrote is what Get-KubeContext shows, written under kubectl''s lock' {
        # The lock is held (as kubectl holds it while writing): minikube's write waits for it.
        New-Item -ItemType Directory "$userHome/.kube" | Out-Null
        & chown "${user}:" "$userHome/.kube"
        New-Item -ItemType File "$kubeconfig.lock" | Out-Null
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({ param($m) Import-Module $m; Start-Minikube -Confirm:$false -WarningAction SilentlyContinue }).AddArgument($env:KUBELAB_TEST_MODULE)
            $async = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 1500
            $async.IsCompleted | Should -BeFalse -Because 'minikube waits for kubectl''s lock'
            Test-Path $kubeconfig | Should -BeFalse
            Remove-Item "$kubeconfig.lock"
            $status = $ps.EndInvoke($async)
            $ps.Streams.Error | Should -BeNullOrEmpty
            $status.Healthy | Should -BeTrue
        }
        finally { $ps.Dispose() }
        Test-Path "$kubeconfig.lock" | Should -BeFalse
        $context = Get-KubeContext minikube -Path $kubeconfig
        $context.Cluster | Should -Be 'minikube'
        $context.User | Should -Be 'minikube'
        $context.Namespace | Should -Be 'default'
        (Get-KubeContext -Path $kubeconfig -Current).Name | Should -Be 'minikube'
        (Get-KubeCluster minikube -Path $kubeconfig).Server | Should -Be 'https://192.168.49.2:8443'
        ([IO.File]::GetUnixFileMode($kubeconfig) -band [IO.UnixFileMode]0x1FF) | Should -Be ([IO.UnixFileMode]0x180)
        (Get-Item $kubeconfig).User | Should -Be $user
    }
}

Describe 'Get-MinikubeStatus' {
    BeforeAll {
        Reset-Standin
        Start-Minikube -Profile lab -Nodes 2 -Confirm:$false -WarningAction SilentlyContinue | Out-Null
        Start-Minikube -Profile solo -Confirm:$false -WarningAction SilentlyContinue | Out-Null
    }

    It 'returns one object per node with the bitmask decoded' {
        $status = Get-MinikubeStatus -Profile lab
        $status | Should -HaveCount 2
        $status.ExitCode | Should -Be @(0, 0)
        $status.Healthy | Should -Be @($true, $true)
        (Get-MinikubeStatus solo).Node | Should -Be 'solo'
    }

    It 'paused is bit 2 and stopped is 7, neither an error' {
        Suspend-Minikube -Profile solo -AllNamespaces -Confirm:$false
        $paused = Get-MinikubeStatus solo -ErrorVariable errors
        $errors | Should -BeNullOrEmpty
        $paused.APIServer | Should -Be 'Paused'
        $paused.ExitCode | Should -Be 2
        $paused.KubernetesNotRunning | Should -BeTrue
        $paused.HostNotRunning | Should -BeFalse
        Resume-Minikube -Profile solo -AllNamespaces -Confirm:$false
        Stop-Minikube -Profile solo -Confirm:$false
        $stopped = Get-MinikubeStatus solo -ErrorVariable errors
        $errors | Should -BeNullOrEmpty
        $stopped.ExitCode | Should -Be 7
        $stopped.Host | Should -Be 'Stopped'
        $stopped.HostNotRunning -and $stopped.KubernetesNotRunning -and $stopped.KubeconfigNotConfigured | Should -BeTrue
    }

    It 'a missing profile (85) is a non-terminating error and the other profiles are still shown' {
        $status = Get-MinikubeStatus nope, lab -ErrorVariable errors -ErrorAction SilentlyContinue
        $status | Should -HaveCount 2
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MinikubeProfileNotFound,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be 'nope'
        $errors[0].Exception.ExitCode | Should -Be 85
        $errors[0].Exception.Message | Should -BeLike '*Profile "nope" not found*'
    }

    It 'formats as a table with the node columns' {
        $text = Get-MinikubeStatus lab | Format-Table | Out-String
        $text | Should -Match 'Profile\s+Node\s+Host\s+Kubelet\s+APIServer\s+Kubeconfig'
        $text | Should -Match 'lab\s+lab-m02\s+Running'
    }
}

Describe 'Profiles, stop and delete' {
    BeforeEach {
        Reset-Standin
        Start-Minikube -Profile lab -Confirm:$false -WarningAction SilentlyContinue | Out-Null
        Start-Minikube -Profile other -Confirm:$false -WarningAction SilentlyContinue | Out-Null
    }

    It 'lists profiles with status, driver, version and nodes, and marks invalid ones' {
        New-Item -ItemType Directory "$miniHome/profiles/broken" | Out-Null
        Set-Content "$miniHome/profiles/broken/config.json" '{"Name":"broken"}'
        & chown -R "${user}:" "$miniHome/profiles/broken"
        $profiles = Get-MinikubeProfile
        $profiles.Name | Should -Be @('lab', 'other', 'broken')
        $profiles[0] | Should -BeOfType ([KubeLab.Minikube.MinikubeProfile])
        $profiles[0].Status | Should -Be 'OK'
        $profiles[0].Driver | Should -Be 'docker'
        $profiles[0].KubernetesVersion | Should -Be 'v1.36.2'
        $profiles[0].Nodes | Should -Be 1
        $profiles[1].ActiveKubeContext | Should -BeTrue   # the last start set current-context
        $profiles[2].Valid | Should -BeFalse
        $profiles[2].Status | Should -Be 'Invalid'
        (Get-MinikubeProfile l*).Name | Should -Be 'lab'
        Get-MinikubeProfile | Where-Object -Not Valid | Remove-Minikube -Confirm:$false
        Test-Path "$miniHome/profiles/broken" | Should -BeFalse
    }

    It 'Get-MinikubeProfile | Stop-Minikube stops each profile and minikube removes its context' {
        Get-MinikubeProfile | Stop-Minikube -Confirm:$false
        (Get-MinikubeProfile).Status | Should -Be @('Stopped', 'Stopped')
        $stops = Get-Calls | Where-Object { $_.argv[0] -eq 'stop' }
        $stops.argv | Should -Contain '--profile=lab'
        $stops.argv | Should -Contain '--profile=other'
        Get-KubeContext -Path $kubeconfig | Should -BeNullOrEmpty
    }

    It '-KeepContext keeps the context; -PassThru returns the status' {
        $status = Stop-Minikube lab -KeepContext -PassThru -Confirm:$false
        $status.Host | Should -Be 'Stopped'
        (Get-KubeContext -Path $kubeconfig).Name | Should -Contain 'lab'
    }

    It 'Stop-Minikube -All and -WhatIf' {
        Stop-Minikube -All -WhatIf
        (Get-MinikubeProfile).Status | Should -Be @('OK', 'OK')
        Stop-Minikube -All -Confirm:$false
        (Get-MinikubeProfile).Status | Should -Be @('Stopped', 'Stopped')
    }

    It 'Remove-Minikube deletes a profile with its kubeconfig entries; -All -Purge removes the minikube folder' {
        Remove-Minikube lab -Confirm:$false
        (Get-MinikubeProfile).Name | Should -Be 'other'
        (Get-KubeContext -Path $kubeconfig).Name | Should -Not -Contain 'lab'
        $err = { Remove-Minikube other -Purge -Confirm:$false } | Should -Not -Throw
        # A profile that is not there: minikube complains (an error event without exit code) and succeeds.
        $run = Invoke-Captured 'Remove-Minikube gone -Confirm:$false'
        $run.Error | Should -BeNullOrEmpty
        $run.Warning | Should -Contain '"gone" profile does not exist, trying anyways.'
        Reset-Standin
        Start-Minikube -Profile a1 -Confirm:$false -WarningAction SilentlyContinue | Out-Null
        Start-Minikube -Profile a2 -Confirm:$false -WarningAction SilentlyContinue | Out-Null
        $err = { Remove-Minikube a1 -Purge -Confirm:$false } | Should -Throw -PassThru
        $err.Exception.ExitCode | Should -Be 14
        $err.Exception.Reason | Should -Be 'MK_USAGE'
        Remove-Minikube -All -Purge -Confirm:$false
        Test-Path "$miniHome/profiles" | Should -BeFalse
        Get-MinikubeProfile | Should -BeNullOrEmpty
    }

    It 'Suspend-Minikube on a stopped cluster is MinikubeNotRunning (83)' {
        Stop-Minikube lab -Confirm:$false
        $err = { Suspend-Minikube lab -Confirm:$false } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'MinikubeNotRunning,*'
        $err.Exception.ExitCode | Should -Be 83
    }

    It 'Suspend and Resume pass the namespaces' {
        Suspend-Minikube lab -Namespace default, kube-system -Confirm:$false
        (Get-MinikubeStatus lab).APIServer | Should -Be 'Paused'
        (Resume-Minikube lab -PassThru -Confirm:$false).APIServer | Should -Be 'Running'
        (Get-Calls | Where-Object { $_.argv[0] -eq 'pause' }).argv | Should -Contain '--namespaces=default,kube-system'
    }
}

Describe 'Addons' {
    BeforeAll {
        Reset-Standin
        Start-Minikube -Profile lab -Confirm:$false -WarningAction SilentlyContinue | Out-Null
    }

    It 'lists addons with Name, Enabled and Profile' {
        $addons = Get-MinikubeAddon -Profile lab
        $addons[0] | Should -BeOfType ([KubeLab.Minikube.MinikubeAddon])
        ($addons | Where-Object Name -eq 'storage-provisioner').Enabled | Should -BeTrue
        (Get-MinikubeAddon -Profile lab -Enabled).Name | Should -Be @('default-storageclass', 'storage-provisioner')
        (Get-MinikubeAddon ingress* -Profile lab).Name | Should -Be @('ingress', 'ingress-dns')
    }

    It 'completes addon names as minikube lists them for the profile on the line, asking minikube once per session' {
        $listed = (Get-MinikubeAddon -Profile lab).Name | Sort-Object
        $before = @(Get-Calls | Where-Object { $_.argv[0] -eq 'addons' -and $_.argv[1] -eq 'list' }).Count
        (TabExpansion2 'Enable-MinikubeAddon -Profile lab ').CompletionMatches.CompletionText | Should -Be $listed
        (TabExpansion2 'Get-MinikubeAddon -Profile lab ingress').CompletionMatches.CompletionText | Should -Be @('ingress', 'ingress-dns')
        @(Get-Calls | Where-Object { $_.argv[0] -eq 'addons' -and $_.argv[1] -eq 'list' }).Count | Should -Be ($before + 1)
        (TabExpansion2 'Get-MinikubeStatus -Profile ').CompletionMatches.CompletionText | Should -Be @('lab')
    }

    It 'Get-MinikubeAddon metrics-server | Enable-MinikubeAddon, then Disable-MinikubeAddon' {
        Get-MinikubeAddon metrics-server -Profile lab | Enable-MinikubeAddon -Confirm:$false
        (Get-MinikubeAddon metrics-server -Profile lab).Enabled | Should -BeTrue
        (Get-MinikubeAddon metrics-server -Profile lab | Disable-MinikubeAddon -PassThru -Confirm:$false).Enabled | Should -BeFalse
        Enable-MinikubeAddon metrics-server -Profile lab -WhatIf
        (Get-MinikubeAddon metrics-server -Profile lab).Enabled | Should -BeFalse
    }

    It 'an unknown addon is an error for that addon only' {
        $addon = Enable-MinikubeAddon nosuch, registry -Profile lab -PassThru -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue
        $addon.Name | Should -Be 'registry'
        $errors | Should -HaveCount 1
        $errors[0].Exception.Reason | Should -Be 'MK_ADDON_ENABLE'
        $errors[0].Exception.ExitCode | Should -Be 10
        $errors[0].TargetObject | Should -Be 'nosuch'
        $err = { Disable-MinikubeAddon nosuch -Profile lab -Confirm:$false -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.Reason | Should -Be 'SVC_ADDON_UNSUPPORTED'
        $err.Exception.ExitCode | Should -Be 116
    }
}

Describe 'Invoke-MinikubeSsh and Invoke-MinikubeKubectl' {
    BeforeAll {
        Reset-Standin
        Start-Minikube -Profile lab -Confirm:$false -WarningAction SilentlyContinue | Out-Null
    }

    It 'runs the command exactly as given and returns its lines' {
        Invoke-MinikubeSsh -Profile lab printf '%s\n' 'a b' '$(id -u)' "it's" | Should -Be @('a b', '$(id -u)', "it's")
        Invoke-MinikubeSsh -Profile lab -- sh -c 'echo one; echo two' | Should -Be @('one', 'two')
    }

    It 'a failing command is an error (minikube ssh reports 1)' {
        $out = Invoke-MinikubeSsh -Profile lab -ErrorVariable errors -ErrorAction SilentlyContinue -- sh -c 'echo partial; exit 3'
        $out | Should -Be 'partial'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MinikubeCommandExitCode,*'
        $errors[0].Exception.ExitCode | Should -Be 1
    }

    It 'with no command it is interactive: minikube ssh on this terminal, its exit code as an error' {
        # The stand-in does not emulate a shell session: it says so and exits 1.
        Invoke-MinikubeSsh -Profile lab -Node lab -ErrorVariable errors -ErrorAction SilentlyContinue 2>$null
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MinikubeCommandExitCode,*'
        $errors[0].Exception.ExitCode | Should -Be 1
        (Get-Calls | Where-Object { $_.argv[0] -eq 'ssh' })[-1].argv | Should -Be @('ssh', '--profile=lab', '--node=lab')
    }

    It 'kubectl''s output comes back as lines and its exit code as an error' {
        $json = (Invoke-MinikubeKubectl -Profile lab -- version --client -o json) -join "`n" | ConvertFrom-Json
        $json.clientVersion.gitVersion | Should -Match '^v1\.'
        Invoke-MinikubeKubectl -Profile lab -ErrorVariable errors -ErrorAction SilentlyContinue -- no-such-command | Out-Null
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MinikubeCommandExitCode,*'
        $errors[0].Exception.ExitCode | Should -Be 1
        (Get-Calls | Where-Object { $_.argv[0] -eq 'kubectl' })[0].argv | Should -Be @('kubectl', '--profile=lab', '--', 'version', '--client', '-o', 'json')
    }
}

Describe 'When minikube is not installed' {
    It 'says to run Install-Minikube' {
        $saved = $env:PATH
        $env:PATH = '/nonexistent-kubelab'
        try { $err = { Get-MinikubeProfile } | Should -Throw -PassThru }
        finally { $env:PATH = $saved }
        $err.FullyQualifiedErrorId | Should -BeLike 'MinikubeNotInstalled,*'
        $err.Exception.Message | Should -BeLike '*Install-Minikube*'
    }
}

Describe 'Get-KubeLab as plain root' {
    It 'shows the rest of the lab and warns that minikube''s profiles need the invoking user' {
        Reset-Standin
        $env:SUDO_USER = $null
        $bin = Join-Path ([IO.Path]::GetTempPath()) "kubelab-state-$([guid]::NewGuid().ToString('N'))"
        try {
            $state = Get-KubeLab -Destination $bin -WarningVariable warnings -WarningAction SilentlyContinue
            $state -is [KubeLab.Lab.LabState] | Should -BeTrue
            $state.Profiles | Should -BeNullOrEmpty
            @($state.Tools).Count | Should -Be 4
            @($warnings.Message | Where-Object { $_ -like 'minikube profiles are not shown:*root*' }) | Should -HaveCount 1
            Get-Calls | Should -BeNullOrEmpty
        }
        finally { Remove-Item $bin -Recurse -Force -ErrorAction SilentlyContinue }
    }
}
