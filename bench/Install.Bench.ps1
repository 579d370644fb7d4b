<#
.SYNOPSIS
    Install-Kubectl of a 100 MB artifact from a loopback mirror, against curl + sha256sum + install of the
    same file in the same run: median wall time of several runs, and the process's peak memory growth.
.DESCRIPTION
    Figures are printed, never asserted (targets: KubeLab <= 1.25x the shell recipe; memory growth < 64 MB).
    The mirror is python3's http.server in its own process, so its memory is not counted and both sides
    download through the same server. The artifact is a #!/bin/sh script that answers
    `kubectl version --client -o json` and exits before the 100 MB of random bytes that follow it, so the
    full cmdlet path, version check included, runs. Needs curl, sha256sum, install and python3.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleDir,
    [int] $Runs = 5,
    [int] $SizeMB = 100
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

foreach ($tool in 'curl', 'sha256sum', 'install', 'python3') {
    if (-not (Get-Command $tool -CommandType Application -ErrorAction SilentlyContinue)) { throw "The benchmark needs $tool (apt-get install -y $tool)." }
}

# Install records go to a throwaway state folder, not /var/lib/kubelab.
$env:KUBELAB_STATE_HOME = Join-Path ([IO.Path]::GetTempPath()) ("kubelab-bench-state-" + $PID)
Import-Module (Join-Path $ModuleDir 'KubeLab.psd1')
$work = Join-Path ([IO.Path]::GetTempPath()) ('kubelab-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$version = 'v1.99.0'
$folder = Join-Path $work "mirror/dl.k8s.io/release/$version/bin/linux/amd64"
New-Item -ItemType Directory -Force $folder, (Join-Path $work "mirror/dl.k8s.io/release/$version/bin/linux/amd64") | Out-Null
$artifact = Join-Path $folder 'kubectl'

# The script header, then random bytes; sh stops at `exit 0` and never reads them.
$header = [Text.Encoding]::ASCII.GetBytes("#!/bin/sh`necho '{""clientVersion"":{""gitVersion"":""$version""}}'`nexit 0`n")
$stream = [IO.File]::Create($artifact)
try {
    $stream.Write($header, 0, $header.Length)
    $chunk = [byte[]]::new(1MB)
    for ($i = 0; $i -lt $SizeMB; $i++) { [Random]::Shared.NextBytes($chunk); $stream.Write($chunk, 0, $chunk.Length) }
}
finally { $stream.Dispose() }
$hash = (Get-FileHash -Algorithm SHA256 $artifact).Hash.ToLowerInvariant()
[IO.File]::WriteAllText((Join-Path $work "mirror/dl.k8s.io/release/$version/bin/linux/amd64/kubectl.sha256"), $hash)

$listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
$listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
$server = Start-Process python3 -ArgumentList @('-m', 'http.server', $port, '--bind', '127.0.0.1', '--directory', (Join-Path $work 'mirror')) -PassThru -RedirectStandardError (Join-Path $work 'server.log') -RedirectStandardOutput (Join-Path $work 'server.out')
$mirror = "http://127.0.0.1:$port/"
$binaryUrl = "${mirror}dl.k8s.io/release/$version/bin/linux/amd64/kubectl"
$shaUrl = "${mirror}dl.k8s.io/release/$version/bin/linux/amd64/kubectl.sha256"

function Get-ProcStatusKB([string] $Field) {
    $line = Get-Content /proc/self/status | Where-Object { $_ -like "${Field}:*" }
    [long](($line -split '\s+')[1])
}

function Reset-PeakMemory {
    # Writing 5 to clear_refs resets VmHWM (peak RSS) to the current RSS; proc files take no O_TRUNC, hence FileMode.Open.
    $clear = [IO.FileStream]::new('/proc/self/clear_refs', [IO.FileMode]::Open, [IO.FileAccess]::Write)
    try { $clear.Write([byte[]](0x35), 0, 1) } finally { $clear.Dispose() }
}

function Invoke-KubeLab([string] $Destination) {
    Install-Kubectl -Version $version -Mirror $mirror -Destination $Destination -Force -WarningAction SilentlyContinue -ProgressAction SilentlyContinue | Out-Null
}

# The same steps by hand: download, fetch the checksum, verify, place with mode 0755.
$recipe = 'set -e; curl -fsS -o "$1/kubectl.download" "$2"; echo "$(curl -fsS "$3")  $1/kubectl.download" | sha256sum --check --quiet; install -m 0755 "$1/kubectl.download" "$1/kubectl"; rm "$1/kubectl.download"'
function Invoke-Recipe([string] $Destination) {
    & bash -c $recipe bench $Destination $binaryUrl $shaUrl
    if ($LASTEXITCODE -ne 0) { throw "curl recipe failed with $LASTEXITCODE" }
}

try {
    for ($i = 0; $i -lt 50 -and -not (Test-Connection -TargetName 127.0.0.1 -TcpPort $port -Quiet -TimeoutSeconds 1); $i++) { Start-Sleep -Milliseconds 100 }

    # Warm up both (JIT, page cache) before anything is measured.
    $warm = New-Item -ItemType Directory (Join-Path $work 'warm')
    Invoke-KubeLab $warm.FullName
    Invoke-Recipe $warm.FullName

    $kubelab = [Collections.Generic.List[double]]::new()
    $shell = [Collections.Generic.List[double]]::new()
    $growth = [Collections.Generic.List[double]]::new()
    for ($run = 1; $run -le $Runs; $run++) {
        $a = New-Item -ItemType Directory (Join-Path $work "kubelab-$run")
        $b = New-Item -ItemType Directory (Join-Path $work "shell-$run")
        $order = if ($run % 2) { 'kubelab', 'shell' } else { 'shell', 'kubelab' }
        foreach ($side in $order) {
            if ($side -eq 'kubelab') {
                [GC]::Collect(); [GC]::WaitForPendingFinalizers()
                $before = Get-ProcStatusKB VmRSS
                Reset-PeakMemory
                $sw = [Diagnostics.Stopwatch]::StartNew()
                Invoke-KubeLab $a.FullName
                $kubelab.Add($sw.Elapsed.TotalSeconds)
                $growth.Add(((Get-ProcStatusKB VmHWM) - $before) / 1024)
                if ((Get-FileHash -Algorithm SHA256 (Join-Path $a 'kubectl')).Hash.ToLowerInvariant() -ne $hash) { throw 'KubeLab placed a different file' }
            }
            else {
                $sw = [Diagnostics.Stopwatch]::StartNew()
                Invoke-Recipe $b.FullName
                $shell.Add($sw.Elapsed.TotalSeconds)
            }
        }
        Remove-Item $a, $b -Recurse -Force
    }

    function Get-Median($values) { $s = @($values | Sort-Object); if ($s.Count % 2) { $s[[int][math]::Floor($s.Count / 2)] } else { ($s[$s.Count / 2 - 1] + $s[$s.Count / 2]) / 2 } }
    $mk = Get-Median $kubelab; $ms = Get-Median $shell
    $size = (Get-Item $artifact).Length
    Write-Host ("Artifact: {0:N1} MB from {1} ({2} runs, median; warm cache)" -f ($size / 1MB), $mirror, $Runs)
    Write-Host ('{0,-44} {1,10} {2,10}' -f '', 'median s', 'MB/s')
    Write-Host ('{0,-44} {1,10:N3} {2,10:N0}' -f 'Install-Kubectl (download+hash+fsync+rename)', $mk, ($size / 1MB / $mk))
    Write-Host ('{0,-44} {1,10:N3} {2,10:N0}' -f 'curl -o + sha256sum --check + install -m 0755', $ms, ($size / 1MB / $ms))
    Write-Host ('Ratio KubeLab / shell: {0:N2}x (target <= 1.25x)' -f ($mk / $ms))
    Write-Host ('All runs (s): KubeLab {0} | shell {1}' -f (($kubelab | ForEach-Object { $_.ToString('N3') }) -join ' '), (($shell | ForEach-Object { $_.ToString('N3') }) -join ' '))
    Write-Host ('Peak memory growth during Install-Kubectl (VmHWM - VmRSS before): max {0:N1} MB, median {1:N1} MB (target < 64 MB)' -f ($growth | Measure-Object -Maximum).Maximum, (Get-Median $growth))
}
finally {
    Stop-Process -Id $server.Id -ErrorAction SilentlyContinue
    if (-not $env:KUBELAB_BENCH_KEEP) { Remove-Item $work, $env:KUBELAB_STATE_HOME -Recurse -Force -ErrorAction SilentlyContinue }
}
