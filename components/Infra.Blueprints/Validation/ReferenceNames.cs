using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Validation;

/// <summary>
/// Every name declared in a stack and its catalogs, including names whose entry failed to read,
/// so that one broken entry is reported once and not again as "unknown" wherever it is used. A null set
/// stands for a file that could not be parsed: its syntax error is reported, and references to it are not checked
/// (they would all be follow-on errors).
/// </summary>
internal sealed record ReferenceNames(
    string StackName,
    IReadOnlySet<string>? Teams,
    IReadOnlySet<string>? People,
    IReadOnlySet<string>? Services,
    IReadOnlySet<string>? Databases,
    IReadOnlySet<string>? Topics,
    IReadOnlySet<string>? Stacks)
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

    /// <summary>How many names a message suggests or lists: a catalog of 10,000 topics is never echoed whole.</summary>
    private const int Shown = 5;

    private const int MaxTypos = 3;

    private static void Require(IReadOnlySet<string>? known, string name, string what, string where, string path, DocumentContext context)
    {
        if (known is null || known.Contains(name))
        {
            return;
        }
        var closest = EditDistance.Closest(name, known, MaxTypos, Shown);
        var hint = closest.Count > 0 ? $"did you mean {string.Join(" or ", closest.Select(c => $"'{c}'"))}? " : "";
        var list = known.Count <= Shown
            ? $"known: {string.Join(", ", known.Order(StringComparer.Ordinal))}"
            : $"it has {known.Count} {what}s";
        context.Error(path, $"'{name}' is not a {what} of {where}; {hint}{list}");
    }
}
