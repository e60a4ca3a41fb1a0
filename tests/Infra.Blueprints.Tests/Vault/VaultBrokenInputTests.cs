using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Vault;

/// <summary>Vault bounds are enforced when the stack is loaded, with file, key and line.</summary>
public sealed class VaultBrokenInputTests
{
    [Theory]
    [InlineData(Files.Staging, "tokenTtl: 1h ", "tokenTtl: 5h ", Files.Staging, "infra:vault.tokenTtl", "5h is out of bounds; expected between 5m and 4h")]
    [InlineData(Files.Staging, "tokenMaxTtl: 4h", "tokenMaxTtl: 30m", Files.Staging, "infra:vault.tokenMaxTtl", "30m is shorter than tokenTtl 1h")]
    [InlineData(Files.Staging, "staticRoleRotation: 24h", "staticRoleRotation: 1 day", Files.Staging, "infra:vault.staticRoleRotation", "'1 day' is not a duration")]
    [InlineData(Files.Staging, "staticRoleRotation: 24h", "staticRoleRotation: 90d", Files.Staging, "infra:vault.staticRoleRotation", "90d is out of bounds; expected between 1h and 30d")]
    [InlineData(Files.Staging, "    staticRoleRotation: 24h", "    rotation: 24h", Files.Staging, "infra:vault.staticRoleRotation", "missing required key 'staticRoleRotation'")]
    [InlineData(Files.Teams, "{ path: sys/mounts, capabilities: [read] }", "{ path: sys/mounts, capabilities: [read, sudo] }", Files.Teams, "teams[0].entitlements.vault[3].capabilities", "sudo is not granted to people")]
    [InlineData(Files.Teams, "{ path: sys/mounts, capabilities: [read] }", "{ path: '*', capabilities: [read] }", Files.Teams, "teams[0].entitlements.vault[3].path", "matches every path in Vault")]
    [InlineData(Files.Teams, "{ path: sys/mounts, capabilities: [read] }", "{ path: sys/*/mounts, capabilities: [read] }", Files.Teams, "teams[0].entitlements.vault[3].path", "Vault allows the glob only as the last character")]
    [InlineData(Files.Teams, "{ path: sys/mounts, capabilities: [read] }", "{ path: sys/mounts, capabilities: [root] }", Files.Teams, "teams[0].entitlements.vault[3].capabilities[0]", "'root' is not allowed; expected one of create, read")]
    public void Vault_bounds_are_enforced(string file, string find, string replace, string expectedFile, string expectedKeyPath, string expectedMessage)
    {
        using var repository = new RepositoryCopy().Edit(file, find, replace);

        var result = repository.Loader.LoadFromFiles("staging");

        var error = Assert.Single(result.Errors, e => e.File == expectedFile && e.KeyPath == expectedKeyPath && e.Message.Contains(expectedMessage, StringComparison.Ordinal));
        Assert.NotNull(error.Line);
    }
}
