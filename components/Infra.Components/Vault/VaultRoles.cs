using System.Collections.Immutable;
using Infra.Blueprints.Vault;
using Pulumi;
using Pulumi.Vault;
using Pulumi.Vault.Aws;
using Pulumi.Vault.PkiSecret;
using PkiRole = Pulumi.Vault.PkiSecret.SecretBackendRole;
using PkiRoleArgs = Pulumi.Vault.PkiSecret.SecretBackendRoleArgs;

namespace Infra.Components.Vault;

/// <summary>
/// The environment's Vault: secrets engines, the audit device, one policy per service and team,
/// the AWS IAM auth roles of the fleets and the PKI roles of the services. Every value comes from
/// the <see cref="VaultBlueprint"/>; every child goes through the Vault provider of the args
/// (<see cref="VaultRolesArgs.Vault"/>). Outputs: <see cref="PolicyNames"/> and <see cref="AwsAuthPath"/>.
/// </summary>
public sealed class VaultRoles : ComponentResource
{
    public const string TypeToken = "infra:vault:VaultRoles";

    public VaultRoles(string name, VaultRolesArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var blueprint = RequiredArgs.Require(args.Blueprint, nameof(VaultRolesArgs.Blueprint), "the roles map the environment's Vault blueprint");
        var vault = RequiredArgs.Require(args.Vault, nameof(VaultRolesArgs.Vault), "the Pulumi.Vault.Provider of the environment's Vault");
        var missing = blueprint.AwsAuthRoles.Select(r => r.Role).Where(r => !args.FleetRoleArns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"[{nameof(VaultRolesArgs.FleetRoleArns)}] has no IAM role ARN for: {string.Join(", ", missing)}; every AWS auth role of the blueprint needs the IAM role of its fleet.", nameof(args));
        }

        var child = new CustomResourceOptions { Parent = this, Provider = vault };
        Mount($"{name}-kv", blueprint.KvMount, child);
        var pki = Mount($"{name}-pki", blueprint.PkiMount, child);
        var (csr, issuer) = ServicesIssuer(name, blueprint.ServicePki, pki, child);
        Mount($"{name}-database", blueprint.DatabaseMount, child);
        foreach (var device in blueprint.AuditDevices)
        {
            var audit = new AuditArgs { Type = device.Type, Path = device.Path };
            foreach (var option in device.Options)
            {
                audit.Options.Add(option.Key, option.Value);
            }
            _ = new Audit($"{name}-audit{device.ResourceSuffix}", audit, child);
        }
        var awsAuth = new AuthBackend($"{name}-aws-auth", new AuthBackendArgs
        {
            Type = "aws",
            Path = blueprint.AwsAuthPath,
            Description = "Fleets log in with their instances' IAM role",
        }, child);
        _ = new AuthBackendClient($"{name}-aws-auth-client", new AuthBackendClientArgs
        {
            Backend = awsAuth.Path,
            IamServerIdHeaderValue = blueprint.IamServerIdHeaderValue,
        }, child);

        var policies = blueprint.Policies.Select(p => new Policy($"{name}-policy-{p.Name}", new PolicyArgs
        {
            Name = p.Name,
            PolicyContents = p.Hcl,
        }, child)).ToList();

        foreach (var role in blueprint.AwsAuthRoles)
        {
            _ = new AuthBackendRole($"{name}-aws-role-{role.Role}", new AuthBackendRoleArgs
            {
                Backend = awsAuth.Path,
                Role = role.Role,
                AuthType = role.AuthType,
                BoundIamPrincipalArns = { args.FleetRoleArns[role.Role] },
                TokenPolicies = role.Policies.ToList(),
                TokenTtl = role.TokenTtlSeconds,
                TokenMaxTtl = role.TokenMaxTtlSeconds,
                TokenBoundCidrs = role.TokenBoundCidrs.ToList(),
                InferredEntityType = role.InferredEntityType,
                InferredAwsRegion = role.InferredAwsRegion,
                BoundAccountIds = role.BoundAccountIds.ToList(),
            }, new CustomResourceOptions { Parent = this, Provider = vault, DependsOn = policies.Cast<Resource>().ToArray() });
        }

