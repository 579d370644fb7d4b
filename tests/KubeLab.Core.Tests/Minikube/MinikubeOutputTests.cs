using KubeLab.Minikube;
using Xunit;

namespace KubeLab.Tests.Minikube;

/// <summary>The parsers on the shapes of upstream-facts.md section 5 and minikube's source (status.go, addons_list.go, profile_list.go, out/register).</summary>
public sealed class MinikubeOutputTests
{
    private const string OneNode = """{"Name":"minikube","Host":"Running","Kubelet":"Running","APIServer":"Running","Kubeconfig":"Configured","Worker":false}""";

    private const string TwoNodes = """[{"Name":"lab","Host":"Running","Kubelet":"Running","APIServer":"Running","Kubeconfig":"Configured","Worker":false,"TimeToStop":"9m59s","DockerEnv":"in-use"},{"Name":"lab-m02","Host":"Running","Kubelet":"Running","APIServer":"Irrelevant","Kubeconfig":"Irrelevant","Worker":true}]""";

    [Fact]
    public void OneNodeIsAnObject()
    {
        var status = Assert.Single(MinikubeOutput.ParseStatus(OneNode + "\n", 0, "minikube"));
        Assert.Equal(("minikube", "minikube", "Running", "Running", "Running", "Configured", false), (status.Profile, status.Node, status.Host, status.Kubelet, status.APIServer, status.Kubeconfig, status.Worker));
        Assert.True(status.Healthy);
        Assert.False(status.HostNotRunning || status.KubernetesNotRunning || status.KubeconfigNotConfigured);
        Assert.Null(status.TimeToStop);
    }

    [Fact]
    public void SeveralNodesAreAnArrayAndWorkersAreIrrelevantToTheApiServer()
    {
        var statuses = MinikubeOutput.ParseStatus(TwoNodes, 0, "lab");
        Assert.Equal(new[] { "lab", "lab-m02" }, statuses.Select(s => s.Node));
        Assert.True(statuses[1].Worker);
        Assert.Equal("Irrelevant", statuses[1].APIServer);
        Assert.Equal(0, statuses[1].NodeExitCode);
        Assert.Equal("9m59s", statuses[0].TimeToStop);
        Assert.Equal("in-use", statuses[0].DockerEnv);
        Assert.All(statuses, s => Assert.Equal("lab", s.Profile));
    }

    [Fact]
    public void PausedIsBitTwo()
    {
        var status = Assert.Single(MinikubeOutput.ParseStatus("""{"Name":"minikube","Host":"Running","Kubelet":"Stopped","APIServer":"Paused","Kubeconfig":"Configured","Worker":false}""", 2, "minikube"));
        Assert.Equal(2, status.ExitCode);
        Assert.True(status.KubernetesNotRunning);
        Assert.False(status.HostNotRunning);
        Assert.False(status.KubeconfigNotConfigured);
        Assert.False(status.Healthy);
        Assert.Equal(2, status.NodeExitCode);
    }

    [Fact]
    public void StoppedIsSevenAndTheKubeconfigCopiesTheHostState()
    {
        var status = Assert.Single(MinikubeOutput.ParseStatus("""{"Name":"minikube","Host":"Stopped","Kubelet":"Stopped","APIServer":"Stopped","Kubeconfig":"Stopped","Worker":false}""", 7, "minikube"));
        Assert.True(status.HostNotRunning && status.KubernetesNotRunning && status.KubeconfigNotConfigured);
        Assert.Equal(7, status.NodeExitCode);
    }

    [Fact]
    public void TheBitmaskIsOredOverNodesSoEveryNodeCarriesIt()
    {
        const string mixed = """[{"Name":"lab","Host":"Running","Kubelet":"Running","APIServer":"Running","Kubeconfig":"Configured","Worker":false},{"Name":"lab-m02","Host":"Stopped","Kubelet":"Stopped","APIServer":"Irrelevant","Kubeconfig":"Irrelevant","Worker":true}]""";
        var statuses = MinikubeOutput.ParseStatus(mixed, 3, "lab");
        Assert.All(statuses, s => Assert.Equal(3, s.ExitCode));
        Assert.Equal(0, statuses[0].NodeExitCode);
        Assert.Equal(3, statuses[1].NodeExitCode);
    }

    [Fact]
    public void NoStatusesAtAllIsAnEmptyList() => Assert.Empty(MinikubeOutput.ParseStatus("", 7, "minikube"));

    [Fact]
    public void EventsAroundTheDocumentAreSkipped()
    {
        var output = Event("warning", """{"message":"something"}""") + "\n" + OneNode + "\n";
        Assert.Single(MinikubeOutput.ParseStatus(output, 0, "minikube"));
    }

    [Fact]
    public void AddonsMapWithAndWithoutProfile()
    {
        var addons = MinikubeOutput.ParseAddons("""{"dashboard":{"Profile":"minikube","Status":"disabled"},"metrics-server":{"Profile":"minikube","Status":"enabled","Maintainer":"Kubernetes","Docs":""}}""");
        Assert.Equal(new[] { ("dashboard", false, "minikube"), ("metrics-server", true, "minikube") }, addons.Select(a => (a.Name, a.Enabled, a.Profile!)));
        Assert.Equal("Kubernetes", addons[1].Maintainer);
        Assert.Null(addons[1].Docs); // an empty string is no link

        var none = MinikubeOutput.ParseAddons("""{"dashboard":{},"ingress":{}}""");
        Assert.All(none, a => Assert.Null(a.Profile));
        Assert.All(none, a => Assert.False(a.Enabled));
    }

