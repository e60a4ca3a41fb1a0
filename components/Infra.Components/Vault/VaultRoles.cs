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
        var missing = blueprint.AwsAuthRoles.Select(r => r.Service).Where(s => !args.FleetRoleArns.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"[{nameof(VaultRolesArgs.FleetRoleArns)}] has no IAM role ARN for: {string.Join(", ", missing)}; every service of the blueprint needs its fleet's role.", nameof(args));
        }

        var child = new CustomResourceOptions { Parent = this, Provider = vault };
        Mount($"{name}-kv", blueprint.KvMount, child);
        var pki = Mount($"{name}-pki", blueprint.PkiMount, child);
        Mount($"{name}-database", blueprint.DatabaseMount, child);
        _ = new Audit($"{name}-audit", new AuditArgs
        {
            Type = blueprint.Audit.Type,
            Path = blueprint.Audit.Path,
            Options = { { "file_path", blueprint.Audit.FilePath } },
        }, child);
        var awsAuth = new AuthBackend($"{name}-aws-auth", new AuthBackendArgs
        {
            Type = "aws",
            Path = blueprint.AwsAuthPath,
            Description = "Fleets log in with their instances' IAM role",
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
                BoundIamPrincipalArns = { args.FleetRoleArns[role.Service] },
                TokenPolicies = role.Policies.ToList(),
                TokenTtl = role.TokenTtlSeconds,
                TokenMaxTtl = role.TokenMaxTtlSeconds,
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
                ServerFlag = role.ServerFlag,
                ClientFlag = role.ClientFlag,
                KeyType = role.KeyType,
                KeyBits = role.KeyBits,
                MaxTtl = role.MaxTtl,
            }, child);
        }

        PolicyNames = Output.Create(blueprint.Policies.Select(p => p.Name).ToImmutableArray());
        AwsAuthPath = awsAuth.Path;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["policyNames"] = PolicyNames,
            ["awsAuthPath"] = AwsAuthPath,
        });
    }

    [Output("policyNames")]
    public Output<ImmutableArray<string>> PolicyNames { get; private set; }

    [Output("awsAuthPath")]
    public Output<string> AwsAuthPath { get; private set; }

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
