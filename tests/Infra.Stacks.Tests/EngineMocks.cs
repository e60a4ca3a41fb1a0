using Moq;
using Pulumi.Testing;

namespace Infra.Stacks.Tests;

/// <summary>
/// Engine mocks for <c>Deployment.TestAsync</c>: a resource is created with its inputs as its
/// state, and a provider call returns its arguments.
/// </summary>
internal static class EngineMocks
{
    public static IMocks Create()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) => NewResource(args));
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .ReturnsAsync((MockCallArgs args) => (object)args.Args);
        return mocks.Object;
    }

    private static (string? Id, object State) NewResource(MockResourceArgs args) => ($"{args.Name}-id", args.Inputs);
}
