using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.Tests.Vault;

public sealed class VaultBlueprintsTests
{
    private static readonly StackDefinitionLoader Loader = new(RepositoryRoot.Find(AppContext.BaseDirectory));

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Every_service_logs_in_with_its_own_role_and_token_bounds_from_config(string stack)
    {
        var definition = Loader.LoadFromFiles(stack).Definition!;
        var vault = VaultBlueprints.For(definition);

        // One role per fleet: each service logs in from both regions, each region's fleet with its own role.
        Assert.Equal(
            definition.Networks.SelectMany(n => definition.Services.Select(s => ($"{s.Name}-{n.Region}", s.Name))).Order(),
            vault.AwsAuthRoles.Select(r => (r.Role, r.Service)).Order());
        Assert.Equal(
            Infra.Blueprints.Fleets.FleetBlueprints.For(definition).Select(f => f.Role.VaultAuthRole).Order(StringComparer.Ordinal),
            vault.AwsAuthRoles.Select(r => r.Role).Order(StringComparer.Ordinal));
        Assert.All(vault.AwsAuthRoles, role =>
        {
            Assert.Equal([$"service-{role.Service}"], role.Policies);
            Assert.Equal((int)definition.Vault.TokenTtl.TotalSeconds, role.TokenTtlSeconds);
            Assert.Equal((int)definition.Vault.TokenMaxTtl.TotalSeconds, role.TokenMaxTtlSeconds);
        });
    }

    [Theory]
    [InlineData("    providerTokenTtl: 2h ", "    providerTokenTtl: 90m ", "    skipChildToken: true ", "    skipChildToken: false ", 5400, false)]
    [InlineData("    providerTokenTtl: 2h ", "    providerTokenTtl: 4h ", "    skipChildToken: true ", "", 14400, false)]
    [InlineData("    providerTokenTtl: 2h ", "    providerTokenTtl: 3h ", "    skipChildToken: true ", "    skipChildToken: true ", 10800, true)]
    public void Provider_token_lasts_the_stack_files_ttl_and_is_a_child_token_unless_skipped(string ttl, string newTtl, string skip, string newSkip, int seconds, bool skipped)
    {
        using var repository = new Support.RepositoryCopy().Edit(Support.Files.Staging, ttl, newTtl).Edit(Support.Files.Staging, skip, newSkip);

        var token = VaultBlueprints.For(repository.Loader.LoadFromFiles("staging").Definition!).ProviderToken;

        Assert.Equal(new VaultProviderToken(seconds, skipped), token);
    }

    [Fact]
    public void Dynamic_users_are_created_so_that_their_creator_may_reassign_and_drop_what_they_own_on_PostgreSQL_16()
    {
        var role = VaultBlueprints.For(Loader.LoadFromFiles("staging").Definition!).DatabaseRoles.Single(r => r.Name == "ledger-db-ledger");

        // Vault's login has CREATEROLE but is not superuser: without SET and INHERIT on the users it
        // creates, REASSIGN OWNED and DROP OWNED fail with "permission denied" on PostgreSQL 16.
        Assert.Equal("SET LOCAL createrole_self_grant = 'set, inherit';", role.CreationStatements[0]);
        Assert.Equal(VaultBlueprints.CreateRoleSelfGrant, role.CreationStatements[0]);
        Assert.StartsWith("CREATE ROLE \"{{name}}\"", role.CreationStatements[1], StringComparison.Ordinal);
        Assert.Equal(
            [
                "REASSIGN OWNED BY \"{{name}}\" TO \"ledger_db_owner\";",
                "DROP OWNED BY \"{{name}}\";",
                "DROP ROLE IF EXISTS \"{{name}}\";",
            ],
            role.RevocationStatements);
    }

    [Fact]
    public void Services_pki_is_an_intermediate_with_its_urls_under_the_stack_vault_and_is_pending_until_signed()
    {
        var pki = VaultBlueprints.For(Loader.LoadFromFiles("production").Definition!).ServicePki;

        Assert.Equal((VaultNames.PkiMount, VaultNames.ServicesIssuer, "ec", 384), (pki.Mount, pki.IssuerName, pki.KeyType, pki.KeyBits));
        Assert.Equal(["https://vault.prd.example-bank.eu/v1/pki-internal/issuer/services-intermediate/der"], pki.IssuingCertificateUrls);
        Assert.Equal(["https://vault.prd.example-bank.eu/v1/pki-internal/issuer/services-intermediate/crl/der"], pki.CrlDistributionPoints);
        Assert.Equal(["https://vault.prd.example-bank.eu/v1/pki-internal/ocsp"], pki.OcspServers);
        Assert.Null(pki.SignedCertificate);
        Assert.Equal("default", pki.RoleIssuerRef);
    }

