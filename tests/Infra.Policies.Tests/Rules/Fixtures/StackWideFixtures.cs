using Infra.Policies.Model;
using Infra.Policies.Rules.StackWide;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the StackWide rules: rules judged across the whole stack.</summary>
internal static class StackWideFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["secrets provider: the stack's KMS key passes"] = new(StateSecretsProviderRule.Code, false, Production, [StackResource()],
            SecretsProvider: new StateSecretsProvider("cloud", "awskms://alias/infra-pulumi-production?region=eu-west-3")),
        ["secrets provider: a preview, which does not name one, passes"] = new(StateSecretsProviderRule.Code, false, Production, [StackResource()]),
        ["secrets provider: a passphrase fails"] = new(StateSecretsProviderRule.Code, true, Production, [StackResource()], "'passphrase'",
            SecretsProvider: new StateSecretsProvider("passphrase", null)),
        ["secrets provider: another cloud's key fails"] = new(StateSecretsProviderRule.Code, true, Staging, [StackResource("staging")], "gcpkms://",
            SecretsProvider: new StateSecretsProvider("cloud", "gcpkms://projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k")),
        ["fleet: three subnets in three zones pass"] = new(FleetSpansZonesRule.Code, false, Production,
        [
            Resource(Asg, "ledger", """{"vpcZoneIdentifiers":["subnet-09bfc03886b6e9cf9","subnet-0f3fd0b32de83116e"],"minSize":3,"maxSize":9}"""),
            Resource(Subnet, "a", """{"availabilityZone":"eu-west-3a"}""", id: "subnet-09bfc03886b6e9cf9"),
            Resource(Subnet, "b", """{"availabilityZone":"eu-west-3b"}""", id: "subnet-0f3fd0b32de83116e"),
        ]),
        ["fleet: one subnet fails"] = new(FleetSpansZonesRule.Code, true, Production,
            [Resource(Asg, "ledger", """{"vpcZoneIdentifiers":["subnet-09bfc03886b6e9cf9"],"minSize":3,"maxSize":9}""")], "1 zone"),
        ["fleet: two subnets of the same zone fail"] = new(FleetSpansZonesRule.Code, true, Production,
        [
            Resource(Asg, "ledger", """{"vpcZoneIdentifiers":["subnet-1","subnet-2"]}"""),
            Resource(Subnet, "a1", """{"availabilityZone":"eu-west-3a"}""", id: "subnet-1"),
            Resource(Subnet, "a2", """{"availabilityZone":"eu-west-3a"}""", id: "subnet-2"),
        ], "eu-west-3a"),
        ["secondary region: global cluster across Paris and Ireland passes"] = new(ProductionDatabaseSecondaryRegionRule.Code, false, Production, SecondaryRegion(secondaryRegion: "eu-west-1")),
        ["secondary region: staging cluster without global cluster passes"] = new(ProductionDatabaseSecondaryRegionRule.Code, false, Staging,
            [Resource(Cluster, "ledger-db", """{"engine":"aurora-postgresql"}""", stack: "staging")]),
        ["secondary region: both clusters in Paris fail"] = new(ProductionDatabaseSecondaryRegionRule.Code, true, Production, SecondaryRegion(secondaryRegion: "eu-west-3"), "eu-west-3 only"),
        ["secondary region: production cluster alone fails"] = new(ProductionDatabaseSecondaryRegionRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"engine":"aurora-postgresql"}""")], "not part of a global cluster"),
        ["components: resource inside a component passes"] = new(NoUnmanagedResourcesRule.Code, false, Production,
            [Resource(KmsKey, "data", "{}")]),
        ["components: provider and component under the stack pass"] = new(NoUnmanagedResourcesRule.Code, false, Production,
            [AwsProvider("eu-west-3", "eu-west-3"), Resource("infra:fleet:ServiceFleet", "ledger", "{}", parent: StackUrn(), custom: false)]),
        ["components: bucket directly under the stack fails"] = new(NoUnmanagedResourcesRule.Code, true, Production,
            [Resource(BucketV2, "scratch", "{}", parent: StackUrn())], "stack itself"),
    };

    private static PolicyResource[] SecondaryRegion(string secondaryRegion)
    {
        var paris = AwsProvider("paris", "eu-west-3");
        var other = AwsProvider("secondary", secondaryRegion);
        return
        [
            paris,
            other,
            Resource(GlobalCluster, "ledger-global", """{"globalClusterIdentifier":"ledger","engine":"aurora-postgresql","storageEncrypted":true}"""),
            Resource(Cluster, "ledger-db-primary", """{"globalClusterIdentifier":"ledger","engine":"aurora-postgresql"}""", provider: ProviderReference(paris)),
            Resource(Cluster, "ledger-db-secondary", """{"globalClusterIdentifier":"ledger","engine":"aurora-postgresql"}""", provider: ProviderReference(other)),
        ];
    }
}
