using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Blueprints.People;

/// <summary>Checks of people.yaml beyond loading: its canonical form, endings coming soon, and a candidate text before it is written.</summary>
public static class PeopleCatalogChecks
{
    /// <summary>How far ahead <c>infra validate</c> warns about contracts and grants that end.</summary>
    public const int WarningDays = 7;

    /// <summary>An error when the file is not the canonical text of its people, naming the first line that differs and the fix.</summary>
    public static Diagnostic? Canonical(string fileText, IReadOnlyList<PersonDefinition> people)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        var canonical = PeopleYaml.Write(people);
        if (string.Equals(fileText, canonical, StringComparison.Ordinal))
        {
            return null;
        }
        if (fileText.IndexOf('\r', StringComparison.Ordinal) is >= 0 and var carriageReturn)
        {
            // Named apart: every line would differ only by an invisible character.
            return new Diagnostic(DiagnosticSeverity.Error, StackDefinitionLoader.PeopleFile, "", fileText.AsSpan(0, carriageReturn).Count('\n') + 1,
                $"has Windows line endings (CRLF) from this line on; the file's lines end with LF alone. Run '{PeopleYaml.FormatCommand}' to rewrite it, and keep git from converting it (core.autocrlf=input or a .gitattributes 'eol=lf')");
        }
        var actual = fileText.Split('\n');
        var expected = canonical.Split('\n');
        var line = 0;
        while (line < actual.Length && line < expected.Length && actual[line] == expected[line])
        {
            line++;
        }
        var shouldBe = line < expected.Length ? expected[line].Trim() : "(end of file)";
        return new Diagnostic(DiagnosticSeverity.Error, StackDefinitionLoader.PeopleFile, "", line + 1,
            $"is not in canonical form (sorted by id, keys in a fixed order); this line should read '{shouldBe}'. Run '{PeopleYaml.FormatCommand}' to rewrite it");
    }

    /// <summary>
    /// Warnings for people whose access and grants end within <see cref="WarningDays"/> days of
    /// <paramref name="today"/>. Lines and key paths are given when the file is canonical, which is
    /// when they are known without reading it again; every message names the person.
    /// </summary>
    public static IReadOnlyList<Diagnostic> EndingSoon(IReadOnlyList<PersonDefinition> people, DateOnly today, bool fileIsCanonical)
    {
        ArgumentNullException.ThrowIfNull(people);
        var sorted = people.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var lines = fileIsCanonical ? PeopleYaml.Layout(sorted).Lines : null;
        var warnings = new List<Diagnostic>();
        void Warn(string path, string message) => warnings.Add(new Diagnostic(
            DiagnosticSeverity.Warning, StackDefinitionLoader.PeopleFile, lines is null ? "" : path, lines?.GetValueOrDefault(path), message));
        bool Soon(DateOnly day) => day >= today && day.DayNumber - today.DayNumber <= WarningDays;

        for (var i = 0; i < sorted.Count; i++)
        {
            var person = sorted[i];
            var path = $"people[{i}]";
            if (person.End is { } end && Soon(end) && person.Start <= end)
            {
                Warn(KeyPath.Child(path, "end"), $"access of {person.Id} ({ValueReader.EnumName(person.Contract)}) ends on {end:yyyy-MM-dd}, {In(end, today)}; "
                    + "extend it with a contract-extension event, or let it end: the next run removes it");
            }
            for (var j = 0; j < person.Grants.Count; j++)
            {
                var grant = person.Grants[j];
                if (Soon(grant.Expires) && grant.Start <= grant.Expires && person.HasAccessOn(grant.Expires))
                {
                    Warn(KeyPath.Child(KeyPath.Item(KeyPath.Child(path, "grants"), j), "expires"),
                        $"grant of {person.Id} to {grant.System} ({grant.Access}) expires on {grant.Expires:yyyy-MM-dd}, {In(grant.Expires, today)}; a longer need goes through a new, approved grant");
                }
            }
        }
        return warnings;
    }

    /// <summary>
    /// Reads and validates a candidate people.yaml text with the loader's own readers and checks,
    /// against the teams of teams.yaml and who may approve grants, before it is written anywhere. The stack's names
    /// (databases, stacks) are left to the loader, which checks them per stack.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Validate(string peopleYaml, IReadOnlySet<string> teamIds, AccessApprovers approvers)
    {
        ArgumentNullException.ThrowIfNull(peopleYaml);
        ArgumentNullException.ThrowIfNull(teamIds);
        ArgumentNullException.ThrowIfNull(approvers);
        var diagnostics = new List<Diagnostic>();
        var context = new DocumentContext(new SourceDocument(StackDefinitionLoader.PeopleFile, HasLines: true), diagnostics);
        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedParser(new StringReader(peopleYaml)));
        }
        catch (YamlException e)
        {
            context.Error("", (int)e.Start.Line, $"is not valid YAML: {YamlSources.Message(e)}");
            return diagnostics;
        }
        if (stream.Documents.Count == 0)
        {
            context.Error("", "the file is empty");
            return diagnostics;
        }
        var people = CatalogReader.ReadList(new ValueReader(stream.Documents[0].RootNode, "", context), "people", "id", CatalogReader.ReadPerson, out var ids);
        var none = new HashSet<string>(StringComparer.Ordinal);
        CatalogValidator.ValidatePeople(people, new ReferenceNames("", teamIds, ids, none, null, none, null), approvers, context);
        return diagnostics;
    }

    private static string In(DateOnly day, DateOnly today) => (day.DayNumber - today.DayNumber) switch
    {
        0 => "today",
        1 => "tomorrow",
        var n => $"in {n} days",
    };
}
