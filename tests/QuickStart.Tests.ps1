# The README's quick start, exactly as written, as a new user runs it: in a fresh clone, with a HOME of its
# own (so the global pwsh, the installed module and the module path are the user's, not this machine's),
# ending from outside the repository in Import-Module KubeLab by name.

BeforeAll {
    $script:repo = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
    $script:work = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kubelab-quickstart-$([guid]::NewGuid().ToString('N'))")
    $readme = Get-Content (Join-Path $repo 'README.md') -Raw
    $section = $readme.Substring($readme.IndexOf('## Quick start'))
    $script:commands = [regex]::Match($section, '```sh\n(.*?)```', 'Singleline').Groups[1].Value
}

AfterAll { Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue }

Describe 'README quick start' -Tag 'QuickStart' {
    It 'builds, installs and imports KubeLab by name from any folder, on a clean clone' {
        $commands | Should -Match 'build\.ps1 -Task Install'
        $clone = Join-Path $work 'kubelab'
        & git clone --quiet $repo $clone
        $LASTEXITCODE | Should -Be 0
        $userHome = New-Item -ItemType Directory -Path (Join-Path $work "home")
        $script = Join-Path $work 'quickstart.sh'
        Set-Content $script "set -e`n$commands"
        $start = [Diagnostics.ProcessStartInfo]::new('bash')
        $start.ArgumentList.Add($script)
        $start.WorkingDirectory = $clone
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        foreach ($name in 'PSModulePath', 'KUBECONFIG', 'DOTNET_CLI_HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'KUBELAB_TEST_MODULE') { $start.Environment.Remove($name) | Out-Null }
        $start.Environment['HOME'] = $userHome.FullName
        # pwsh puts its own folder first on PATH for its children; a user's shell has no such entry.
        $start.Environment['PATH'] = ($env:PATH -split ':' | Where-Object { $_ -and $_.TrimEnd('/') -ne $PSHOME.TrimEnd('/') }) -join ':'
        # The packages this machine already restored, instead of downloading them again into the new HOME.
        $start.Environment['NUGET_PACKAGES'] = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $env:HOME '.nuget/packages' }
        $process = [Diagnostics.Process]::Start($start)
        $stderr = $process.StandardError.ReadToEndAsync()
        $stdout = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        $because = "the quick start must succeed:`n$stdout`n$($stderr.Result)"
        $process.ExitCode | Should -Be 0 -Because $because
        $stdout | Should -Match 'Installed KubeLab'
        # No kubeconfig in the new HOME: Get-KubeContext ran and found none, which is not an error.
        Test-Path (Join-Path $userHome "$('.local/share/powershell/Modules')/KubeLab") | Should -BeTrue
        Test-Path (Join-Path $userHome '.dotnet/tools/pwsh') | Should -BeTrue
    }
}
