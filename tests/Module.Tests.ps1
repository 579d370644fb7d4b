BeforeDiscovery {
    $cmdlets = (Import-PowerShellDataFile $env:KUBELAB_TEST_MODULE).CmdletsToExport
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'fixtures/TestHost.ps1')
    Import-Module $env:KUBELAB_TEST_MODULE -Force
    $manifest = Import-PowerShellDataFile $env:KUBELAB_TEST_MODULE
}

Describe 'KubeLab module' {
    BeforeAll {
        function script:Get-OlderYamlDotNet {
            # Another module's YamlDotNet, loaded before KubeLab in the isolation tests.
            $nugetRoot = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
            $path = Join-Path $nugetRoot 'yamldotnet/11.2.1/lib/netstandard2.1/YamlDotNet.dll'
            Test-Path $path | Should -BeTrue -Because 'the test project downloads YamlDotNet 11.2.1 for this test'
            $path
        }
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $exported = (Get-Module KubeLab).ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'lists in CmdletsToExport exactly the cmdlets its assembly defines' {
        $defined = [KubeLab.Infrastructure.ServiceFactory].Assembly.GetTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" } | Sort-Object
        $defined | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'loads its third-party libraries privately, not into the default load context' {
        Get-KubeContext -ErrorAction SilentlyContinue | Out-Null   # makes Core load YamlDotNet
        $yaml = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'YamlDotNet' }
        $yaml | Should -Not -BeNullOrEmpty
        foreach ($assembly in $yaml) {
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).GetType().Name | Should -Be 'PrivateLoadContext'
        }
    }

    It 'runs commands with CliWrap''s own .NET 10 build on PowerShell 7.6, privately' {
        # Its netstandard2.0 build was seen hanging after a version check's process had exited.
        $dir = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kubelab-cw-$([guid]::NewGuid().ToString('N'))")
        try {
            Set-Content (Join-Path $dir 'kubectl') "#!/bin/sh`nexit 1"
            & chmod 0755 (Join-Path $dir 'kubectl')
            Get-KubeLabTool -Name kubectl -Destination $dir | Out-Null   # runs the file: loads CliWrap
        }
        finally { Remove-Item $dir -Recurse -Force }
        $cliWrap = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'CliWrap' })
        $cliWrap | Should -HaveCount 1
        $cliWrap[0].Location | Should -BeLike '*/dependencies/net10.0/CliWrap.dll'
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($cliWrap[0]).GetType().Name | Should -Be 'PrivateLoadContext'
    }

    It 'works beside another module''s older YamlDotNet' {
        $oldYaml = Get-OlderYamlDotNet
        $dir = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kubelab-iso-$([guid]::NewGuid().ToString('N'))")
        try {
            "apiVersion: v1`nkind: Config`ncurrent-context: a`ncontexts:`n- name: a`n  context: {cluster: c, user: u}" | Set-Content (Join-Path $dir 'config')
            $pwsh = Get-PwshCommand
            $script = "Add-Type -Path '$oldYaml'; Import-Module '$env:KUBELAB_TEST_MODULE'; " +
                "(Get-KubeContext -Path '$(Join-Path $dir 'config')' -Current).Name; " +
                "([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'YamlDotNet' }).GetName().Version.Major | Sort-Object"
            $out = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script
            $out | Should -Be @('a', '11', '16')
        }
        finally {
            Remove-Item $dir -Recurse -Force
        }
    }

    It 'works in every area beside another module''s YamlDotNet and CliWrap loaded first' {
        $oldYaml = Get-OlderYamlDotNet
        $dir = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kubelab-iso2-$([guid]::NewGuid().ToString('N'))")
        try {
            # A CliWrap 1.0 of our own making: same assembly name, another version, none of CliWrap's types.
            $fakeCliWrap = Join-Path $dir 'CliWrap.dll'
            $source = '[assembly: System.Reflection.AssemblyVersion("1.0.0.0")] namespace CliWrap { public static class Cli { public static string Version => "1.0"; } }'
            $runtime = [IO.Path]::GetDirectoryName([object].Assembly.Location)
            $references = [Microsoft.CodeAnalysis.MetadataReference[]]@(
                [Microsoft.CodeAnalysis.MetadataReference]::CreateFromFile([object].Assembly.Location)
                [Microsoft.CodeAnalysis.MetadataReference]::CreateFromFile((Join-Path $runtime 'System.Runtime.dll')))
            $compilation = [Microsoft.CodeAnalysis.CSharp.CSharpCompilation]::Create('CliWrap',
                [Microsoft.CodeAnalysis.SyntaxTree[]]@([Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree]::ParseText($source)), $references,
                [Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions]::new([Microsoft.CodeAnalysis.OutputKind]::DynamicallyLinkedLibrary))
            $stream = [IO.File]::Create($fakeCliWrap)
            try { $compilation.Emit($stream).Success | Should -BeTrue } finally { $stream.Dispose() }

            "apiVersion: v1`nkind: Config`ncurrent-context: a`ncontexts:`n- name: a`n  context: {cluster: c, user: u}" | Set-Content (Join-Path $dir 'config')
            $bin = New-Item -ItemType Directory -Path (Join-Path $dir 'bin')
            [IO.File]::WriteAllText((Join-Path $bin 'kubectl'), (Get-Content -Raw (Join-Path $PSScriptRoot 'fixtures/fake-tools/kubectl')).Replace('@VERSION@', 'v1.33.1'))
            & chmod 0755 (Join-Path $bin 'kubectl')

            # minikube is the stand-in, run as an unprivileged user (it refuses root, as minikube does).
            $path = @(Join-Path $PSScriptRoot 'fixtures/minikube-standin')
            if (-not (Get-Command sudo -CommandType Application -ErrorAction SilentlyContinue)) { $path += Join-Path $PSScriptRoot 'fixtures/sudo-standin' }
            $pwsh = Get-PwshCommand
            $out = & /usr/bin/env "PATH=$(@($path + $env:PATH) -join [IO.Path]::PathSeparator)" 'SUDO_USER=nobody' "KUBELAB_STATE_HOME=$(Join-Path $dir 'state')" @pwsh -NoProfile -NonInteractive `
                -File (Join-Path $PSScriptRoot 'fixtures/IsolationProbe.ps1') -Module $env:KUBELAB_TEST_MODULE -ForeignYamlDotNet $oldYaml -ForeignCliWrap $fakeCliWrap -Dir $dir
            $text = $out -join "`n"
            $text | Should -Not -MatchExactly '(TypeLoad|MissingMethod|MissingField|FileLoad|FileNotFound|InvalidCast)Exception'
            $out | Should -Contain 'kubeconfig=KubeLab.Kubeconfig.KubeContext'
            $out | Should -Contain 'tools=KubeLab.Tools.KubeLabTool'
            $out | Should -Contain 'toolversion=v1.33.1'
            $out | Should -Contain 'host=KubeLab.Host.HostCheck'
            $out | Should -Contain 'docker=KubeLab.Docker.DockerGroupMembership'
            # No profile exists: the stand-in answers like minikube, and KubeLab maps that to its own error id.
            $out | Where-Object { $_ -like 'minikube=*' } | Should -BeIn @('minikube=KubeLab.Minikube.MinikubeStatus', 'minikube=error:MinikubeProfileNotFound:KubeLab.Minikube.MinikubeException')
            $out | Should -Contain 'lab=KubeLab.Lab.LabState'
            $out | Should -Contain 'YamlDotNet=11@DefaultAssemblyLoadContext 16@PrivateLoadContext'
            $out | Should -Contain 'CliWrap=1@DefaultAssemblyLoadContext 3@PrivateLoadContext'
        }
        finally {
            Remove-Item $dir -Recurse -Force
        }
    }

    It 'keeps third-party dlls out of the module root, and ships exactly what Dependencies.txt allows' {
        $root = Split-Path $env:KUBELAB_TEST_MODULE
        (Get-ChildItem $root -Filter *.dll).Name | Sort-Object | Should -Be @('KubeLab.Core.dll', 'KubeLab.dll')
        $allowed = Get-Content (Join-Path $PSScriptRoot '../src/KubeLab/Dependencies.txt') |
            Where-Object { $_ -match '^(private|shim)\s+(\S+)$' } | ForEach-Object { "$($Matches[2]).dll" }
        (Get-ChildItem (Join-Path $root 'dependencies') -Filter *.dll).Name | Sort-Object | Should -Be ($allowed | Sort-Object)
    }

    It 'carries the manifest''s version in its assemblies' {
        $root = Split-Path $env:KUBELAB_TEST_MODULE
        foreach ($dll in 'KubeLab.dll', 'KubeLab.Core.dll') {
            [Reflection.AssemblyName]::GetAssemblyName((Join-Path $root $dll)).Version.ToString(3) | Should -Be $manifest.ModuleVersion
        }
    }
}

