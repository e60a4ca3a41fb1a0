using Infra.Blueprints.Loading;
using Infra.Blueprints.Tests.Loading;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Vault;

/// <summary>Vault bounds are enforced when the stack is loaded, with file, key and line.</summary>
public sealed class VaultBrokenInputTests
{
    private const string Metadata = "{ path: kv/metadata/teams/platform/*, capabilities: [read, list] }";

    private const string PaymentsMetadata = "{ path: kv/metadata/teams/payments/*, capabilities: [read, list] }";

    [Theory]
    [InlineData(Files.Staging, "tokenTtl: 1h ", "tokenTtl: 5h ", Files.Staging, "infra:vault.tokenTtl", "5h is out of bounds; expected between 5m and 4h")]
    [InlineData(Files.Staging, "tokenMaxTtl: 4h", "tokenMaxTtl: 30m", Files.Staging, "infra:vault.tokenMaxTtl", "30m is shorter than tokenTtl 1h")]
    [InlineData(Files.Staging, "    certificateTtl: 72h ", "    servicesIntermediateCertificate: MIIB\n    certificateTtl: 72h ", Files.Staging, "infra:vault.servicesIntermediateCertificate", "is not a PEM certificate; expected the signed intermediate")]
    [InlineData(Files.Staging, "staticRoleRotation: 24h", "staticRoleRotation: 1 day", Files.Staging, "infra:vault.staticRoleRotation", "'1 day' is not a duration")]
    [InlineData(Files.Staging, "staticRoleRotation: 24h", "staticRoleRotation: 90d", Files.Staging, "infra:vault.staticRoleRotation", "90d is out of bounds; expected between 1h and 30d")]
    [InlineData(Files.Staging, "    staticRoleRotation: 24h", "    rotation: 24h", Files.Staging, "infra:vault.staticRoleRotation", "missing required key 'staticRoleRotation'")]
    [InlineData(Files.Teams, Metadata, "{ path: kv/metadata/teams/platform/*, capabilities: [read, sudo] }", Files.Teams, "teams[0].entitlements.vault[1].capabilities", "sudo is not granted to people")]
    [InlineData(Files.Teams, Metadata, "{ path: '*', capabilities: [read] }", Files.Teams, "teams[0].entitlements.vault[1].path", "matches every path in Vault")]
    [InlineData(Files.Teams, Metadata, "{ path: sys/*/mounts, capabilities: [read] }", Files.Teams, "teams[0].entitlements.vault[1].path", "Vault allows the glob only as the last character")]
    [InlineData(Files.Teams, Metadata, "{ path: kv/metadata/teams/platform/*, capabilities: [root] }", Files.Teams, "teams[0].entitlements.vault[1].capabilities[0]", "'root' is not allowed; expected one of create, read")]
    public void Vault_bounds_are_enforced(string file, string find, string replace, string expectedFile, string expectedKeyPath, string expectedMessage)
    {
        using var repository = new RepositoryCopy().Edit(file, find, replace);

        var result = repository.Loader.LoadFromFiles("staging");

        var error = Assert.Single(result.Errors, e => e.File == expectedFile && e.KeyPath == expectedKeyPath && e.Message.Contains(expectedMessage, StringComparison.Ordinal));
        Assert.NotNull(error.Line);
    }

