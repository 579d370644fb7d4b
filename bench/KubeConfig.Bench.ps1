<#
.SYNOPSIS
    Kubeconfig benchmark (issue targets), figures printed side by side with kubectl; nothing asserted.
    - Get-KubeContext, warm session, 5 files x 400 contexts: at most 1/5 of `kubectl config get-contexts`.
    - The same right after every file changed on disk (a full re-read and parse of all 5, median of 9): at most 1/2.
    - Use-KubeContext on a ~570 KB file: faster than `kubectl config use-context`.
    - Import-Module KubeLab: adds at most 150 ms to a bare pwsh start.
#>
param([Parameter(Mandatory)] [string] $ModuleDir, [int] $Runs = 15)
$ModuleDir = (Resolve-Path $ModuleDir).Path
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../tests/fixtures/KubeConfigFixtures.ps1')
. (Join-Path $PSScriptRoot '../tests/fixtures/TestHost.ps1')

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    return $sorted[[int][math]::Floor($sorted.Count / 2)]
}

function Measure-Median([scriptblock] $action, [int] $runs = $Runs) {
    & $action | Out-Null   # warm-up
    Get-Median @(1..$runs | ForEach-Object { (Measure-Command { & $action | Out-Null }).TotalMilliseconds })
}

function New-Base64([int] $bytes, [int] $seed) {
    $random = [Random]::new($seed)
    $buffer = [byte[]]::new($bytes)
    $random.NextBytes($buffer)
    [Convert]::ToBase64String($buffer)
}

function New-BigKubeconfig([string] $path, [int] $fileIndex, [int] $count) {
    # Realistic sizes: a CA and a client certificate (~1 KB DER each) and an EC client key per entry.
    $builder = [Text.StringBuilder]::new()
    [void]$builder.AppendLine("apiVersion: v1`nkind: Config`ncurrent-context: f$fileIndex-ctx-0`nclusters:")
    for ($i = 0; $i -lt $count; $i++) {
        [void]$builder.AppendLine("- name: f$fileIndex-cluster-$i`n  cluster:`n    server: https://10.$fileIndex.$([math]::Floor($i / 250)).$($i % 250):6443`n    certificate-authority-data: $(New-Base64 370 $i)")
    }
    [void]$builder.AppendLine('users:')
    for ($i = 0; $i -lt $count; $i++) {
        [void]$builder.AppendLine("- name: f$fileIndex-user-$i`n  user:`n    client-certificate-data: $(New-Base64 370 ($i + 1))`n    client-key-data: $(New-Base64 121 ($i + 2))")
    }
    [void]$builder.AppendLine('contexts:')
    for ($i = 0; $i -lt $count; $i++) {
        [void]$builder.AppendLine("- name: f$fileIndex-ctx-$i`n  context:`n    cluster: f$fileIndex-cluster-$i`n    user: f$fileIndex-user-$i`n    namespace: ns-$($i % 7)")
    }
    [IO.File]::WriteAllText($path, $builder.ToString())
}

$dir = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kubelab-bench-$([guid]::NewGuid().ToString('N'))")
try {
    $files = 0..4 | ForEach-Object { $p = Join-Path $dir "config-$_"; New-BigKubeconfig $p $_ 400; $p }
    $chain = $files -join [IO.Path]::PathSeparator
    $kubectl = Get-KubectlOracle
    $sizeKb = [math]::Round((Get-Item $files[0]).Length / 1KB)
    Write-Host "kubectl: $kubectl; 5 files x 400 contexts, $sizeKb KB each"

    # Files written in the last 2 s are always read again (git's "racy" rule, see ParsedFileCache): date them back,
    # so the warm figure is what a user gets a moment after the files were last written.
    foreach ($f in $files) { [IO.File]::SetLastWriteTimeUtc($f, [DateTime]::UtcNow.AddMinutes(-1)) }
    Import-Module (Join-Path $ModuleDir 'KubeLab.psd1')
    $env:KUBECONFIG = $chain
    $count = @(Get-KubeContext).Count
    if ($count -ne 2000) { throw "Get-KubeContext saw $count contexts, expected 2000" }
    $ours = Measure-Median { Get-KubeContext }
    # The warm figure is served from the parse cache; this one makes every file look just written, so all
    # five are read and parsed again (the cost of the first call, or of a call right after kubectl edits a file).
    $oursParse = Measure-Median { foreach ($f in $files) { [IO.File]::SetLastWriteTimeUtc($f, [DateTime]::UtcNow) }; Get-KubeContext } 9
    $theirs = Measure-Median { & $kubectl config get-contexts }
    $theirs9 = Measure-Median { & $kubectl config get-contexts } 9

    $single = $files[0]
    $toggle = 0
    $oursUse = Measure-Median { $script:toggle++; Use-KubeContext -Path $single -Name "f0-ctx-$($script:toggle % 2)" }
    $theirsUse = Measure-Median { $script:toggle++; & $kubectl --kubeconfig $single config use-context "f0-ctx-$($script:toggle % 2)" }
    Remove-Item Env:KUBECONFIG

    $pwsh = Get-PwshCommand
    $manifest = Join-Path $ModuleDir 'KubeLab.psd1'
    $bare = Measure-Median { & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command 'exit 0' } 9
    $imported = Measure-Median { & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command "Import-Module '$manifest'; exit 0" } 9

    $rows = @(
        [pscustomobject]@{ Measure = 'Get-KubeContext (warm) vs kubectl config get-contexts'; KubeLabMs = $ours; KubectlMs = $theirs; Ratio = $ours / $theirs; Target = 'ratio <= 0.20'; Met = ($ours / $theirs) -le 0.2 }
        [pscustomobject]@{ Measure = 'Get-KubeContext, all 5 files just changed (cold re-read)'; KubeLabMs = $oursParse; KubectlMs = $theirs9; Ratio = $oursParse / $theirs9; Target = 'ratio <= 0.50'; Met = ($oursParse / $theirs9) -le 0.5 }
        [pscustomobject]@{ Measure = "Use-KubeContext vs kubectl config use-context ($sizeKb KB)"; KubeLabMs = $oursUse; KubectlMs = $theirsUse; Ratio = $oursUse / $theirsUse; Target = 'ratio < 1'; Met = $oursUse -lt $theirsUse }
        [pscustomobject]@{ Measure = 'pwsh start + Import-Module KubeLab vs bare pwsh start'; KubeLabMs = $imported; KubectlMs = $bare; Ratio = $imported / $bare; Target = 'added <= 150 ms'; Met = ($imported - $bare) -le 150 }
    )
    $rows | Format-Table Measure, @{ n = 'KubeLab ms'; e = { '{0:N1}' -f $_.KubeLabMs } }, @{ n = 'other ms'; e = { '{0:N1}' -f $_.KubectlMs } },
        @{ n = 'ratio'; e = { '{0:N3}' -f $_.Ratio } }, Target, Met -AutoSize | Out-String -Width 200 | Write-Host
    Write-Host ("Import-Module KubeLab adds {0:N1} ms (median of 9 starts each)" -f ($imported - $bare))
}
finally {
    Remove-Item $dir -Recurse -Force
}