Describe 'Output types' {
    BeforeDiscovery {
        Import-Module $env:KUBELAB_TEST_MODULE -Force
        $outputTypes = Get-Command -Module KubeLab | ForEach-Object {
            foreach ($type in $_.OutputType) { @{ Cmdlet = $_.Name; TypeName = $type.Name } }
        }
    }

    It '<Cmdlet> output type <TypeName> resolves by name, as a user''s script would write it' -ForEach $outputTypes {
        $TypeName | Should -Not -Match '\bCore\b' -Because 'public type names carry no implementation words'
        $type = [type]$TypeName
        $type.FullName | Should -Be $TypeName
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($type.Assembly).GetType().Name | Should -Be 'DefaultAssemblyLoadContext'
    }

    It 'real output works with -is, typed parameters and typed arrays' {
        $dir = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kubelab-types-$([guid]::NewGuid().ToString('N'))")
        try {
            $config = Join-Path $dir 'config'
            "apiVersion: v1`nkind: Config`ncurrent-context: a`nclusters:`n- name: c`n  cluster: {server: 'https://127.0.0.1:6443'}`nusers:`n- name: u`n  user: {token: t}`ncontexts:`n- name: a`n  context: {cluster: c, user: u}`n- name: b`n  context: {cluster: c, user: u}" | Set-Content $config
            $context = Get-KubeContext -Path $config -Name a
            $context -is [KubeLab.Kubeconfig.KubeContext] | Should -BeTrue
            (Get-KubeCluster -Path $config) -is [KubeLab.Kubeconfig.KubeCluster] | Should -BeTrue
            (Get-KubeUser -Path $config) -is [KubeLab.Kubeconfig.KubeUser] | Should -BeTrue
            (Get-KubeConfig -Path $config) -is [KubeLab.Kubeconfig.KubeConfig] | Should -BeTrue
            [KubeLab.Kubeconfig.KubeContext[]] $all = Get-KubeContext -Path $config
            $all.Count | Should -Be 2
            function Get-ClusterOf([KubeLab.Kubeconfig.KubeContext] $Context) { $Context.Cluster }
            Get-ClusterOf $context | Should -Be 'c'
            $removal = Remove-KubeContext -Path $config -Name b -PassThru -Confirm:$false
            $removal -is [KubeLab.Kubeconfig.KubeContextRemoval] | Should -BeTrue
            ($removal | Format-Table | Out-String) | Should -Match 'b'
        }
        finally { Remove-Item $dir -Recurse -Force }
    }
}

