namespace Infra.Policies.Rules;

/// <summary>Whether a rule judges one resource at a time or needs the whole stack (e.g. "every fleet spans two zones").</summary>
public enum RuleScope
{
    Resource,
    Stack,
}
