using System.Globalization;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// The boot script of a fleet's instances. The image (built by Packer) already holds the Consul
/// and Vault binaries and units; this script only writes their per-service config and starts
/// them, then the liveness watchdog. It holds no secret: the Vault agent logs in with the
/// instance's IAM role, then renders Consul's gossip key and ACL token from Vault with a template
/// that the image ships. A boot that fails at any step reports the instance Unhealthy at once.
/// </summary>
internal static class UserDataTemplate
{
    /// <summary>How long boot waits for the Vault agent to render Consul's secrets before it gives up (the instance then reports itself Unhealthy).</summary>
    public const int SecretsTimeoutSeconds = 300;

    /// <summary>The script, written by the boot, that marks this instance Unhealthy in its group; its one argument says whether the grace period applies.</summary>
    public const string ReportUnhealthy = "report-unhealthy";

    /// <summary>The script, run as a systemd service after boot, that probes liveness and reports the instance when it fails.</summary>
    public const string LivenessWatchdog = "liveness-watchdog";

    public static string Render(ServiceDefinition service, string stack, PlatformEndpoints endpoints, ConsulJoin join, string region, LivenessCheck liveness, ProxySettings? proxy)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(join);
        ArgumentNullException.ThrowIfNull(liveness);
        var datacenter = join.Datacenter;
        var https = liveness.Protocol == "HTTPS";
        // Consul routes callers to ready instances only: its check is the readiness path.
        var check = https
            ? $"""
                    http            = "https://localhost:{service.Port}{service.HealthCheck.ReadinessPath}"
                    tls_server_name = "{service.Name}.service.consul"
                """
            : $"""
                    http            = "http://localhost:{service.Port}{service.HealthCheck.ReadinessPath}"
                """;
        // The probe goes to localhost and checks that the process answers, not who it is (the load balancer does not verify target certificates either).
        var insecure = https ? "--insecure " : "";
        var proxyEnvironment = proxy is null ? "" : ProxyEnvironment(proxy);
        return string.Create(CultureInfo.InvariantCulture, $$"""
            #!/bin/bash
            # {{service.Name}} on stack {{stack}}: starts the Vault agent, the Consul agent, then the liveness watchdog.
            # No secret here: the Vault agent logs in with the instance's IAM role and renders
            # Consul's gossip key and ACL token into /etc/consul.d/secrets.hcl.
            set -euo pipefail
            export PATH="/usr/local/bin:$PATH"

            # A boot that fails at any step (secrets late, an agent that does not start) reports the
            # instance Unhealthy now, so its group replaces it instead of leaving it serving without
            # Consul; if that call fails, powering off makes the EC2 health check do the same.
            trap 'echo "boot failed at line $LINENO" >&2; {{ReportUnhealthy}} --no-should-respect-grace-period || systemctl poweroff' ERR

            cat > /usr/local/bin/{{ReportUnhealthy}} <<'SH'
            #!/bin/bash
            # Marks this instance Unhealthy in its autoscaling group, which replaces it.
            # $1: --should-respect-grace-period (the watchdog) or --no-should-respect-grace-period (a failed boot).
            set -euo pipefail
            session=$(curl -fsS --max-time 2 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 60' http://169.254.169.254/latest/api/token)
            instance=$(curl -fsS --max-time 2 -H "X-aws-ec2-metadata-token: $session" http://169.254.169.254/latest/meta-data/instance-id)
            aws autoscaling set-instance-health --region {{region}} --instance-id "$instance" --health-status Unhealthy "$1"
            SH
            chmod 0755 /usr/local/bin/{{ReportUnhealthy}}{{proxyEnvironment}}

            cat > /etc/vault.d/agent.hcl <<'HCL'
            vault {
              address = "{{endpoints.Vault.AbsoluteUri.TrimEnd('/')}}"
            }
            auto_auth {
              method "aws" {
                mount_path = "auth/{{VaultNames.AwsAuthPath}}"
                config = {
                  type = "iam"
                  role = "{{VaultNames.FleetAuthRole(service.Name, region)}}"
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

            cat > /usr/local/bin/{{LivenessWatchdog}} <<'SH'
            #!/bin/bash
            # Liveness decides replacement, readiness (the load balancer's and Consul's check) only routing:
            # after {{liveness.UnhealthyThreshold}} failed probes in a row of {{liveness.Path}} or of the agents, report this instance Unhealthy.
            set -uo pipefail
            failures=0
            while sleep {{liveness.IntervalSeconds}}; do
              if curl -fsS -o /dev/null --max-time {{liveness.TimeoutSeconds}} {{insecure}}"{{liveness.Url}}" && systemctl is-active --quiet vault-agent consul; then
                failures=0
              elif [ $((failures += 1)) -ge {{liveness.UnhealthyThreshold}} ]; then
                {{ReportUnhealthy}} --should-respect-grace-period && exit 0
              fi
            done
            SH
            chmod 0755 /usr/local/bin/{{LivenessWatchdog}}

            cat > /etc/systemd/system/{{LivenessWatchdog}}.service <<'UNIT'
            [Unit]
            Description=Reports this instance Unhealthy to its autoscaling group when {{service.Name}} is not alive
            After=vault-agent.service consul.service

            [Service]
            Environment=PATH=/usr/local/bin:/usr/bin:/bin
            ExecStart=/usr/local/bin/{{LivenessWatchdog}}
            Restart=always
            RestartSec={{liveness.IntervalSeconds}}

            [Install]
            WantedBy=multi-user.target
            UNIT

            systemctl enable --now vault-agent
            timeout {{SecretsTimeoutSeconds}} bash -c 'until [ -s /etc/consul.d/secrets.hcl ]; do sleep 2; done'
            systemctl enable --now consul
            systemctl enable --now {{LivenessWatchdog}}

            """);
    }

    /// <summary>
    /// The egress proxy for every process systemd starts after this point (the agents, the application):
    /// its manager's default environment, re-read by a re-exec.
    /// </summary>
    private static string ProxyEnvironment(ProxySettings proxy)
    {
        var url = proxy.Url.AbsoluteUri.TrimEnd('/');
        var direct = string.Join(',', proxy.NoProxy);
        return "\n\n" + $"""
            # Outside the VPC only through the egress proxy, which allows {string.Join(", ", proxy.Destinations)} and nothing else.
            mkdir -p /etc/systemd/system.conf.d
            cat > /etc/systemd/system.conf.d/egress-proxy.conf <<'CONF'
            [Manager]
            DefaultEnvironment="HTTPS_PROXY={url}" "https_proxy={url}" "HTTP_PROXY={url}" "http_proxy={url}" "NO_PROXY={direct}" "no_proxy={direct}"
            CONF
            systemctl daemon-reexec
            """;
    }
}