Describe 'ConvertTo-Json' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'fixtures/ToolMirror.ps1')
        $script:jsonDir = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kubelab-json-$([guid]::NewGuid().ToString('N'))")
        $script:jsonConfig = Join-Path $jsonDir 'config'
        "apiVersion: v1`nkind: Config`ncurrent-context: a`nclusters:`n- name: c`n  cluster: {server: 'https://127.0.0.1:6443'}`nusers:`n- name: u`n  user:`n    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws}`ncontexts:`n- name: a`n  context: {cluster: c, user: u}" |
            Set-Content $jsonConfig
    }
    AfterAll { Remove-Item $jsonDir -Recurse -Force }

    It 'writes enum names, not numbers, for <Case>' -ForEach @(
        @{ Case = 'Get-KubeUser (exec user)'; Run = { Get-KubeUser -Path $jsonConfig }; Property = 'AuthType'; Name = 'Exec' }
        @{ Case = 'Get-KubeConfig (nested users)'; Run = { (Get-KubeConfig -Path $jsonConfig).Users }; Property = 'AuthType'; Name = 'Exec' }
        @{ Case = 'Install-Minikube (local mirror)'; Property = 'Status'; Name = 'Installed'; Run = {
                $mirror = Join-Path $jsonDir 'mirror'
                Add-MirrorMinikube $mirror 'v1.36.0'
                Install-Minikube -Version v1.36.0 -Mirror $mirror -Destination (New-Item -ItemType Directory -Force (Join-Path $jsonDir 'bin')) -WarningAction SilentlyContinue } }
    ) {
        $output = & $Run
        $output.$Property.GetType().IsEnum | Should -BeTrue -Because 'PowerShell users keep a typed enum'
        $output.$Property -eq $Name | Should -BeTrue
        $json = $output | ConvertTo-Json -Depth 5
        $json | Should -Match ('"{0}": "{1}"' -f $Property, $Name)
        $json | Should -Not -Match ('"{0}": \d' -f $Property)
        ($json | ConvertFrom-Json).$Property | Should -Be $Name
        ($output | ConvertTo-Json -Depth 5 -EnumsAsStrings) | Should -Be $json -Because '-EnumsAsStrings stays harmless'
    }

    It 'covers every public enum of KubeLab.Core, and every enum a cmdlet''s output carries' {
        $core = [KubeLab.Kubeconfig.KubeAuthType].Assembly
        $converter = [Newtonsoft.Json.Converters.StringEnumConverter]
        $missing = $core.GetExportedTypes() | Where-Object IsEnum | Where-Object {
            -not ($_.GetCustomAttributes([Newtonsoft.Json.JsonConverterAttribute], $false) | Where-Object ConverterType -eq $converter)
        }
        $missing | Should -BeNullOrEmpty -Because 'ConvertTo-Json writes an enum without the converter as a number'

        # The enums reachable from the cmdlets' OutputTypes through properties, arrays and generics.
        $seen = @{}
        $queue = [Collections.Generic.Queue[type]]::new()
        Get-Command -Module KubeLab | ForEach-Object { foreach ($t in $_.OutputType) { if ($t.Type) { $queue.Enqueue($t.Type) } } }
        $reachable = while ($queue.Count) {
            $type = $queue.Dequeue()
            if ($seen.ContainsKey($type)) { continue }
            $seen[$type] = $true
            if ($type.IsEnum) { $type; continue }
            if ($type.IsArray) { $queue.Enqueue($type.GetElementType()); continue }
            foreach ($argument in $type.GenericTypeArguments) { $queue.Enqueue($argument) }
            if ($type.Namespace -like 'KubeLab*') { foreach ($property in $type.GetProperties()) { $queue.Enqueue($property.PropertyType) } }
        }
        $reachable.FullName | Should -Contain 'KubeLab.Tools.ToolStatus' -Because 'the walk must reach the enums it checks'
        foreach ($enum in $reachable) {
            $enum.Assembly | Should -Be $core -Because "$enum is in cmdlet output"
            $enum.GetCustomAttributes([Newtonsoft.Json.JsonConverterAttribute], $false).ConverterType | Should -Be $converter -Because "$enum is in cmdlet output"
        }
    }
}

