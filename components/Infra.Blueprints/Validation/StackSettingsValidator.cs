using System.Net;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Validation;

/// <summary>Checks of a stack's config that span several keys: regions against networks, subnets, references.</summary>
internal static class StackSettingsValidator
{
    public static void Validate(StackSettings settings, ReferenceNames names, DocumentContext context)
    {
        ValidateRegions(settings, context);
        foreach (var network in settings.Networks)
        {
            ValidateNetwork(network, context);
        }
        ValidateConsulDatacenters(settings, context);
        foreach (var service in settings.Services)
        {
            ValidateService(service, names, context);
        }
        foreach (var database in settings.Databases)
        {
            ValidateDatabase(database, settings, names, context);
        }
        FleetSettingsValidator.Validate(settings, context);
    }

    private static void ValidateRegions(StackSettings settings, DocumentContext context)
    {
        if (settings.Regions is not { } regions)
        {
            return;
        }
        var path = StackConfigReader.Qualified(StackConfigKeys.Regions);
        if (regions.Primary == regions.Secondary)
        {
            context.Error(KeyPath.Child(path, "secondary"), $"is the same region as primary ({regions.Primary}); the secondary region must be another region");
        }
        var networked = settings.Networks.Select(n => n.Region).ToHashSet(StringComparer.Ordinal);
        foreach (var (role, region) in new[] { ("primary", regions.Primary), ("secondary", regions.Secondary) })
        {
            if (!networked.Contains(region))
            {
                context.Error(KeyPath.Child(path, role), $"region {region} has no network; add it under {StackConfigReader.Qualified(StackConfigKeys.Networks)}");
            }
        }
        foreach (var network in settings.Networks.Where(n => n.Region != regions.Primary && n.Region != regions.Secondary))
        {
            context.Error(NetworkPath(network), $"region {network.Region} is neither the primary ({regions.Primary}) nor the secondary ({regions.Secondary}) region");
        }
    }

    private static void ValidateNetwork(RegionNetwork network, DocumentContext context)
    {
        var path = NetworkPath(network);
        if (network.Subnets.Count < 2)
        {
            context.Error(KeyPath.Child(path, "subnets"), $"has {network.Subnets.Count} zone(s); a region needs subnets in at least 2 zones so that a fleet survives the loss of one");
        }
        var seen = new List<ZoneSubnet>();
        foreach (var subnet in network.Subnets)
        {
            var subnetPath = KeyPath.Child(KeyPath.Child(path, "subnets"), subnet.Zone);
            if (subnet.Zone.Length != network.Region.Length + 1 || !subnet.Zone.StartsWith(network.Region, StringComparison.Ordinal) || !char.IsAsciiLetterLower(subnet.Zone[^1]))
            {
                context.Error(subnetPath, $"'{subnet.Zone}' is not a zone of {network.Region}; expected {network.Region} followed by one letter, e.g. {network.Region}a");
            }
            if (!Contains(network.Cidr, subnet.Cidr))
            {
                context.Error(KeyPath.Child(subnetPath, "cidr"), $"{subnet.Cidr} is not inside the VPC's {network.Cidr}");
            }
            foreach (var other in seen.Where(o => Overlap(o, subnet)))
            {
                context.Error(KeyPath.Child(subnetPath, "cidr"), $"{subnet.Cidr} overlaps {other.Cidr} of zone {other.Zone}; subnets must not overlap");
            }
            seen.Add(subnet);
        }
        var arnRegion = Patterns.ListenerArn().Match(network.LoadBalancer.ListenerArn).Groups["region"].Value;
        if (arnRegion != network.Region)
        {
            context.Error(KeyPath.Child(KeyPath.Child(path, "loadBalancer"), "listenerArn"), $"is a listener of region {arnRegion}, not of {network.Region}");
        }
    }

