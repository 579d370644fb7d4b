# KubeLab as a PowerShell user installs it: packed with PSResourceGet, published to a folder repository,
# Install-PSResource KubeLab, then Import-Module KubeLab by name in a fresh pwsh. Every step runs in a child
# pwsh whose HOME is a temporary folder, so the user's repositories and module folders are never touched.

BeforeAll {
    . (Join-Path $PSScriptRoot 'fixtures/TestHost.ps1')
    $script:manifest = Import-PowerShellDataFile $env:KUBELAB_TEST_MODULE
    $script:work = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kubelab-package-$([guid]::NewGuid().ToString('N'))")
    $script:pwsh = Get-PwshCommand

    function Invoke-IsolatedPwsh([string] $Command) {
        $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME; PSModulePath = $env:PSModulePath }
        try {
            # The folders must exist: .NET answers "" for a special folder that does not, and PSResourceGet would
            # then keep its repository list relative to the current directory.
            $env:HOME = (New-Item -ItemType Directory -Force -Path (Join-Path $work 'home')).FullName
            $env:XDG_DATA_HOME = (New-Item -ItemType Directory -Force -Path (Join-Path $work 'home/.local/share')).FullName
            $env:XDG_CONFIG_HOME = (New-Item -ItemType Directory -Force -Path (Join-Path $work 'home/.config')).FullName
            $env:PSModulePath = $null   # as in a new login: pwsh builds it from HOME
            $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $Command 2>&1
            if ($LASTEXITCODE -ne 0) { throw "pwsh failed ($LASTEXITCODE): $($output | Out-String)" }
            $output
        }
        finally {
            foreach ($name in $saved.Keys) { Set-Item "env:$name" $saved[$name] }
        }
    }

    # Packed in the isolated pwsh too: PSResourceGet writes its repository list on first use.
    $packer = Join-Path $PSScriptRoot '../src/KubeLab/Packaging/New-KubeLabPackage.ps1'
    $script:package = Invoke-IsolatedPwsh "& '$packer' -ModuleDir '$(Split-Path $env:KUBELAB_TEST_MODULE)' -OutputDir '$(Join-Path $work 'repository')'" | Select-Object -Last 1
}

AfterAll { Remove-Item $work -Recurse -Force }

Describe 'Packaging' {
    It 'packs a .nupkg named for the manifest version' {
        Split-Path $package -Leaf | Should -Be "KubeLab.$($manifest.ModuleVersion).nupkg"
        Test-Path $package | Should -BeTrue
    }

    It 'installs by name with Install-PSResource and imports by name in a fresh pwsh, every cmdlet exported, no warning' {
        $repository = Split-Path $package
        Invoke-IsolatedPwsh "`$ErrorActionPreference = 'Stop'; Register-PSResourceRepository -Name KubeLabTest -Uri '$repository' -Trusted; Install-PSResource KubeLab -Repository KubeLabTest -Scope CurrentUser -TrustRepository" | Out-Null
        $report = Invoke-IsolatedPwsh @'
$ErrorActionPreference = 'Stop'
Set-Location /
Import-Module KubeLab -WarningVariable warnings -WarningAction SilentlyContinue
$module = Get-Module KubeLab
[pscustomobject]@{
    Base     = $module.ModuleBase
    Cmdlets  = @($module.ExportedCmdlets.Keys | Sort-Object)
    Warnings = @($warnings | ForEach-Object Message)
    CliWrap  = Test-Path (Join-Path $module.ModuleBase 'dependencies/net10.0/CliWrap.dll')
    Contexts = @(Get-KubeContext -Path /dev/null -ErrorAction SilentlyContinue).Count
} | ConvertTo-Json -Compress
'@
        $result = ($report | Select-Object -Last 1) | ConvertFrom-Json
        $result.Base | Should -BeLike (Join-Path $work 'home/*/KubeLab/*')
        $result.Cmdlets | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $result.Warnings | Should -BeNullOrEmpty
        $result.CliWrap | Should -BeTrue
        Test-Path (Join-Path $work 'home/.local/share/PSResourceGet/PSResourceRepository.xml') | Should -BeTrue -Because 'the repository list stays in the throwaway HOME'
    }
}
