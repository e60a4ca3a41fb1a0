using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>A Vault ACL policy as typed rules; <see cref="Hcl"/> is its canonical text.</summary>
public sealed record VaultPolicy(string Name, EquatableList<VaultPathGrant> Rules)
{
    public string Hcl => VaultPolicyHcl.Render(this);
}