Describe 'Tab completion' {
    BeforeDiscovery {
        Import-Module $env:KUBELAB_TEST_MODULE -Force
        $common = [System.Management.Automation.Internal.CommonParameters].GetProperties().Name +
            [System.Management.Automation.Internal.ShouldProcessParameters].GetProperties().Name
        # Paths keep file completion: kubeconfig files, tool folders, mirrors (a URI or a local folder), and
        # kubectl's own arguments (`-f manifest.yaml`).
        $pathParameters = 'Path', 'Destination', 'Mirror', 'Invoke-MinikubeKubectl:ArgumentList'
        $stringParameters = Get-Command -Module KubeLab | ForEach-Object {
            $command = $_
            $command.Parameters.Values | Where-Object { $_.Name -notin $common -and $_.ParameterType -in [string], [string[]] } | ForEach-Object {
                @{ Command = $command.Name; Parameter = $_.Name; IsPath = $_.Name -in $pathParameters -or "$($command.Name):$($_.Name)" -in $pathParameters }
            }
        }
    }

    BeforeAll {
        . (Join-Path $PSScriptRoot 'fixtures/ToolMirror.ps1')
        $script:tabDir = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kubelab-tab-$([guid]::NewGuid().ToString('N'))")
        New-Item -ItemType File -Path (Join-Path $tabDir 'zz-file.txt') | Out-Null
        Push-Location $tabDir
        function script:Complete([string] $Line) {
            (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
        }
    }
    AfterAll {
        Pop-Location
        Remove-Item $tabDir -Recurse -Force
    }

    It '<Command> -<Parameter> offers no file names' -ForEach @($stringParameters | Where-Object { -not $_.IsPath }) {
        Complete "$Command -$Parameter zz" | Should -Not -Contain './zz-file.txt'
        Complete "$Command -$Parameter " | Where-Object { $_ -like '*zz-file*' } | Should -BeNullOrEmpty
    }

    It '<Command> -<Parameter> (a path) still completes file names' -ForEach @($stringParameters | Where-Object IsPath) {
        Complete "$Command -$Parameter zz" | Should -Contain './zz-file.txt'
    }

    It 'offers the recorded version for Install-Minikube -Version, and what minikube accepts for -KubernetesVersion' {
        $mirror = Join-Path $tabDir 'mirror'
        Add-MirrorMinikube $mirror 'v1.36.0'
        $dest = New-Item -ItemType Directory -Path (Join-Path $tabDir 'bin')
        Install-Minikube -Version v1.36.0 -Mirror $mirror -Destination $dest -WarningAction SilentlyContinue | Out-Null
        Complete "Install-Minikube -Destination '$dest' -Version " | Should -Be @('v1.36.0')
        Complete "Install-KubeLabTool -Name minikube -Destination '$dest' -Version v1" | Should -Be @('v1.36.0')
        Complete "Install-Kubectl -Destination '$dest' -Version " | Should -BeNullOrEmpty -Because 'kubectl has no record there'
        Complete 'Start-Minikube -KubernetesVersion st' | Should -Be @('stable')
    }

    It 'offers minikube''s profiles from its home folder' {
        $saved = $env:MINIKUBE_HOME
        try {
            $env:MINIKUBE_HOME = Join-Path $tabDir 'mk'
            foreach ($name in 'lab-one', 'other') { New-Item -Force -Path (Join-Path $tabDir "mk/.minikube/profiles/$name/config.json") -Value '{}' | Out-Null }
            New-Item -ItemType Directory -Force -Path (Join-Path $tabDir 'mk/.minikube/profiles/half-deleted') | Out-Null   # no config.json: not a profile
            Complete 'Stop-Minikube -Profile la' | Should -Be @('lab-one')
            Complete 'Get-MinikubeStatus ' | Should -Be @('lab-one', 'other')
        }
        finally { $env:MINIKUBE_HOME = $saved }
    }
}

Describe 'Table views at 80 columns' {
    BeforeDiscovery {
        $formatFile = Join-Path (Split-Path $env:KUBELAB_TEST_MODULE) 'KubeLab.Format.ps1xml'
        $views = ([xml](Get-Content $formatFile -Raw)).Configuration.ViewDefinitions.View | Where-Object { $_.TableControl } | ForEach-Object {
            @{ View = $_.Name; Headers = @($_.TableControl.TableHeaders.TableColumnHeader.Label) }
        }
    }

    BeforeAll {
        . (Join-Path $PSScriptRoot 'fixtures/ViewSamples.ps1')
        $script:samples = Get-ViewSample
        $script:viewDir = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kubelab-views-$([guid]::NewGuid().ToString('N'))")
        $config = Join-Path $viewDir 'config'
        "apiVersion: v1`nkind: Config`ncurrent-context: kind-kubelab`nclusters:`n- name: kind-kubelab`n  cluster: {server: 'https://127.0.0.1:39153'}`nusers:`n- name: kind-kubelab`n  user: {token: t}`ncontexts:`n- name: kind-kubelab`n  context: {cluster: kind-kubelab, user: kind-kubelab, namespace: kube-system}" |
            Set-Content $config
        $samples['KubeConfig'].Object = Get-KubeConfig -Path $config
    }
    AfterAll { Remove-Item $viewDir -Recurse -Force }

    It '<View> shows every column and the whole name at 80 columns' -ForEach $views {
        $samples.Contains($View) | Should -BeTrue -Because "fixtures/ViewSamples.ps1 needs a realistic $View"
        $sample = $samples[$View]
        $lines = ($sample.Object | Format-Table -View $View | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() }
        $header = $lines[0]
        foreach ($label in $Headers) {
            $header | Should -Match "(^| )$([regex]::Escape($label))( |$)" -Because "the $label column must be visible, header whole"
        }
        ($lines -join "`n") | Should -Match "(^|\s)$([regex]::Escape($sample.Name))(\s|$)" -Because 'names users copy are never cut'
        $lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        # Only a file path in the last column may end cut (…); a name, a state or advice never is.
        $lines | Where-Object { $_.Contains([char]0x2026) -and $_ -notmatch '\s/\S*\u2026$' } | Should -BeNullOrEmpty
    }
}

Describe 'What changing cmdlets return, as README.md says' {
    BeforeDiscovery {
        Import-Module $env:KUBELAB_TEST_MODULE -Force
        # The three lists of README's "What each returns" paragraph.
        $always = 'Install-Kubectl', 'Install-Kustomize', 'Install-Minikube', 'Install-DockerCompose', 'Install-KubeLabTool', 'Update-KubeLabTool',
            'Install-Docker', 'Start-Minikube', 'Add-DockerGroupUser', 'Remove-DockerGroupUser', 'Install-KubeLab'
        $passThru = 'Use-KubeContext', 'Set-KubeContext', 'Rename-KubeContext', 'Remove-KubeContext', 'Remove-KubeCluster', 'Remove-KubeUser',
            'Uninstall-KubeLabTool', 'Stop-Minikube', 'Suspend-Minikube', 'Resume-Minikube', 'Enable-MinikubeAddon', 'Disable-MinikubeAddon'
        $nothing = 'Remove-Minikube', 'Uninstall-Docker', 'Uninstall-KubeLab'
        $changing = Get-Command -Module KubeLab | Where-Object { $_.Parameters.ContainsKey('WhatIf') } | ForEach-Object {
            @{ Command = $_.Name; Kind = if ($_.Name -in $always) { 'always' } elseif ($_.Name -in $passThru) { 'passthru' } elseif ($_.Name -in $nothing) { 'nothing' } else { 'unlisted' } }
        }
    }

    It '<Command> returns what README.md says (<Kind>)' -ForEach $changing {
        $Kind | Should -Not -Be 'unlisted' -Because 'README.md says what every changing cmdlet returns'
        $readme = Get-Content (Join-Path $PSScriptRoot '../README.md') -Raw
        $paragraph = [regex]::Match($readme, 'What each returns:[\s\S]*?-Examples').Value
        $noun = $Command.Substring($Command.IndexOf('-') + 1)
        $paragraph | Should -Match "(``$Command``|-$noun``|``$($Command.Split('-')[0])-``)" -Because "the paragraph names $Command"
        $command = Get-Command $Command
        $types = @($command.OutputType.Type | Where-Object { $_ -ne [void] })
        switch ($Kind) {
            'always' { $command.Parameters.ContainsKey('PassThru') | Should -BeFalse; $types | Should -Not -BeNullOrEmpty }
            'passthru' { $command.Parameters.ContainsKey('PassThru') | Should -BeTrue; $types | Should -Not -BeNullOrEmpty }
            'nothing' { $command.Parameters.ContainsKey('PassThru') | Should -BeFalse; $types | Should -BeNullOrEmpty }
        }
    }

    It 'a kubeconfig edit returns nothing without -PassThru and its object with it' {
        $dir = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kubelab-ret-$([guid]::NewGuid().ToString('N'))")
        try {
            $config = Join-Path $dir 'config'
            "apiVersion: v1`nkind: Config`ncurrent-context: a`ncontexts:`n- name: a`n  context: {cluster: c, user: u}`n- name: b`n  context: {cluster: c, user: u}" | Set-Content $config
            Use-KubeContext -Path $config b | Should -BeNullOrEmpty
            (Use-KubeContext -Path $config a -PassThru).Name | Should -Be 'a'
            Set-KubeContext -Path $config b -Namespace x | Should -BeNullOrEmpty
            (Rename-KubeContext -Path $config b c -PassThru).Name | Should -Be 'c'
            Remove-KubeContext -Path $config c -Confirm:$false | Should -BeNullOrEmpty
        }
        finally { Remove-Item $dir -Recurse -Force }
    }
}

Describe 'Help' {
    It '<_> has a synopsis, a description, examples and every parameter described' -ForEach $cmdlets {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$_ \["   # the auto-generated syntax stand-in means no MAML
        $help.description.Text | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterThan 0
        foreach ($parameter in $help.parameters.parameter) {
            $parameter.description.Text | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) of $_ needs a description"
        }
    }

    It '<_> declares what it returns, and its help names the same types' -ForEach $cmdlets {
        $declared = @((Get-Command $_).OutputType.Name)
        $declared | Should -Not -BeNullOrEmpty -Because "$_ needs [OutputType] (typeof(void) when it returns nothing)"
        $help = Get-Help $_ -Full
        @($help.returnValues.returnValue | ForEach-Object { $_.type.name }) | Sort-Object | Should -Be ($declared | Sort-Object)
    }

    It '<_> lists -WhatIf and -Confirm in its help syntax when it has them' -ForEach $cmdlets {
        $command = Get-Command $_
        $syntax = (Get-Help $_).syntax | Out-String -Width 500
        foreach ($switch in 'WhatIf', 'Confirm') {
            if ($command.Parameters.ContainsKey($switch)) { $syntax | Should -Match "\[-$switch\]" }
        }
    }

    It 'ships about_KubeLab in <Culture>, chosen by the UI culture, with the concepts and the cmdlet map' -ForEach @(
        @{ Culture = 'en-US'; Expect = 'chroot'; Heading = 'WHICH CMDLET DOES WHICH STEP' }
        @{ Culture = 'ko-KR'; Expect = 'chroot'; Heading = '각 단계를 맡는 cmdlet' }
    ) {
        $saved = [cultureinfo]::CurrentUICulture
        try {
            [cultureinfo]::CurrentUICulture = $Culture
            $text = Get-Help about_KubeLab | Out-String
        }
        finally { [cultureinfo]::CurrentUICulture = $saved }
        $text | Should -Match $Expect
        $text | Should -Match ([regex]::Escape($Heading))
        foreach ($cmdlet in 'Get-KubeContext', 'Install-KubeLabTool', 'Use-KubeContext') { $text | Should -Match $cmdlet }
    }

    It 'names only cmdlets that exist, and every exported cmdlet, in about_KubeLab (<Culture>)' -ForEach @(@{ Culture = 'en-US' }, @{ Culture = 'ko-KR' }) {
        $file = Join-Path (Split-Path $env:KUBELAB_TEST_MODULE) "$Culture/about_KubeLab.help.txt"
        $named = [regex]::Matches((Get-Content $file -Raw), '\b(?:Get|Set|Use|Rename|Remove|Install|Uninstall|Update|Add|Test|Start|Stop|Suspend|Resume|Enable|Disable|Invoke)-[A-Z][A-Za-z]+') |
            ForEach-Object Value | Sort-Object -Unique
        $exported = (Get-Module KubeLab).ExportedCmdlets.Keys
        $named | Where-Object { $_ -notin $exported -and $_ -ne 'Get-Help' } | Should -BeNullOrEmpty -Because 'the help must not promise a cmdlet that does not exist'
        $exported | Where-Object { $_ -notin $named } | Should -BeNullOrEmpty -Because 'the cmdlet map covers every cmdlet'
    }

    It 'has the kubeconfig rules in about_KubeLab_Kubeconfig and the tool rules in about_KubeLab_Tools' {
        (Get-Help about_KubeLab_Kubeconfig | Out-String) | Should -Match 'KUBECONFIG'
        (Get-Help about_KubeLab_Tools | Out-String) | Should -Match 'sha256'
    }
}

Describe 'Error ids' {
    BeforeAll {
        $script:mapping = [KubeLab.Infrastructure.ServiceFactory].Assembly.GetType('KubeLab.Infrastructure.ErrorMapping')
        $script:toRecord = $mapping.GetMethod('ToErrorRecord', [Reflection.BindingFlags]'Static,Public,NonPublic')
    }

    It 'maps every <Enum> value to a stable id with its category' -ForEach @(
        @{ Enum = 'KubeLab.Kubeconfig.KubeConfigErrorKind'; New = { param($v) [KubeLab.Kubeconfig.KubeConfigException]::new($v, 'message', '/tmp/file', $null, $null) } }
        @{ Enum = 'KubeLab.Tools.ToolInstallError'; New = { param($v) [KubeLab.Tools.ToolInstallException]::new($v, 'message', $null) } }
        @{ Enum = 'KubeLab.Docker.DockerErrorKind'; New = { param($v) [KubeLab.Docker.DockerException]::new($v, 'message', $null) } }
        @{ Enum = 'KubeLab.Minikube.MinikubeErrorKind'; New = { param($v) [KubeLab.Minikube.MinikubeException]::new($v, 'message', $null, $null) } }
    ) {
        $ids = foreach ($value in [Enum]::GetValues([type]$Enum)) {
            $record = $toRecord.Invoke($null, @((& $New $value), 'target'))
            $record.FullyQualifiedErrorId | Should -Match '^[A-Z][A-Za-z]+$' -Because "$value needs a PascalCase id"
            $record.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
            $record.FullyQualifiedErrorId
        }
        @($ids | Select-Object -Unique).Count | Should -BeGreaterThan 1
    }
}
