using System.Collections.Immutable;
using Moq;
using Pulumi.Testing;

namespace Infra.Components.Tests;

/// <summary>
/// Engine mocks for the fleet tests: every resource is created with its inputs as its state, plus
/// the computed outputs the fleet reads (an ARN, a name, the launch template's latest version),
/// and each resource's type, name and inputs are recorded.
/// </summary>
internal sealed class FleetMocks
{
    private readonly List<MockResourceArgs> created = [];

    public FleetMocks()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) => NewResource(args));
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .ReturnsAsync((MockCallArgs args) => (object)args.Args);
        Engine = mocks.Object;
    }

    public IMocks Engine { get; }

    public List<MockResourceArgs> Created
    {
        get
        {
            lock (created)
            {
                return [.. created];
            }
        }
    }

    public List<MockResourceArgs> OfType(string type) => [.. Created.Where(r => r.Type == type)];

    public MockResourceArgs Single(string type, string name) => Assert.Single(Created, r => r.Type == type && r.Name == name);

    /// <summary>Resources other than providers and components: the cloud and Consul resources the program declared.</summary>
    public List<MockResourceArgs> Declared => [.. Created.Where(r => r.Type?.StartsWith("pulumi:providers:", StringComparison.Ordinal) == false && !r.Type.StartsWith("infra:", StringComparison.Ordinal))];

    private (string? Id, object State) NewResource(MockResourceArgs args)
    {
        lock (created)
        {
            created.Add(args);
        }
        var state = args.Inputs
            .SetItem("arn", $"arn:aws:mock:eu-west-3:111122223333:{args.Name}")
            .SetItem("name", args.Inputs.TryGetValue("name", out var name) ? name : args.Name ?? "")
            .SetItem("latestVersion", 1);
        return ($"{args.Name}-id", (object)state);
    }
}
