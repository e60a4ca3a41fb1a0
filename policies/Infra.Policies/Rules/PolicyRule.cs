using Infra.Policies.Model;

namespace Infra.Policies.Rules;

/// <summary>
/// One compliance rule: a stable kebab-case id, metadata, and a check. A resource rule implements
/// <see cref="Check"/> for each resource of its <see cref="ResourceTypes"/> (a type ending in <c>*</c> is a
/// prefix); a stack rule overrides <see cref="Evaluate"/> and sees every resource at once.
/// </summary>
public abstract class PolicyRule
{
    public abstract string Id { get; }

    public abstract string Title { get; }

    public abstract RuleSeverity Severity { get; }

    public virtual EnforcementLevel DefaultEnforcement => EnforcementLevel.Mandatory;

    public abstract IReadOnlyList<string> ResourceTypes { get; }

    public abstract string Rationale { get; }

    public abstract string Remediation { get; }

    public abstract IReadOnlyList<string> Frameworks { get; }

    public virtual RuleScope Scope => RuleScope.Resource;

    /// <summary>The rule's section in policies/RULES.md.</summary>
    public string HelpUri => RuleCatalogDocument.HelpUriOf(Id);

    public RuleDescriptor Descriptor =>
        new(Id, Title, Severity, DefaultEnforcement, ResourceTypes, Rationale, Remediation, Frameworks);

    public bool AppliesTo(string type)
    {
        // Indexed, and a span of the prefix rather than a substring: wildcard rules and the policy pack ask this of every resource.
        var patterns = ResourceTypes;
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            if (pattern.EndsWith('*') ? type.AsSpan().StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal) : type == pattern)
            {
                return true;
            }
        }

        return false;
    }

    public virtual IEnumerable<RuleFinding> Evaluate(ResourceSet resources, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return ResourceTypes.Any(t => t.EndsWith('*')) ? Findings([resources], byType: true, resources, context)
            : Findings([.. ResourceTypes.Select(resources.OfType)], byType: false, resources, context);
    }

    /// <summary>The messages of what is wrong with one resource; empty when it complies.</summary>
    protected virtual IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context) => [];

    /// <summary>What is wrong with one resource, with the property each issue is about; rules that know the property override this instead of <see cref="Check"/>.</summary>
    protected virtual IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context) =>
        Check(resource, resources, context).Select(message => new PropertyIssue(null, message));

    protected RuleFinding Finding(PolicyResource resource, string message, string? propertyPath = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new RuleFinding(Id, resource.Urn, resource.Type, message, propertyPath);
    }

    /// <summary>
    /// One iterator for the whole run, indexing the lists (<paramref name="byType"/>: keeping the resources of the rule's
    /// types): a closure and two iterators per resource were most of what the catalog allocated over a large state, and
    /// the LINQ operators that replaced them two interface calls and a delegate per resource.
    /// </summary>
    private IEnumerable<RuleFinding> Findings(IReadOnlyList<PolicyResource>[] lists, bool byType, ResourceSet resources, PolicyContext context)
    {
        foreach (var list in lists)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var resource = list[i];
                if (byType && !AppliesTo(resource.Type))
                {
                    continue;
                }

                foreach (var issue in Inspect(resource, resources, context))
                {
                    yield return Finding(resource, issue.Message, issue.PropertyPath);
                }
            }
        }
    }
}