        foreach (var role in blueprint.PkiRoles)
        {
            _ = new PkiRole($"{name}-pki-role-{role.Name}", new PkiRoleArgs
            {
                Backend = pki.Path,
                Name = role.Name,
                AllowedDomains = role.AllowedDomains.ToList(),
                AllowBareDomains = role.AllowBareDomains,
                AllowSubdomains = role.AllowSubdomains,
                AllowAnyName = role.AllowAnyName,
                EnforceHostnames = role.EnforceHostnames,
                AllowIpSans = role.AllowIpSans,
                AllowLocalhost = role.AllowLocalhost,
                IssuerRef = role.IssuerRef,
                ServerFlag = role.ServerFlag,
                ClientFlag = role.ClientFlag,
                KeyType = role.KeyType,
                KeyBits = role.KeyBits,
                MaxTtl = role.MaxTtl,
            }, issuer is null ? child : new CustomResourceOptions { Parent = this, Provider = vault, DependsOn = { issuer } });
        }

        PolicyNames = Output.Create(blueprint.Policies.Select(p => p.Name).ToImmutableArray());
        AwsAuthPath = awsAuth.Path;
        ServicesIntermediateCsr = csr.Csr;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["policyNames"] = PolicyNames,
            ["awsAuthPath"] = AwsAuthPath,
            ["servicesIntermediateCsr"] = ServicesIntermediateCsr,
        });
    }

    [Output("policyNames")]
    public Output<ImmutableArray<string>> PolicyNames { get; private set; }

    [Output("awsAuthPath")]
    public Output<string> AwsAuthPath { get; private set; }

    /// <summary>The CSR of the services' intermediate CA, for the bank's root to sign (docs/vault-pki.md).</summary>
    [Output("servicesIntermediateCsr")]
    public Output<string> ServicesIntermediateCsr { get; private set; }

    /// <summary>
    /// The services' intermediate: its CSR always; once the signed certificate is in the blueprint, its import, the
    /// named issuer with its URLs, and the mount's default issuer. Returns the CSR and the issuer (null before signing).
    /// </summary>
    private static (SecretBackendIntermediateCertRequest Csr, SecretBackendIssuer? Issuer) ServicesIssuer(
        string name, ServicePkiBlueprint pki, Mount mount, CustomResourceOptions options)
    {
        var csr = new SecretBackendIntermediateCertRequest($"{name}-services-intermediate-csr", new SecretBackendIntermediateCertRequestArgs
        {
            Backend = mount.Path,
            Type = "internal",
            CommonName = pki.CommonName,
            KeyType = pki.KeyType,
            KeyBits = pki.KeyBits,
        }, options);
        if (pki.SignedCertificate is not { } certificate)
        {
            return (csr, null);
        }
        var signed = new SecretBackendIntermediateSetSigned($"{name}-services-intermediate", new SecretBackendIntermediateSetSignedArgs
        {
            Backend = mount.Path,
            Certificate = certificate,
        }, new CustomResourceOptions { Parent = options.Parent, Provider = options.Provider, DependsOn = { csr } });
        var issuer = new SecretBackendIssuer($"{name}-services-issuer", new SecretBackendIssuerArgs
        {
            Backend = mount.Path,
            // The bundle is the intermediate first: Vault imports it as the first issuer.
            IssuerRef = signed.ImportedIssuers.Apply(issuers => issuers[0]),
            IssuerName = pki.IssuerName,
            IssuingCertificates = pki.IssuingCertificateUrls.ToList(),
            CrlDistributionPoints = pki.CrlDistributionPoints.ToList(),
            OcspServers = pki.OcspServers.ToList(),
        }, options);
        _ = new SecretBackendConfigIssuers($"{name}-services-default-issuer", new SecretBackendConfigIssuersArgs
        {
            Backend = mount.Path,
            Default = issuer.IssuerId,
        }, options);
        return (csr, issuer);
    }

    private static Mount Mount(string resourceName, VaultMount mount, CustomResourceOptions options)
    {
        var args = new MountArgs
        {
            Path = mount.Path,
            Type = mount.Type,
            Description = mount.Description,
            MaxLeaseTtlSeconds = mount.MaxLeaseTtlSeconds,
        };
        foreach (var option in mount.Options)
        {
            args.Options.Add(option.Key, option.Value);
        }
        return new Mount(resourceName, args, options);
    }
}
