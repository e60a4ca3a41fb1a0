using System.Collections.Concurrent;

namespace Infra.Stacks.Tests.Support;

/// <summary>
/// Each repository stack deployed once on the mocks for all the tests that read it: a deployment is
/// deterministic and takes about a second, so the policy, plan and snapshot tests share it.
/// </summary>
public sealed class DeployedStacks
{
    private readonly ConcurrentDictionary<string, Lazy<Task<MockedDeployment>>> deployments = new(StringComparer.Ordinal);

    public Task<MockedDeployment> Of(string stackName) =>
        deployments.GetOrAdd(stackName, name => new Lazy<Task<MockedDeployment>>(() => MockedDeployment.DeployAsync(name))).Value;
}
