using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;

namespace Infra.Blueprints.Loading;

/// <summary>Reads the <c>infra:</c> keys of a stack's config into typed settings.</summary>
internal static class StackConfigReader
{
    private const string Prefix = StackConfigKeys.Namespace + ":";

    public static StackSettings Read(IReadOnlyDictionary<string, ValueReader> keys, DocumentContext context)
    {
        var environment = Required(keys, StackConfigKeys.Environment, context)?.Enum<EnvironmentKind>();
        var costCenter = Required(keys, StackConfigKeys.CostCenter, context)?.Matching(Patterns.CostCenter(), "CC- followed by four digits, e.g. CC-2310");
        var awsAccountId = Required(keys, StackConfigKeys.AwsAccountId, context)?.Matching(Patterns.AwsAccountId(), "the stack's AWS account: 12 digits in quotes, e.g. \"111122223333\"");
        var regions = Required(keys, StackConfigKeys.Regions, context)?.Mapping() is { } regionsMap ? ReadRegions(regionsMap) : null;
        var networks = ReadNamed(Required(keys, StackConfigKeys.Networks, context), ReadNetwork, out _);
        var endpoints = Required(keys, StackConfigKeys.Endpoints, context)?.Mapping() is { } endpointsMap ? ReadEndpoints(endpointsMap) : null;
        var vault = Required(keys, StackConfigKeys.Vault, context)?.Mapping() is { } vaultMap ? VaultSettingsReader.Read(vaultMap) : null;
        var services = ReadNamed(Required(keys, StackConfigKeys.Services, context), ReadService, out var declaredServices);
        var databases = ReadNamed(Required(keys, StackConfigKeys.Databases, context), ReadDatabase, out var declaredDatabases);
        var databaseAccess = Required(keys, StackConfigKeys.DatabaseAccess, context)?.Mapping() is { } accessMap ? ReadDatabaseAccess(accessMap) : null;
        var databaseBackup = Required(keys, StackConfigKeys.DatabaseBackup, context)?.Mapping() is { } backupMap ? ReadDatabaseBackup(backupMap, awsAccountId) : null;
        var accountBaseline = Required(keys, StackConfigKeys.AccountBaseline, context)?.Mapping() is { } baselineMap ? AccountBaselineReader.Read(baselineMap, awsAccountId) : null;
        foreach (var secret in StackConfigKeys.Secrets)
        {
            RequireSecure(Required(keys, secret, context));
        }
        return new StackSettings(environment, costCenter, awsAccountId, regions, networks, endpoints, vault, services, databases, databaseAccess, databaseBackup, accountBaseline, declaredServices, declaredDatabases);
    }

    public static string Qualified(string key) => Prefix + key;

    private static ValueReader? Required(IReadOnlyDictionary<string, ValueReader> keys, string key, DocumentContext context)
    {
        if (keys.TryGetValue(key, out var value) && !value.IsNull)
        {
            return value;
        }
        context.Error(Qualified(key), value is null ? $"missing required key '{Qualified(key)}'" : "has no value");
        return null;
    }

    private static void RequireSecure(ValueReader? value)
    {
        if (value is not null && !value.IsSecure)
        {
            value.Error($"must be a secret, never clear text: set it with 'pulumi config set --secret {value.Path} <value>'");
        }
    }

