<#
.SYNOPSIS
    Get-DockerEngine in a warm session against a `docker version` process, and Install-Docker when everything
    is already in place.
.DESCRIPTION
    Figures are printed, never asserted. Targets: Get-DockerEngine at most 0.5x `docker version` (median of 9);
    Install-Docker with everything in place under 1 s and without any apt call. Needs root, Debian's docker.io
    and a daemon it can start: a dockerd this benchmark starts is stopped again at the end.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleDir,
    [int] $Runs = 9
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

if ((& id -u) -ne '0' -or -not (Get-Command docker -CommandType Application -ErrorAction SilentlyContinue) -or -not (Test-Path /usr/sbin/dockerd, /usr/bin/dockerd | Where-Object { $_ } | Select-Object -First 1)) {
    Write-Host 'Docker.Bench: skipped (needs root, the docker CLI and dockerd; .ci/run installs docker.io).'
    return
}

Import-Module (Join-Path $ModuleDir 'KubeLab.psd1')
$wasRunning = (Get-DockerEngine).DaemonRunning
$source = (Get-DockerEngine).Source
try {
    Install-Docker -Source $(if ($source -eq 'Official') { 'Official' } else { 'Distribution' }) -Confirm:$false | Out-Null

    function Measure-Median([scriptblock] $Action, [int] $Count) {
        & $Action | Out-Null   # warm
        $times = foreach ($i in 1..$Count) {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            & $Action | Out-Null
            $watch.Elapsed.TotalMilliseconds
        }
        ($times | Sort-Object)[[int][math]::Floor($Count / 2)]
    }

    $engine = Measure-Median { Get-DockerEngine } $Runs
    $cli = Measure-Median { & docker version | Out-Null } $Runs
    '{0,-52} {1,8:N1} ms' -f 'Get-DockerEngine (warm session, median)', $engine
    '{0,-52} {1,8:N1} ms' -f 'docker version (process, median)', $cli
    '{0,-52} {1,8:N2}    (target <= 0.5)' -f 'ratio', ($engine / $cli)

    $out = $null
    $installMs = Measure-Median { $script:out = Install-Docker -Source $(if ($source -eq 'Official') { 'Official' } else { 'Distribution' }) -Verbose 4>&1 } $Runs
    $aptCalls = @($script:out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'Running: .*apt' }).Count
    $status = ($script:out | Where-Object { $_ -is [KubeLab.Docker.DockerEngine] }).Status
    '{0,-52} {1,8:N1} ms   (target < 1000; status {2}; apt calls {3})' -f 'Install-Docker, everything in place (median)', $installMs, $status, $aptCalls
}
finally {
    if (-not $wasRunning -and (Test-Path /run/kubelab-dockerd.pid)) {
        & start-stop-daemon --stop --pidfile /run/kubelab-dockerd.pid --remove-pidfile --retry TERM/20/KILL/5 | Out-Null
    }
}
