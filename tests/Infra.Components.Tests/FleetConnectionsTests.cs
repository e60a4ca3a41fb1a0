using Pulumi;
using Pulumi.Testing;

namespace Infra.Components.Tests;

/// <summary>Rules between fleets reference the peer fleet's security group, in both directions.</summary>
public sealed class FleetConnectionsTests
{
    [Fact]
    public async Task A_call_opens_the_callers_egress_and_the_callees_ingress()
    {
        var mocks = new FleetMocks();
        await Deployment.TestAsync<AllFleetsProgram>(mocks.Engine, new TestOptions { IsPreview = false });

        var egress = mocks.Single("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "payments-api-out-to-ledger-8443").Inputs;
        Assert.Equal("payments-api-sg-id", egress["securityGroupId"]);
        Assert.Equal("ledger-sg-id", egress["referencedSecurityGroupId"]);
        var ingress = mocks.Single("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ledger-in-from-payments-api-8443").Inputs;
        Assert.Equal("ledger-sg-id", ingress["securityGroupId"]);
        Assert.Equal("payments-api-sg-id", ingress["referencedSecurityGroupId"]);
        Assert.Equal(8443.0, ingress["fromPort"]);
    }
}
