using Infra.Policies.Tests.Rules.Fixtures;

namespace Infra.Policies.Tests.Rules;

/// <summary>
/// A passing and a failing fixture per rule, written with the providers' real property names, one file per category of
/// rules (<c>Fixtures/&lt;Category&gt;Fixtures.cs</c>, as the rules sit in <c>Rules/&lt;Category&gt;</c>).
/// </summary>
internal static class RuleFixtures
{
    /// <summary>Each category (the last part of its rules' namespace) with its fixtures.</summary>
    public static IReadOnlyList<(string Category, IReadOnlyDictionary<string, RuleCase> Cases)> Categories { get; } =
    [
        ("Account", AccountFixtures.Cases),
        ("Compute", ComputeFixtures.Cases),
        ("Consul", ConsulFixtures.Cases),
        ("Databases", DatabasesFixtures.Cases),
        ("Encryption", EncryptionFixtures.Cases),
        ("GitLab", GitLabFixtures.Cases),
        ("Governance", GovernanceFixtures.Cases),
        ("Identity", IdentityFixtures.Cases),
        ("LoadBalancing", LoadBalancingFixtures.Cases),
        ("Logging", LoggingFixtures.Cases),
        ("Messaging", MessagingFixtures.Cases),
        ("Monitoring", MonitoringFixtures.Cases),
        ("Network", NetworkFixtures.Cases),
        ("People", PeopleFixtures.Cases),
        ("Secrets", SecretsFixtures.Cases),
        ("StackWide", StackWideFixtures.Cases),
        ("Storage", StorageFixtures.Cases),
        ("Vault", VaultFixtures.Cases),
        ("Vpn", VpnFixtures.Cases),
    ];

    /// <summary>Every fixture by its name; names are unique across categories (a duplicate fails every fixture test).</summary>
    public static IReadOnlyDictionary<string, RuleCase> Cases { get; } =
        Categories.SelectMany(c => c.Cases).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
}
