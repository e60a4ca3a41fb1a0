namespace Infra.Blueprints.Definition;

/// <summary>Vault's policy capabilities, in the order canonical policies list them.</summary>
public enum VaultCapability
{
    Create,
    Read,
    Update,
    Patch,
    Delete,
    List,
    Sudo,
    Deny,
    Subscribe,
    Recover,
}
