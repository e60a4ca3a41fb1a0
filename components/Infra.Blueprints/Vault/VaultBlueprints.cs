using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>Derives the environment's Vault configuration from the stack definition: a pure function.</summary>
public static class VaultBlueprints
{
    private const string AuditLog = "/var/log/vault/audit.log";

    /// <summary>
    /// Two audit devices, because Vault refuses every request when it can write to none: a local file, and syslog,
    /// which the image's rsyslog forwards to the SIEM. This program owns them (the apply role may change sys/audit);
    /// the nightly drift check reports a device disabled by hand, and vault-audit-two-devices checks the count.
    /// </summary>
    public static EquatableList<VaultAuditDevice> AuditDevices { get; } =
    [
        new("file", "file", [new MountOption("file_path", AuditLog)], ""),
        new("syslog", "syslog", [new MountOption("facility", "AUTH"), new MountOption("tag", "vault-audit")], "-syslog"),
    ];

    public static VaultBlueprint For(StackDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var vault = definition.Vault;
        var kv = new VaultMount(vault.KvMount, "kv", $"KV v2 secrets of {definition.StackName}", [new MountOption("version", "2")], Seconds(vault.TokenMaxTtl));
        var pki = new VaultMount(VaultNames.PkiMount, "pki", "Internal TLS for services, by Consul name", [], Seconds(vault.CertificateTtl));
        var database = new VaultMount(VaultNames.DatabaseMount, "database", "Dynamic and rotated database credentials", [], Seconds(vault.DatabaseCredentialMaxTtl));
        var servicePki = ServicePki(definition);
        // Every service has a fleet in both regions (FleetBlueprints); each logs in with its region's role.
        var fleetNetworks = definition.Networks.Where(n => n.Region == definition.Regions.Primary || n.Region == definition.Regions.Secondary).ToList();
        var policies = definition.Services.Select(s => ServicePolicy(s, vault))
            .Concat(definition.Catalog.Teams.Where(t => t.Entitlements.Vault.Count > 0).Select(TeamPolicy))
            .ToEquatableList();
        return new VaultBlueprint(
            new VaultProviderToken(Seconds(vault.ProviderTokenTtl), vault.SkipChildToken),
            kv,
            pki,
            servicePki,
            database,
            VaultNames.AwsAuthPath,
            VaultNames.IamServerIdHeader(definition.Endpoints),
            AuditDevices,
            policies,
            fleetNetworks.SelectMany(n => definition.Services.Select(s => new AwsAuthRoleBlueprint(
                VaultNames.FleetAuthRole(s.Name, n.Region), s.Name, [VaultNames.ServicePolicy(s.Name)], Seconds(vault.TokenTtl), Seconds(vault.TokenMaxTtl), AuthType: "iam",
                n.Subnets.Select(subnet => subnet.Cidr.ToString()).ToEquatableList(),
                InferredEntityType: "ec2_instance", InferredAwsRegion: n.Region, BoundAccountIds: [definition.AwsAccountId]))).ToEquatableList(),
            definition.Services.Select(s => new PkiRoleBlueprint(
                s.Name,
                s.Name,
                servicePki.RoleIssuerRef,
                ConsulNames(s.Name, ConsulDatacenters.All(definition)),
                $"{Seconds(vault.CertificateTtl)}s",
                "ec",
                256,
                AllowBareDomains: true,
                AllowSubdomains: false,
                AllowAnyName: false,
                EnforceHostnames: true,
                AllowIpSans: false,
                AllowLocalhost: false,
                ServerFlag: true,
                ClientFlag: true)).ToEquatableList(),
            definition.Services
                .SelectMany(s => s.DependsOn.Databases.Select(d => DynamicRole(d, s.Name, vault)))
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .ToEquatableList(),
            definition.Databases.Select(d => new DatabaseStaticRoleBlueprint(
                VaultNames.StaticDatabaseRole(d.Name), d.Name, VaultNames.SchemaOwner(d.Name), Seconds(vault.StaticRoleRotation))).ToEquatableList());
    }

