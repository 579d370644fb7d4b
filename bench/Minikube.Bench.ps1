<#
.SYNOPSIS
    Get-MinikubeStatus's overhead over the minikube process it runs, and Test-KubeLabHost in a warm session.
.DESCRIPTION
    Figures are printed, never asserted. Targets: Get-MinikubeStatus adds < 50 ms over the same minikube
    call made directly (the stand-in in tests/fixtures/minikube-standin, run the same way: as a user through
    sudo, or the sudo test double where sudo is missing); Test-KubeLabHost < 150 ms warm.
    Medians of -Runs runs, the two sides interleaved so machine noise hits both. Needs root (useradd).
#>
param(
    [Parameter(Mandatory)] [string] $ModuleDir,
    [int] $Runs = 21
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $ModuleDir 'KubeLab.psd1')

$fixtures = Join-Path $PSScriptRoot '../tests/fixtures'
$standin = (Resolve-Path (Join-Path $fixtures 'minikube-standin/minikube')).Path
$prefix = @(Split-Path $standin)
if (-not (Get-Command sudo -CommandType Application -ErrorAction SilentlyContinue)) { $prefix += (Resolve-Path (Join-Path $fixtures 'sudo-standin')).Path }
$savedPath = $env:PATH
$env:PATH = (@($prefix) + $env:PATH) -join [IO.Path]::PathSeparator
$user = 'klbu' + [guid]::NewGuid().ToString('N').Substring(0, 8)
$group = 'klbg' + $user.Substring(4)
& groupadd $group
& useradd --create-home --home-dir "/tmp/$user" -G $group $user
$env:SUDO_USER = $user
$env:KUBELAB_DOCKER_GROUP = $group

function Invoke-Direct {
    # The same command the cmdlet runs, started the plain .NET way with stdout read to the end.
    $start = [Diagnostics.ProcessStartInfo]::new('sudo')
    foreach ($a in '-n', '-u', $user, '-H', '--', $standin, 'status', '--profile=minikube', '--output=json') { $start.ArgumentList.Add($a) }
    $start.RedirectStandardOutput = $true
    $start.Environment['HOME'] = "/tmp/$user"
    $process = [Diagnostics.Process]::Start($start)
    $null = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
}

function Get-Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

try {
    Start-Minikube -Confirm:$false -WarningAction SilentlyContinue | Out-Null
    $direct = [Collections.Generic.List[double]]::new()
    $cmdlet = [Collections.Generic.List[double]]::new()
    for ($i = -2; $i -lt $Runs; $i++) {   # two warm-up rounds
        $d = (Measure-Command { Invoke-Direct }).TotalMilliseconds
        $c = (Measure-Command { Get-MinikubeStatus | Out-Null }).TotalMilliseconds
        if ($i -ge 0) { $direct.Add($d); $cmdlet.Add($c) }
    }
    $host1 = [Collections.Generic.List[double]]::new()
    Test-KubeLabHost | Out-Null
    for ($i = 0; $i -lt $Runs; $i++) { $host1.Add((Measure-Command { Test-KubeLabHost | Out-Null }).TotalMilliseconds) }

    $directMs = Get-Median $direct
    $cmdletMs = Get-Median $cmdlet
    $hostMs = Get-Median $host1
    @(
        [pscustomobject]@{ Measure = 'Get-MinikubeStatus (cmdlet)'; MedianMs = [math]::Round($cmdletMs, 1); Target = ''; Met = '' }
        [pscustomobject]@{ Measure = 'minikube status (same stand-in call, direct)'; MedianMs = [math]::Round($directMs, 1); Target = ''; Met = '' }
        [pscustomobject]@{ Measure = 'Get-MinikubeStatus overhead'; MedianMs = [math]::Round($cmdletMs - $directMs, 1); Target = '< 50 ms'; Met = ($cmdletMs - $directMs) -lt 50 }
        [pscustomobject]@{ Measure = 'Test-KubeLabHost (warm)'; MedianMs = [math]::Round($hostMs, 1); Target = '< 150 ms'; Met = $hostMs -lt 150 }
    ) | Format-Table -AutoSize | Out-Host
}
finally {
    $env:PATH = $savedPath
    & userdel --remove $user 2>$null
    & groupdel $group
}
