using System.Text.RegularExpressions;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vault;

/// <summary>
/// Vault policies grant no <c>sudo</c> capability and nothing on the root path <c>*</c>.
/// Flags: <c>path "sys/*" { capabilities = ["read", "sudo"] }</c> or <c>path "*" { capabilities = ["read"] }</c>.
/// The platform's break-glass policy, if any, carries a waiver.
/// </summary>
public sealed partial class VaultPolicyNoSudoRule : PolicyRule
{
    public const string Code = "vault-policy-no-sudo-or-root";

    public override string Id => Code;

    public override string Title => "Vault policies grant no sudo and nothing on the root path";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.VaultPolicy];

    public override string Rationale => "sudo and '*' paths amount to root on Vault: every credential of the bank.";

    public override string Remediation => "Grant the paths and capabilities the team needs; root-level operations use the break-glass procedure.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 7.2.2", "ISO 27001 A.8.2", "DORA Art. 9"];

    protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("name").AsString() == "root")
        {
            yield return "the policy is named 'root'";
        }

        if (resource.Property("policy").AsString() is not { } text)
        {
            yield break;
        }

        foreach (Match block in PathBlock().Matches(text))
        {
            var path = block.Groups["path"].Value;
            var capabilities = Capabilities().Match(block.Groups["body"].Value) is { Success: true } list
                ? Quoted().Matches(list.Groups["list"].Value).Select(m => m.Groups[1].Value).ToList()
                : [];
            if (capabilities.Contains("sudo"))
            {
                yield return $"path \"{path}\" grants sudo";
            }

            if (path is "*" or "/*" && capabilities.Any(c => c != "deny"))
            {
                yield return $"path \"{path}\" grants {string.Join(", ", capabilities)} on everything (root-equivalent)";
            }
        }
    }

    [GeneratedRegex("""path\s+"(?<path>[^"]*)"\s*\{(?<body>[^}]*)\}""")]
    private static partial Regex PathBlock();

    [GeneratedRegex("""capabilities\s*=\s*\[(?<list>[^\]]*)\]""")]
    private static partial Regex Capabilities();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();
}
