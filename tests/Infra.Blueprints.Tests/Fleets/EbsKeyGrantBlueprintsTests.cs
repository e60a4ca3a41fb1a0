using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;

namespace Infra.Blueprints.Tests.Fleets;

/// <summary>Auto Scaling holds a grant on every key a fleet's root volume is encrypted with, and on no other.</summary>
public sealed class EbsKeyGrantBlueprintsTests
{
    private static readonly StackDefinition Production = RepositoryDefinitions.Load("production");

    [Fact]
    public void The_autoscaling_service_linked_role_of_the_stacks_account_gets_what_aws_documents_for_encrypted_volumes()
    {
        var grants = EbsKeyGrantBlueprints.For(Production, FleetBlueprints.For(Production));

        Assert.NotEmpty(grants);
        Assert.All(grants, grant =>
        {
            Assert.Equal("arn:aws:iam::444455556666:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling", grant.GranteePrincipal);
            Assert.Equal(
                ["Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey", "CreateGrant"],
                grant.Operations);
        });
    }

    [Fact]
    public void The_grant_is_on_the_key_the_launch_templates_use_in_their_region_in_both_regions_where_fleets_run()
    {
        var fleets = FleetBlueprints.For(Production);

        var grants = EbsKeyGrantBlueprints.For(Production, fleets);

        Assert.Equal(
            [("eu-west-1", "alias/infra-production", "ebs-key-grant-eu-west-1"), ("eu-west-3", "alias/infra-production", "ebs-key-grant-eu-west-3")],
            grants.Select(g => (g.Region, g.KeyAlias, g.Name)));
        Assert.All(fleets, f => Assert.Contains(grants, g => (g.Region, g.KeyAlias) == (f.Region, f.LaunchTemplate.RootVolume.KmsKeyAlias)));
    }

    [Fact]
    public void One_grant_per_region_and_key_that_launches_fleets_however_many_fleets_it_has()
    {
        var fleets = FleetBlueprints.For(Production).Where(f => f.Region == "eu-west-3").ToList();
        var dublin = fleets[0] with
        {
            Region = "eu-west-1",
            LaunchTemplate = fleets[0].LaunchTemplate with { RootVolume = fleets[0].LaunchTemplate.RootVolume with { KmsKeyAlias = "alias/infra-production-dub" } },
        };

        var grants = EbsKeyGrantBlueprints.For(Production, [.. fleets, dublin, dublin with { Name = "another" }]);

        Assert.True(fleets.Count > 1);
        Assert.Equal([("eu-west-1", "alias/infra-production-dub"), ("eu-west-3", "alias/infra-production")], grants.Select(g => (g.Region, g.KeyAlias)));
    }

    [Fact]
    public void A_stack_without_fleets_grants_nothing()
    {
        Assert.Empty(EbsKeyGrantBlueprints.For(Production, []));
    }
}
