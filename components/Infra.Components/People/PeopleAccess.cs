using System.Collections.Immutable;
using System.Globalization;
using Infra.Blueprints.People;
using Pulumi;
using Pulumi.Aws.Ec2ClientVpn;
using Pulumi.Consul;
using Pulumi.GitLab;
using Pulumi.Vault.Identity;
using GitLabGroup = Pulumi.GitLab.GetGroup;
using GitLabGroupArgs = Pulumi.GitLab.GetGroupInvokeArgs;
using VaultDatabase = Pulumi.Vault.Database;
using VaultGroup = Pulumi.Vault.Identity.Group;
using VaultGroupArgs = Pulumi.Vault.Identity.GroupArgs;
using Pulumi.Vault.PkiSecret;

namespace Infra.Components.People;

/// <summary>
/// The people's access in one environment, from the <see cref="PeopleAccessBlueprint"/> of the day:
/// a Vault identity entity per person with an alias on the login method, a Vault identity group per
/// team carrying the team policy, GitLab group memberships (production stack only), the VPN's own CA with
/// a role that signs a person's CSR for their own name (no key and no certificate of a person in the state), the Client VPN
/// authorization rules of each team network on the stack's endpoint in each region, Consul ACL tokens where a team says so, and each temporary grant in force
/// (a Vault database role the person's entity may read, a GitLab membership expiring with the grant, a VPN rule for the
/// person, a Consul token at the grant's level expiring with it, Session Manager's channel on a fleet's role until
/// the grant's end). It creates
/// and deletes only its own resources: accounts provisioned by the identity provider (SAML/SCIM),
/// GitLab users included, are looked up, never created or removed. Each child and lookup goes through
/// the provider of its package from the args (<see cref="PeopleAccessArgs"/>: Vault, Consul, AWS of the
/// primary region, AWS of each region with a Client VPN endpoint, and GitLab where the blueprint has memberships). Outputs: <see cref="PeopleWithAccess"/>,
/// the people with access at the blueprint's time, and <see cref="GitLabUsersNotFound"/>.
/// </summary>
public sealed class PeopleAccess : ComponentResource
{
    public const string TypeToken = "infra:people:PeopleAccess";

