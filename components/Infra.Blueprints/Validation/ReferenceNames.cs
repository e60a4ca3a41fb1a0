using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Validation;

/// <summary>
/// Every name declared in a stack and its catalogs, including names whose entry failed to read,
/// so that one broken entry is reported once and not again as "unknown" wherever it is used.
/// </summary>
internal sealed record ReferenceNames(
    string StackName,
    IReadOnlySet<string> Teams,
    IReadOnlySet<string> People,
    IReadOnlySet<string> Services,
    IReadOnlySet<string> Databases,
    IReadOnlySet<string> Topics,
    IReadOnlySet<string> Stacks)
{
    public void RequireTeam(string name, string path, DocumentContext context) =>
        Require(Teams, name, "team", "teams.yaml", path, context);

    public void RequirePerson(string name, string path, DocumentContext context) =>
        Require(People, name, "person", "people.yaml", path, context);

    public void RequireService(string name, string path, DocumentContext context) =>
        Require(Services, name, "service", $"stack '{StackName}' (infra:services)", path, context);

    public void RequireDatabase(string name, string path, DocumentContext context) =>
        Require(Databases, name, "database", $"stack '{StackName}' (infra:databases)", path, context);

    public void RequireTopic(string name, string path, DocumentContext context) =>
        Require(Topics, name, "topic", "kafka-topics.yaml", path, context);

    public void RequireStack(string name, string path, DocumentContext context) =>
        Require(Stacks, name, "stack", "the Pulumi.<stack>.yaml files", path, context);

    private static void Require(IReadOnlySet<string> known, string name, string what, string where, string path, DocumentContext context)
    {
        if (known.Contains(name))
        {
            return;
        }
        var closest = known.MinBy(candidate => EditDistance.Between(name, candidate));
        var hint = closest is not null && EditDistance.Between(name, closest) <= 3 ? $"did you mean '{closest}'? " : "";
        context.Error(path, $"'{name}' is not a {what} of {where}; {hint}known: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
    }
}
