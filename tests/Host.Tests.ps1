<#
    Test-KubeLabHost against this machine: its figures are compared with what nproc, free -b, df -B1,
    /proc/self/ns, /proc/filesystems, /proc/cpuinfo and /etc/os-release say. The docker-group check uses real
    users made here (useradd) and a group of this suite's own (KUBELAB_DOCKER_GROUP).
#>
BeforeAll {
    Import-Module $env:KUBELAB_TEST_MODULE -Force
    $script:checks = @{}
    foreach ($check in Test-KubeLabHost) { $checks[$check.Check] = $check }

    $suffix = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:group = "klhg$suffix"
    $script:member = "klhm$suffix"
    $script:outsider = "klho$suffix"
    & groupadd $group
    & useradd --no-create-home -G $group $member
    & useradd --no-create-home $outsider
    $script:savedSudoUser = $env:SUDO_USER
    $script:savedGroup = $env:KUBELAB_DOCKER_GROUP
    $script:savedDockerHost = $env:DOCKER_HOST
}

AfterAll {
    $env:SUDO_USER = $savedSudoUser
    $env:KUBELAB_DOCKER_GROUP = $savedGroup
    $env:DOCKER_HOST = $savedDockerHost
    & userdel $member
    & userdel $outsider
    & groupdel $group
}

Describe 'Test-KubeLabHost on this machine' {
    It 'returns one object per check with Check, Required, Actual, Passed, Advice' {
        $all = @(Test-KubeLabHost)
        $all | Should -HaveCount 18
        $all[0] | Should -BeOfType ([KubeLab.Host.HostCheck])
        $all.Check | Should -Be @('Operating system', 'Architecture', 'CPUs', 'Memory', 'Disk space',
            'Isolation: pid namespace', 'Isolation: net namespace', 'Isolation: mnt namespace', 'Isolation: uts namespace',
            'Isolation: ipc namespace', 'Isolation: cgroup namespace', 'Isolation: user namespace', 'Isolation: cgroup v2',
            'Isolation: overlayfs', 'Virtualization', 'Docker installed', 'Docker answering', 'Docker group')
        foreach ($check in $all) {
            $check.Required | Should -Not -BeNullOrEmpty
            $check.Actual | Should -Not -BeNullOrEmpty
            if ($check.Passed) { $check.Advice | Should -BeNullOrEmpty } else { $check.Advice | Should -Not -BeNullOrEmpty }
        }
    }

    It 'counts the CPUs nproc counts' {
        $checks['CPUs'].Value | Should -Be ([int](& nproc))
        $checks['CPUs'].Passed | Should -Be ([int](& nproc) -ge 2)
    }

    It 'reads the memory free -b reports' {
        $total = [long](((& free -b) -match '^Mem:')[0] -split '\s+')[1]
        $checks['Memory'].Value | Should -Be $total
    }

    It 'measures the free space df -B1 reports where Docker keeps its data' {
        $path = '/var/lib/docker'
        while (-not (Test-Path $path)) { $path = Split-Path $path }
        # Other processes (builds, other test suites) write meanwhile: read df right before and right after,
        # and the check's figure must lie between the two readings (with a little slack for what changes in between).
        $before = [long]((& df -B1 --output=avail $path)[1].Trim())
        $disk = Test-KubeLabHost | Where-Object Check -eq 'Disk space'
        $after = [long]((& df -B1 --output=avail $path)[1].Trim())
        $disk.Value | Should -BeGreaterOrEqual ([math]::Min($before, $after) - 32MB)
        $disk.Value | Should -BeLessOrEqual ([math]::Max($before, $after) + 32MB)
        $checks['Disk space'].Actual | Should -BeLike "* at $path*"
    }

    It 'knows the distribution and codename /etc/os-release gives' {
        $codename = & sh -c '. /etc/os-release; echo "${UBUNTU_CODENAME:-$VERSION_CODENAME}"'
        $checks['Operating system'].Value | Should -Be $codename
        $checks['Operating system'].Passed | Should -Be ($codename -in @('resolute', 'questing', 'noble', 'jammy', 'trixie', 'bookworm', 'bullseye'))
    }

    It 'finds the namespaces the kernel gives this process' {
        foreach ($ns in 'pid', 'net', 'mnt', 'uts', 'ipc', 'cgroup') {
            $checks["Isolation: $ns namespace"].Passed | Should -Be (Test-Path "/proc/self/ns/$ns") -Because $ns
        }
    }

    It 'tells cgroup v2 from v1 like stat -f does' {
        $v2 = (& stat -f -c %T /sys/fs/cgroup) -eq 'cgroup2fs'
        $checks['Isolation: cgroup v2'].Passed | Should -Be $v2
        if (-not $v2) { $checks['Isolation: cgroup v2'].Advice | Should -BeLike '*cgroup v1*' }
    }

    It 'finds overlayfs and the virtualization flags as /proc says' {
        $overlay = [bool](Select-String -Path /proc/filesystems -Pattern '\toverlay$' -Quiet)
        if ($overlay) { $checks['Isolation: overlayfs'].Passed | Should -BeTrue }
        $virt = [bool](Select-String -Path /proc/cpuinfo -Pattern '\b(vmx|svm)\b' -Quiet)
        $checks['Virtualization'].Passed | Should -Be $virt
        $checks['Virtualization'].Optional | Should -BeTrue
    }

    It '-Quiet returns one boolean: every check that is not optional passed' {
        $quiet = Test-KubeLabHost -Quiet
        $quiet | Should -BeOfType ([bool])
        @($quiet) | Should -HaveCount 1
        $quiet | Should -Be (@(Test-KubeLabHost | Where-Object { -not $_.Passed -and -not $_.Optional }).Count -eq 0)
    }

    It 'a Docker socket that is not there is "not answering"' {
        $env:DOCKER_HOST = 'unix:///nonexistent/kubelab-docker.sock'
        try { $docker = Test-KubeLabHost | Where-Object Check -eq 'Docker answering' }
        finally { $env:DOCKER_HOST = $savedDockerHost }
        $docker.Passed | Should -BeFalse
        $docker.Actual | Should -BeLike '*no socket at /nonexistent/kubelab-docker.sock*'
        $docker.Required | Should -BeLike '*/nonexistent/kubelab-docker.sock'
    }

    It 'shows a table of checks with their advice' {
        $text = Test-KubeLabHost | Format-Table | Out-String -Width 300
        $text | Should -Match 'Check\s+Passed\s+Actual\s+Advice'
        $text | Should -Match 'Isolation: pid namespace\s+True\s+available'
    }
}

