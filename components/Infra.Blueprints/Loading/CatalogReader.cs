using Infra.Blueprints.Definition;
using Infra.Blueprints.Kafka;
using YamlDotNet.RepresentationModel;

namespace Infra.Blueprints.Loading;

/// <summary>Reads the catalog files: a top-level key holding a list of entries, each with a unique id.</summary>
internal static class CatalogReader
{
    public static List<Located<T>> ReadList<T>(ValueReader root, string listKey, string idKey, Func<MappingReader, T?> read, out IReadOnlySet<string> declared)
        where T : class
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        declared = ids;
        if (root.Mapping() is not { } top)
        {
            return [];
        }
        var entries = top.Required(listKey)?.List();
        top.RejectUnknownKeys();
        return ReadEntries(entries ?? [], idKey, read, ids);
    }

    /// <summary>
    /// Reads list entries, each a mapping with a unique id. The entries may be produced while the
    /// file is parsed (the topic catalog is read one entry at a time); <paramref name="ids"/> gets every id written.
    /// </summary>
    public static List<Located<T>> ReadEntries<T>(IEnumerable<ValueReader> entries, string idKey, Func<MappingReader, T?> read, HashSet<string> ids)
        where T : class
    {
        var items = new List<Located<T>>();
        var firstLine = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Mapping() is not { } map)
            {
                continue;
            }
            var id = map.Optional(idKey)?.Node is YamlScalarNode { Value: { } text } ? text : null;
            if (id is not null && !ids.Add(id))
            {
                entry.Error($"duplicate {idKey} '{id}'; it is already used at {firstLine[id]}");
                continue;
            }
            if (id is not null)
            {
                firstLine[id] = entry.Path + (entry.Context.LineOf(entry.Path) is { } line ? $" (line {line})" : "");
            }
            if (read(map) is { } item)
            {
                items.Add(new Located<T>(entry.Path, item));
            }
        }
        return items;
    }

    public static TeamDefinition? ReadTeam(MappingReader map)
    {
        var id = map.Required("id")?.Matching(Patterns.KebabName(), "lowercase letters, digits and single hyphens, e.g. core-banking");
        var name = map.Required("name")?.String();
        var costCenter = map.Required("costCenter")?.Matching(Patterns.CostCenter(), "CC- followed by four digits, e.g. CC-2310");
        var isPlatform = map.Optional("platform") is { } platform ? platform.Bool() : false;
        var entitlements = map.Required("entitlements")?.Mapping() is { } e ? ReadEntitlements(e) : null;
        var onCall = map.Optional("onCall");
        var onCallUrl = onCall?.HttpsUrl();
        var productionVpnException = map.Optional("productionVpnException")?.String();
        var onCallRota = map.Optional("onCallRota") is { } r ? r.ListOf(item => item.Matching(Patterns.PersonId(), "a person id of people.yaml")) : [];
        map.RejectUnknownKeys();
        return id is null || name is null || costCenter is null || isPlatform is null || entitlements is null || (onCall is not null && onCallUrl is null) || onCallRota is null
            ? null
            : new TeamDefinition(id, name, costCenter, isPlatform.Value, entitlements, onCallUrl)
            {
                ProductionVpnException = productionVpnException,
                OnCallRota = onCallRota,
            };
    }

    private static TeamEntitlements? ReadEntitlements(MappingReader map)
    {
        var gitlab = map.Optional("gitlab") is { } g ? g.ListOf(ReadGitLabAccess) : [];
        var vpn = map.Optional("vpn") is { } v ? v.ListOfValues(item => item.Cidr()) : [];
        var consul = map.Optional("consul") is { } c ? c.Enum<ConsulAccess>() : ConsulAccess.None;
        var vault = map.Optional("vault") is { } v2 ? v2.ListOf(VaultSettingsReader.ReadPathGrant) : [];
        map.RejectUnknownKeys();
        return gitlab is null || vpn is null || consul is null || vault is null ? null : new TeamEntitlements(gitlab, vpn, consul.Value, vault);
    }

    private static GitLabGroupAccess? ReadGitLabAccess(ValueReader value)
    {
        if (value.Mapping() is not { } map)
        {
            return null;
        }
        var group = map.Required("group")?.Matching(Patterns.GitLabGroup(), "a GitLab group path such as bank/payments");
        var access = map.Required("access")?.Enum<GitLabAccessLevel>();
        map.RejectUnknownKeys();
        return group is null || access is null ? null : new GitLabGroupAccess(group, access.Value);
    }

    public static PersonDefinition? ReadPerson(MappingReader map)
    {
        var id = map.Required("id")?.Matching(Patterns.PersonId(), "a lowercase login of 2 to 32 letters and digits, e.g. cmartin");
        var name = map.Required("name")?.String();
        var email = map.Required("email")?.Matching(Patterns.Email(), "a lowercase e-mail address");
        var teams = map.Required("teams")?.ListOf(item => item.Matching(Patterns.KebabName(), "a team id of teams.yaml"));
        var requested = map.Optional("requestedTeams") is { } r ? r.ListOf(item => item.Matching(Patterns.KebabName(), "a team id of teams.yaml")) : [];
        var approvals = map.Optional("approvals") is { } a ? a.ListOf(ReadApproval) : [];
        var contract = map.Required("contract")?.Enum<ContractKind>();
        var start = map.Required("start")?.Date();
        var end = map.Optional("end")?.Date();
        var endsAt = map.Optional("endsAt")?.Instant();
        var grants = map.Optional("grants") is { } g ? g.ListOf(ReadGrant) : [];
        map.RejectUnknownKeys();
        if (teams is { Count: 0 } && requested is { Count: 0 })
        {
            map.Context.Error(KeyPath.Child(map.Path, "teams"), "lists no team; a person belongs to at least one team of teams.yaml, or waits for the approval of a requested one (requestedTeams)");
        }
        return id is null || name is null || email is null || teams is null || requested is null || approvals is null || contract is null || start is null || grants is null
            ? null
            : new PersonDefinition(id, name, email, teams, contract.Value, start.Value, end, grants) { EndsAt = endsAt, RequestedTeams = requested, Approvals = approvals };
    }

    private static TeamApproval? ReadApproval(ValueReader value)
    {
        if (value.Mapping() is not { } map)
        {
            return null;
        }
        var team = map.Required("team")?.Matching(Patterns.KebabName(), "a team id of teams.yaml");
        var approver = map.Required("approver")?.Matching(Patterns.PersonId(), "the id of a person of people.yaml");
        var date = map.Required("date")?.Date();
        map.RejectUnknownKeys();
        return team is null || approver is null || date is null ? null : new TeamApproval(team, approver, date.Value);
    }

    private static TemporaryGrant? ReadGrant(ValueReader value)
    {
        if (value.Mapping() is not { } map)
        {
            return null;
        }
        var system = map.Required("system")?.Matching(Patterns.GrantSystem(), "KIND/NAME, e.g. database/payments-db");
        var access = map.Required("access")?.Matching(Patterns.GrantAccess(), "a lowercase word such as read");
        var reason = map.Required("reason")?.String();
        var approver = map.Required("approver")?.Matching(Patterns.PersonId(), "the id of a person of people.yaml");
        var start = map.Required("start")?.Date();
        var expires = map.Required("expires")?.Date();
        map.RejectUnknownKeys();
        return system is null || access is null || reason is null || approver is null || start is null || expires is null
            ? null
            : new TemporaryGrant(system, access, reason, approver, start.Value, expires.Value);
    }

    public static KafkaTopicDefinition? ReadTopic(MappingReader map)
    {
        var name = map.Required("name")?.Matching(Patterns.TopicName(), "<domain>.<entity>.<event>.v<N> in lowercase, e.g. payments.transfer.initiated.v1");
        var owner = map.Required("owner")?.Matching(Patterns.KebabName(), "a team id of teams.yaml");
        var partitions = map.Required("partitions")?.Int(KafkaTopicRules.MinPartitions, KafkaTopicRules.MaxPartitions);
        var replication = map.Required("replicationFactor")?.Int(KafkaTopicRules.MinReplicationFactor, KafkaTopicRules.MaxReplicationFactor);
        var retention = map.Optional("retentionHours")?.Int(KafkaTopicRules.MinRetentionHours, KafkaTopicRules.MaxRetentionHours);
        var cleanup = map.Required("cleanupPolicy")?.Enum<CleanupPolicy>();
        var classification = map.Required("dataClassification")?.Enum<DataClassification>();
        var producers = ServiceList(map.Optional("producers"));
        var transactional = ServiceList(map.Optional("transactionalProducers"));
        var consumers = ServiceList(map.Optional("consumers"));
        var config = map.Optional("config") is { } c ? ReadTopicConfig(c) : [];
        var environments = map.Optional("environments") is { } e ? ReadOverrides(e) : [];
        var delete = map.Optional("delete") is { } d ? ReadDeletion(d) : TopicDeletion.None;
        var erasure = map.Optional("erasure")?.String();
        map.RejectUnknownKeys();
        return name is null || owner is null || partitions is null || replication is null || cleanup is null
            || classification is null || producers is null || transactional is null || consumers is null || config is null || environments is null || delete is null
            ? null
            : new KafkaTopicDefinition(name, owner, partitions.Value, replication.Value, retention, cleanup.Value,
                classification.Value, producers, transactional, consumers, config, environments, delete.Value, erasure);
    }

    /// <summary>The two steps of a deletion: <c>unprotect</c> (release 1), then <c>true</c> (release 2).</summary>
    private static TopicDeletion? ReadDeletion(ValueReader value) => value.String() switch
    {
        null => null,
        "false" => TopicDeletion.None,
        "unprotect" => TopicDeletion.Unprotect,
        "true" => TopicDeletion.Delete,
        var other => Refuse(value, $"expected false, unprotect (release 1: drop the production protection, keep the topic) or true (release 2: delete the topic), found '{other}'"),
    };

    private static TopicDeletion? Refuse(ValueReader value, string message)
    {
        value.Error(message);
        return null;
    }

    private static EquatableList<string>? ServiceList(ValueReader? value) =>
        value is null ? [] : value.ListOf(item => item.Matching(Patterns.KebabName(), "a service name"));

    /// <summary>Config keys from the allow-list only, each value checked against the key's type and bounds.</summary>
    private static EquatableList<TopicConfigEntry>? ReadTopicConfig(ValueReader value)
    {
        if (value.Mapping() is not { } map)
        {
            return null;
        }
        var entries = new List<TopicConfigEntry>();
        foreach (var (key, entry) in map.Entries())
        {
            if (KafkaTopicConfigs.SetByFields.TryGetValue(key, out var field))
            {
                entry.Error($"'{key}' is set by the topic's '{field}' key, not under config");
                continue;
            }
            if (!KafkaTopicConfigs.Keys.ContainsKey(key))
            {
                var allowed = KafkaTopicConfigs.AllowedInCatalog.ToList();
                var closest = allowed.MinBy(candidate => EditDistance.Between(key, candidate))!;
                var hint = EditDistance.Between(key, closest) <= 3 ? $"did you mean '{closest}'? " : "";
                entry.Error($"'{key}' is not a Kafka topic config key the catalog allows; {hint}allowed: {string.Join(", ", allowed)}");
                continue;
            }
            if (entry.String() is not { } text)
            {
                continue;
            }
            var definition = KafkaTopicConfigs.Keys[key];
            if (definition.Canonical(text) is null)
            {
                entry.Error($"'{text}' is not a valid {key}; expected {definition.Allowed}");
                continue;
            }
            entries.Add(new TopicConfigEntry(key, text));
        }
        return entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToEquatableList();
    }

    private static EquatableList<TopicEnvironmentOverride>? ReadOverrides(ValueReader value)
    {
        if (value.Mapping() is not { } map)
        {
            return null;
        }
        var overrides = new List<TopicEnvironmentOverride>();
        foreach (var (stack, entry) in map.Entries())
        {
            if (entry.Mapping() is not { } body)
            {
                continue;
            }
            var partitions = body.Optional("partitions")?.Int(KafkaTopicRules.MinPartitions, KafkaTopicRules.MaxPartitions);
            var replication = body.Optional("replicationFactor")?.Int(KafkaTopicRules.MinReplicationFactor, KafkaTopicRules.MaxReplicationFactor);
            var retention = body.Optional("retentionHours")?.Int(KafkaTopicRules.MinRetentionHours, KafkaTopicRules.MaxRetentionHours);
            var delete = body.Optional("delete") is { } d ? ReadDeletion(d) : null;
            body.RejectUnknownKeys();
            overrides.Add(new TopicEnvironmentOverride(stack, partitions, replication, retention, delete));
        }
        return overrides.OrderBy(o => o.Stack, StringComparer.Ordinal).ToEquatableList();
    }
}
