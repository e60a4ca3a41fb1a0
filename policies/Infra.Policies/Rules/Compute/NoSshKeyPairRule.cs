using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Compute;

/// <summary>
/// Servers get no EC2 key pair: nobody logs in with a shared SSH key.
/// Flags: <c>new aws.ec2.LaunchTemplate("ledger", { keyName: "ops-2024" })</c>.
/// </summary>
public sealed class NoSshKeyPairRule : PolicyRule
{
    public const string Code = "aws-ec2-no-ssh-key-pair";

    public override string Id => Code;

    public override string Title => "Instances have no EC2 key pair";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.LaunchTemplate, TypeTokens.Instance];

    public override string Rationale => "A key pair is one private key shared by everyone who holds it, never expires and leaves no trace of who logged in; the servers are immutable and need no login.";

    public override string Remediation => "Remove keyName; for break-glass access use SSM Session Manager under a temporary grant, which is logged per person.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 8.2.2", "ISO 27001 A.5.17", "ISO 27001 A.8.5"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var keyName = resource.Property("keyName");
        if (!keyName.IsUnknown && keyName.AsString() is { Length: > 0 } name)
        {
            yield return new PropertyIssue("keyName", $"keyName is '{name}': the instances accept SSH logins with that shared key");
        }
    }
}