    /// <summary>Each escalation path a team could be granted, on the payments team (not the platform team: no team is exempt).</summary>
    [Theory]
    [InlineData("{ path: sys/policies/acl/*, capabilities: [create, update] }", "path", "'sys/policies/acl/*' is in Vault's sys/ paths, which operate Vault itself")]
    [InlineData("{ path: sys/mounts, capabilities: [read] }", "path", "'sys/mounts' is in Vault's sys/ paths")]
    [InlineData("{ path: identity/*, capabilities: [create, update] }", "path", "'identity/*' is in Vault's identity/ paths")]
    [InlineData("{ path: auth/aws/role/ledger, capabilities: [update] }", "path", "'auth/aws/role/ledger' is in Vault's auth/ paths")]
    [InlineData("{ path: s*, capabilities: [read] }", "path", "the glob 's*' also matches Vault's sys/ paths")]
    [InlineData("{ path: +/policies/acl/x, capabilities: [update] }", "path", "the glob '+/policies/acl/x' also matches Vault's sys/ paths")]
    [InlineData("{ path: kv/data/teams/*, capabilities: [read] }", "path", "the glob 'kv/data/teams/*' reaches beyond the team's own subtree; a team may be granted kv/{data,metadata,delete,undelete}/teams/payments/...")]
    [InlineData("{ path: kv/data/teams/pay*, capabilities: [read] }", "path", "the glob 'kv/data/teams/pay*' reaches beyond the team's own subtree")]
    [InlineData("{ path: kv/data/teams/cards/*, capabilities: [read] }", "path", "'kv/data/teams/cards/*' is outside what a team may be granted")]
    [InlineData("{ path: kv/data/services/ledger/*, capabilities: [read] }", "path", "'kv/data/services/ledger/*' is outside what a team may be granted")]
    [InlineData("{ path: kv/destroy/teams/payments/*, capabilities: [update] }", "path", "destroys secret versions for good")]
    [InlineData("{ path: kv/metadata/teams/payments/*, capabilities: [read, list, delete] }", "capabilities", "delete on 'kv/metadata/teams/payments/*' erases every version of a secret for good")]
    [InlineData("{ path: database/creds/*, capabilities: [read] }", "path", "the glob 'database/creds/*' reaches beyond the team's own subtree")]
    [InlineData("{ path: database/creds/payments-db-payments-api, capabilities: [read, update] }", "capabilities", "update on 'database/creds/payments-db-payments-api' is not allowed; a database role's credentials are read: read, deny")]
    [InlineData("{ path: pki-internal/issue/+, capabilities: [update] }", "path", "the glob 'pki-internal/issue/+' reaches beyond the team's own subtree")]
    [InlineData("{ path: pki-internal/root/sign-intermediate, capabilities: [update] }", "path", "is outside what a team may be granted")]
    public void Team_vault_paths_outside_the_allow_list_are_refused(string grant, string key, string expectedMessage)
    {
        new BrokenInputCase(Files.Teams, PaymentsMetadata, grant, Files.Teams, $"teams[1].entitlements.vault[1].{key}", expectedMessage).AssertReported();
    }

    [Theory]
    [InlineData("{ path: sys/policies/acl/*, capabilities: [read, list, update] }", "update on 'sys/policies/acl/*' is not allowed; the platform team reads Vault's configuration to debug it")]
    [InlineData("{ path: auth/aws/role/*, capabilities: [create] }", "create on 'auth/aws/role/*' is not allowed")]
    [InlineData("{ path: sys/mounts, capabilities: [read, sudo] }", "sudo is not granted to people")]
    public void The_platform_team_may_read_vaults_configuration_but_never_change_it(string grant, string expectedMessage)
    {
        new BrokenInputCase(Files.Teams, Metadata, grant, Files.Teams, "teams[0].entitlements.vault[1].capabilities", expectedMessage).AssertReported();
    }

    [Theory]
    [InlineData("{ path: sys/policies/acl/*, capabilities: [read, list] }")]
    [InlineData("{ path: sys/mounts, capabilities: [read] }")]
    [InlineData("{ path: auth/aws/role/*, capabilities: [read, list] }")]
    public void Only_the_platform_team_may_read_vaults_configuration(string grant)
    {
        // The repository's own catalog grants these reads to the platform team.
        var repository = new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("staging");
        using var payments = new RepositoryCopy().Edit(Files.Teams, PaymentsMetadata, grant);

        var paymentsResult = payments.Loader.LoadFromFiles("staging");

        Assert.False(repository.HasErrors, string.Join("\n", repository.Errors));
        var path = grant.Split(',')[0]["{ path: ".Length..];
        Assert.Contains(repository.Definition!.Catalog.Teams.Single(t => t.IsPlatform).Entitlements.Vault, g => g.Path == path);
        Assert.Contains(paymentsResult.Errors, e => e.KeyPath == "teams[1].entitlements.vault[1].path" && e.Message.Contains("which operate Vault itself", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ path: kv/metadata/teams/payments/*, capabilities: [read, list] }")]
    [InlineData("{ path: kv/delete/teams/payments/*, capabilities: [update] }")]
    [InlineData("{ path: kv/undelete/teams/payments/*, capabilities: [update] }")]
    [InlineData("{ path: database/creds/payments-db-payments-api, capabilities: [read] }")]
    [InlineData("{ path: pki-internal/issue/payments-api, capabilities: [create, update] }")]
    public void Team_vault_paths_in_the_allow_list_load(string grant)
    {
        using var repository = new RepositoryCopy().Edit(Files.Teams, PaymentsMetadata, grant);

        var result = repository.Loader.LoadFromFiles("staging");

        Assert.False(result.HasErrors, string.Join("\n", result.Errors));
    }
}