Describe 'The docker group check with real users' {
    AfterEach {
        $env:SUDO_USER = $savedSudoUser
        $env:KUBELAB_DOCKER_GROUP = $savedGroup
    }

    It 'under sudo, a member of the group passes (sudo gives the group to what runs as the user)' {
        $env:KUBELAB_DOCKER_GROUP = $group
        $env:SUDO_USER = $member
        $check = Test-KubeLabHost | Where-Object Check -eq 'Docker group'
        $check.Passed | Should -BeTrue
        $check.Actual | Should -Be "$member is in '$group' (sudo gives it to commands run as $member)"
    }

    It 'under sudo, a user outside the group fails with advice naming Add-DockerGroupUser' {
        $env:KUBELAB_DOCKER_GROUP = $group
        $env:SUDO_USER = $outsider
        $check = Test-KubeLabHost | Where-Object Check -eq 'Docker group'
        $check.Passed | Should -BeFalse
        $check.Advice | Should -BeLike "Run Add-DockerGroupUser to put $outsider in the '$group' group*"
    }

    It 'a group that does not exist says Docker brings it' {
        $env:KUBELAB_DOCKER_GROUP = "nogroup$([guid]::NewGuid().ToString('N').Substring(0, 6))"
        $env:SUDO_USER = $member
        (Test-KubeLabHost | Where-Object Check -eq 'Docker group').Advice | Should -BeLike '*does not exist yet*'
    }
}
