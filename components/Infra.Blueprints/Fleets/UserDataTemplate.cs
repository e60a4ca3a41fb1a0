using System.Globalization;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// The boot script of a fleet's instances. The image (built by Packer) already holds the Consul
/// and Vault binaries and units; this script only writes their per-service config and starts
/// them. It holds no secret: the Vault agent logs in with the instance's IAM role, then renders
/// Consul's gossip key and ACL token from Vault with a template that the image ships.
/// </summary>
internal static class UserDataTemplate
{
    /// <summary>How long boot waits for the Vault agent to render Consul's secrets before it gives up (the health check then replaces the instance).</summary>
    public const int SecretsTimeoutSeconds = 300;

    public static string Render(ServiceDefinition service, string stack, PlatformEndpoints endpoints, string protocol, ConsulJoin join)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(join);
        var datacenter = endpoints.ConsulDatacenter;
        var check = protocol == "HTTPS"
            ? $"""
                    http            = "https://localhost:{service.Port}{service.HealthCheck.Path}"
                    tls_server_name = "{service.Name}.service.consul"
                """
            : $"""
                    http            = "http://localhost:{service.Port}{service.HealthCheck.Path}"
                """;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            #!/bin/bash
            # {{service.Name}} on stack {{stack}}: starts the Vault agent, then the Consul agent.
            # No secret here: the Vault agent logs in with the instance's IAM role and renders
            # Consul's gossip key and ACL token into /etc/consul.d/secrets.hcl.
            set -euo pipefail

            cat > /etc/vault.d/agent.hcl <<'HCL'
            vault {
              address = "{{endpoints.Vault.AbsoluteUri.TrimEnd('/')}}"
            }
            auto_auth {
              method "aws" {
                mount_path = "auth/{{VaultNames.AwsAuthPath}}"
                config = {
                  type = "iam"
                  role = "{{service.Name}}"
                  header_value = "{{VaultNames.IamServerIdHeader(endpoints)}}"
                }
              }
              sink "file" {
                config = {
                  path = "/run/vault-agent/token"
                  mode = 0600
                }
              }
            }
            template {
              source      = "/etc/vault.d/templates/consul-secrets.hcl.ctmpl"
              destination = "/etc/consul.d/secrets.hcl"
              perms       = "0640"
              command     = "systemctl try-reload-or-restart consul"
            }
            HCL

            cat > /etc/consul.d/agent.hcl <<'HCL'
            datacenter = "{{datacenter}}"
            data_dir   = "/opt/consul"
            retry_join = ["{{join.RetryJoin}}"]
            HCL

            cat > /etc/consul.d/service.hcl <<'HCL'
            service {
              name = "{{service.Name}}"
              port = {{service.Port}}
              tags = ["team-{{service.Team}}"]
              check {
                id              = "{{service.Name}}-health"
            {{check}}
                interval        = "{{service.HealthCheck.IntervalSeconds}}s"
              }
            }
            HCL

            systemctl enable --now vault-agent
            timeout {{SecretsTimeoutSeconds}} bash -c 'until [ -s /etc/consul.d/secrets.hcl ]; do sleep 2; done'
            systemctl enable --now consul

            """);
    }
}
