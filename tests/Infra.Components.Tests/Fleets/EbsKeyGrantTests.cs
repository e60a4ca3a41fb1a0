using System.Collections.Immutable;
using Infra.Components.Fleets;
using Infra.Components.Tests.Support;
using Pulumi;
using Pulumi.Testing;
using static Infra.Components.Tests.InputTree;

namespace Infra.Components.Tests.Fleets;

/// <summary>The grant names the key behind the region's alias, which is looked up in that region.</summary>
public sealed class EbsKeyGrantTests
{
    private const string GetAlias = "aws:kms/getAlias:getAlias";

    private const string KeyArn = "arn:aws:kms:eu-west-3:111122223333:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";

    private static RecordingMocks AccountWithTheKey() => new RecordingMocks()
        .Answer(GetAlias, call => ImmutableDictionary<string, object>.Empty
            .Add("name", call.Args["name"]).Add("targetKeyArn", KeyArn).Add("targetKeyId", "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"));

    [Fact]
    public async Task The_grant_is_on_the_key_the_alias_names_in_its_region_for_the_autoscaling_role()
    {
        var mocks = AccountWithTheKey();
        var resources = await Deployment.TestAsync<EbsKeyGrantProgram>(mocks, new TestOptions { IsPreview = false });
        var stack = resources.OfType<EbsKeyGrantProgram>().Single();

        var lookup = Assert.Single(mocks.Calls, c => c.Token == GetAlias);
        var grant = Assert.Single(mocks.Declared);

        Assert.Equal(("alias/infra-staging", "aws-eu-west-3-id"), (lookup.Args["name"], RecordingMocks.ProviderId(lookup.Provider)));
        Assert.Equal(("aws:kms/grant:Grant", "aws-eu-west-3-id"), (grant.Type, RecordingMocks.ProviderId(grant.Provider)));
        Assert.Equal(KeyArn, grant.Inputs["keyId"]);
        Assert.Equal(stack.Blueprint.GranteePrincipal, grant.Inputs["granteePrincipal"]);
        Assert.Equal(stack.Blueprint.Operations, List(grant.Inputs["operations"]).Cast<string>());
        Assert.Equal(("ebs-key-grant-eu-west-3", true), (grant.Inputs["name"], grant.Inputs["retireOnDelete"]));
    }

    [Fact]
    public async Task An_alias_that_does_not_exist_fails_the_deployment_before_any_grant()
    {
        var mocks = new RecordingMocks().Answer(GetAlias, _ => throw new InvalidOperationException("Error: finding KMS Alias (alias/infra-staging): not found"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deployment.TestAsync<EbsKeyGrantProgram>(mocks, new TestOptions { IsPreview = false }));

        Assert.Contains("alias/infra-staging", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(mocks.OfType("aws:kms/grant:Grant"));
    }

    [Fact]
    public async Task A_grant_without_a_provider_is_refused()
    {
        var blueprint = EbsKeyGrantProgram.Paris();

        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
            _ = new EbsKeyGrant(blueprint.Name, new EbsKeyGrantArgs { Blueprint = blueprint, Aws = null! }));

        Assert.StartsWith("[Aws] is required", error.Message, StringComparison.Ordinal);
    }
}
