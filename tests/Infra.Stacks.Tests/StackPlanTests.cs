using System.Collections.Immutable;
using System.Text.Json;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;
using Infra.Blueprints.Stacks;
using Infra.Cli.Tests;
using Infra.Stacks.Tests.Support;

namespace Infra.Stacks.Tests;

/// <summary>What `infra plan` says the stack declares is what the program registers on the mocks.</summary>
[Collection(SharedDeployments.Name)]
public sealed class StackPlanTests(DeployedStacks stacks)
{
    private static readonly JsonSerializerOptions PlanJson = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task The_plan_counts_are_the_registered_resources(string stackName)
    {
        var deployment = await stacks.Of(stackName);

        var planned = PlannedCounts(stackName);

        Assert.Equal(planned, RegisteredCounts(deployment));
    }

    [Fact]
    public async Task Only_production_holds_gitlab_memberships()
    {
        var staging = RegisteredCounts(await stacks.Of("staging"));
        var production = RegisteredCounts(await stacks.Of("production"));

        Assert.Equal(0, staging.GitLabMemberships);
        Assert.True(production.GitLabMemberships > 0, "production should hold the GitLab memberships");
        Assert.True(production.Fleets > 0 && production.KafkaAcls > 0 && production.VpnAuthorizations > 0, $"a production count is empty: {production}");
    }

    private static StackResourceCounts PlannedCounts(string stackName)
    {
        var run = CliRun.Infra(RepositoryRoot.Find(AppContext.BaseDirectory), RecordedPlatformEnvironment.Now, null,
            "plan", "--stack", stackName, "--output", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var plan = JsonDocument.Parse(run.Output);
        return plan.RootElement.GetProperty("resources").Deserialize<StackResourceCounts>(PlanJson)!;
    }

    private static StackResourceCounts RegisteredCounts(MockedDeployment deployment)
    {
        int Count(string type, string? parentName = null) => deployment.Resources.Count(r => r.Type == type
            && (parentName is null || (r.ParentUrn is { } parent && DeployedResource.NameOf(parent) == parentName)));
        return new StackResourceCounts(
            Fleets: Count("infra:fleet:ServiceFleet"),
            Databases: Count("infra:database:ReplicatedDatabase"),
            KafkaTopics: Count("kafka:index/topic:Topic"),
            KafkaAcls: Count("kafka:index/acl:Acl"),
            VaultPolicies: Count("vault:index/policy:Policy", parentName: "vault"),
            VaultAwsAuthRoles: Count("vault:aws/authBackendRole:AuthBackendRole"),
            VaultPkiRoles: Count("vault:pkiSecret/secretBackendRole:SecretBackendRole", parentName: "vault"),
            VaultPeopleEntities: Count("vault:identity/entity:Entity"),
            VaultTeamGroups: Count("vault:identity/group:Group"),
            GitLabMemberships: Count("gitlab:index/groupMembership:GroupMembership"),
            VpnCertificateSigners: deployment.Resources.Count(r => r.Type == "vault:identity/entity:Entity"
                && r.Inputs.TryGetValue("policies", out var policies) && ((ImmutableArray<object>)policies).Contains(PeopleNames.VpnCertificatePolicy)),
            VpnAuthorizations: Count("aws:ec2clientvpn/authorizationRule:AuthorizationRule"),
            ConsulPeopleTokens: Count("consul:index/aclToken:AclToken", parentName: "people"),
            AlertTopics: Count("aws:sns/topic:Topic"),
            MetricAlarms: Count("aws:cloudwatch/metricAlarm:MetricAlarm"),
            CompositeAlarms: Count("aws:cloudwatch/compositeAlarm:CompositeAlarm"),
            Dashboards: Count("aws:cloudwatch/dashboard:Dashboard"));
    }
}
