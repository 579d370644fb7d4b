<#
.SYNOPSIS
    Import-Module KubeLab over a bare pwsh start (median of 9 each, interleaved so machine noise hits both).
    Target: adds at most 150 ms. -CompareWith another built module folder prints that one's figure beside it.
#>
param([Parameter(Mandatory)] [string] $ModuleDir, [string] $CompareWith, [int] $Runs = 9)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../tests/fixtures/TestHost.ps1')
$pwsh = Get-PwshCommand

function Measure-Start([string] $command) {
    (Measure-Command { & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $command | Out-Null }).TotalMilliseconds
}

function Get-Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

$modules = [ordered]@{ 'this build' = (Resolve-Path $ModuleDir).Path }
if ($CompareWith) { $modules['compared'] = (Resolve-Path $CompareWith).Path }
Measure-Start 'exit 0' | Out-Null   # warm the disk cache
$samples = @{ bare = [Collections.Generic.List[double]]::new() }
foreach ($key in $modules.Keys) { $samples[$key] = [Collections.Generic.List[double]]::new() }
for ($i = 0; $i -lt $Runs; $i++) {
    $samples.bare.Add((Measure-Start 'exit 0'))
    foreach ($key in $modules.Keys) {
        $samples[$key].Add((Measure-Start "Import-Module '$(Join-Path $modules[$key] 'KubeLab.psd1')'; exit 0"))
    }
}
$bare = Get-Median $samples.bare
$rows = foreach ($key in $modules.Keys) {
    $median = Get-Median $samples[$key]
    [pscustomobject]@{
        Module      = "$key ($($modules[$key]))"
        BareStartMs = [math]::Round($bare, 1)
        WithImportMs = [math]::Round($median, 1)
        AddedMs     = [math]::Round($median - $bare, 1)
        Target      = 'added <= 150 ms'
        Met         = ($median - $bare) -le 150
    }
}
$rows | Format-Table -AutoSize | Out-Host
