using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Consul;

/// <summary>
/// Service mesh intentions allow named callers to named services: never a wildcard source or destination.
/// Flags: <c>sources: [{ name: "*", action: "allow" }]</c>, an allow permission of a <c>*</c> source, an entry for
/// destination <c>*</c> that allows anything, and a legacy <c>consul.Intention { sourceName: "*", action: "allow" }</c>.
/// </summary>
public sealed class ConsulIntentionsNoAllowAnyRule : PolicyRule
{
    public const string Code = "consul-intentions-no-wildcard-allow";

    private const string Any = "*";

    public override string Id => Code;

    public override string Title => "Service intentions allow no wildcard source or destination";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.ConsulServiceIntentions, TypeTokens.ConsulIntention];

    public override string Rationale => "Where Connect sidecars enforce them, intentions segment the services: an allow for every caller lets a compromised service reach the ledger or the card authorizer. (The repository's stacks run no Connect and declare no intentions: their security groups are the control.)";

    public override string Remediation => "Allow each caller by name (the stack derives them from dependsOn) and end with a deny from \"*\".";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 1.3.1", "ISO 27001 A.8.22", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Type == TypeTokens.ConsulIntention)
        {
            if (resource.Property("action").AsString() == "allow")
            {
                foreach (var side in (string[])["sourceName", "destinationName"])
                {
                    if (resource.Property(side).AsString() == Any)
                    {
                        yield return new PropertyIssue(side, $"{side} is \"*\" with action allow");
                    }
                }
            }

            yield break;
        }

        var anyDestination = resource.Property("name").AsString() == Any;
        var sources = resource.Property("sources").Items;
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            if (source.IsUnknown || (source["name"].AsString() != Any && !anyDestination))
            {
                continue;
            }

            var who = anyDestination ? $"'{source["name"].AsString()}' to every service" : "every service";
            if (source["action"].AsString() == "allow")
            {
                yield return new PropertyIssue($"sources[{i}].action", $"sources[{i}] allows {who}");
            }

            var permissions = source["permissions"].Items;
            for (var j = 0; j < permissions.Count; j++)
            {
                if (permissions[j]["action"].AsString() == "allow")
                {
                    yield return new PropertyIssue($"sources[{i}].permissions[{j}].action", $"sources[{i}].permissions[{j}] allows {who}");
                }
            }
        }
    }
}
