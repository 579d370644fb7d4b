using KubeLab.Kubeconfig;
using Xunit;

namespace KubeLab.Tests.Kubeconfig;

public sealed class KubeConfigLocationTests : IDisposable
{
    private readonly TempKubeDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ExplicitFileIsTheWholePrecedenceAndTheDefault()
    {
        var location = KubeConfigLocation.Resolve(_dir.PathOf("x.yaml"), _dir.PathOf("a") + ":" + _dir.PathOf("b"), _dir.Root, ':');
        Assert.Equal(_dir.PathOf("x.yaml"), location.ExplicitFile);
        Assert.Equal(new[] { _dir.PathOf("x.yaml") }, location.Precedence);
        Assert.Equal(_dir.PathOf("x.yaml"), location.DefaultFile);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void WithoutKubeconfigVariableTheHomeFileIsUsed(string? variable)
    {
        var location = KubeConfigLocation.Resolve(null, variable, _dir.Root, ':');
        var home = Path.Combine(_dir.Root, ".kube", "config");
        Assert.Null(location.ExplicitFile);
        Assert.Equal(new[] { home }, location.Precedence);
        Assert.Equal(home, location.DefaultFile);
    }

    [Fact]
    public void ChainIsSplitDedupedAndSkipsEmptyEntries()
    {
        var a = _dir.PathOf("a");
        var b = _dir.PathOf("b");
        var location = KubeConfigLocation.Resolve(null, $"{a}::{b}:{a}:{_dir.Root}/./b:", _dir.Root, ':');
        Assert.Equal(new[] { a, b }, location.Precedence);
    }

    [Fact]
    public void TheListSeparatorIsTheOneGiven()
    {
        var location = KubeConfigLocation.Resolve(null, _dir.PathOf("a") + ";" + _dir.PathOf("b"), _dir.Root, ';');
        Assert.Equal(new[] { _dir.PathOf("a"), _dir.PathOf("b") }, location.Precedence);
    }

    [Fact]
    public void DefaultFileIsTheSingleEntryEvenWhenMissing()
    {
        var location = KubeConfigLocation.Resolve(null, _dir.PathOf("only"), _dir.Root, ':');
        Assert.Equal(_dir.PathOf("only"), location.DefaultFile);
    }

    [Fact]
    public void DefaultFileIsTheFirstExistingChainFileElseTheLast()
    {
        var chain = string.Join(":", _dir.PathOf("a"), _dir.PathOf("b"), _dir.PathOf("c"));
        var location = KubeConfigLocation.Resolve(null, chain, _dir.Root, ':');
        Assert.Equal(_dir.PathOf("c"), location.DefaultFile);

        _dir.Write("b", "");
        Assert.Equal(_dir.PathOf("b"), location.DefaultFile);
    }

    [Fact]
    public void RelativeEntriesAreMadeAbsolute()
    {
        var location = KubeConfigLocation.Resolve(null, "rel/config", _dir.Root, ':');
        Assert.Equal(Path.GetFullPath("rel/config"), location.Precedence[0]);
    }
}
