using Infra.Blueprints.Definition;
using Infra.Blueprints.Vault;
using Spectre.Console;

namespace Infra.Cli.Rendering;

/// <summary>Per service, what it may read in Vault and for how long.</summary>
internal static class VaultTables
{
    public static IReadOnlyList<VaultAccessRow> Rows(VaultBlueprint vault) =>
        // A service logs in with one role per region, each with the same policy and lifetimes: one row per service.
        [.. vault.AwsAuthRoles.DistinctBy(r => r.Service).Select(role =>
        {
            var policy = vault.Policies.Single(p => p.Name == VaultNames.ServicePolicy(role.Service));
            var credentials = vault.DatabaseRoles.Where(r => r.Service == role.Service).ToList();
            var certificate = vault.PkiRoles.Single(r => r.Service == role.Service);
            return new VaultAccessRow(
                role.Service,
                policy.Name,
                [.. policy.Rules.Where(r => r.Capabilities.Contains(VaultCapability.Read) || r.Capabilities.Contains(VaultCapability.Update)).Select(r => r.Path)],
                $"{Seconds(role.TokenTtlSeconds)} (max {Seconds(role.TokenMaxTtlSeconds)})",
                credentials.Count == 0 ? "-" : $"{Seconds(credentials[0].DefaultTtlSeconds)} (max {Seconds(credentials[0].MaxTtlSeconds)})",
                certificate.MaxTtl);
        })];

    public static void Render(VaultBlueprint vault, IAnsiConsole console)
    {
        var table = new Table { Title = new TableTitle("Vault: what each service may read, and for how long"), Border = TableBorder.Rounded };
        foreach (var column in new[] { "service", "policy", "may read", "token", "database credentials", "certificates" })
        {
            table.AddColumn(column);
        }
        foreach (var row in Rows(vault))
        {
            table.AddRow(new Text(row.Service), new Text(row.Policy), new Text(string.Join("\n", row.Reads)), new Text(row.TokenTtl),
                new Text(row.DatabaseCredentialTtl), new Text(row.CertificateTtl));
        }
        console.Write(table);
        var token = vault.ProviderToken;
        console.MarkupLine(Markup.Escape(token.SkipChildToken
            ? $"Vault provider token: the login token as is (skipChildToken); the pipeline's JWT roles must issue it for at least {Seconds(token.MaxLeaseTtlSeconds)}."
            : $"Vault provider token: a child token of the login token, for {Seconds(token.MaxLeaseTtlSeconds)} (maxLeaseTtlSeconds {token.MaxLeaseTtlSeconds}; never longer than the login token)."));
    }

    private static string Seconds(int seconds) => TimeSpan.FromSeconds(seconds) switch
    {
        { TotalHours: >= 1 } t when t.TotalHours == Math.Floor(t.TotalHours) => $"{(int)t.TotalHours}h",
        var t => $"{(int)t.TotalMinutes}m",
    };
}
