using System.Text;
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
