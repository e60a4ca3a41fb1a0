using System.Security.Cryptography;
using System.Text;
using Infra.Policies.Rules;

namespace Infra.Policies.Evaluation;

/// <summary>One rule broken by one resource (or one waiver entry), with what the run makes of it.</summary>
public sealed record Violation(
    string RuleId,
    string Title,
    RuleSeverity Severity,
    EnforcementLevel Enforcement,
    string Stack,
    string Urn,
    string ResourceType,
    string Message,
    SourceLocation Location,
    AppliedWaiver? Waiver,
    bool InBaseline)
{
    public ViolationOutcome Outcome => Waiver is not null ? ViolationOutcome.Waived
        : InBaseline ? ViolationOutcome.Baselined
        : Enforcement == EnforcementLevel.Mandatory ? ViolationOutcome.Failing
        : ViolationOutcome.Advisory;

    public bool Fails => Outcome == ViolationOutcome.Failing;

    /// <summary>The property to change (<c>ingress[2].cidrBlocks[0]</c>) when the rule knows it.</summary>
    public string? PropertyPath { get; init; }

    /// <summary>A stable id of this finding (stack, URN, rule and message), for GitLab Code Quality and SARIF.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Stack}\n{Urn}\n{RuleId}\n{Message}")));
}
