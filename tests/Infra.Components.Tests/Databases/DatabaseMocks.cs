using System.Collections.Immutable;
using Moq;
using Pulumi.Testing;

namespace Infra.Components.Tests.Databases;

/// <summary>
/// Engine mocks for the database tests: every resource gets its inputs as its state, plus the
/// computed outputs the component reads (ARN, name, endpoints, the RDS-managed master secret).
/// </summary>
internal sealed class DatabaseMocks
{
    private readonly List<MockResourceArgs> created = [];

    public DatabaseMocks()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) => NewResource(args));
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .ReturnsAsync((MockCallArgs args) => (object)args.Args);
        Engine = mocks.Object;
    }

    public IMocks Engine { get; }

    public List<MockResourceArgs> OfType(string type)
    {
        lock (created)
        {
            return [.. created.Where(r => r.Type == type)];
        }
    }

    public MockResourceArgs Single(string type, string name) => Assert.Single(OfType(type), r => r.Name == name);

    public static string Endpoint(string clusterResourceName) => $"{clusterResourceName}.cluster-abc.rds.amazonaws.com";

    private (string? Id, object State) NewResource(MockResourceArgs args)
    {
        lock (created)
        {
            created.Add(args);
        }
        var state = args.Inputs
            .SetItem("arn", $"arn:aws:mock::111122223333:{args.Name}")
            .SetItem("name", args.Inputs.TryGetValue("name", out var name) ? name : args.Name ?? "")
            .SetItem("endpoint", Endpoint(args.Name ?? ""))
            .SetItem("readerEndpoint", $"{args.Name}.cluster-ro-abc.rds.amazonaws.com")
            .SetItem("masterUserSecrets", ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty
                .Add("secretArn", $"arn:aws:secretsmanager:eu-west-3:111122223333:secret:rds!{args.Name}")));
        return ($"{args.Name}-id", (object)state);
    }
}
