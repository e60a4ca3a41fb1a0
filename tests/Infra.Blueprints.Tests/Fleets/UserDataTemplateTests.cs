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

    private static string UserData(string service) => FleetBlueprints.For(Staging).Single(b => b.Service == service && !b.IsStandby).LaunchTemplate.UserData;

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
        var fleet = FleetBlueprints.For(Staging).Single(b => b.Name == "ledger-eu-west-3");
        var statements = fleet.Role.Statements.Where(s => !s.Allows(ConsulJoin.DescribeInstances)).ToEquatableList();
        var withoutJoin = fleet with { Role = fleet.Role with { Statements = statements, InlinePolicy = IamDocument(statements) } };

        Assert.Equal(["ec2:DescribeInstances in eu-west-3"], MissingJoinPermissions(withoutJoin));
    }

    [Fact]
    public void Join_permission_is_scoped_to_the_fleets_region()
    {
        var join = FleetBlueprints.For(Staging).Single(b => b.Name == "ledger-eu-west-3").Consul.Join;

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
        Assert.Contains("role = \"payments-api-eu-west-3\"", userData, StringComparison.Ordinal);
        Assert.Contains("role = \"payments-api-eu-west-1\"", FleetBlueprints.For(Staging).Single(b => b.Name == "payments-api-eu-west-1").LaunchTemplate.UserData, StringComparison.Ordinal);
        Assert.True(userData.IndexOf("systemctl enable --now vault-agent", StringComparison.Ordinal) < userData.IndexOf("systemctl enable --now consul", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("payments-api", "http            = \"https://localhost:8443/health/ready\"")]
    [InlineData("notifications", "http            = \"https://localhost:8080/healthz\"")]
    public void Consul_routes_on_the_readiness_path_on_the_service_protocol(string service, string check) =>
        Assert.Contains(check, UserData(service), StringComparison.Ordinal);

    [Fact]
    public void Watchdog_probes_the_liveness_path_and_the_agents_and_starts_after_them()
    {
        var watchdog = Script(UserData("payments-api"), "liveness-watchdog");

        Assert.Contains("\"https://localhost:8443/health/live\"", watchdog, StringComparison.Ordinal);
        Assert.Contains("systemctl is-active --quiet vault-agent consul", watchdog, StringComparison.Ordinal);
        Assert.DoesNotContain("/health/ready", watchdog, StringComparison.Ordinal);
        var userData = UserData("payments-api");
        Assert.True(userData.IndexOf("systemctl enable --now consul", StringComparison.Ordinal) < userData.IndexOf("systemctl enable --now liveness-watchdog", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dead_application_is_reported_unhealthy_after_the_threshold_respecting_the_grace_period()
    {
        // notifications: interval 15 s, unhealthy threshold 3.
        var run = ShellRun.Watchdog(UserData("notifications"), curlExit: 7, agentsActive: true, sleeps: 10);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["report-unhealthy --should-respect-grace-period"], run.Calls.Where(c => c.StartsWith("report-unhealthy", StringComparison.Ordinal)));
        Assert.Equal(3, run.Calls.Count(c => c.StartsWith("curl ", StringComparison.Ordinal)));
        Assert.Contains("curl -fsS -o /dev/null --max-time 5 --insecure https://localhost:8080/livez", run.Calls);
    }

    [Fact]
    public void A_stopped_consul_agent_is_reported_unhealthy_too()
    {
        var run = ShellRun.Watchdog(UserData("notifications"), curlExit: 0, agentsActive: false, sleeps: 10);

        Assert.Contains("report-unhealthy --should-respect-grace-period", run.Calls);
    }

    [Fact]
    public void A_live_instance_is_never_reported_and_a_failure_below_the_threshold_is_forgotten()
    {
        var live = ShellRun.Watchdog(UserData("notifications"), curlExit: 0, agentsActive: true, sleeps: 10);
        var flapping = ShellRun.Watchdog(UserData("notifications"), curlExits: [7, 7, 0, 7, 7, 0, 7, 7, 0], agentsActive: true, sleeps: 9);

        Assert.DoesNotContain(live.Calls, c => c.StartsWith("report-unhealthy", StringComparison.Ordinal));
        Assert.DoesNotContain(flapping.Calls, c => c.StartsWith("report-unhealthy", StringComparison.Ordinal));
        Assert.Equal(9, flapping.Calls.Count(c => c.StartsWith("curl ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_boot_whose_secrets_never_come_reports_the_instance_unhealthy_at_once()
    {
        var run = ShellRun.Boot(UserData("ledger"), failingLine: "timeout 300 bash -c");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("report-unhealthy --no-should-respect-grace-period", run.Calls);
        Assert.DoesNotContain("systemctl poweroff", run.Calls);
        Assert.DoesNotContain(run.Calls, c => c.StartsWith("systemctl enable --now consul", StringComparison.Ordinal));
    }

    [Fact]
    public void A_boot_that_cannot_report_powers_the_instance_off()
    {
        var run = ShellRun.Boot(UserData("ledger"), failingLine: "timeout 300 bash -c", reportExit: 1);

        Assert.Equal(["report-unhealthy --no-should-respect-grace-period", "systemctl poweroff"], run.Calls.TakeLast(2));
    }

    [Fact]
    public void Health_report_marks_this_instance_unhealthy_in_the_fleets_region()
    {
        var run = ShellRun.Report(UserData("ledger"), "--no-should-respect-grace-period");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("aws autoscaling set-instance-health --region eu-west-3 --instance-id i-0123456789abcdef0 --health-status Unhealthy --no-should-respect-grace-period", run.Calls[^1]);
    }

    [Fact]
    public void Every_fleet_role_may_report_its_own_groups_health_only()
    {
        Assert.All(FleetBlueprints.For(Staging), fleet =>
        {
            var report = Assert.Single(fleet.Role.Statements, s => s.Allows("autoscaling:SetInstanceHealth"));
            Assert.Equal(["autoscaling:SetInstanceHealth"], report.Actions);
            Assert.Equal([$"arn:aws:autoscaling:{fleet.Region}:111122223333:autoScalingGroup:*:autoScalingGroupName/*"], report.Resources);
            Assert.Equal(
                [new PolicyCondition("StringEquals", "autoscaling:ResourceTag/service", [fleet.Service]), new PolicyCondition("StringEquals", "autoscaling:ResourceTag/environment", ["staging"])],
                report.Conditions);
            Assert.Contains(new Aws.ResourceTag("service", fleet.Service), fleet.AutoScaling.Tags);
            Assert.Contains(new Aws.ResourceTag("environment", "staging"), fleet.AutoScaling.Tags);
        });
    }

    [Fact]
    public void A_service_with_egress_sends_it_through_the_proxy_and_everything_in_the_vpc_directly()
    {
        using var repository = new Support.RepositoryCopy()
            .Edit(Support.Files.Staging, "      port: 8443\n      peakRps: 400\n", "      port: 8443\n      peakRps: 400\n      egress: [api.swift.com:443]\n");
        var definition = repository.Loader.LoadFromFiles("staging").Definition!;
        var fleets = FleetBlueprints.For(definition);
        var ledger = fleets.Single(b => b.Name == "ledger-eu-west-3").LaunchTemplate.UserData;

        var line = Assert.Single(ledger.Split('\n'), l => l.StartsWith("DefaultEnvironment=", StringComparison.Ordinal));
        Assert.Contains("\"HTTPS_PROXY=http://egress-proxy.stg-par.example-bank.eu:3128\"", line, StringComparison.Ordinal);
        Assert.Contains("\"https_proxy=http://egress-proxy.stg-par.example-bank.eu:3128\"", line, StringComparison.Ordinal);
        Assert.Contains("\"NO_PROXY=localhost,127.0.0.1,169.254.169.254,.consul,.amazonaws.com,vault.stg.example-bank.eu,consul.stg-par.example-bank.eu,kafka-1.stg.example-bank.eu", line, StringComparison.Ordinal);
        Assert.Contains(",10.40.0.0/16\"", line, StringComparison.Ordinal);
        Assert.True(ledger.IndexOf("systemctl daemon-reexec", StringComparison.Ordinal) < ledger.IndexOf("systemctl enable --now vault-agent", StringComparison.Ordinal));
        // The standby in Ireland goes through Ireland's proxy.
        Assert.Contains("HTTPS_PROXY=http://egress-proxy.stg-dub.example-bank.eu:3128", fleets.Single(b => b.Name == "ledger-eu-west-1").LaunchTemplate.UserData, StringComparison.Ordinal);
        Assert.All(fleets.Where(b => b.Service != "ledger"), b => Assert.DoesNotContain("PROXY", b.LaunchTemplate.UserData, StringComparison.Ordinal));
    }

    /// <summary>The body of a script the boot writes to /usr/local/bin/NAME with a quoted heredoc.</summary>
    internal static string Script(string userData, string name)
    {
        var start = userData.IndexOf($"cat > /usr/local/bin/{name} <<'SH'\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the boot writes no /usr/local/bin/{name}");
        var body = userData[(userData.IndexOf('\n', start) + 1)..];
        return body[..body.IndexOf("\nSH\n", StringComparison.Ordinal)] + "\n";
    }

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
        var template = FleetBlueprints.For(Staging).Single(b => b.Name == "ledger-eu-west-3").LaunchTemplate;

        Assert.Equal(template.UserData, Encoding.UTF8.GetString(Convert.FromBase64String(template.UserDataBase64)));
        Assert.StartsWith("#!/bin/bash\n", template.UserData, StringComparison.Ordinal);
    }
}
