using Infra.Policies.Model;

namespace Infra.Policies.Rules.Secrets;

/// <summary>
/// Credentials in resource inputs are Pulumi secrets, never plain text in the state.
/// Flags: <c>new aws.rds.Cluster("ledger", { masterPassword: "hunter2" })</c> where the value was not an <c>Output.CreateSecret</c>.
/// The message names the property, never its value.
/// </summary>
public sealed class CredentialsAreSecretsRule : PolicyRule
{
    public const string Code = "pulumi-credentials-are-secrets";

    private static readonly HashSet<string> CredentialNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "masterPassword", "secretKey", "secretAccessKey", "privateKey", "token", "apiKey", "clientSecret",
        "accessToken", "saslPassword", "adminPassword", "rootPassword",
    };

    public override string Id => Code;

    public override string Title => "Credentials in inputs are secrets";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } = ["*"];

    public override string Rationale => "The state is readable by every pipeline; a credential in plain text there is a credential leaked.";

    public override string Remediation => "Pass the value from secret config or Output.CreateSecret; rotate the credential that was exposed.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 8.3.2", "ISO 27001 A.5.17", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (!HoldsCredential(resource.Inputs))
        {
            return [];
        }

        List<string>? found = null;
        Walk(resource.Inputs, "", ref found);
        return found?.Select(path => new PropertyIssue(path, $"input '{path}' holds a credential in plain text")) ?? [];
    }

    /// <summary>Whether any plain-text credential is in the tree: a walk without paths, since nearly every resource has none.</summary>
    private static bool HoldsCredential(PropertyValue value)
    {
        if (value.Kind == PropertyKind.Map)
        {
            foreach (var (key, child) in value.Fields)
            {
                if (child.Kind == PropertyKind.Text ? CredentialNames.Contains(key) && child.AsString()!.Length > 0
                    : child.Kind is PropertyKind.Map or PropertyKind.List && HoldsCredential(child))
                {
                    return true;
                }
            }
        }
        else if (value.Kind == PropertyKind.List)
        {
            var items = value.Items;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Kind is PropertyKind.Map or PropertyKind.List && HoldsCredential(items[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Collects the paths of plain-text credentials, for a tree that holds one.</summary>
    private static void Walk(PropertyValue value, string path, ref List<string>? found)
    {
        if (value.Kind == PropertyKind.Map)
        {
            foreach (var (key, child) in value.Fields)
            {
                if (child.Kind == PropertyKind.Text)
                {
                    if (CredentialNames.Contains(key) && child.AsString()!.Length > 0)
                    {
                        (found ??= []).Add(path.Length == 0 ? key : path + "." + key);
                    }
                }
                else if (child.Kind is PropertyKind.Map or PropertyKind.List)
                {
                    Walk(child, path.Length == 0 ? key : path + "." + key, ref found);
                }
            }
        }
        else if (value.Kind == PropertyKind.List)
        {
            for (var i = 0; i < value.Items.Count; i++)
            {
                if (value.Items[i].Kind is PropertyKind.Map or PropertyKind.List)
                {
                    Walk(value.Items[i], $"{path}[{i}]", ref found);
                }
            }
        }
    }
}
