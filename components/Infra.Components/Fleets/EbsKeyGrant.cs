using Pulumi;
using Pulumi.Aws.Kms;

namespace Infra.Components.Fleets;

/// <summary>
/// The KMS grant of one region for the Auto Scaling service-linked role, mapped from its
/// <see cref="Infra.Blueprints.Fleets.EbsKeyGrantBlueprint"/>. The key is managed outside the stack:
/// its alias is resolved in the region (a grant takes a key, not an alias), and a missing alias
/// fails the deployment before any fleet launches. Output: <see cref="GrantId"/>.
/// </summary>
public sealed class EbsKeyGrant : ComponentResource
{
    public const string TypeToken = "infra:fleet:EbsKeyGrant";

    public EbsKeyGrant(string name, EbsKeyGrantArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var blueprint = RequiredArgs.Require(args.Blueprint, nameof(EbsKeyGrantArgs.Blueprint), "the grant maps its blueprint");
        var aws = RequiredArgs.Require(args.Aws, nameof(EbsKeyGrantArgs.Aws), "the Pulumi.Aws.Provider of the grant's region");

        var key = GetAlias.Invoke(new GetAliasInvokeArgs { Name = blueprint.KeyAlias }, new InvokeOptions { Parent = this, Provider = aws });
        var grant = new Grant(name, new GrantArgs
        {
            Name = blueprint.Name,
            KeyId = key.Apply(k => k.TargetKeyArn),
            GranteePrincipal = blueprint.GranteePrincipal,
            Operations = blueprint.Operations.ToList(),
            // Removing the grant from the stack takes the role's access away, not only Pulumi's record of it.
            RetireOnDelete = true,
        }, new CustomResourceOptions { Parent = this, Provider = aws });

        GrantId = grant.GrantId;
        RegisterOutputs(new Dictionary<string, object?> { ["grantId"] = GrantId });
    }

    [Output("grantId")]
    public Output<string> GrantId { get; private set; }
}
