using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Identity;

/// <summary>
/// A role's trust policy lets no one at all assume it, and another account only with a condition that pins
/// <c>sts:ExternalId</c> or <c>aws:PrincipalOrgID</c> to a value (a negated, <c>IfExists</c> or wildcard-only test pins nothing).
/// An AWS principal whose account cannot be read (<c>arn:aws:iam::*:root</c>) counts as another account. An OIDC provider
/// (GitLab CI) is trusted only with a condition that pins the token's subject (<c>gitlab.example-bank.eu:sub</c>), else
/// every project of that GitLab could assume the role.
/// Flags: <c>assumeRolePolicy: {"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}</c>, or
/// <c>"Principal":{"AWS":"arn:aws:iam::999988887777:root"}</c> without a condition.
/// </summary>
public sealed class IamRoleTrustRule : PolicyRule
{
    public const string Code = "aws-iam-role-trust-restricted";

    private static readonly string[] CrossAccountGuards = ["sts:ExternalId", "aws:PrincipalOrgID"];

    public override string Id => Code;

    public override string Title => "Role trust policies admit no one at large, and other accounts only with a condition";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.IamRole];

    public override string Rationale => "Whoever may assume a role holds its permissions; Principal '*' opens it to every AWS account, and an unconditioned cross-account trust to anyone in that account (the confused deputy).";

    public override string Remediation => "Name the service or the account's role ARN as principal; for another account add a Condition on sts:ExternalId or aws:PrincipalOrgID.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 1.16", "PCI DSS 7.2.1", "PCI DSS 8.2.2", "ISO 27001 A.5.15", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        const string Path = "assumeRolePolicy";
        var trust = PolicyDocument.Parse(resource.Property(Path));
        if (!trust.IsReadable)
        {
            yield return new PropertyIssue(Path, $"{Path} cannot be judged: {trust.Error}");
            yield break;
        }

        var ownAccount = OwnAccount(resource);
        foreach (var statement in trust.Statements.Where(s => s.IsAllow))
        {
            foreach (var provider in statement.Principals.Where(p => p.Kind == "Federated").Select(p => OidcProvider(p.Value)).OfType<string>())
            {
                if (!statement.Pins($"{provider}:sub"))
                {
                    yield return new PropertyIssue(Path, $"{Path} Statement[{statement.Index}] lets any identity of the OIDC provider {provider} assume the role: no condition pins "
                        + $"{provider}:sub (StringEquals or StringLike to one project and branch)");
                }
            }

            var guarded = CrossAccountGuards.Any(statement.Pins);
            foreach (var principal in statement.Principals.Where(p => p.Kind is "*" or "AWS"))
            {
                if (principal.IsEveryone && !statement.Pins("aws:PrincipalOrgID"))
                {
                    yield return new PropertyIssue(Path, $"{Path} Statement[{statement.Index}] lets any AWS principal ('*') assume the role without a condition that pins aws:PrincipalOrgID "
                        + "(StringEquals or StringLike to the organization; a Not... or ...IfExists test lets others in)");
                }
                else if (!principal.IsEveryone && !guarded && (principal.Account is null || principal.Account != ownAccount))
                {
                    yield return new PropertyIssue(Path, ownAccount is null
                        ? $"{Path} Statement[{statement.Index}] trusts {principal.Value} without a condition pinning sts:ExternalId or aws:PrincipalOrgID (the role's own account is not known yet, so it counts as another account)"
                        : $"{Path} Statement[{statement.Index}] trusts {principal.Value} of another account than {ownAccount} without a condition pinning sts:ExternalId or aws:PrincipalOrgID");
                }
            }
        }
    }

    /// <summary>The host of an OIDC provider principal (<c>arn:aws:iam::444455556666:oidc-provider/gitlab.example-bank.eu</c>); null for SAML and others.</summary>
    private static string? OidcProvider(string federated)
    {
        const string Marker = ":oidc-provider/";
        var at = federated.IndexOf(Marker, StringComparison.Ordinal);
        return at > 0 && federated.Length > at + Marker.Length ? federated[(at + Marker.Length)..] : null;
    }

    /// <summary>The account of the role, from its ARN (an output: unknown before the role exists).</summary>
    private static string? OwnAccount(PolicyResource role) =>
        role.Property("arn").AsString() is { } arn ? new PolicyPrincipal("AWS", arn).Account : null;
}