    [Fact]
    public void ProfileListWithValidAndInvalidProfiles()
    {
        const string list = """{"invalid":[{"Name":"broken","Status":"","Config":null,"Active":false,"ActiveKubeContext":false}],"valid":[{"Name":"minikube","Status":"OK","Config":{"Name":"minikube","Driver":"docker","CPUs":2,"Memory":3072,"DiskSize":20000,"KeepContext":false,"Addons":{"storage-provisioner":true},"KubernetesConfig":{"KubernetesVersion":"v1.33.1","ContainerRuntime":"containerd","Namespace":"default"},"Nodes":[{"Name":"","IP":"192.168.49.2","Port":8443,"KubernetesVersion":"v1.33.1","ContainerRuntime":"containerd","ControlPlane":true,"Worker":true},{"Name":"m02","IP":"192.168.49.3","Port":8443,"KubernetesVersion":"v1.33.1","ContainerRuntime":"containerd","ControlPlane":false,"Worker":true}]},"Active":true,"ActiveKubeContext":true},{"Name":"lab","Status":"Stopped","Config":{"Name":"lab","Driver":"kvm2","Nodes":[{"Name":"","KubernetesVersion":"v1.32.0"}],"KubernetesConfig":{"KubernetesVersion":"v1.32.0"}},"Active":false,"ActiveKubeContext":false}]}""";
        var profiles = MinikubeOutput.ParseProfiles(list);
        Assert.Equal(new[] { "minikube", "lab", "broken" }, profiles.Select(p => p.Name));
        var first = profiles[0];
        Assert.Equal(("OK", "docker", "v1.33.1", "containerd", 2, true, true, true), (first.Status, first.Driver!, first.KubernetesVersion!, first.ContainerRuntime!, first.Nodes, first.Active, first.ActiveKubeContext, first.Valid));
        Assert.Equal(2, first.Cpus);
        Assert.Equal(3072, first.Memory);
        Assert.Equal(("Stopped", "kvm2", 1, false), (profiles[1].Status, profiles[1].Driver!, profiles[1].Nodes, profiles[1].Active));
        Assert.Equal(("Invalid", false, null, 0), (profiles[2].Status, profiles[2].Valid, profiles[2].Driver, profiles[2].Nodes));
    }

    [Fact]
    public void EmptyProfileListAndItsLoadError()
    {
        Assert.Empty(MinikubeOutput.ParseProfiles("""{"invalid":[],"valid":[]}"""));
        Assert.Equal("profiles dir is unreadable", MinikubeOutput.ProfileListError("""{"error":"profiles dir is unreadable"}"""));
        Assert.Null(MinikubeOutput.ProfileListError("""{"invalid":[],"valid":[]}"""));
    }

    [Fact]
    public void StreamOfStepInfoWarningDownloadAndErrorEvents()
    {
        var stream = string.Join("\n",
            Event("step", """{"currentstep":"0","message":"minikube v1.38.1 on Ubuntu 24.04","name":"Initial Minikube Setup","totalsteps":"19"}"""),
            "I1125 12:00:00.000000    1234 out.go:345] a klog line, not an event",
            Event("info", """{"message":"Using Docker driver with root privileges"}"""),
            Event("download", """{"artifact":"preload","currentstep":"2","totalsteps":"19"}"""),
            Event("download.progress", """{"artifact":"preload","currentstep":"2","progress":"0.5","totalsteps":"19"}"""),
            Event("warning", """{"message":"The default container runtime will change"}"""),
            Event("error", """{"advice":"fix me!","exitcode":"4","issues":"https://github.com/kubernetes/minikube/issues/1,https://github.com/kubernetes/minikube/issues/2","message":"my error","name":"BUG","url":"url"}"""),
            "");
        var events = MinikubeEvent.ParseAll(stream);
        Assert.Equal(new[] { MinikubeEventKind.Step, MinikubeEventKind.Info, MinikubeEventKind.Download, MinikubeEventKind.DownloadProgress, MinikubeEventKind.Warning, MinikubeEventKind.Error }, events.Select(e => e.Kind));
        Assert.Equal((0, 19, "Initial Minikube Setup"), (events[0].CurrentStep!.Value, events[0].TotalSteps!.Value, events[0].Name!));
        Assert.Equal("0.5", events[3].Get("progress"));
        Assert.Equal(4, events[5].ExitCode);
        Assert.Equal("BUG", events[5].Name);
        Assert.Equal("fix me!", events[5].Get("advice"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"specversion":"1.0","type":"com.example.other","data":{}}""")]
    [InlineData("""{"specversion":"1.0","type":"io.k8s.sigs.minikube.step","data":""")]
    public void OtherLinesAreNotEvents(string line) => Assert.Null(MinikubeEvent.TryParse(line));

    [Fact]
    public void HostileNestingIsRejectedBeforeTheParser()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var error = Assert.Throws<MinikubeException>(() => MinikubeOutput.ParseStatus(deep, 0, "minikube"));
        Assert.Equal(MinikubeErrorKind.InvalidOutput, error.Kind);
        Assert.Contains("nests deeper", error.Message);
    }

    [Fact]
    public void BadJsonIsInvalidOutput()
    {
        var error = Assert.Throws<MinikubeException>(() => MinikubeOutput.ParseAddons("{\"a\": [1, 2"));
        Assert.Equal(MinikubeErrorKind.InvalidOutput, error.Kind);
    }

    internal static string Event(string type, string data) =>
        $$"""{"data":{{data}},"datacontenttype":"application/json","id":"{{Guid.NewGuid()}}","source":"https://minikube.sigs.k8s.io/","specversion":"1.0","type":"io.k8s.sigs.minikube.{{type}}"}""";
}
