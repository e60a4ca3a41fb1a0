using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.People;

/// <summary>
/// The one canonical text of people.yaml: people sorted by id, keys in a fixed order, optional keys
/// left out when empty, teams inline, LF line ends. Machine edits (HR events) and human edits both
/// end in this form, so they never fight over layout; <c>infra validate</c> checks it.
/// </summary>
public static partial class PeopleYaml
{
    public const string FormatCommand = "infra hr format";

    private const string Header =
        "# People and the days they have access (UTC, first and last day included). Kept in one canonical\n"
        + "# form, sorted by id with keys in this order: `infra validate` checks it, `" + FormatCommand + "` writes it.\n";

    public static string Write(IEnumerable<PersonDefinition> people) => Layout(people).Text;

    /// <summary>The canonical text and the line of each key path (<c>people[3].end</c>) in it.</summary>
    public static (string Text, IReadOnlyDictionary<string, int> Lines) Layout(IEnumerable<PersonDefinition> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var text = new StringBuilder(Header).Append("people:\n");
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var line = Header.Count(c => c == '\n') + 1;
        void Key(string path, string indent, string key, string value)
        {
            lines[path] = ++line;
            text.Append(indent).Append(key).Append(':');
            if (value.Length > 0)
            {
                text.Append(' ').Append(value);
            }
            text.Append('\n');
        }
        var index = 0;
        foreach (var person in people.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var path = $"people[{index++}]";
            lines[path] = line + 1;
            Key(KeyPath.Child(path, "id"), "  - ", "id", Scalar(person.Id));
            Key(KeyPath.Child(path, "name"), "    ", "name", Scalar(person.Name));
            Key(KeyPath.Child(path, "email"), "    ", "email", Scalar(person.Email));
            Key(KeyPath.Child(path, "teams"), "    ", "teams", "[" + string.Join(", ", person.Teams.Select(Scalar)) + "]");
            if (person.RequestedTeams.Count > 0)
            {
                Key(KeyPath.Child(path, "requestedTeams"), "    ", "requestedTeams", "[" + string.Join(", ", person.RequestedTeams.Select(Scalar)) + "]");
            }
            if (person.Approvals.Count > 0)
            {
                Key(KeyPath.Child(path, "approvals"), "    ", "approvals", "");
                for (var i = 0; i < person.Approvals.Count; i++)
                {
                    var approval = person.Approvals[i];
                    var approvalPath = KeyPath.Item(KeyPath.Child(path, "approvals"), i);
                    // One line per approval, as a flow mapping: every key of it is on that line.
                    lines[approvalPath] = lines[KeyPath.Child(approvalPath, "team")] = lines[KeyPath.Child(approvalPath, "approver")] = lines[KeyPath.Child(approvalPath, "date")] = ++line;
                    text.Append($"      - {{ team: {Scalar(approval.Team)}, approver: {Scalar(approval.Approver)}, date: {Date(approval.Date)} }}\n");
                }
            }
            Key(KeyPath.Child(path, "contract"), "    ", "contract", ValueReader.EnumName(person.Contract));
            Key(KeyPath.Child(path, "start"), "    ", "start", Date(person.Start));
            if (person.End is { } end)
            {
                Key(KeyPath.Child(path, "end"), "    ", "end", Date(end));
            }
            if (person.EndsAt is { } endsAt)
            {
                Key(KeyPath.Child(path, "endsAt"), "    ", "endsAt", endsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }
            if (person.Grants.Count == 0)
            {
                continue;
            }
            Key(KeyPath.Child(path, "grants"), "    ", "grants", "");
            for (var i = 0; i < person.Grants.Count; i++)
            {
                var grant = person.Grants[i];
                var grantPath = KeyPath.Item(KeyPath.Child(path, "grants"), i);
                lines[grantPath] = line + 1;
                Key(KeyPath.Child(grantPath, "system"), "      - ", "system", Scalar(grant.System));
                Key(KeyPath.Child(grantPath, "access"), "        ", "access", Scalar(grant.Access));
                Key(KeyPath.Child(grantPath, "reason"), "        ", "reason", Scalar(grant.Reason));
                Key(KeyPath.Child(grantPath, "approver"), "        ", "approver", Scalar(grant.Approver));
                Key(KeyPath.Child(grantPath, "start"), "        ", "start", Date(grant.Start));
                Key(KeyPath.Child(grantPath, "expires"), "        ", "expires", Date(grant.Expires));
            }
        }
        return (text.ToString(), lines);
    }

    /// <summary>Whether <paramref name="fileText"/> is exactly the canonical text of <paramref name="people"/>.</summary>
    public static bool IsCanonical(string fileText, IEnumerable<PersonDefinition> people)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        return string.Equals(fileText, Write(people), StringComparison.Ordinal);
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Plain where YAML reads it back as the same text; otherwise double-quoted (JSON escapes are valid YAML escapes).</summary>
    private static string Scalar(string value) =>
        PlainSafe().IsMatch(value) && !Reserved().IsMatch(value)
            ? value
            : $"\"{JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"";

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ._'()/+@&,-]*(?<! )$")]
    private static partial Regex PlainSafe();

    // Words and numbers a YAML reader could take for something other than text.
    [GeneratedRegex(@"^(null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9][0-9_.:eE+-]*)$")]
    private static partial Regex Reserved();
}
