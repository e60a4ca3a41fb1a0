namespace Infra.Policies.Rules;

/// <summary>How bad a violation is, lowest first.</summary>
public enum RuleSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
