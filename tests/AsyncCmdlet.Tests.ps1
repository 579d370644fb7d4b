# The async cmdlet base, through small cmdlets compiled against the built KubeLab.dll: writes from pool threads
# arrive in order on the pipeline, and a body that reaches for the cmdlet's own Write* does not compile.

BeforeAll {
    Import-Module $env:KUBELAB_TEST_MODULE -Force
    $script:kubelabDll = Join-Path (Split-Path $env:KUBELAB_TEST_MODULE) 'KubeLab.dll'
    $script:references = @($kubelabDll, [System.Management.Automation.PSObject].Assembly.Location, 'System.Threading', 'System.Threading.Thread', 'System.Threading.Tasks', 'System.Runtime', 'netstandard')

    Add-Type -ReferencedAssemblies $references -IgnoreWarnings -WarningAction SilentlyContinue -TypeDefinition @'
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Infrastructure;

[Cmdlet(VerbsDiagnostic.Test, "KubeLabAsyncBody", SupportsShouldProcess = true)]
public sealed class TestKubeLabAsyncBodyCommand : AsyncPSCmdlet
{
    [Parameter] public int Count { get; set; } = 50;
    [Parameter] public int DelayMilliseconds { get; set; }

    [Parameter] public SwitchParameter ReportThreads { get; set; }

    protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
    {
        if (ReportThreads)
        {
            // Before the first await the body is on the pipeline thread; after a real await it is on the pool.
            pipeline.WriteObject("start " + Thread.CurrentThread.ManagedThreadId);
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            pipeline.WriteObject("after " + Thread.CurrentThread.ManagedThreadId);
            return;
        }

        for (var i = 0; i < Count; i++)
        {
            await Task.Delay(DelayMilliseconds, cancellationToken).ConfigureAwait(false);
            if (pipeline.ShouldProcess("item " + i, "Write"))
            {
                pipeline.WriteObject(i);
            }
        }
    }
}
'@
}

Describe 'AsyncPSCmdlet' {
    It 'carries writes and ShouldProcess from pool threads to the pipeline, in order' {
        Import-Module ([TestKubeLabAsyncBodyCommand].Assembly) -Force
        $out = Test-KubeLabAsyncBody -Count 50 -DelayMilliseconds 1
        $out | Should -Be (0..49)
    }

    It 'starts the body on the pipeline thread, and continues on the pool after an await' {
        Import-Module ([TestKubeLabAsyncBodyCommand].Assembly) -Force
        $pipelineThread = [Threading.Thread]::CurrentThread.ManagedThreadId
        $start, $after = Test-KubeLabAsyncBody -ReportThreads
        $start | Should -Be "start $pipelineThread"
        $after | Should -Not -Be "after $pipelineThread"
    }

    It 'honours -WhatIf asked from a pool thread' {
        Import-Module ([TestKubeLabAsyncBodyCommand].Assembly) -Force
        Test-KubeLabAsyncBody -Count 3 -DelayMilliseconds 1 -WhatIf | Should -BeNullOrEmpty
    }

    It 'stops the body when a downstream Select-Object has enough' {
        Import-Module ([TestKubeLabAsyncBodyCommand].Assembly) -Force
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Test-KubeLabAsyncBody -Count 1000 -DelayMilliseconds 20 | Select-Object -First 2 | Should -Be @(0, 1)
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It 'does not compile a body that calls the cmdlet''s own <Member>' -ForEach @(
        @{ Member = 'WriteObject'; Call = 'WriteObject(1);' }
        @{ Member = 'WriteVerbose'; Call = 'WriteVerbose("x");' }
        @{ Member = 'WriteInformation'; Call = 'WriteInformation("x", new string[0]);' }
        @{ Member = 'ShouldProcess'; Call = 'ShouldProcess("x");' }
        @{ Member = 'SessionState'; Call = 'var s = SessionState;' }
        @{ Member = 'GetUnresolvedProviderPathFromPSPath'; Call = 'GetUnresolvedProviderPathFromPSPath("x");' }
    ) {
        $source = @"
using System.Threading;
using System.Threading.Tasks;
using KubeLab.Infrastructure;
public sealed class Misuse$Member : AsyncPSCmdlet
{
    protected override async Task ProcessRecordAsync(CmdletPipeline pipeline, CancellationToken cancellationToken)
    {
        await Task.Yield();
        $Call
    }
}
"@
        $Error.Clear()
        $err = { Add-Type -ReferencedAssemblies $references -IgnoreWarnings -WarningAction SilentlyContinue -TypeDefinition $source -ErrorAction Stop } | Should -Throw -PassThru
        ($Error | ForEach-Object { $_.Exception.Message }) -join ' ' | Should -Match "CS0619: 'AsyncPSCmdlet\.$Member"
    }
}