    /// <summary>Reads a mapping of names to definitions, sorted by name; every name must be kebab-case.</summary>
    private static List<T> ReadNamed<T>(ValueReader? value, Func<string, MappingReader, T?> read, out IReadOnlySet<string> declared)
        where T : class
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        declared = names;
        var items = new List<(string Name, T Item)>();
        if (value?.Mapping() is not { } mapping)
        {
            return [];
        }
        foreach (var (name, entry) in mapping.Entries())
        {
            names.Add(name);
            if (!Patterns.KebabName().IsMatch(name) && !AwsRegions.Known.Contains(name))
            {
                entry.Error($"'{name}' is not a valid name; expected lowercase letters, digits and single hyphens, e.g. payments-api");
            }
            if (entry.Mapping() is { } body && read(name, body) is { } item)
            {
                items.Add((name, item));
            }
        }
        return [.. items.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => i.Item)];
    }

    private static RegionPair? ReadRegions(MappingReader map)
    {
        var primary = map.Required("primary")?.OneOf(AwsRegions.Known, "AWS region");
        var secondary = map.Required("secondary")?.OneOf(AwsRegions.Known, "AWS region");
        var secondaryLost = map.Optional("secondaryLost")?.Bool();
        map.RejectUnknownKeys();
        return primary is null || secondary is null ? null : new RegionPair(primary, secondary, secondaryLost ?? false);
    }

    private static RegionNetwork? ReadNetwork(string region, MappingReader map)
    {
        if (!AwsRegions.Known.Contains(region))
        {
            map.Context.Error(map.Path, $"'{region}' is not a known AWS region; allowed: {string.Join(", ", AwsRegions.Known.Order(StringComparer.Ordinal))}");
        }
        var vpcId = map.Required("vpcId")?.Matching(Patterns.VpcId(), "vpc- followed by 8 or 17 hexadecimal digits");
        var cidr = map.Required("cidr")?.Cidr();
        var kmsKeyAlias = map.Required("kmsKeyAlias")?.Matching(Patterns.KmsAlias(), "a KMS alias such as alias/infra-staging");
        var subnets = ReadNamed(map.Required("subnets"), ReadSubnet, out _);
        var routeTables = map.Required("routeTableIds")?.ListOf(item => item.Matching(Patterns.RouteTableId(), "rtb- followed by 8 or 17 hexadecimal digits"));
        var loadBalancer = map.Required("loadBalancer")?.Mapping() is { } lb ? ReadLoadBalancer(lb) : null;
        var peers = map.Required("platformPeers")?.Mapping() is { } peersMap ? ReadPeers(peersMap) : null;
        var proxy = map.Optional("egressProxy") is { } proxyValue ? (proxyValue.Mapping() is { } proxyMap ? ReadEgressProxy(proxyMap) : null) : null;
        var consul = map.Optional("consul") is { } consulValue ? (consulValue.Mapping() is { } consulMap ? ReadRegionConsul(consulMap) : null) : null;
        map.RejectUnknownKeys();
        if (routeTables is { Count: 0 })
        {
            map.Context.Error(KeyPath.Child(map.Path, "routeTableIds"), "lists no route table; expected the private subnets' route tables (the S3 gateway endpoint is added to them)");
        }
        return vpcId is null || cidr is null || kmsKeyAlias is null || routeTables is null || loadBalancer is null || peers is null
            ? null
            : new RegionNetwork(region, vpcId, cidr.Value, kmsKeyAlias, subnets.ToEquatableList(), routeTables, loadBalancer, peers, proxy, consul);
    }

    private static PlatformPeers? ReadPeers(MappingReader map)
    {
        const string allowed = "a security group (sg-) or managed prefix list (pl-) id";
        var vault = map.Required("vault")?.Matching(Patterns.PeerId(), allowed);
        var consul = map.Required("consul")?.Matching(Patterns.PeerId(), allowed);
        var kafka = map.Required("kafka")?.Matching(Patterns.PeerId(), allowed);
        map.RejectUnknownKeys();
        return vault is null || consul is null || kafka is null ? null : new PlatformPeers(vault, consul, kafka);
    }

    private static EgressProxy? ReadEgressProxy(MappingReader map)
    {
        var url = map.Required("url")?.ProxyUrl();
        var securityGroupId = map.Required("securityGroupId")?.Matching(Patterns.SecurityGroupId(), "sg- followed by 8 or 17 hexadecimal digits");
        map.RejectUnknownKeys();
        return url is null || securityGroupId is null ? null : new EgressProxy(url, securityGroupId);
    }

    private static RegionConsul? ReadRegionConsul(MappingReader map)
    {
        var address = map.Required("address")?.HttpsUrl();
        var datacenter = map.Required("datacenter")?.Matching(Patterns.KebabName(), "a Consul datacenter name such as stg-dub");
        map.RejectUnknownKeys();
        return address is null || datacenter is null ? null : new RegionConsul(address, datacenter);
    }

    private static ZoneSubnet? ReadSubnet(string zone, MappingReader map)
    {
        var id = map.Required("id")?.Matching(Patterns.SubnetId(), "subnet- followed by 8 or 17 hexadecimal digits");
        var cidr = map.Required("cidr")?.Cidr();
        map.RejectUnknownKeys();
        return id is null || cidr is null ? null : new ZoneSubnet(zone, id, cidr.Value);
    }

    private static SharedLoadBalancer? ReadLoadBalancer(MappingReader map)
    {
        var listenerArn = map.Required("listenerArn")?.Matching(
            Patterns.ListenerArn(),
            "an application load balancer listener ARN, arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/app/NAME/ID/ID");
        var securityGroupId = map.Required("securityGroupId")?.Matching(Patterns.SecurityGroupId(), "sg- followed by 8 or 17 hexadecimal digits");
        map.RejectUnknownKeys();
        return listenerArn is null || securityGroupId is null ? null : new SharedLoadBalancer(listenerArn, securityGroupId);
    }

    private static PlatformEndpoints? ReadEndpoints(MappingReader map)
    {
        var vault = map.Required("vault")?.HttpsUrl();
        var consul = map.Required("consul")?.HttpsUrl();
        var datacenter = map.Required("consulDatacenter")?.Matching(Patterns.KebabName(), "a Consul datacenter name such as stg-par");
        var kafka = map.Required("kafka")?.ListOf(ReadBroker);
        var kafkaUser = map.Required("kafkaSaslUsername")?.Matching(Patterns.KebabName(), "the SCRAM user this program administers Kafka as, e.g. infra-pulumi");
        var kafkaConfiguration = map.Required("kafkaBrokerConfiguration")?.Matching(Patterns.KebabName(), "the name of the MSK configuration the brokers run, e.g. kafka-staging");
        var gitlab = map.Required("gitlab")?.HttpsUrl();
        map.RejectUnknownKeys();
        if (kafka is { Count: 0 })
        {
            map.Context.Error(KeyPath.Child(map.Path, "kafka"), "lists no broker; expected at least one host:port");
        }
        return vault is null || consul is null || datacenter is null || kafka is null || kafkaUser is null || kafkaConfiguration is null || gitlab is null
            ? null
            : new PlatformEndpoints(vault, consul, datacenter, kafka, kafkaUser, kafkaConfiguration, gitlab);
    }

    private static string? ReadBroker(ValueReader value)
    {
        var broker = value.Matching(Patterns.Broker(), "host:port, e.g. kafka-1.example-bank.eu:9093");
        if (broker is not null && int.Parse(broker[(broker.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture) is < 1 or > 65535)
        {
            value.Error($"'{broker}' has a port out of range; expected 1 to 65535");
            return null;
        }
        return broker;
    }

    private static ServiceDefinition? ReadService(string name, MappingReader map)
    {
        var team = map.Required("team")?.Matching(Patterns.KebabName(), "a team id of teams.yaml");
        var image = map.Required("image")?.Matching(Patterns.ImageId(), "an AMI id: ami- followed by 8 or 17 hexadecimal digits");
        var instanceType = map.Required("instanceType")?.Matching(Patterns.InstanceType(), "an EC2 instance type such as m7i.large");
        var port = map.Required("port")?.Int(1024, 65535);
        var protocol = map.Optional("protocol") is { } protocolValue ? protocolValue.Enum<TargetProtocol>() : TargetProtocol.Https;
        var peakRps = map.Required("peakRps")?.Int(0, 10_000_000);
        var rpsPerInstance = map.Required("rpsPerInstance")?.Int(1, 1_000_000);
        var utilisation = map.Optional("targetUtilisationPercent") is { } u ? u.Int(10, 90) : ServiceDefinition.DefaultTargetUtilisationPercent;
        var classification = map.Required("dataClassification")?.Enum<DataClassification>();
        var healthCheck = map.Required("healthCheck")?.Mapping() is { } hc ? ReadHealthCheck(hc) : null;
        var dependsOn = map.Optional("dependsOn") is { } deps ? (deps.Mapping() is { } depsMap ? ReadDependencies(depsMap) : null) : ServiceDependencies.None;
        var iam = map.Optional("iam") is { } statements ? statements.ListOf(ReadIamStatement) : [];
        var slo = map.Optional("slo") is { } sloValue ? (sloValue.Mapping() is { } sloMap ? ReadServiceLevels(sloMap) : null) : ServiceLevelSettings.Defaults;
        var listenerPriority = map.Optional("listenerPriority") is { } priorityValue ? priorityValue.Int(1, ListenerPriorities.Highest) : 0;
        var egress = NameList(map.Optional("egress"), Patterns.Broker(), "host:port outside the VPC, e.g. fcm.googleapis.com:443");
        // The upper bound depends on the secondary region's zones: FleetSettingsValidator checks it.
        var standbyMinimum = map.Optional("standbyMinimum") is { } standbyValue ? standbyValue.Int(1, 1000) : 0;
        map.RejectUnknownKeys();
        return team is null || image is null || instanceType is null || port is null || protocol is null || peakRps is null
            || rpsPerInstance is null || utilisation is null || classification is null || healthCheck is null || dependsOn is null || iam is null || slo is null || egress is null || listenerPriority is null || standbyMinimum is null
            ? null
            : new ServiceDefinition(name, team, image, instanceType, port.Value, protocol.Value, peakRps.Value, rpsPerInstance.Value, utilisation.Value, classification.Value, healthCheck, dependsOn, iam, slo, egress, listenerPriority == 0 ? null : listenerPriority, standbyMinimum == 0 ? null : standbyMinimum);
    }

    /// <summary>
    /// The <c>slo:</c> of a service; each key is optional and falls back to the tier's default. The
    /// ranges keep every burn-rate threshold below 100 % errors (14.4 x budget &lt; 1) and the windows
    /// coherent with the alert windows (the longest, 3 days, fits the SLO window); see docs/slos.md.
    /// </summary>
    private static ServiceLevelSettings? ReadServiceLevels(MappingReader map)
    {
        var tier = map.Optional("tier") is { } t ? t.Int(1, 3) : 0;
        var window = map.Optional("window") is { } w ? w.Duration(TimeSpan.FromDays(7), TimeSpan.FromDays(90)) : TimeSpan.Zero;
        var availability = map.Optional("availability") is { } a ? a.Decimal(95m, 99.99m) : 0m;
        int? thresholdMs = 0;
        decimal? latencyTarget = 0m;
        if (map.Optional("latency") is { } latencyValue)
        {
            if (latencyValue.Mapping() is { } latency)
            {
                latencyTarget = latency.Optional("percent") is { } p ? p.Decimal(90m, 99.99m) : 0m;
                thresholdMs = latency.Optional("thresholdMs") is { } ms ? ms.Int(10, 60_000) : 0;
                latency.RejectUnknownKeys();
            }
            else
            {
                latencyTarget = null;
            }
        }
        map.RejectUnknownKeys();
        if (window is { } days && days != TimeSpan.Zero && days.Ticks % TimeSpan.TicksPerDay != 0)
        {
            map.Context.Error(KeyPath.Child(map.Path, "window"), $"{Durations.Format(days)} is not a whole number of days; an SLO window is counted in days, e.g. 30d");
            window = null;
        }
        return tier is null || window is null || availability is null || latencyTarget is null || thresholdMs is null
            ? null
            : new ServiceLevelSettings(
                tier == 0 ? null : tier,
                window == TimeSpan.Zero ? null : window,
                availability == 0m ? null : availability,
                latencyTarget == 0m ? null : latencyTarget,
                thresholdMs == 0 ? null : thresholdMs);
    }

    private static IamStatement? ReadIamStatement(ValueReader value)
    {
        if (value.Mapping() is not { } map)
        {
            return null;
        }
        var actions = map.Required("actions")?.ListOf(item => item.Matching(IamPatterns.Action(), "an IAM action service:Action, e.g. s3:GetObject"));
        var resources = map.Required("resources")?.ListOf(item => item.Matching(IamPatterns.Resource(), "an ARN, e.g. arn:aws:s3:::bucket/prefix/*, or *"));
        var justification = map.Optional("justification")?.String();
        map.RejectUnknownKeys();
        return actions is null || resources is null ? null : new IamStatement(actions, resources, justification);
    }

    private static HealthCheckSettings? ReadHealthCheck(MappingReader map)
    {
        var liveness = map.Required("livenessPath")?.Matching(Patterns.HealthCheckPath(), "a URL path starting with /, e.g. /health/live");
        var readiness = map.Required("readinessPath")?.Matching(Patterns.HealthCheckPath(), "a URL path starting with /, e.g. /health/ready");
        var interval = map.Required("intervalSeconds")?.Int(5, 300);
        var healthy = map.Required("healthyThreshold")?.Int(2, 10);
        var unhealthy = map.Required("unhealthyThreshold")?.Int(2, 10);
        map.RejectUnknownKeys();
        if (liveness is not null && liveness == readiness)
        {
            map.Context.Error(KeyPath.Child(map.Path, "livenessPath"),
                $"is the readinessPath ({readiness}); liveness decides replacement and must not check dependencies, so it needs its own path, e.g. /health/live");
            liveness = null;
        }
        return liveness is null || readiness is null || interval is null || healthy is null || unhealthy is null
            ? null
            : new HealthCheckSettings(liveness, readiness, interval.Value, healthy.Value, unhealthy.Value);
    }

    private static ServiceDependencies? ReadDependencies(MappingReader map)
    {
        var services = NameList(map.Optional("services"), Patterns.KebabName(), "a service name");
        var databases = NameList(map.Optional("databases"), Patterns.KebabName(), "a database name");
        var topics = NameList(map.Optional("topics"), Patterns.TopicName(), "a topic name <domain>.<entity>.<event>.v<N>");
        map.RejectUnknownKeys();
        return services is null || databases is null || topics is null ? null : new ServiceDependencies(services, databases, topics);
    }

    private static EquatableList<string>? NameList(ValueReader? value, System.Text.RegularExpressions.Regex pattern, string allowed) =>
        value is null ? [] : value.ListOf(item => item.Matching(pattern, allowed));

    private static DatabaseDefinition? ReadDatabase(string name, MappingReader map)
    {
        var team = map.Required("team")?.Matching(Patterns.KebabName(), "a team id of teams.yaml");
        var engineVersion = map.Required("engineVersion")?.Matching(Patterns.EngineVersion(), "an Aurora PostgreSQL version such as \"16.4\" (quoted)");
        var instanceClass = map.Required("instanceClass")?.Matching(Patterns.DatabaseInstanceClass(), "an RDS instance class such as db.r7g.large");
        var readers = map.Required("readers")?.Int(0, 15);
        // The secondary region mirrors the primary unless told otherwise: the region switch needs as much there.
        var secondaryReaders = map.Optional("secondaryReaders") is { } secondary ? secondary.Int(0, 15) : readers;
        var retention = map.Required("backupRetentionDays")?.Int(1, 35);
        var maxLag = map.Required("maxReplicationLag")?.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        var classification = map.Required("dataClassification")?.Enum<DataClassification>();
        map.RejectUnknownKeys();
        return team is null || engineVersion is null || instanceClass is null || readers is null || secondaryReaders is null
            || retention is null || maxLag is null || classification is null
            ? null
            : new DatabaseDefinition(name, team, engineVersion, instanceClass, readers.Value, secondaryReaders.Value, retention.Value, maxLag.Value, classification.Value);
    }

    private static DatabaseAccess? ReadDatabaseAccess(MappingReader map)
    {
        var vault = map.Required("vault")?.ListOfValues(item => item.Cidr());
        var bootstrap = map.Required("bootstrap")?.ListOfValues(item => item.Cidr());
        map.RejectUnknownKeys();
        foreach (var (key, networks) in new[] { ("vault", vault), ("bootstrap", bootstrap) })
        {
            if (networks is { Count: 0 })
            {
                map.Context.Error(KeyPath.Child(map.Path, key), "lists no network; expected at least one IPv4 CIDR, e.g. 10.60.8.0/24");
            }
            else if (networks?.Where(n => n.PrefixLength < 16).Select(n => (System.Net.IPNetwork?)n).FirstOrDefault() is { } wide)
            {
                map.Context.Error(KeyPath.Child(map.Path, key), $"{wide} is wider than a /16; the databases admit only the hosts named here, e.g. 10.60.8.0/24");
            }
        }
        return vault is null || bootstrap is null ? null : new DatabaseAccess(vault, bootstrap);
    }

    /// <remarks><paramref name="awsAccountId"/> is null when <c>infra:awsAccountId</c> is broken.</remarks>
    private static DatabaseBackupSettings? ReadDatabaseBackup(MappingReader map, string? awsAccountId)
    {
        var accountValue = map.Required("accountId");
        var accountId = accountValue?.Matching(Patterns.AwsAccountId(), "the backup account's 12-digit AWS account id, quoted");
        var retention = map.Required("retentionDays")?.Int(7, 3650);
        map.RejectUnknownKeys();
        if (accountId is not null && accountId == awsAccountId)
        {
            // The copies must outlive a compromise of the account whose databases they back up.
            accountValue!.Error($"is the environment's own account {awsAccountId} (infra:awsAccountId); the copies are kept in a separate backup account");
            return null;
        }
        return accountId is null || retention is null ? null : new DatabaseBackupSettings(accountId, retention.Value);
    }
}