    [Fact]
    public void Once_signed_the_services_roles_issue_from_the_services_issuer_only()
    {
        using var repository = new Support.RepositoryCopy().Edit(Support.Files.Staging, "    certificateTtl: 72h ",
            "    servicesIntermediateCertificate: |\n      -----BEGIN CERTIFICATE-----\n      MIIBsigned\n      -----END CERTIFICATE-----\n    certificateTtl: 72h ");

        var vault = VaultBlueprints.For(repository.Loader.LoadFromFiles("staging").Definition!);

        Assert.Equal("-----BEGIN CERTIFICATE-----\nMIIBsigned\n-----END CERTIFICATE-----\n", vault.ServicePki.SignedCertificate);
        Assert.All(vault.PkiRoles, r => Assert.Equal(VaultNames.ServicesIssuer, r.IssuerRef));
    }

    [Theory]
    [InlineData("staging", "vault.stg.example-bank.eu", "eu-west-3", "10.40.")]
    [InlineData("staging", "vault.stg.example-bank.eu", "eu-west-1", "10.41.")]
    [InlineData("production", "vault.prd.example-bank.eu", "eu-west-3", "10.60.")]
    [InlineData("production", "vault.prd.example-bank.eu", "eu-west-1", "10.61.")]
    public void Aws_logins_are_bound_to_this_vault_and_tokens_to_the_subnets_of_the_fleets_region(string stack, string vaultHost, string region, string prefix)
    {
        var definition = Loader.LoadFromFiles(stack).Definition!;
        var vault = VaultBlueprints.For(definition);
        var subnets = definition.Networks.Single(n => n.Region == region).Subnets.Select(s => s.Cidr.ToString());
        var roles = vault.AwsAuthRoles.Where(r => r.Role.EndsWith(region, StringComparison.Ordinal)).ToList();

        Assert.Equal(vaultHost, vault.IamServerIdHeaderValue);
        Assert.Equal(definition.Services.Count, roles.Count);
        Assert.All(roles, r => Assert.Equal(subnets, r.TokenBoundCidrs));
        Assert.All(roles, r => Assert.All(r.TokenBoundCidrs, c => Assert.StartsWith(prefix, c, StringComparison.Ordinal)));
        Assert.All(Infra.Blueprints.Fleets.FleetBlueprints.For(definition), f =>
            Assert.Contains($"header_value = \"{vaultHost}\"", f.LaunchTemplate.UserData, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("staging", "111122223333", "eu-west-3")]
    [InlineData("production", "444455556666", "eu-west-3")]
    public void Aws_logins_are_bound_to_the_stacks_account_through_the_instance_in_the_fleets_region(string stack, string account, string region)
    {
        var definition = Loader.LoadFromFiles(stack).Definition!;

        var roles = VaultBlueprints.For(definition).AwsAuthRoles;

        Assert.Equal((account, region), (definition.AwsAccountId, definition.Regions.Primary));
        // Vault looks each instance up in its own fleet's region: the primary's, or the standby's.
        Assert.All(roles, r => Assert.Equal(("iam", "ec2_instance", r.Role[(r.Service.Length + 1)..]), (r.AuthType, r.InferredEntityType, r.InferredAwsRegion)));
        Assert.Equal([region, definition.Regions.Secondary], roles.Select(r => r.InferredAwsRegion).Distinct().Order(StringComparer.Ordinal).Reverse());
        Assert.All(roles, r => Assert.Equal([account], r.BoundAccountIds));
    }

    [Fact]
    public void Service_certificates_name_no_ip_address_and_not_localhost()
    {
        var vault = VaultBlueprints.For(Loader.LoadFromFiles("staging").Definition!);

        Assert.All(vault.PkiRoles, r => Assert.False(r.AllowIpSans || r.AllowLocalhost || r.AllowAnyName || r.AllowSubdomains));
        Assert.All(vault.PkiRoles, r => Assert.True(r.ServerFlag && r.ClientFlag));
    }

    [Fact]
    public void A_service_reads_the_credentials_of_exactly_the_databases_it_depends_on()
    {
        var definition = Loader.LoadFromFiles("staging").Definition!;
        var vault = VaultBlueprints.For(definition);

        foreach (var service in definition.Services)
        {
            var credentials = vault.Policies.Single(p => p.Name == $"service-{service.Name}").Rules
                .Where(r => r.Path.StartsWith("database/creds/", StringComparison.Ordinal))
                .Select(r => r.Path);
            Assert.Equal(service.DependsOn.Databases.Select(d => $"database/creds/{d}-{service.Name}").Order(StringComparer.Ordinal), credentials);
        }
        Assert.Equal(
            definition.Services.SelectMany(s => s.DependsOn.Databases.Select(d => $"{d}-{s.Name}")).Order(StringComparer.Ordinal),
            vault.DatabaseRoles.Select(r => r.Name));
    }

    [Fact]
    public void Service_policies_grant_no_wildcard_root_or_sudo()
    {
        var vault = VaultBlueprints.For(Loader.LoadFromFiles("production").Definition!);

        Assert.All(vault.Policies.Where(p => p.Name.StartsWith("service-", StringComparison.Ordinal)).SelectMany(p => p.Rules), rule =>
        {
            Assert.DoesNotContain(VaultCapability.Sudo, rule.Capabilities);
            Assert.NotEqual("*", rule.Path);
            Assert.False(rule.Path.StartsWith("sys/", StringComparison.Ordinal), rule.Path);
        });
    }

    [Fact]
    public void Every_database_has_a_rotated_schema_owner()
    {
        var definition = Loader.LoadFromFiles("production").Definition!;
        var vault = VaultBlueprints.For(definition);

        Assert.Equal(definition.Databases.Select(d => d.Name), vault.StaticRoles.Select(r => r.Database));
        Assert.All(vault.StaticRoles, r => Assert.Equal((int)definition.Vault.StaticRoleRotation.TotalSeconds, r.RotationPeriodSeconds));
        Assert.Equal("payments_db_owner", vault.StaticRoles.Single(r => r.Database == "payments-db").Username);
    }

    [Fact]
    public void Certificates_are_issued_only_for_the_service_consul_names_in_each_regions_datacenter()
    {
        var definition = Loader.LoadFromFiles("staging").Definition!;

        var ledger = VaultBlueprints.For(definition).PkiRoles.Single(r => r.Service == "ledger");

        // The standby's instances in Ireland answer as ledger.service.stg-dub.consul.
        Assert.Equal(["ledger.service.consul", "ledger.service.stg-par.consul", "ledger.service.stg-dub.consul"], ledger.AllowedDomains);
        Assert.Equal($"{(int)definition.Vault.CertificateTtl.TotalSeconds}s", ledger.MaxTtl);
    }

    [Fact]
    public void Mounts_and_audit_are_always_there()
    {
        var vault = VaultBlueprints.For(Loader.LoadFromFiles("staging").Definition!);

        Assert.Equal(("kv", "kv"), (vault.KvMount.Path, vault.KvMount.Type));
        Assert.Contains(new MountOption("version", "2"), vault.KvMount.Options);
        Assert.Equal("pki", vault.PkiMount.Type);
        Assert.Equal("database", vault.DatabaseMount.Type);
        Assert.Equal(["file", "syslog"], vault.AuditDevices.Select(d => d.Type));
    }

    [Fact]
    public void Team_policies_come_from_team_entitlements()
    {
        var definition = Loader.LoadFromFiles("staging").Definition!;
        var vault = VaultBlueprints.For(definition);

        var payments = vault.Policies.Single(p => p.Name == "team-payments");
        Assert.Equal(
            definition.Catalog.Teams.Single(t => t.Id == "payments").Entitlements.Vault.Select(g => g.Path).Order(StringComparer.Ordinal),
            payments.Rules.Select(r => r.Path));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Service_pki_roles_issue_exactly_the_consul_names_for_server_and_client_use(string stack)
    {
        var vault = VaultBlueprints.For(Loader.LoadFromFiles(stack).Definition!);

        Assert.NotEmpty(vault.PkiRoles);
        Assert.All(vault.PkiRoles, role =>
        {
            Assert.True(role.AllowBareDomains);
            Assert.False(role.AllowSubdomains);
            Assert.False(role.AllowAnyName);
            Assert.True(role.EnforceHostnames);
            Assert.True(role.ServerFlag);
            Assert.True(role.ClientFlag);
        });
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Fleets_log_in_with_signed_iam_requests(string stack)
    {
        var vault = VaultBlueprints.For(Loader.LoadFromFiles(stack).Definition!);

        Assert.All(vault.AwsAuthRoles, role => Assert.Equal("iam", role.AuthType));
    }
}
