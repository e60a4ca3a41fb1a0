using System.Collections.Immutable;
using Moq;
using Pulumi.Testing;

namespace Infra.Stacks.Tests;

/// <summary>
/// Engine mocks for <c>Deployment.TestAsync</c>: a resource is created with its inputs as its
/// state; the lookups the stack makes (Vault login mount, Client VPN endpoint, GitLab users and
/// groups) answer with made-up ids; any other call returns its arguments.
/// </summary>
internal static class EngineMocks
{
    public static IMocks Create()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) => NewResource(args));
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .ReturnsAsync((MockCallArgs args) => Call(args));
        return mocks.Object;
    }

    private static (string? Id, object State) NewResource(MockResourceArgs args) => ($"{args.Name}-id", args.Inputs);

    private static ImmutableDictionary<string, object> Call(MockCallArgs args) => args.Token switch
    {
        "vault:index/getAuthBackend:getAuthBackend" => Result("accessor", "auth_oidc_0123abcd"),
        "aws:ec2clientvpn/getEndpoint:getEndpoint" => Result("clientVpnEndpointId", "cvpn-endpoint-0123456789abcdef0"),
        "gitlab:index/getUser:getUser" => Result("userId", Math.Abs(StableHash((string)args.Args["username"]))),
        "gitlab:index/getGroup:getGroup" => Result("groupId", Math.Abs(StableHash((string)args.Args["fullPath"]))),
        _ => args.Args,
    };

    private static ImmutableDictionary<string, object> Result(string key, object value) =>
        ImmutableDictionary<string, object>.Empty.Add(key, value);

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)) % 1_000_000;
}
