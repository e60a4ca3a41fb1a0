using System.Globalization;
using Infra.Policies.Rules;
using YamlDotNet.RepresentationModel;

namespace Infra.Policies.Enforcement;

/// <summary>
/// The waivers of <c>policies/waivers.yaml</c>:
/// <code>
/// waivers:
///   - rule: aws-lb-access-logs-enabled
///     resource: "urn:pulumi:staging::infra::*::internal-lb"   # a URN or a glob
///     justification: CHG-10401 log bucket moves to the new archive account
///     approver: adupont
///     expires: 2026-12-15                                      # inclusive, UTC
/// </code>
/// </summary>
public sealed class WaiverSet
{
    private static readonly string[] Keys = ["rule", "resource", "justification", "approver", "expires"];

    private WaiverSet(IReadOnlyList<Waiver> waivers) => Waivers = waivers;

    public static WaiverSet Empty { get; } = new([]);

    public IReadOnlyList<Waiver> Waivers { get; }

    public static WaiverSet Load(string path, IEnumerable<PolicyRule> rules)
    {
        var diagnostics = new List<PolicyFileDiagnostic>();
        var text = YamlDocument.ReadText(path, diagnostics);
        return diagnostics.Count > 0 ? throw new PolicyFileException(diagnostics) : Parse(text, path, rules);
    }

    public static WaiverSet Parse(string text, string file, IEnumerable<PolicyRule> rules)
    {
        var known = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var diagnostics = new List<PolicyFileDiagnostic>();
        var root = YamlDocument.LoadMapping(text, file, diagnostics);
        var waivers = new List<Waiver>();
        foreach (var (keyNode, value) in (root ?? new YamlMappingNode()).Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (key != "waivers")
            {
                diagnostics.Add(new(file, key, YamlDocument.Line(keyNode), $"unknown key '{key}'; allowed: waivers"));
                continue;
            }

            if (value is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            if (value is not YamlSequenceNode list)
            {
                diagnostics.Add(new(file, "waivers", YamlDocument.Line(value), "expected a list of waivers"));
                continue;
            }

            for (var i = 0; i < list.Children.Count; i++)
            {
                if (ReadWaiver(list.Children[i], $"waivers[{i}]", file, known, diagnostics) is { } waiver)
                {
                    waivers.Add(waiver);
                }
            }
        }

        return diagnostics.Count > 0 ? throw new PolicyFileException(diagnostics) : new WaiverSet(waivers);
    }

    private static Waiver? ReadWaiver(YamlNode node, string path, string file, HashSet<string> known, List<PolicyFileDiagnostic> diagnostics)
    {
        if (node is not YamlMappingNode map)
        {
            diagnostics.Add(new(file, path, YamlDocument.Line(node), "expected a waiver with rule, resource, justification, approver and expires"));
            return null;
        }

        var values = new Dictionary<string, (string Text, int Line)>(StringComparer.Ordinal);
        var before = diagnostics.Count;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(key))
            {
                diagnostics.Add(new(file, YamlDocument.Child(path, key), YamlDocument.Line(keyNode), $"unknown key '{key}'; allowed: {string.Join(", ", Keys)}"));
            }
            else if (valueNode is not YamlScalarNode { Value: { Length: > 0 } text })
            {
                diagnostics.Add(new(file, YamlDocument.Child(path, key), YamlDocument.Line(valueNode), "expected a non-empty text"));
            }
            else
            {
                values[key] = (text.Trim(), YamlDocument.Line(valueNode));
            }
        }

        foreach (var missing in Keys.Where(k => !values.ContainsKey(k) && !map.Children.Keys.OfType<YamlScalarNode>().Any(n => n.Value == k)))
        {
            diagnostics.Add(new(file, YamlDocument.Child(path, missing), YamlDocument.Line(map), $"missing required key '{missing}'"));
        }

        if (values.TryGetValue("rule", out var rule) && !known.Contains(rule.Text))
        {
            diagnostics.Add(new(file, path + ".rule", rule.Line, $"'{rule.Text}' is not a rule id{EnforcementPolicy.Suggestion(rule.Text, known)}"));
        }

        DateOnly expires = default;
        if (values.TryGetValue("expires", out var date)
            && !DateOnly.TryParseExact(date.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out expires))
        {
            diagnostics.Add(new(file, path + ".expires", date.Line, $"'{date.Text}' is not a date; expected YYYY-MM-DD"));
        }

        return diagnostics.Count > before
            ? null
            : new Waiver(values["rule"].Text, values["resource"].Text, values["justification"].Text, values["approver"].Text, expires, file, YamlDocument.Line(map));
    }
}
