namespace Infra.Policies.Rules.Frameworks;

/// <summary>One clause a rule helps meet, parsed from the rule's framework text (<c>"CIS AWS 5.2"</c> is framework CIS AWS, clause 5.2).</summary>
public sealed record FrameworkClause(ComplianceFramework Framework, string Clause)
{
    /// <summary>The clause of a rule's framework text; null when the text names no known framework.</summary>
    public static FrameworkClause? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var framework = ComplianceFramework.All.FirstOrDefault(f => text.StartsWith(f.Prefix + " ", StringComparison.Ordinal));
        return framework is null ? null : new FrameworkClause(framework, text[(framework.Prefix.Length + 1)..]);
    }

    public override string ToString() => $"{Framework.Prefix} {Clause}";
}