    /// <summary>A region's own Consul datacenter is another datacenter than the stack's and than any other region's.</summary>
    private static void ValidateConsulDatacenters(StackSettings settings, DocumentContext context)
    {
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        if (settings.Endpoints is { } endpoints)
        {
            taken[endpoints.ConsulDatacenter] = $"the stack's own ({StackConfigReader.Qualified(StackConfigKeys.Endpoints)}.consulDatacenter)";
        }
        foreach (var network in settings.Networks.Where(n => n.Consul is not null))
        {
            var datacenter = network.Consul!.Datacenter;
            if (taken.TryGetValue(datacenter, out var owner))
            {
                context.Error(KeyPath.Child(KeyPath.Child(NetworkPath(network), "consul"), "datacenter"),
                    $"'{datacenter}' is already {owner}; a region's own Consul datacenter must be another one, or leave consul out to be served by the stack's");
                continue;
            }
            taken[datacenter] = $"the datacenter of {network.Region}";
        }
    }

    private static void ValidateService(ServiceDefinition service, ReferenceNames names, DocumentContext context)
    {
        var path = KeyPath.Child(StackConfigReader.Qualified(StackConfigKeys.Services), service.Name);
        names.RequireTeam(service.Team, KeyPath.Child(path, "team"), context);
        var dependsOn = KeyPath.Child(path, "dependsOn");
        CheckEach(service.DependsOn.Services, KeyPath.Child(dependsOn, "services"), context, (name, itemPath) =>
        {
            if (name == service.Name)
            {
                context.Error(itemPath, "a service cannot depend on itself");
            }
            names.RequireService(name, itemPath, context);
        });
        CheckEach(service.DependsOn.Databases, KeyPath.Child(dependsOn, "databases"), context, (name, itemPath) => names.RequireDatabase(name, itemPath, context));
        CheckEach(service.DependsOn.Topics, KeyPath.Child(dependsOn, "topics"), context, (name, itemPath) => names.RequireTopic(name, itemPath, context));
    }

    private static void ValidateDatabase(DatabaseDefinition database, StackSettings settings, ReferenceNames names, DocumentContext context)
    {
        var path = KeyPath.Child(StackConfigReader.Qualified(StackConfigKeys.Databases), database.Name);
        names.RequireTeam(database.Team, KeyPath.Child(path, "team"), context);
        if (!settings.Services.Any(s => s.DependsOn.Databases.Contains(database.Name)) && settings.Services.Count == settings.DeclaredServices.Count)
        {
            context.Error(path, "no service uses this database; list it in a service's dependsOn.databases or remove it");
        }
        if (settings.Environment is { } environment && database.BackupRetentionDays < MinimumBackupRetentionDays(environment))
        {
            context.Error(KeyPath.Child(path, "backupRetentionDays"),
                $"is {database.BackupRetentionDays} days; {ValueReader.EnumName(environment)} keeps backups at least {MinimumBackupRetentionDays(environment)} days (staging 7, production 35; at most 35)");
        }
    }

    /// <summary>Point-in-time recovery must reach back past the longest time a silent corruption goes unnoticed; production keeps the AWS maximum.</summary>
    public static int MinimumBackupRetentionDays(EnvironmentKind environment) => environment == EnvironmentKind.Production ? 35 : 7;

    /// <summary>Runs <paramref name="check"/> on each name with its path, and reports names listed twice.</summary>
    public static void CheckEach(IReadOnlyList<string> items, string path, DocumentContext context, Action<string, string> check)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = KeyPath.Item(path, i);
            check(items[i], itemPath);
            if (!seen.Add(items[i]))
            {
                context.Error(itemPath, $"'{items[i]}' is listed twice");
            }
        }
    }

    private static bool Contains(IPNetwork outer, IPNetwork inner) =>
        outer.PrefixLength <= inner.PrefixLength && outer.Contains(inner.BaseAddress);

    private static bool Overlap(ZoneSubnet a, ZoneSubnet b) => a.Cidr.Contains(b.Cidr.BaseAddress) || b.Cidr.Contains(a.Cidr.BaseAddress);

    private static string NetworkPath(RegionNetwork network) =>
        KeyPath.Child(StackConfigReader.Qualified(StackConfigKeys.Networks), network.Region);
}
