namespace Infra.Blueprints.People;

/// <summary>
/// The stack's Client VPN endpoint in one region. It is made outside the stack (its server certificate's key must not be
/// in Pulumi's state; docs/people-access.md, "The Client VPN endpoints") and looked up by its tag <c>Name</c>; the stack
/// puts the authorization rules on it, and <c>vpn-revocations:&lt;stack&gt;</c> imports the CRL into it.
/// </summary>
/// <param name="Name">The value of the endpoint's tag <c>Name</c>, <c>vpn-&lt;stack&gt;</c> in every region.</param>
public sealed record VpnEndpointBlueprint(string Region, string Name);