    public PeopleAccess(string name, PeopleAccessArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var blueprint = RequiredArgs.Require(args.Blueprint, nameof(PeopleAccessArgs.Blueprint), "people's access maps the blueprint of the day");
        var vault = RequiredArgs.Require(args.Vault, nameof(PeopleAccessArgs.Vault), "the Pulumi.Vault.Provider of the environment's Vault");
        var consul = RequiredArgs.Require(args.Consul, nameof(PeopleAccessArgs.Consul), "the Pulumi.Consul.Provider of the stack's Consul");
        var aws = RequiredArgs.Require(args.Aws, nameof(PeopleAccessArgs.Aws), "the Pulumi.Aws.Provider of the primary region, for the session grants on the fleet roles");
        var gitlab = blueprint.GitLabMemberships.Count == 0
            ? args.GitLab
            : RequiredArgs.Require(args.GitLab, nameof(PeopleAccessArgs.GitLab), "the blueprint has GitLab memberships, which and whose lookups go through the Pulumi.GitLab.Provider");
        var vpnEndpoints = VpnEndpointsOf(blueprint, args);
        var onVault = new CustomResourceOptions { Parent = this, Provider = vault };
        var onConsul = new CustomResourceOptions { Parent = this, Provider = consul };
        var onAws = new CustomResourceOptions { Parent = this, Provider = aws };
        var onGitLab = new CustomResourceOptions { Parent = this, Provider = gitlab };
        var lookup = new InvokeOptions { Parent = this, Provider = gitlab };
        var fleetRoles = blueprint.SessionGrants.Count == 0
            ? args.FleetRoles
            : RequiredArgs.Require(args.FleetRoles, nameof(PeopleAccessArgs.FleetRoles), "the blueprint has session grants, whose policies go on the fleets' roles");

        CreateDatabaseGrants(name, blueprint, onVault);
        var entities = CreateIdentities(name, blueprint, args.LoginMountAccessor, onVault);
        CreateTeamGroups(name, blueprint, entities, onVault);
        GitLabUsersNotFound = CreateGitLabMemberships(name, blueprint, onGitLab, lookup);
        CreateVpnAccess(name, blueprint, onVault);
        CreateVpnAuthorizations(name, blueprint, vpnEndpoints);
        CreateConsulTokens(name, blueprint, onConsul);
        CreateSessionGrants(name, blueprint, fleetRoles, onAws);

        PeopleWithAccess = Output.Create(blueprint.Identities.Where(i => !i.Disabled).Select(i => i.Person).ToImmutableArray());
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["peopleWithAccess"] = PeopleWithAccess,
            ["gitLabUsersNotFound"] = GitLabUsersNotFound,
        });
    }

    /// <summary>A Vault entity per person with access, and per recent leaver (disabled), with an alias on the login method; by person.</summary>
    private static Dictionary<string, Entity> CreateIdentities(string name, PeopleAccessBlueprint blueprint, Input<string> loginMountAccessor, CustomResourceOptions onVault)
    {
        var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var identity in blueprint.Identities)
        {
            var entity = new Entity($"{name}-entity-{identity.Person}", new EntityArgs
            {
                Name = identity.EntityName,
                Metadata = Metadata(identity),
                Policies = identity.Policies.ToList(),
                Disabled = identity.Disabled,
            }, onVault);
            _ = new EntityAlias($"{name}-alias-{identity.Person}", new EntityAliasArgs
            {
                Name = identity.AliasName,
                MountAccessor = loginMountAccessor,
                CanonicalId = entity.Id,
            }, onVault);
            entities[identity.Person] = entity;
        }
        return entities;
    }

    /// <summary>Each database grant's Vault role, and each grantee's policy on its credentials, which the person's entity carries.</summary>
    private static void CreateDatabaseGrants(string name, PeopleAccessBlueprint blueprint, CustomResourceOptions onVault)
    {
        foreach (var grant in blueprint.DatabaseGrants)
        {
            _ = new VaultDatabase.SecretBackendRole($"{name}-db-grant-{grant.Person}-{grant.Database}-{grant.Access}", new VaultDatabase.SecretBackendRoleArgs
            {
                Backend = grant.Backend,
                Name = grant.RoleName,
                DbName = grant.Connection,
                CreationStatements = grant.CreationStatements.ToList(),
                RevocationStatements = grant.RevocationStatements.ToList(),
                DefaultTtl = grant.DefaultTtlSeconds,
                MaxTtl = grant.MaxTtlSeconds,
            }, onVault);
        }
        foreach (var policy in blueprint.GrantPolicies)
        {
            _ = new Pulumi.Vault.Policy($"{name}-policy-{policy.Name}", new Pulumi.Vault.PolicyArgs
            {
                Name = policy.Name,
                PolicyContents = policy.Hcl,
            }, onVault);
        }
    }

    private static InputMap<string> Metadata(VaultIdentityBlueprint identity)
    {
        var metadata = new InputMap<string>
        {
            { "email", identity.Email },
            { "teams", string.Join(",", identity.Teams) },
            { PeopleNames.PlatformTeamMetadata, identity.PlatformTeam ? "true" : "false" },
            { "managed-by", PeopleNames.ManagedBy },
        };
        if (identity.AccessEnds is { } ends)
        {
            metadata.Add(PeopleNames.AccessEndsMetadata, ends);
        }
        return metadata;
    }

    private static void CreateTeamGroups(string name, PeopleAccessBlueprint blueprint, Dictionary<string, Entity> entities, CustomResourceOptions onVault)
    {
        foreach (var group in blueprint.TeamGroups)
        {
            _ = new VaultGroup($"{name}-group-{group.Team}", new VaultGroupArgs
            {
                Name = group.GroupName,
                Type = group.Type,
                Policies = { group.Policy },
                MemberEntityIds = group.Members.Select(m => entities[m].Id).ToList(),
                Metadata = { { "managed-by", PeopleNames.ManagedBy } },
            }, onVault);
        }
    }

    /// <summary>
    /// The memberships, with the users and groups looked up (the identity provider and people create them, never this
    /// program). A user the lookup cannot find (a hire the identity provider has not provisioned yet) is reported and
    /// only that person's memberships wait for the next run: the lookup failure of one person never holds back the
    /// rest of the update, and above all no removal. Returns the people not found.
    /// </summary>
    private Output<ImmutableArray<string>> CreateGitLabMemberships(string name, PeopleAccessBlueprint blueprint, CustomResourceOptions onGitLab, InvokeOptions lookup)
    {
        var groups = blueprint.GitLabMemberships.Select(m => m.Group).Distinct(StringComparer.Ordinal)
            .ToDictionary(g => g, g => GitLabGroup.Invoke(new GitLabGroupArgs { FullPath = g }, lookup).Apply(r => r.GroupId), StringComparer.Ordinal);
        var missing = new List<Output<string?>>();
        foreach (var person in blueprint.GitLabMemberships.GroupBy(m => m.Person, StringComparer.Ordinal))
        {
            var memberships = person.ToList();
            missing.Add(Output.Create(LookUpUser(person.Key, lookup)).Apply(userId =>
            {
                if (userId is not { } id)
                {
                    return person.Key;
                }
                foreach (var membership in memberships)
                {
                    CreateGitLabMembership(name, membership, id, groups[membership.Group], onGitLab);
                }
                return null;
            }));
        }
        return Output.All(missing).Apply(people => people.OfType<string>().ToImmutableArray());
    }

    private async Task<int?> LookUpUser(string person, InvokeOptions lookup)
    {
        try
        {
            return (await GetUser.InvokeAsync(new GetUserArgs { Username = person }, lookup).ConfigureAwait(false)).UserId;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.Warn($"GitLab user '{person}' was not found ({e.Message}); their GitLab memberships are skipped at this run and added by the next one. "
                + "Everyone else's access, and every removal, goes ahead.", this);
            return null;
        }
    }

    private static void CreateGitLabMembership(string name, GitLabMembershipBlueprint membership, int userId, Output<int> groupId, CustomResourceOptions onGitLab)
    {
        var membershipArgs = new GroupMembershipArgs
        {
            GroupId = groupId,
            UserId = userId,
            AccessLevel = membership.AccessLevel,
        };
        if (membership.ExpiresAt is { } expires)
        {
            membershipArgs.ExpiresAt = expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        _ = new GroupMembership($"{name}-gitlab-{membership.Person}-{membership.Group.Replace('/', '-')}", membershipArgs, onGitLab);
    }

    /// <summary>
    /// The VPN's own CA (a PKI mount and a root whose key stays in Vault), the role that signs a person's CSR for their own
    /// name and the policy that lets their entity sign. No certificate is issued here.
    /// </summary>
    private static void CreateVpnAccess(string name, PeopleAccessBlueprint blueprint, CustomResourceOptions onVault)
    {
        var pki = blueprint.VpnPki;
        var kept = new CustomResourceOptions { Parent = onVault.Parent, Provider = onVault.Provider, Protect = pki.Protect };
        var mount = new Pulumi.Vault.Mount($"{name}-vpn-pki", new Pulumi.Vault.MountArgs
        {
            Path = pki.Mount.Path,
            Type = pki.Mount.Type,
            Description = pki.Mount.Description,
            MaxLeaseTtlSeconds = pki.Mount.MaxLeaseTtlSeconds,
        }, kept);
        var root = new SecretBackendRootCert($"{name}-vpn-ca", new SecretBackendRootCertArgs
        {
            Backend = mount.Path,
            Type = pki.RootType,
            CommonName = pki.CommonName,
            IssuerName = pki.IssuerName,
            KeyType = pki.KeyType,
            KeyBits = pki.KeyBits,
            Ttl = Seconds(pki.CaTtlSeconds),
        }, kept);
        _ = new BackendConfigAutoTidy($"{name}-vpn-pki-tidy", new BackendConfigAutoTidyArgs
        {
            Backend = mount.Path,
            Enabled = true,
            TidyCertStore = true,
            TidyRevokedCerts = true,
            IntervalDuration = pki.TidyInterval,
            SafetyBuffer = pki.TidySafetyBuffer,
        }, onVault);
        var vpn = blueprint.VpnRole;
        _ = new SecretBackendRole($"{name}-vpn-role", new SecretBackendRoleArgs
        {
            Backend = mount.Path,
            Name = vpn.Name,
            IssuerRef = root.IssuerName,
            AllowedDomains = { vpn.AllowedDomain },
            AllowedDomainsTemplate = vpn.AllowedDomainsTemplate,
            AllowBareDomains = vpn.AllowBareDomains,
            AllowSubdomains = vpn.AllowSubdomains,
            AllowGlobDomains = vpn.AllowGlobDomains,
            AllowAnyName = vpn.AllowAnyName,
            AllowIpSans = vpn.AllowIpSans,
            AllowLocalhost = vpn.AllowLocalhost,
            EnforceHostnames = vpn.EnforceHostnames,
            RequireCn = vpn.RequireCn,
            UseCsrCommonName = vpn.UseCsrCommonName,
            UseCsrSans = vpn.UseCsrSans,
            ServerFlag = vpn.ServerFlag,
            ClientFlag = vpn.ClientFlag,
            ExtKeyUsages = vpn.ExtKeyUsages.ToList(),
            KeyType = vpn.KeyType,
            KeyBits = vpn.KeyBits,
            Ttl = Seconds(vpn.TtlSeconds),
            MaxTtl = Seconds(vpn.MaxTtlSeconds),
            NoStore = vpn.NoStore,
        }, onVault);
        _ = new Pulumi.Vault.Policy($"{name}-policy-{blueprint.VpnCertificatePolicy.Name}", new Pulumi.Vault.PolicyArgs
        {
            Name = blueprint.VpnCertificatePolicy.Name,
            PolicyContents = blueprint.VpnCertificatePolicy.Hcl,
        }, onVault);
    }

    /// <summary>Each region's authorization rules on that region's endpoint; the primary's keep their former names as aliases.</summary>
    private void CreateVpnAuthorizations(string name, PeopleAccessBlueprint blueprint, Dictionary<string, (Input<string> Id, Pulumi.Aws.Provider Aws)> endpoints)
    {
        foreach (var rule in blueprint.VpnAuthorizations)
        {
            var (endpointId, aws) = endpoints[rule.Region];
            var options = new CustomResourceOptions { Parent = this, Provider = aws };
            if (rule.FormerKey is { } former)
            {
                options.Aliases.Add(new Alias { Name = $"{name}-vpn-rule-{former}" });
            }
            _ = new AuthorizationRule($"{name}-vpn-rule-{rule.Key}", new AuthorizationRuleArgs
            {
                ClientVpnEndpointId = endpointId,
                TargetNetworkCidr = rule.Network,
                AccessGroupId = rule.AccessGroup,
                Description = rule.Description,
            }, options);
        }
    }

    /// <summary>The endpoint id and AWS provider of each region the blueprint has an endpoint in; either missing is an error naming the region.</summary>
    private static Dictionary<string, (Input<string> Id, Pulumi.Aws.Provider Aws)> VpnEndpointsOf(PeopleAccessBlueprint blueprint, PeopleAccessArgs args)
    {
        var ids = RequiredArgs.Require(args.ClientVpnEndpointIds, nameof(PeopleAccessArgs.ClientVpnEndpointIds), "the stack's Client VPN endpoint id in each region, by region");
        var providers = RequiredArgs.Require(args.AwsProviders, nameof(PeopleAccessArgs.AwsProviders), "the Pulumi.Aws.Provider of each region with a Client VPN endpoint, by region");
        return blueprint.VpnEndpoints.ToDictionary(
            e => e.Region,
            e => (ids.TryGetValue(e.Region, out var id) ? id : throw RequiredArgs.Invalid($"[{nameof(PeopleAccessArgs.ClientVpnEndpointIds)}] has no endpoint for {e.Region}, where the blueprint puts the authorization rules on {e.Name}"),
                providers.TryGetValue(e.Region, out var aws) ? aws : throw RequiredArgs.Invalid($"[{nameof(PeopleAccessArgs.AwsProviders)}] has no provider for {e.Region}, where the endpoint {e.Name} is")),
            StringComparer.Ordinal);
    }

    private static void CreateConsulTokens(string name, PeopleAccessBlueprint blueprint, CustomResourceOptions onConsul)
    {
        var consulPolicies = blueprint.ConsulPolicies.ToDictionary(
            p => p.Name,
            p => new AclPolicy($"{name}-consul-policy-{p.Level}", new AclPolicyArgs
            {
                Name = p.Name,
                Rules = p.Rules,
                Description = $"People with {p.Level} access; managed by {PeopleNames.ManagedBy}",
            }, onConsul),
            StringComparer.Ordinal);
        foreach (var token in blueprint.ConsulTokens)
        {
            _ = new AclToken($"{name}-consul-token-{token.Person}", new AclTokenArgs
            {
                Description = token.Description,
                Policies = { consulPolicies[token.Policy].Name },
                Local = token.Local,
                ExpirationTime = token.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            }, onConsul);
        }
    }

    /// <summary>Each session grant's policy on its service's fleet role: Session Manager's channel until the grant ends.</summary>
    private static void CreateSessionGrants(string name, PeopleAccessBlueprint blueprint, IReadOnlyDictionary<string, Input<string>>? fleetRoles, CustomResourceOptions onAws)
    {
        foreach (var grant in blueprint.SessionGrants)
        {
            if (fleetRoles is null || !fleetRoles.TryGetValue(grant.Fleet, out var role))
            {
                throw new ArgumentException($"the session grant of {grant.Person} on {grant.Service} names the fleet '{grant.Fleet}', which has no role in {nameof(PeopleAccessArgs.FleetRoles)}", nameof(fleetRoles));
            }
            _ = new Pulumi.Aws.Iam.RolePolicy($"{name}-session-grant-{grant.Person}-{grant.Fleet}", new Pulumi.Aws.Iam.RolePolicyArgs
            {
                Role = role,
                Name = grant.PolicyName,
                Policy = grant.Policy,
            }, onAws);
        }
    }

    [Output("peopleWithAccess")]
    public Output<ImmutableArray<string>> PeopleWithAccess { get; private set; }

    /// <summary>The people whose GitLab user the lookup did not find: their memberships wait for the next run.</summary>
    [Output("gitLabUsersNotFound")]
    public Output<ImmutableArray<string>> GitLabUsersNotFound { get; private set; }

    private static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
