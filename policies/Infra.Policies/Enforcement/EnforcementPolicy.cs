using Infra.Policies.Rules;
using YamlDotNet.RepresentationModel;

namespace Infra.Policies.Enforcement;

/// <summary>
/// Enforcement levels per rule and per stack, from <c>policies/enforcement.yaml</c>:
/// <code>
/// rules:                      # all stacks
///   aws-rds-iam-authentication: mandatory
/// stacks:
///   staging:                  # this stack only; wins over rules:
///     aws-lb-access-logs-enabled: advisory
/// </code>
/// Levels: advisory, mandatory, disabled. A rule not listed keeps its default.
/// </summary>
public sealed class EnforcementPolicy
{
    private readonly Dictionary<string, EnforcementLevel> _rules;
    private readonly Dictionary<string, Dictionary<string, EnforcementLevel>> _stacks;

    private EnforcementPolicy(Dictionary<string, EnforcementLevel> rules, Dictionary<string, Dictionary<string, EnforcementLevel>> stacks)
    {
        _rules = rules;
        _stacks = stacks;
    }

    public static EnforcementPolicy Defaults { get; } = new([], []);

    public EnforcementLevel LevelFor(PolicyRule rule, string stack)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (_stacks.TryGetValue(stack, out var overrides) && overrides.TryGetValue(rule.Id, out var stackLevel))
        {
            return stackLevel;
        }

        return _rules.TryGetValue(rule.Id, out var level) ? level : rule.DefaultEnforcement;
    }

    public static EnforcementPolicy Load(string path, IEnumerable<PolicyRule> rules)
    {
        var diagnostics = new List<PolicyFileDiagnostic>();
        var text = YamlDocument.ReadText(path, diagnostics);
        return diagnostics.Count > 0 ? throw new PolicyFileException(diagnostics) : Parse(text, path, rules);
    }

    public static EnforcementPolicy Parse(string text, string file, IEnumerable<PolicyRule> rules)
    {
        var known = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var diagnostics = new List<PolicyFileDiagnostic>();
        var root = YamlDocument.LoadMapping(text, file, diagnostics);
        var ruleLevels = new Dictionary<string, EnforcementLevel>(StringComparer.Ordinal);
        var stackLevels = new Dictionary<string, Dictionary<string, EnforcementLevel>>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in (root ?? new YamlMappingNode()).Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "rules":
                    ReadLevels(value, "rules", file, known, ruleLevels, diagnostics);
                    break;
                case "stacks":
                    if (value is not YamlMappingNode stacks)
                    {
                        diagnostics.Add(new(file, "stacks", YamlDocument.Line(value), "expected a mapping of stack names to rule levels"));
                        break;
                    }

                    foreach (var (stackNode, levels) in stacks.Children)
                    {
                        var stack = (stackNode as YamlScalarNode)?.Value ?? "";
                        var map = new Dictionary<string, EnforcementLevel>(StringComparer.Ordinal);
                        ReadLevels(levels, "stacks." + stack, file, known, map, diagnostics);
                        stackLevels[stack] = map;
                    }

                    break;
                default:
                    diagnostics.Add(new(file, key, YamlDocument.Line(keyNode), $"unknown key '{key}'; allowed: rules, stacks"));
                    break;
            }
        }

        return diagnostics.Count > 0 ? throw new PolicyFileException(diagnostics) : new EnforcementPolicy(ruleLevels, stackLevels);
    }

    private static void ReadLevels(YamlNode node, string path, string file, HashSet<string> known,
        Dictionary<string, EnforcementLevel> into, List<PolicyFileDiagnostic> diagnostics)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return;
        }

        if (node is not YamlMappingNode map)
        {
            diagnostics.Add(new(file, path, YamlDocument.Line(node), "expected a mapping of rule ids to levels"));
            return;
        }

        foreach (var (ruleNode, levelNode) in map.Children)
        {
            var ruleId = (ruleNode as YamlScalarNode)?.Value ?? "";
            var keyPath = YamlDocument.Child(path, ruleId);
            if (!known.Contains(ruleId))
            {
                diagnostics.Add(new(file, keyPath, YamlDocument.Line(ruleNode), $"'{ruleId}' is not a rule id{Suggestion(ruleId, known)}"));
                continue;
            }

            var text = (levelNode as YamlScalarNode)?.Value;
            if (ParseLevel(text) is { } level)
            {
                into[ruleId] = level;
            }
            else
            {
                diagnostics.Add(new(file, keyPath, YamlDocument.Line(levelNode), $"'{text}' is not a level; allowed: advisory, mandatory, disabled"));
            }
        }
    }

    internal static EnforcementLevel? ParseLevel(string? text) => text switch
    {
        "advisory" => EnforcementLevel.Advisory,
        "mandatory" => EnforcementLevel.Mandatory,
        "disabled" => EnforcementLevel.Disabled,
        _ => null,
    };

    internal static string Suggestion(string id, IEnumerable<string> known)
    {
        var words = id.Split('-');
        var best = known.MaxBy(k => k.Split('-').Count(words.Contains));
        return best is not null && best.Split('-').Count(words.Contains) >= 2 ? $"; did you mean '{best}'?" : "";
    }
}
