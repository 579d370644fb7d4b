<#
.SYNOPSIS
    Builds, tests, benchmarks, packages or installs the KubeLab module.
.DESCRIPTION
    Build   : dotnet build, then lay out out/KubeLab/<version>/ (version read from KubeLab.psd1).
    Test    : Build, xUnit (tests/KubeLab.Core.Tests), then Pester (tests/*.Tests.ps1) in a fresh pwsh
              against the built module. Ends with one line "Tests: N passed, N failed[, N skipped]".
    Bench   : Build, then every bench/*.ps1 in a fresh pwsh (figures are printed, never asserted).
    Package : Build, then out/packages/KubeLab.<version>.nupkg (PSResourceGet), installable with Install-PSResource.
    Install : Build, then copy the module into the user's module path so Import-Module KubeLab works.
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Bench', 'Package', 'Install')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Pester tags to leave out (for example System when not root).
    [string[]] $ExcludeTag = @(),

    # How long one Pester test file may run before it is taken as hung (stacks printed, counted as a failure).
    [int] $PesterTimeoutMinutes = 10
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
. (Join-Path $root 'tests/fixtures/TestHost.ps1')

$manifest = Import-PowerShellDataFile (Join-Path $root 'KubeLab.psd1')
$version = $manifest.ModuleVersion
$moduleDir = Join-Path $root "out/KubeLab/$version"

# Assemblies the host already provides: shipping them would shadow the host's own copy.
$hostProvided = @('System.Management.Automation.dll', 'System.Management.dll', 'System.CodeDom.dll', 'System.Runtime.Loader.dll')

function Invoke-Dotnet {
    param([string[]] $Arguments)
    Write-Verbose "dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE" }
}

# KubeLab's own assemblies: beside the manifest, loaded normally so their types can be named in scripts.
$ownAssemblies = @('KubeLab.dll', 'KubeLab.Core.dll')

function Get-DependencyList {
    # The one allow-list of shipped third-party assemblies; the module's loader reads the same file (embedded).
    Get-Content (Join-Path $root 'src/KubeLab/Dependencies.txt') |
        Where-Object { $_ -match '^\s*(private|shim)\s+(\S+)\s*$' } |
        ForEach-Object { "$($Matches[2]).dll" }
}

function Copy-Dependencies([string] $From, [string] $To) {
    # Everything the build produced beside our own dlls must be on the allow-list, and everything listed must be
    # there: a new package reference that nobody classified as private or shim fails the build here.
    $listed = @(Get-DependencyList)
    $shipped = @(Get-ChildItem $From -Filter *.dll | Where-Object { $_.Name -notin $ownAssemblies -and $_.Name -notin $hostProvided })
    $unlisted = @($shipped | Where-Object { $_.Name -notin $listed })
    if ($unlisted) { throw "Not on src/KubeLab/Dependencies.txt (add each as private or shim): $($unlisted.Name -join ', ')" }
    $missing = @($listed | Where-Object { $_ -notin $shipped.Name })
    if ($missing) { throw "Listed in src/KubeLab/Dependencies.txt but not produced by the build: $($missing -join ', ')" }
    $shipped | Copy-Item -Destination $To
}

function Invoke-Build {
    # Assemblies carry the manifest's version.
    Invoke-Dotnet @('build', (Join-Path $root 'KubeLab.sln'), '-c', $Configuration, '--nologo', '-v', 'q', '-clp:ErrorsOnly', "-p:Version=$version")
    $bin = Join-Path $root "src/KubeLab/bin/$Configuration/netstandard2.0"
    if (Test-Path $moduleDir) { Remove-Item $moduleDir -Recurse -Force }
    $deps = New-Item -ItemType Directory -Force -Path (Join-Path $moduleDir 'dependencies')
    Copy-Item (Join-Path $root 'KubeLab.psd1') $moduleDir
    $ownAssemblies | ForEach-Object { Copy-Item (Join-Path $bin $_) $moduleDir }
    Copy-Dependencies $bin $deps
    Copy-Item (Join-Path $root 'module/*') $moduleDir -Recurse
    # Builds for .NET 10 that PowerShell 7.6+ prefers (KubeLab.Core.csproj puts them there).
    $runtimeDeps = New-Item -ItemType Directory -Force -Path (Join-Path $deps 'net10.0')
    $runtimeBuilds = @(Get-ChildItem (Join-Path $bin 'net10.0') -Filter *.dll)
    $unlisted = @($runtimeBuilds | Where-Object { $_.Name -notin @(Get-DependencyList) })
    if ($unlisted) { throw "Not on src/KubeLab/Dependencies.txt: net10.0/$($unlisted.Name -join ', net10.0/')" }
    $runtimeBuilds | Copy-Item -Destination $runtimeDeps
    $pwsh = Get-PwshCommand
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'src/KubeLab/Help/New-MamlHelp.ps1') `
        -ModuleDir $moduleDir -DocumentationXml (Join-Path $bin 'KubeLab.xml')
    if ($LASTEXITCODE -ne 0) { throw "Writing the MAML help failed (exit code $LASTEXITCODE)" }
    Write-Host "Built KubeLab $version -> $moduleDir"
}

function Invoke-XunitTests {
    $results = Join-Path $root 'out/TestResults'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    & dotnet test (Join-Path $root 'tests/KubeLab.Core.Tests') -c $Configuration --no-build --nologo `
        --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $results | Out-Host
    $trx = Join-Path $results 'xunit.trx'
    if (-not (Test-Path $trx)) { throw "xUnit wrote no results ($trx): the test run did not start." }
    $results = [xml](Get-Content $trx -Raw)
    # The fuzz test's seed line, so a CI log says how to repeat the run (xUnit keeps test output in the TRX only).
    $results.SelectNodes("//*[local-name()='StdOut']") | ForEach-Object { $_.InnerText -split "`n" } |
        Where-Object { $_ -match 'KUBELAB_FUZZ_SEED' } | Select-Object -Unique | ForEach-Object { Write-Host "xUnit fuzz: $_" }
    $counters = $results.TestRun.ResultSummary.Counters
    [pscustomobject]@{
        Passed  = [int]$counters.passed
        Failed  = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        Skipped = [int]$counters.notExecuted
    }
}

function Write-HungProcessStacks([System.Diagnostics.Process] $Process) {
    # The managed stacks of every thread, so the log shows where a hung run waits (dotnet-stack comes from
    # the tool manifest, restored with pwsh).
    Write-Host "== Managed stacks of the hung Pester process $($Process.Id):"
    Push-Location $root   # where the tool manifest is
    try { & dotnet tool run dotnet-stack report -p $Process.Id 2>&1 | Out-Host }
    finally { Pop-Location }
}

function Invoke-PesterFile([System.IO.FileInfo] $File, [string] $Summary) {
    # One fresh pwsh per file: no state leaks between suites, and a hang costs one file, not the run.
    $runner = Join-Path $root 'tests/fixtures/Invoke-PesterSuite.ps1'
    $pwsh = Get-PwshCommand
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $runner,
        '-ModuleDir', $moduleDir, '-Path', $File.FullName, '-SummaryPath', $Summary, '-ExcludeTag', ($ExcludeTag -join ','))
    $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
    foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }   # one by one: no re-splitting, empty values kept
    if (Test-Path $Summary) { Remove-Item $Summary }
    $process = [System.Diagnostics.Process]::Start($start)
    if (-not $process.WaitForExit($PesterTimeoutMinutes * 60 * 1000)) {
        Write-HungProcessStacks $process
        $process.Kill($true)
        $process.WaitForExit()
        return $null
    }
    if (-not (Test-Path $Summary)) { throw "Pester wrote no summary for $($File.Name) ($Summary): the run did not finish." }
    Get-Content $Summary -Raw | ConvertFrom-Json
}

function Invoke-PesterTests {
    $totals = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($file in Get-ChildItem (Join-Path $root 'tests') -Filter *.Tests.ps1 | Sort-Object Name) {
        $summary = Join-Path $root "out/TestResults/pester-$($file.BaseName).json"
        $result = Invoke-PesterFile $file $summary
        if ($null -eq $result) {
            # A hang is a bug: the stacks above say where; the file counts as one failure and the run goes on.
            Write-Host "!! $($file.Name) did not finish within $PesterTimeoutMinutes minutes: the last test named above hung (counted as a failure)."
            $result = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 }
        }
        $totals.Passed += $result.Passed
        $totals.Failed += $result.Failed
        $totals.Skipped += $result.Skipped
    }
    $totals
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' {
        Invoke-Build
        $xunit = Invoke-XunitTests
        $pester = Invoke-PesterTests
        Write-Host ("xUnit: {0} passed, {1} failed, {2} skipped" -f $xunit.Passed, $xunit.Failed, $xunit.Skipped)
        Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f $pester.Passed, $pester.Failed, $pester.Skipped)
        $passed = $xunit.Passed + $pester.Passed
        $failed = $xunit.Failed + $pester.Failed
        $skipped = $xunit.Skipped + $pester.Skipped
        Write-Host ("Tests: {0} passed, {1} failed, {2} skipped" -f $passed, $failed, $skipped)
        if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
    }
    'Bench' {
        Invoke-Build
        $pwsh = Get-PwshCommand
        foreach ($bench in Get-ChildItem (Join-Path $root 'bench') -Filter *.ps1 | Sort-Object Name) {
            Write-Host "== $($bench.Name)"
            & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $bench.FullName -ModuleDir $moduleDir | Out-Host
            if ($LASTEXITCODE -ne 0) { throw "Benchmark $($bench.Name) failed with exit code $LASTEXITCODE" }
        }
    }
    'Package' {
        Invoke-Build
        $package = & (Join-Path $root 'src/KubeLab/Packaging/New-KubeLabPackage.ps1') -ModuleDir $moduleDir -OutputDir (Join-Path $root 'out/packages')
        Write-Host "Packaged $package (install with: Register-PSResourceRepository -Name Local -Uri $(Split-Path $package) -Trusted; Install-PSResource KubeLab -Repository Local)"
    }
    'Install' {
        Invoke-Build
        $userModules = ($env:PSModulePath -split [IO.Path]::PathSeparator)[0]
        $target = Join-Path $userModules "KubeLab/$version"
        if (Test-Path $target) { Remove-Item $target -Recurse -Force }
        New-Item -ItemType Directory -Force -Path $target | Out-Null
        Copy-Item (Join-Path $moduleDir '*') $target -Recurse
        Write-Host "Installed KubeLab $version -> $target"
    }
}
