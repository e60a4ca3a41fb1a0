using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// The kinds of temporary grant, each a real resource that expires: <c>database/&lt;db&gt;</c> (a Vault database role
/// only the person's entity may use), <c>gitlab/&lt;group&gt;</c> (a membership with <c>expires_at</c>),
/// <c>vpn/&lt;cidr&gt;</c> (a Client VPN authorization rule for the person), <c>consul/&lt;stack&gt;</c> (the person's
/// Consul token at that level in that stack) and <c>session/&lt;stack&gt;/&lt;service&gt;</c> (Session Manager's channel on
/// the service's fleet role until the grant ends: the way onto a restricted fleet), with the access levels each takes.
/// </summary>
public static class GrantKinds
{
    public const string Database = "database";
    public const string GitLab = "gitlab";
    public const string Vpn = "vpn";
    public const string Consul = "consul";
    public const string Session = "session";

    /// <summary>The access levels of each kind; GitLab owner stays with the platform team, never a grant.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Levels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Database] = ["read", "write"],
        [GitLab] = [.. Enum.GetValues<GitLabAccessLevel>().Where(l => l != GitLabAccessLevel.Owner).Select(l => l.ToString().ToLowerInvariant())],
        [Vpn] = ["connect"],
        [Consul] = ["read", "write"],
        [Session] = ["shell"],
    };

    /// <summary>What people.yaml's <c>system</c> of a grant may be, for error messages.</summary>
    public const string Allowed = "database/<database of the stack>, gitlab/<group>, vpn/<CIDR>, consul/<stack>, session/<stack>/<service>";

    /// <summary>The kind and the resource of a grant's <c>system</c> (<c>KIND/NAME</c>; the name may hold slashes).</summary>
    public static (string Kind, string Resource) Split(TemporaryGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var slash = grant.System.IndexOf('/', StringComparison.Ordinal);
        return (grant.System[..slash], grant.System[(slash + 1)..]);
    }
}
