using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;

namespace Infra.Blueprints.Tests.Fleets;

/// <summary>The boot script starts the Vault and Consul agents for the service and holds no secret.</summary>
public sealed class UserDataTemplateTests
{
    private static readonly StackDefinition Staging = RepositoryDefinitions.Load("staging");

    private static string UserData(string service) => FleetBlueprints.For(Staging).Single(b => b.Name == service).LaunchTemplate.UserData;

    [Fact]
    public void Consul_agent_joins_the_servers_of_its_datacenter_by_cloud_tag()
    {
        var userData = UserData("payments-api");

        Assert.Contains("datacenter = \"stg-par\"", userData, StringComparison.Ordinal);
        Assert.Contains("retry_join = [\"provider=aws region=eu-west-3 tag_key=consul-server tag_value=stg-par\"]", userData, StringComparison.Ordinal);
        Assert.Contains("systemctl enable --now consul", userData, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Every_fleet_role_allows_what_its_consul_join_method_needs(string stack)
    {
        Assert.All(FleetBlueprints.For(RepositoryDefinitions.Load(stack)), fleet => Assert.Empty(MissingJoinPermissions(fleet)));
    }

    [Fact]
    public void A_role_without_the_join_permission_is_caught()
    {
        var fleet = FleetBlueprints.For(Staging).Single(b => b.Name == "ledger");
        var statements = fleet.Role.Statements.Where(s => !s.Allows(ConsulJoin.DescribeInstances)).ToEquatableList();
        var withoutJoin = fleet with { Role = fleet.Role with { Statements = statements, InlinePolicy = IamDocument(statements) } };

        Assert.Equal(["ec2:DescribeInstances in eu-west-3"], MissingJoinPermissions(withoutJoin));
    }

    [Fact]
    public void Join_permission_is_scoped_to_the_fleets_region()
    {
        var join = FleetBlueprints.For(Staging).Single(b => b.Name == "ledger").Consul.Join;

        Assert.Equal(["*"], join.Permission.Resources);
        Assert.Equal([new PolicyCondition("StringEquals", "aws:RequestedRegion", ["eu-west-3"])], join.Permission.Conditions);
    }

    /// <summary>
    /// Reads the user data's retry_join and the role's inline policy document, as AWS will see
    /// them: cloud auto-join on AWS needs ec2:DescribeInstances allowed in the join's region.
    /// </summary>
    private static List<string> MissingJoinPermissions(FleetBlueprint fleet)
    {
        var retryJoin = Regex.Match(fleet.LaunchTemplate.UserData, "retry_join = \\[\"(?<join>[^\"]*)\"\\]").Groups["join"].Value;
        Assert.NotEmpty(retryJoin);
        if (!retryJoin.StartsWith("provider=aws ", StringComparison.Ordinal))
        {
            return [];
        }
        var region = Regex.Match(retryJoin, "region=(?<region>[a-z0-9-]+)").Groups["region"].Value;
        using var policy = JsonDocument.Parse(fleet.Role.InlinePolicy);
        var granted = policy.RootElement.GetProperty("Statement").EnumerateArray().Any(s =>
            s.GetProperty("Effect").GetString() == "Allow"
            && s.GetProperty("Action").EnumerateArray().Any(a => a.GetString() == "ec2:DescribeInstances")
            && s.GetProperty("Resource").EnumerateArray().Any(r => r.GetString() == "*")
            && (!s.TryGetProperty("Condition", out var condition)
                || condition.GetProperty("StringEquals").GetProperty("aws:RequestedRegion").EnumerateArray().Any(r => r.GetString() == region)));
        return granted ? [] : [$"ec2:DescribeInstances in {region}"];
    }

    private static string IamDocument(IReadOnlyList<PolicyStatement> statements) =>
        JsonSerializer.Serialize(new
        {
            Version = "2012-10-17",
            Statement = statements.Select(s => new { s.Sid, Effect = "Allow", Action = s.Actions, Resource = s.Resources }),
        });

    [Fact]
    public void Vault_agent_logs_in_with_the_services_aws_auth_role()
    {
        var userData = UserData("payments-api");

        Assert.Contains("address = \"https://vault.stg.example-bank.eu\"", userData, StringComparison.Ordinal);
        Assert.Contains("type = \"iam\"", userData, StringComparison.Ordinal);
        Assert.Contains("role = \"payments-api\"", userData, StringComparison.Ordinal);
        Assert.True(userData.IndexOf("systemctl enable --now vault-agent", StringComparison.Ordinal) < userData.IndexOf("systemctl enable --now consul", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("payments-api", "http            = \"https://localhost:8443/health/ready\"")]
    [InlineData("notifications", "http            = \"http://localhost:8080/healthz\"")]
    public void Consul_checks_the_service_health_path_on_its_protocol(string service, string check) =>
        Assert.Contains(check, UserData(service), StringComparison.Ordinal);

    [Fact]
    public void User_data_holds_no_secret()
    {
        var stackFile = File.ReadAllText(Path.Combine(Infra.Blueprints.Loading.RepositoryRoot.Find(AppContext.BaseDirectory), "Pulumi.staging.yaml"));
        var secureValues = stackFile.Split('\n').Where(l => l.TrimStart().StartsWith("secure: ", StringComparison.Ordinal)).Select(l => l.Trim()["secure: ".Length..]).ToList();
        Assert.NotEmpty(secureValues);

        foreach (var blueprint in FleetBlueprints.For(Staging))
        {
            var userData = blueprint.LaunchTemplate.UserData;
            Assert.All(secureValues, secret => Assert.DoesNotContain(secret, userData, StringComparison.Ordinal));
            Assert.DoesNotMatch("(?im)^\\s*(encrypt|token|password|secret_id|access_key|secret_key)\\s*=", userData);
            Assert.DoesNotContain("AKIA", userData, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Launch_template_carries_the_script_base64_encoded()
    {
        var template = FleetBlueprints.For(Staging).Single(b => b.Name == "ledger").LaunchTemplate;

        Assert.Equal(template.UserData, Encoding.UTF8.GetString(Convert.FromBase64String(template.UserDataBase64)));
        Assert.StartsWith("#!/bin/bash\n", template.UserData, StringComparison.Ordinal);
    }
}
