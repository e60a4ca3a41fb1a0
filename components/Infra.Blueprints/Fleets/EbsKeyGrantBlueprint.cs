using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// The KMS grant that lets Auto Scaling launch fleets whose root volumes are encrypted with the
/// environment's key of one region. The key is managed outside the stack and named by its alias;
/// a grant needs the key itself, so the component resolves the alias in the region first.
/// </summary>
/// <param name="Name">The component's name and the grant's name in KMS.</param>
/// <param name="KeyAlias">The alias the fleets' launch templates use, e.g. <c>alias/infra-staging</c>.</param>
/// <param name="GranteePrincipal">The account's Auto Scaling service-linked role.</param>
/// <param name="Operations">What AWS documents the role needs to launch instances with encrypted volumes.</param>
public sealed record EbsKeyGrantBlueprint(
    string Name,
    string Region,
    string KeyAlias,
    string GranteePrincipal,
    EquatableList<string> Operations);
