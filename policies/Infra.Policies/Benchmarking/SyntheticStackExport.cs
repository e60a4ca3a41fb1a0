using System.Globalization;
using System.Text.Json;

namespace Infra.Policies.Benchmarking;

/// <summary>
/// Writes a made-up <c>pulumi stack export</c> (deployment version 3) of any size, for a CLI command that times the
/// reader and the rules on it (a benchmark, never a timed test). After the stack and two AWS providers (Paris,
/// Ireland), resources cycle through security groups, launch templates, autoscaling groups, Aurora clusters (pairs in
/// one global cluster across both regions, with a secret password), KMS keys, buckets (TLS-only policy) with their public access block,
/// encryption and versioning, Kafka topics, Vault static roles and two audit devices: a compliant estate, as most nights are.
/// <see cref="WriteKafkaTopics"/> writes instead the state of given Kafka topics, for the Kafka plan's benchmark. The one
/// generator of exports: both write the resources the way `pulumi stack export` does (inputs echoed among the outputs).
/// </summary>
public static class SyntheticStackExport
{
    public const string TopicType = "kafka:index/topic:Topic";

    public static void Write(Stream output, int resourceCount, string stack = "benchmark", string project = "infra")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resourceCount);
        using var json = new Utf8JsonWriter(output);
        var stackUrn = StackUrn(stack, project);
        var providerUrn = $"urn:pulumi:{stack}::{project}::pulumi:providers:aws::eu-west-3";
        var secondaryUrn = $"urn:pulumi:{stack}::{project}::pulumi:providers:aws::eu-west-1";
        BeginExport(json);
        for (var i = 0; i < resourceCount; i++)
        {
            WriteResource(json, i, Kind(i, resourceCount), stack, project, stackUrn, (i / Cycle) % 2 == 0 ? providerUrn : secondaryUrn);
            if (i % 1000 == 999)
            {
                json.Flush();
            }
        }

        EndExport(json);
    }

    /// <summary>
    /// The state of a stack holding these Kafka topics, as the <c>KafkaTopics</c> component registers them (the stack,
    /// the Kafka provider, the component, then one <c>kafka:index/topic:Topic</c> per topic), indented like
    /// <c>pulumi stack export</c> writes it.
    /// </summary>
    public static void WriteKafkaTopics(Stream output, IEnumerable<SyntheticTopic> topics, string stack = "benchmark", string project = "infra")
    {
        ArgumentNullException.ThrowIfNull(topics);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        var stackUrn = StackUrn(stack, project);
        var providerUrn = $"urn:pulumi:{stack}::{project}::pulumi:providers:kafka::kafka";
        var componentUrn = $"urn:pulumi:{stack}::{project}::infra:kafka:KafkaTopics::kafka";
        BeginExport(json);
        Begin(json, stackUrn, "pulumi:pulumi:Stack", null, null, custom: false);
        json.WriteEndObject();
        Begin(json, providerUrn, "pulumi:providers:kafka", "provider-0", stackUrn, custom: true);
        json.WriteStartObject("inputs");
        json.WriteString("bootstrapServers", "[\"kafka-1.example-bank.eu:9093\"]");
        json.WriteEndObject();
        json.WriteEndObject();
        Begin(json, componentUrn, "infra:kafka:KafkaTopics", null, stackUrn, custom: false);
        json.WriteEndObject();
        var written = 0;
        foreach (var topic in topics)
        {
            Begin(json, $"urn:pulumi:{stack}::{project}::infra:kafka:KafkaTopics${TopicType}::{topic.Name}", TopicType, topic.Name, componentUrn, custom: true);
            json.WriteString("provider", $"{providerUrn}::provider-0");
            foreach (var section in new[] { "inputs", "outputs" })
            {
                json.WriteStartObject(section);
                WriteTopic(json, topic);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            if (++written % 1000 == 0)
            {
                json.Flush();
            }
        }

        EndExport(json);
    }

    private static string StackUrn(string stack, string project) => $"urn:pulumi:{stack}::{project}::pulumi:pulumi:Stack::{project}-{stack}";

    private static void BeginExport(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("version", 3);
        json.WriteStartObject("deployment");
        json.WriteStartObject("manifest");
        json.WriteString("time", "2026-11-22T00:00:00Z");
        json.WriteString("magic", "benchmark");
        json.WriteString("version", "v3.200.0");
        json.WriteEndObject();
        json.WriteStartArray("resources");
    }

    private static void EndExport(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteTopic(Utf8JsonWriter json, SyntheticTopic topic)
    {
        json.WriteString("name", topic.Name);
        json.WriteNumber("partitions", topic.Partitions);
        json.WriteNumber("replicationFactor", topic.ReplicationFactor);
        json.WriteStartObject("config");
        foreach (var (key, value) in topic.Config)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private const int Cycle = 11;

    private const int ClusterKind = 3;
    private const int BucketKind = 5;
    private const int LastBucketPartKind = 8;
    private const int StaticRoleKind = 10;

    /// <summary>
    /// The kind of resource <paramref name="i"/> in its cycle, or a Vault static role where the export's end would cut a
    /// family: a Paris cluster whose Ireland partner (one cycle later, same global cluster) or a bucket whose access block,
    /// encryption and versioning fall beyond <paramref name="count"/>. A cut family is a violation the estate does not have.
    /// </summary>
    private static int Kind(int i, int count)
    {
        var kind = i % Cycle;
        var cutPair = kind == ClusterKind && (i / Cycle) % 2 == 0 && i + Cycle >= count;
        var cutBucket = kind >= BucketKind && kind <= LastBucketPartKind && i - kind + LastBucketPartKind >= count;
        return cutPair || cutBucket ? StaticRoleKind : kind;
    }

    private static void WriteResource(Utf8JsonWriter json, int i, int kind, string stack, string project, string stackUrn, string providerUrn)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        switch (i)
        {
            case 0:
                Begin(json, stackUrn, "pulumi:pulumi:Stack", null, null, custom: false);
                json.WriteEndObject();
                return;
            case 1 or 2:
                var region = i == 1 ? "eu-west-3" : "eu-west-1";
                Begin(json, $"urn:pulumi:{stack}::{project}::pulumi:providers:aws::{region}", "pulumi:providers:aws", "provider-0", stackUrn, custom: true);
                json.WriteStartObject("inputs");
                json.WriteString("region", region);
                json.WriteString("allowedAccountIds", """["444455556666"]"""); // a provider's list input, as the state keeps it
                json.WriteEndObject();
                json.WriteEndObject();
                return;
            case 10 or 21:
                // The two audit devices every stack with Vault has (vault-audit-two-devices), in place of two Vault roles.
                var device = i == 10 ? "file" : "syslog";
                Begin(json, $"urn:pulumi:{stack}::{project}::infra:vault:VaultRoles$vault:index/audit:Audit::vault-audit-{device}", "vault:index/audit:Audit", device,
                    $"urn:pulumi:{stack}::{project}::infra:vault:VaultRoles::vault", custom: true);
                json.WriteStartObject("inputs");
                json.WriteString("type", device);
                json.WriteString("path", device);
                json.WriteEndObject();
                json.WriteEndObject();
                return;
        }

        var component = $"urn:pulumi:{stack}::{project}::infra:fleet:ServiceFleet::svc-{i / 50}";
        var (type, name) = kind switch
        {
            0 => ("aws:ec2/securityGroup:SecurityGroup", $"sg-{n}"),
            1 => ("aws:ec2/launchTemplate:LaunchTemplate", $"lt-{n}"),
            2 => ("aws:autoscaling/group:Group", $"asg-{n}"),
            3 => ("aws:rds/cluster:Cluster", $"db-{n}"),
            4 => ("aws:kms/key:Key", $"key-{n}"),
            5 => ("aws:s3/bucketV2:BucketV2", $"bucket-{n}"),
            6 => ("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", $"bucket-{n}-pab"),
            7 => ("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", $"bucket-{n}-sse"),
            8 => ("aws:s3/bucketVersioning:BucketVersioning", $"bucket-{n}-versioning"),
            9 => (TopicType, $"topic-{n}"),
            _ => ("vault:database/secretBackendStaticRole:SecretBackendStaticRole", $"role-{n}"),
        };
        var urn = $"urn:pulumi:{stack}::{project}::infra:fleet:ServiceFleet${type}::{name}";
        Begin(json, urn, type, $"id-{n}", component, custom: true);
        json.WriteString("provider", $"{providerUrn}::provider-0");
        json.WriteStartArray("dependencies");
        json.WriteStringValue(component);
        json.WriteEndArray();
        foreach (var section in new[] { "inputs", "outputs" })
        {
            json.WriteStartObject(section);
            WriteProperties(json, kind, i);
            if (section == "outputs")
            {
                json.WriteString("arn", $"arn:aws:service:eu-west-3:444455556666:thing/{n}");
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private const string KeyPolicy =
        """{"Version":"2012-10-17","Statement":[{"Sid":"AccountAdministers","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}""";

    private static string TlsOnlyPolicy(string bucket) =>
        """{"Version":"2012-10-17","Statement":[{"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::"""
        + bucket + "\",\"arn:aws:s3:::" + bucket + """/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";

    private static void WriteProperties(Utf8JsonWriter json, int kind, int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var bucket = $"bank-bucket-{(i - kind + 5).ToString(CultureInfo.InvariantCulture)}";
        switch (kind)
        {
            case 0:
                json.WriteString("description", "service ingress");
                json.WriteStartArray("ingress");
                json.WriteStartObject();
                json.WriteString("protocol", "tcp");
                json.WriteNumber("fromPort", 8443);
                json.WriteNumber("toPort", 8443);
                json.WriteStartArray("cidrBlocks");
                json.WriteStringValue("10.60.0.0/16");
                json.WriteEndArray();
                json.WriteString("description", "callers in the VPC");
                json.WriteEndObject();
                json.WriteEndArray();
                break;
            case 1:
                json.WriteString("instanceType", "m7i.large");
                json.WriteStartObject("metadataOptions");
                json.WriteString("httpTokens", "required");
                json.WriteString("httpEndpoint", "enabled");
                json.WriteNumber("httpPutResponseHopLimit", 1);
                json.WriteEndObject();
                json.WriteStartArray("blockDeviceMappings");
                json.WriteStartObject();
                json.WriteString("deviceName", "/dev/xvda");
                json.WriteStartObject("ebs");
                json.WriteString("encrypted", "true");
                json.WriteNumber("volumeSize", 40);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartArray("networkInterfaces");
                json.WriteStartObject();
                json.WriteNumber("deviceIndex", 0);
                json.WriteString("associatePublicIpAddress", "false");
                json.WriteEndObject();
                json.WriteEndArray();
                break;
            case 2:
                json.WriteStartArray("vpcZoneIdentifiers");
                json.WriteStringValue("subnet-a");
                json.WriteStringValue("subnet-b");
                json.WriteStringValue("subnet-c");
                json.WriteEndArray();
                json.WriteNumber("minSize", 3);
                json.WriteNumber("maxSize", 9);
                break;
            case 3:
                json.WriteString("engine", "aurora-postgresql");
                json.WriteBoolean("storageEncrypted", true);
                json.WriteNumber("backupRetentionPeriod", 35);
                json.WriteBoolean("deletionProtection", true);
                json.WriteBoolean("deleteAutomatedBackups", false);
                json.WriteBoolean("iamDatabaseAuthenticationEnabled", true);
                json.WriteBoolean("copyTagsToSnapshot", true);
                json.WriteString("kmsKeyId", "arn:aws:kms:eu-west-3:111122223333:key/" + n);
                json.WriteStartArray("enabledCloudwatchLogsExports");
                json.WriteStringValue("postgresql");
                json.WriteEndArray();
                json.WriteString("globalClusterIdentifier", $"global-{(i / (2 * Cycle)).ToString(CultureInfo.InvariantCulture)}");
                json.WriteStartObject("masterPassword");
                json.WriteString("4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270");
                json.WriteString("ciphertext", "v1:bmljZSB0cnk=:" + n);
                json.WriteEndObject();
                break;
            case 4:
                json.WriteBoolean("enableKeyRotation", true);
                json.WriteNumber("deletionWindowInDays", 30);
                json.WriteString("policy", KeyPolicy);
                break;
            case 5:
                json.WriteString("bucket", bucket);
                json.WriteString("policy", TlsOnlyPolicy(bucket));
                break;
            case 6:
                json.WriteString("bucket", bucket);
                json.WriteBoolean("blockPublicAcls", true);
                json.WriteBoolean("blockPublicPolicy", true);
                json.WriteBoolean("ignorePublicAcls", true);
                json.WriteBoolean("restrictPublicBuckets", true);
                return;
            case 7:
                json.WriteString("bucket", bucket);
                json.WriteStartArray("rules");
                json.WriteStartObject();
                json.WriteStartObject("applyServerSideEncryptionByDefault");
                json.WriteString("sseAlgorithm", "aws:kms");
                json.WriteString("kmsMasterKeyId", "alias/infra-production");
                json.WriteEndObject();
                json.WriteBoolean("bucketKeyEnabled", true);
                json.WriteEndObject();
                json.WriteEndArray();
                return;
            case 8:
                json.WriteString("bucket", bucket);
                json.WriteStartObject("versioningConfiguration");
                json.WriteString("status", "Enabled");
                json.WriteEndObject();
                return;
            case 9:
                WriteTopic(json, new SyntheticTopic($"payments.event-{n}.v1", 12, 3, [new("min.insync.replicas", "2"), new("retention.ms", "604800000"), new("unclean.leader.election.enable", "false")]));
                return;
            default:
                json.WriteString("backend", "postgres");
                json.WriteString("username", $"app-{n}");
                json.WriteNumber("rotationPeriod", 86400);
                return;
        }

        (string Key, string Value)[] tags =
        [
            ("service", "ledger"), ("team", "core-banking"), ("environment", "production"),
            ("cost-center", "CC-2320"), ("data-classification", "restricted"), ("managed-by", "pulumi"),
        ];
        if (kind == 2)
        {
            // An autoscaling group takes a list of { key, value, propagateAtLaunch }.
            json.WriteStartArray("tags");
            foreach (var (key, value) in tags)
            {
                json.WriteStartObject();
                json.WriteString("key", key);
                json.WriteString("value", value);
                json.WriteBoolean("propagateAtLaunch", true);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            return;
        }

        json.WriteStartObject("tags");
        foreach (var (key, value) in tags)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static void Begin(Utf8JsonWriter json, string urn, string type, string? id, string? parent, bool custom)
    {
        json.WriteStartObject();
        json.WriteString("urn", urn);
        json.WriteBoolean("custom", custom);
        if (id is not null)
        {
            json.WriteString("id", id);
        }

        json.WriteString("type", type);
        if (parent is not null)
        {
            json.WriteString("parent", parent);
        }
    }
}
