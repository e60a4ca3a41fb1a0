using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.StackWide;

/// <summary>
/// The state's secrets are encrypted by an AWS KMS key (the stack file's <c>secretsprovider: awskms://...</c>), whose key
/// policy decides who can decrypt them; judged on a <c>pulumi stack export</c> (a preview does not say).
/// Flags: <c>"secrets_providers": {"type": "passphrase", ...}</c>, where anyone with the one passphrase reads both stacks.
/// </summary>
public sealed class StateSecretsProviderRule : PolicyRule
{
    public const string Code = "state-secrets-provider-kms";

    private const string KmsScheme = "awskms://";

    public override string Id => Code;

    public override string Title => "State secrets are encrypted with the stack's KMS key";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.Stack];

    public override string Rationale => "A KMS key policy lets only the apply roles and the protected preview role decrypt; a passphrase is one shared secret that any job holding it can use on every stack.";

    public override string Remediation => "pulumi stack change-secrets-provider \"awskms://alias/infra-pulumi-<stack>?region=eu-west-3\" (README, State backend).";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.24", "DORA Art. 9"];

    public override IEnumerable<RuleFinding> Evaluate(ResourceSet resources, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(context);
        if (resources.SecretsProvider is not { } provider
            || (provider.Type == "cloud" && provider.Url is { } url && url.StartsWith(KmsScheme, StringComparison.Ordinal)))
        {
            yield break;
        }

        var urn = resources.OfType(TypeTokens.Stack) is [var stack, ..]
            ? stack.Urn
            : $"urn:pulumi:{context.StackName}::infra::{TypeTokens.Stack}::infra-{context.StackName}";
        var found = provider.Type == "cloud" ? $"the cloud provider '{provider.Url}'" : $"'{provider.Type}'";
        yield return new RuleFinding(Id, urn, TypeTokens.Stack, $"the state's secrets provider is {found}; it must be an AWS KMS key ({KmsScheme}...)");
    }
}
