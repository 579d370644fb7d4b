BeforeAll {
    Import-Module $env:KUBELAB_TEST_MODULE -Force
    $manifest = Import-PowerShellDataFile $env:KUBELAB_TEST_MODULE
}

Describe 'KubeLab module' {
    It 'exports exactly the cmdlets the manifest lists' {
        $exported = (Get-Module KubeLab).ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'loads its third-party libraries privately, not into the default load context' {
        $yaml = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'YamlDotNet' }
        $yaml | Should -Not -BeNullOrEmpty
        foreach ($assembly in $yaml) {
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).GetType().Name | Should -Be 'PrivateLoadContext'
        }
    }

    It 'keeps third-party dlls out of the module root' {
        $root = Split-Path $env:KUBELAB_TEST_MODULE
        (Get-ChildItem $root -Filter *.dll).Name | Should -Be @('KubeLab.dll')
        Test-Path (Join-Path $root 'dependencies/YamlDotNet.dll') | Should -BeTrue
    }
}
