namespace Infra.Policies.Rules;

/// <summary>What a violation does: a mandatory one fails the run, an advisory one is reported, a disabled rule is not run.</summary>
public enum EnforcementLevel
{
    Advisory,
    Mandatory,
    Disabled,
}
