using System.Text.RegularExpressions;
using Infra.Blueprints.People;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.People;

/// <summary>
/// People never hold write on Consul service registrations: whoever holds such a token can re-register
/// <c>payments-db</c> and send its clients elsewhere. Judges the ACL policies that people's tokens carry (a policy
/// named in a token managed by the people component, or a policy managed by it).
/// Flags: <c>new consul.AclPolicy("people-write", { rules: "service_prefix \"\" { policy = \"write\" }" })</c>.
/// </summary>
public sealed partial class PeopleConsulNoServiceWriteRule : PolicyRule
{
    public const string Code = "people-consul-no-service-write";

    public override string Id => Code;

    public override string Title => "People hold no write on Consul service registrations";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.ConsulAclPolicy];

    public override string Rationale => "A person who can register a service can redirect its clients (payments-db to a host of their choosing); only the fleets register their own services.";

    public override string Remediation => "Give people read on service and service_prefix rules; services are registered by the fleets' own tokens.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 7.2.2", "ISO 27001 A.8.2", "ISO 27001 A.8.3"];

    /// <summary>The whole stack: whether a policy is a person's is read from the tokens that name it.</summary>
    public override RuleScope Scope => RuleScope.Stack;

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var name = resource.Property("name").AsString();
        var managed = $"managed by {PeopleNames.ManagedBy}";
        var peoples = (resource.Property("description").AsString() ?? "").Contains(managed, StringComparison.Ordinal)
            || resources.OfType(TypeTokens.ConsulAclToken).Any(t =>
                (t.Property("description").AsString() ?? "").EndsWith(managed, StringComparison.Ordinal)
                && name is not null && t.Property("policies").AsStrings().Contains(name, StringComparer.Ordinal));
        if (!peoples)
        {
            yield break;
        }
        foreach (Match write in ServiceWrite().Matches(resource.Property("rules").AsString() ?? ""))
        {
            yield return new PropertyIssue("rules", $"the people's policy {name} grants {write.Groups["policy"].Value} on {write.Groups["kind"].Value} \"{write.Groups["prefix"].Value}\": a person could re-register a service");
        }
    }

    // service "x" { policy = "write" } and service_prefix "" { policy = "write" }; HCL or JSON-like spacing.
    [GeneratedRegex("""\b(?<kind>service_prefix|service)\s+"(?<prefix>[^"]*)"\s*\{[^}]*?\bpolicy\s*=\s*"(?<policy>write)"[^}]*\}""", RegexOptions.Singleline)]
    private static partial Regex ServiceWrite();
}
