using System.Text;
using Infra.Blueprints.Definition;
using Infra.Policies.Enforcement;
using Infra.Policies.Evaluation;
using Infra.Policies.Reading;
using Infra.Policies.Reporting;
using Infra.Policies.Rules;
using Infra.Policies.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Policies.Tests.Reporting;

/// <summary>
/// A production stack export with failing, advisory, waived and baselined violations, and secrets written the way
/// `pulumi stack export --show-secrets` writes them (plaintext inside the secret object).
/// </summary>
internal static class ReportScenario
{
    public const string SecretUserData = "#!/bin/sh\nexport VAULT_TOKEN=hvs.CAESIJ-very-secret-token";

    public static readonly string Export = $$"""
        {
          "version": 3,
          "deployment": {
            "manifest": { "time": "2026-11-21T23:00:00Z", "magic": "x", "version": "v3.200.0" },
            "resources": [
              { "urn": "urn:pulumi:production::infra::pulumi:pulumi:Stack::infra-production", "custom": false, "type": "pulumi:pulumi:Stack" },
              {
                "urn": "urn:pulumi:production::infra::infra:database:ReplicatedDatabase$aws:rds/cluster:Cluster::ledger-db",
                "custom": true, "id": "ledger-db", "type": "aws:rds/cluster:Cluster",
                "parent": "urn:pulumi:production::infra::infra:database:ReplicatedDatabase::ledger-db",
                "inputs": {
                  "engine": "aurora-postgresql", "storageEncrypted": false, "backupRetentionPeriod": 35, "deletionProtection": true,
                  "masterUsername": "ledger_admin",
                  "masterPassword": {{Fixture.SecretJson()}},
                  "tags": {{Fixture.GoodTags}}
                }
              },
              {
                "urn": "urn:pulumi:production::infra::infra:fleet:ServiceFleet$aws:ec2/launchTemplate:LaunchTemplate::ledger",
                "custom": true, "id": "lt-0abc", "type": "aws:ec2/launchTemplate:LaunchTemplate",
                "parent": "urn:pulumi:production::infra::infra:fleet:ServiceFleet::ledger",
                "inputs": {
                  "instanceType": "m7i.large",
                  "metadataOptions": { "httpTokens": "optional" },
                  "userData": {{Fixture.SecretJson(SecretUserData.Replace("\n", "\\\\n", StringComparison.Ordinal))}},
                  "tags": {{Fixture.GoodTags}}
                }
              },
              {
                "urn": "urn:pulumi:production::infra::infra:fleet:ServiceFleet$aws:lb/loadBalancer:LoadBalancer::internal",
                "custom": true, "id": "arn:lb", "type": "aws:lb/loadBalancer:LoadBalancer",
                "parent": "urn:pulumi:production::infra::infra:fleet:ServiceFleet::ledger",
                "inputs": { "loadBalancerType": "application", "dropInvalidHeaderFields": false, "tags": {{Fixture.GoodTags}} }
              },
              {
                "urn": "urn:pulumi:production::infra::infra:topics:KafkaTopicCatalog$kafka:index/topic:Topic::ledger.posting.created.v1",
                "custom": true, "id": "ledger.posting.created.v1", "type": "kafka:index/topic:Topic",
                "parent": "urn:pulumi:production::infra::infra:topics:KafkaTopicCatalog::topics",
                "inputs": { "name": "ledger.posting.created.v1", "partitions": 12, "replicationFactor": 3, "config": { "min.insync.replicas": "2", "retention.ms": "-1" } }
              }
            ]
          }
        }
        """;

    public const string Waivers = """
        waivers:
          - rule: aws-lb-access-logs-enabled
            resource: "urn:pulumi:production::infra::*::internal"
            justification: CHG-10401 the log bucket moves to the archive account this sprint
            approver: adupont
            expires: 2026-12-15
          - rule: aws-ec2-imdsv2-required
            resource: "urn:pulumi:production::infra::*"
            justification: CHG-9999 old exception
            approver: lpetit
            expires: 2026-10-31
        """;

    public static ComplianceReport Report()
    {
        var resources = StackExportReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(Export)), "state.json");
        var baseline = ComplianceBaseline.Read(new MemoryStream(Encoding.UTF8.GetBytes("""
            {"version":1,"violations":[{"stack":"production","urn":"urn:pulumi:production::infra::infra:topics:KafkaTopicCatalog$kafka:index/topic:Topic::ledger.posting.created.v1","ruleId":"kafka-topic-bounded-retention"}]}
            """)), "baseline.json");
        return new ComplianceEvaluator(new FakeTimeProvider(Fixture.Now)).Evaluate(resources, Fixture.Context(EnvironmentKind.Production), new EvaluationOptions
        {
            Waivers = WaiverSet.Parse(Waivers, "policies/waivers.yaml", RuleCatalog.All),
            Baseline = baseline,
        });
    }

    public static string Render(IComplianceReportWriter writer, ComplianceReport report)
    {
        using var stream = new MemoryStream();
        writer.Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
