namespace Infra.Stacks.Tests.Support;

/// <summary>The test classes that share <see cref="DeployedStacks"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedDeployments : ICollectionFixture<DeployedStacks>
{
    public const string Name = "stacks deployed once on the mocks";
}
