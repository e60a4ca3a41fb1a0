namespace Infra.Blueprints.Account;

/// <summary>Who runs an account's security baseline: this stack, or the bank's central security account (the stack then only checks).</summary>
public enum BaselineMode
{
    Managed,
    CentralSecurityAccount,
}
