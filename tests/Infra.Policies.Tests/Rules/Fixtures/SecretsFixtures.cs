using Infra.Policies.Rules.Secrets;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Secrets rules: credentials kept as Pulumi secrets.</summary>
internal static class SecretsFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["credentials: secret master password passes"] = new(CredentialsAreSecretsRule.Code, false, Production,
            [Resource(Cluster, "ledger-db", $$"""{"masterUsername":"ledger_admin","masterPassword":{{SecretJson()}}}""")]),
        ["credentials: plain master password fails"] = new(CredentialsAreSecretsRule.Code, true, Production,
            [Resource(Cluster, "ledger-db", """{"masterUsername":"ledger_admin","masterPassword":"hunter2-in-clear"}""")], "masterPassword"),
    };
}
