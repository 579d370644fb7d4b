using Xunit;

namespace KubeLab.Tests.Kubeconfig;

/// <summary>
/// The suites that run many kubectl processes take turns: run side by side on two cores they starve each other, and
/// the concurrency test's loops need a fair share of the CPU to overlap as intended.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KubectlCollection
{
    public const string Name = "kubectl-heavy";
}
