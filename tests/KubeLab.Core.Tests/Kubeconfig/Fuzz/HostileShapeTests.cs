using Xunit;

namespace KubeLab.Tests.Kubeconfig.Fuzz;

/// <summary>Each hostile shape against kubectl: the same accept or reject, and KubeLab's error in kubectl's words.</summary>
[Collection(KubectlCollection.Name)]
public sealed class HostileShapeTests
{
    public static IEnumerable<object[]> Shapes => HostileShapes.All.Select(s => new object[] { s.Name });

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task KubeLabRefusesWhatKubectlRefusesInItsWords(string name)
    {
        var shape = HostileShapes.Get(name);
        using var harness = new FuzzHarness();
        var outcome = (await harness.RunAsync(new[] { FuzzCase.Single(name, shape.Bytes) }, compareEdits: true)).Single();
        Assert.True(outcome.Failure == null, outcome.Failure);
        if (shape.KubectlSays == null)
        {
            Assert.True(outcome.KubectlAccepted, $"kubectl no longer reads this shape: {outcome.KubectlSays}");
            return;
        }

        Assert.Contains(shape.KubectlSays, outcome.KubectlSays);
        Assert.Contains(shape.KubeLabSays!, outcome.KubeLabMessage);
    }
}
