using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.Tests.Vault;

public sealed class VaultPolicyHclTests
{
    private static readonly VaultBlueprint Staging =
        VaultBlueprints.For(new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("staging").Definition!);

    [Theory]
    [InlineData("service-payments-api")]
    [InlineData("team-platform")]
    public void Policy_text_matches_its_golden_file(string policy)
    {
        Assert.Equal(Golden(policy), Staging.Policies.Single(p => p.Name == policy).Hcl);
    }

    [Fact]
    public void Odd_paths_are_escaped_and_rules_merged_and_sorted()
    {
        var policy = new VaultPolicy("odd",
        [
            new("kv/data/{{identity.entity.id}}/*", [VaultCapability.Read]),
            new("kv/data/tab\there", [VaultCapability.List]),
            new("kv/data/back\\slash", [VaultCapability.Read]),
            new("kv/data/a\"quoted\"/*", [VaultCapability.Read]),
            new("kv/data/{{identity.entity.id}}/*", [VaultCapability.Create, VaultCapability.Read]),
        ]);

        Assert.Equal(Golden("odd-paths"), policy.Hcl);
    }

    [Fact]
    public void Order_of_rules_and_capabilities_does_not_change_the_text()
    {
        VaultPathGrant[] rules =
        [
            new("b/path", [VaultCapability.List, VaultCapability.Read]),
            new("a/path", [VaultCapability.Update, VaultCapability.Create]),
        ];

        var forward = new VaultPolicy("p", [.. rules]).Hcl;
        var backward = new VaultPolicy("p", [.. rules.Reverse().Select(r => r with { Capabilities = [.. r.Capabilities.Reverse()] })]).Hcl;

        Assert.Equal(forward, backward);
        Assert.True(forward.IndexOf("\"a/path\"", StringComparison.Ordinal) < forward.IndexOf("\"b/path\"", StringComparison.Ordinal));
        Assert.Contains("capabilities = [\"read\", \"list\"]", forward, StringComparison.Ordinal);
    }

    private static string Golden(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vault", "Golden", name + ".hcl"));
}
