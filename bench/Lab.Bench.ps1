<#
.SYNOPSIS
    Install-KubeLab: the first run's wall time against its steps one after another, and the all-done run warm.
.DESCRIPTION
    Figures are printed, never asserted. The setup is the System suite's (tests/fixtures/LabFixture.ps1): Debian's
    docker.io (-DockerSource Distribution), the four tools from the loopback mirror, the minikube stand-in run as a
    user of its own. Targets: the second, all-done run under 1.5 s in a warm session; the first run's wall time
    below the sum of its step durations (the tools download while apt installs Docker). Everything added is removed
    at the end (Uninstall-KubeLab -RemoveDocker, then the fixture's own cleanup). Needs root.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleDir,
    [int] $Runs = 11
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $ModuleDir 'KubeLab.psd1')
$env:KUBELAB_TEST_MODULE = Join-Path $ModuleDir 'KubeLab.psd1'
. (Join-Path $PSScriptRoot '../tests/fixtures/TestHost.ps1')
. (Join-Path $PSScriptRoot '../tests/fixtures/LabFixture.ps1')

function Get-Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

$fixture = Enter-LabFixture
try {
    $lab = @{ Mirror = $fixture.Mirror; DockerSource = 'Distribution'; Destination = $fixture.Destination; Force = $true; Confirm = $false; WarningAction = 'SilentlyContinue' }
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $first = Install-KubeLab @lab
    $wall = $watch.Elapsed.TotalSeconds
    $sum = ($first.Steps.Duration | Measure-Object TotalSeconds -Sum).Sum

    $second = [Collections.Generic.List[double]]::new()
    for ($i = 0; $i -lt $Runs; $i++) {
        $ms = (Measure-Command { $summary = Install-KubeLab @lab }).TotalMilliseconds
        if (@($summary.Steps | Where-Object Status -ne 'AlreadyDone').Count -gt 0) { throw "Run $i was not all done: $($summary.Steps | Out-String)" }
        $second.Add($ms)
    }

    Write-Host ('First run: {0}' -f (($first.Steps | ForEach-Object { '{0} {1} {2:0.00} s' -f $_.Name, $_.Status, $_.Duration.TotalSeconds }) -join '; '))
    Write-Host ('First run wall {0:0.00} s; its steps one after another {1:0.00} s; overlap saves {2:0.00} s' -f $wall, $sum, ($sum - $wall))
    Write-Host ('Second (all-done) run, warm session: median {0:0} ms, min {1:0} ms, max {2:0} ms over {3} runs (target < 1500 ms)' -f (Get-Median $second), ($second | Measure-Object -Minimum).Minimum, ($second | Measure-Object -Maximum).Maximum, $Runs)
    Uninstall-KubeLab -Destination $fixture.Destination -RemoveDocker -RemoveData -Confirm:$false
}
finally {
    Exit-LabFixture $fixture
}
