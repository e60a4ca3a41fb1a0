using System.Text;
using System.Text.RegularExpressions;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Compute;

/// <summary>
/// User data holds no credential: it is readable by anyone who may describe the instance, and by every process on it
/// through the metadata service. The findings name the kind of credential and its line, never its value.
/// Flags: <c>userData: "export AWS_ACCESS_KEY_ID=AKIA..."</c>, a private key block, a Vault or GitLab token, <c>password=...</c>.
/// </summary>
public sealed partial class UserDataNoSecretsRule : PolicyRule
{
    public const string Code = "aws-ec2-user-data-no-secrets";

    public override string Id => Code;

    public override string Title => "User data holds no credentials";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.LaunchTemplate, TypeTokens.Instance];

    public override string Rationale => "User data is stored in clear with the instance, shown to anyone with ec2:DescribeInstanceAttribute and served to every process on the server; a credential there is a credential for all of them.";

    public override string Remediation => "Remove the credential and rotate it; let the Vault agent log in with the instance's IAM role and render the secret on the server.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 8.3.2", "PCI DSS 8.6.2", "ISO 27001 A.5.17"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        foreach (var property in (string[])["userData", "userDataBase64"])
        {
            if (resource.Property(property).AsString() is not { Length: > 0 } value)
            {
                continue;
            }

            var lines = Decode(value).Split('\n');
            for (var line = 0; line < lines.Length; line++)
            {
                foreach (var (pattern, kind) in Credentials)
                {
                    if (pattern.IsMatch(lines[line]))
                    {
                        yield return new PropertyIssue(property, $"line {line + 1} of the user data holds {kind}");
                    }
                }
            }
        }
    }

    /// <summary>Launch templates and userDataBase64 carry base64; an instance's userData is the script itself.</summary>
    private static string Decode(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : value;
    }

    private static readonly (Regex Pattern, string Kind)[] Credentials =
    [
        (AwsAccessKey(), "an AWS access key id"),
        (PrivateKey(), "a private key"),
        (VaultToken(), "a Vault token"),
        (GitLabToken(), "a GitLab token"),
        (PasswordAssignment(), "a password"),
    ];

    [GeneratedRegex(@"\b(AKIA|ASIA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex("-----BEGIN ([A-Z]+ )?PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\bhv[sbr]\.[A-Za-z0-9_-]{20,}")]
    private static partial Regex VaultToken();

    [GeneratedRegex(@"\bglpat-[A-Za-z0-9_-]{20,}")]
    private static partial Regex GitLabToken();

    /// <summary>A literal after <c>password=</c> or <c>password:</c>; a variable, template or file path is no literal.</summary>
    [GeneratedRegex(@"(?i)\b\w*(password|passwd)\w*\s*[=:]\s*[""']?(?![$/{<%])[^\s""']{6,}")]
    private static partial Regex PasswordAssignment();
}
