<#
.SYNOPSIS
    Packs a built module folder (out/KubeLab/<version>) into KubeLab.<version>.nupkg with PSResourceGet, ready to
    publish to a PowerShell repository or to install from a folder repository.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleDir,
    [Parameter(Mandatory)] [string] $OutputDir
)
$ErrorActionPreference = 'Stop'
# PSResourceGet packs a folder named like the module; the build folder is named by version.
$stage = Join-Path ([IO.Path]::GetTempPath()) ("kubelab-pack-" + [guid]::NewGuid().ToString('N'))
try {
    $moduleStage = New-Item -ItemType Directory -Force -Path (Join-Path $stage 'KubeLab')
    Copy-Item (Join-Path $ModuleDir '*') $moduleStage -Recurse
    New-Item -ItemType Directory -Force -Path $OutputDir | Out-Null
    Compress-PSResource -Path $moduleStage -DestinationPath $OutputDir
}
finally {
    Remove-Item $stage -Recurse -Force -ErrorAction SilentlyContinue
}
$version = (Import-PowerShellDataFile (Join-Path $ModuleDir 'KubeLab.psd1')).ModuleVersion
Join-Path $OutputDir "KubeLab.$version.nupkg"
