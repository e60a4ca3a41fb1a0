using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Policies.Rules;

namespace Infra.PolicyPack.Analysis;

/// <summary>
/// The settings a policy accepts in <c>--policy-pack-config</c> besides its enforcement level: the bank's lists that
/// <see cref="PolicyContext"/> holds. Each is a list of strings; a policy not listed here takes no settings.
/// </summary>
internal static class RuleSettings
{
    private sealed record Setting(string RuleId, string Property, string Description, Func<PolicyContext, IReadOnlyList<string>, PolicyContext> Apply);

    private static readonly Setting[] All =
    [
        new(Policies.Rules.Governance.EuRegionsOnlyRule.Code, "allowedRegions", "AWS regions resources may live in (default: the EU member-state regions)",
            (context, values) => context with { AllowedRegions = values.ToHashSet(StringComparer.Ordinal) }),
        new(Policies.Rules.Compute.AllowedInstanceFamiliesRule.Code, "allowedFamilies", "Instance families the machine images are built for (e.g. m7i, r7g)",
            (context, values) => context with { AllowedInstanceFamilies = values.ToHashSet(StringComparer.Ordinal) }),
        new(Policies.Rules.Governance.MandatoryTagsRule.Code, "tags", "Tags every taggable resource carries",
            (context, values) => context with { MandatoryTags = values }),
    ];

    /// <summary>The JSON schema of a policy's settings as <c>PolicyInfo.configSchema</c>; null when it takes none.</summary>
    public static Protocol.PolicyConfigSchema? SchemaOf(string ruleId)
    {
        var settings = All.Where(s => s.RuleId == ruleId).ToList();
        if (settings.Count == 0)
        {
            return null;
        }

        var properties = new Struct();
        foreach (var setting in settings)
        {
            properties.Fields[setting.Property] = Value.ForStruct(new Struct
            {
                Fields =
                {
                    ["type"] = Value.ForString("array"),
                    ["items"] = Value.ForStruct(new Struct { Fields = { ["type"] = Value.ForString("string") } }),
                    ["description"] = Value.ForString(setting.Description),
                },
            });
        }

        return new Protocol.PolicyConfigSchema { Properties = properties };
    }

    /// <summary>Reads a policy's configured properties; anything but a known property holding a list of strings is InvalidArgument.</summary>
    public static IReadOnlyList<(string Property, IReadOnlyList<string> Values)> Read(string ruleId, Struct? properties)
    {
        var read = new List<(string, IReadOnlyList<string>)>();
        foreach (var (property, value) in properties?.Fields ?? [])
        {
            if (property == "enforcementLevel")
            {
                continue; // some engines echo the level among the properties; it is read from PolicyConfig.enforcementLevel
            }

            if (!All.Any(s => s.RuleId == ruleId && s.Property == property))
            {
                var allowed = All.Where(s => s.RuleId == ruleId).Select(s => s.Property).ToList();
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"policy '{ruleId}': unknown property '{property}'; " +
                    (allowed.Count == 0 ? "this policy takes no properties" : $"allowed: {string.Join(", ", allowed)}")));
            }

            if (value.KindCase != Value.KindOneofCase.ListValue || value.ListValue.Values.Any(v => v.KindCase != Value.KindOneofCase.StringValue))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"policy '{ruleId}': property '{property}' must be a list of strings"));
            }

            read.Add((property, [.. value.ListValue.Values.Select(v => v.StringValue)]));
        }

        return read;
    }

    /// <summary>The context with every configured setting applied.</summary>
    public static PolicyContext Apply(PolicyContext context, IReadOnlyDictionary<string, IReadOnlyList<(string Property, IReadOnlyList<string> Values)>> configured)
    {
        foreach (var setting in All)
        {
            if (configured.TryGetValue(setting.RuleId, out var values) && values.FirstOrDefault(v => v.Property == setting.Property) is { Values: { } list })
            {
                context = setting.Apply(context, list);
            }
        }

        return context;
    }
}
