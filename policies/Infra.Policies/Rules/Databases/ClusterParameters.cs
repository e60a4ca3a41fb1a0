using Infra.Policies.Model;

namespace Infra.Policies.Rules.Databases;

/// <summary>The parameters of an RDS cluster parameter group, by name, as the provider takes them (<c>parameters[].name/value</c>).</summary>
internal static class ClusterParameters
{
    /// <summary>Aurora PostgreSQL and RDS PostgreSQL families, e.g. aurora-postgresql16; the rules on PostgreSQL parameters judge only these.</summary>
    public static bool IsPostgreSql(PolicyResource group) =>
        group.Property("family").AsString() is { } family
        && (family.StartsWith("aurora-postgresql", StringComparison.Ordinal) || family.StartsWith("postgres", StringComparison.Ordinal));

    public static Dictionary<string, string> Of(PolicyResource group)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in group.Property("parameters").Items)
        {
            if (parameter["name"].AsString() is { } name && parameter["value"].AsString() is { } value)
            {
                values[name] = value;
            }
        }
        return values;
    }
}