    /// <summary>
    /// The services' intermediate CA: P-384 (it outlives the P-256 leaves it signs), its key made in Vault, and the
    /// URLs under the stack's Vault that clients reach without a token (issuer certificate, CRL, OCSP).
    /// </summary>
    private static ServicePkiBlueprint ServicePki(StackDefinition definition)
    {
        var vault = definition.Endpoints.Vault.ToString().TrimEnd('/');
        var issuer = $"{vault}/v1/{VaultNames.PkiMount}/issuer/{VaultNames.ServicesIssuer}";
        return new ServicePkiBlueprint(
            VaultNames.PkiMount,
            $"{definition.StackName} services intermediate CA",
            "ec",
            384,
            VaultNames.ServicesIssuer,
            definition.Vault.ServicesIntermediateCertificate,
            [$"{issuer}/der"],
            [$"{issuer}/crl/der"],
            [$"{vault}/v1/{VaultNames.PkiMount}/ocsp"]);
    }

    /// <summary>A service reads its own KV secrets, its database credentials, and issues its own certificates: nothing else.</summary>
    private static VaultPolicy ServicePolicy(ServiceDefinition service, VaultSettings vault)
    {
        List<VaultPathGrant> rules =
        [
            new($"{vault.KvMount}/data/services/{service.Name}/*", [VaultCapability.Read]),
            new($"{vault.KvMount}/metadata/services/{service.Name}/*", [VaultCapability.Read, VaultCapability.List]),
            new($"{VaultNames.PkiMount}/issue/{service.Name}", [VaultCapability.Create, VaultCapability.Update]),
        ];
        rules.AddRange(service.DependsOn.Databases.Select(d =>
            new VaultPathGrant($"{VaultNames.DatabaseMount}/creds/{VaultNames.DynamicDatabaseRole(d, service.Name)}", [VaultCapability.Read])));
        return new VaultPolicy(VaultNames.ServicePolicy(service.Name), VaultPolicyHcl.Canonical(rules).ToEquatableList());
    }

    private static VaultPolicy TeamPolicy(TeamDefinition team) =>
        new(VaultNames.TeamPolicy(team.Id), VaultPolicyHcl.Canonical(team.Entitlements.Vault).ToEquatableList());

    /// <summary>Set in the transaction of each dynamic user's creation, whatever the login's own settings.</summary>
    public const string CreateRoleSelfGrant = "SET LOCAL createrole_self_grant = 'set, inherit';";

    private static DatabaseRoleBlueprint DynamicRole(string database, string service, VaultSettings vault) => new(
        VaultNames.DynamicDatabaseRole(database, service),
        database,
        service,
        Seconds(vault.DatabaseCredentialTtl),
        Seconds(vault.DatabaseCredentialMaxTtl),
        [
            // PostgreSQL 16: a CREATEROLE role that is not superuser (RDS's master) gets only ADMIN on
            // the roles it creates; with SET and INHERIT too it may REASSIGN and DROP what they own
            // when Vault revokes them.
            CreateRoleSelfGrant,
            "CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';",
            $"GRANT \"{VaultNames.ServiceGroupRole(service)}\" TO \"{{{{name}}}}\";",
        ],
        [
            $"REASSIGN OWNED BY \"{{{{name}}}}\" TO \"{VaultNames.SchemaOwner(database)}\";",
            "DROP OWNED BY \"{{name}}\";",
            "DROP ROLE IF EXISTS \"{{name}}\";",
        ]);

    /// <summary>The names a service answers to in Consul: in its own datacenter and fully qualified.</summary>
    /// <summary>The service's Consul names: the local one, and the one of each datacenter (the standby's instances answer as theirs).</summary>
    private static EquatableList<string> ConsulNames(string service, EquatableList<RegionConsul> datacenters) =>
        [$"{service}.service.consul", .. datacenters.Select(d => $"{service}.service.{d.Datacenter}.consul")];

    private static int Seconds(TimeSpan value) => (int)value.TotalSeconds;
}
