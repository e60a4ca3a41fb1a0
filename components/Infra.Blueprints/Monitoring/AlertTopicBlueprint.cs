using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Monitoring;

/// <summary>
/// The SNS topic of one team's alerts in one region, delivered to the on-call endpoint of
/// teams.yaml. An alarm can only notify a topic of its own region, so a team whose alarms live in
/// two regions (a fleet in the primary, a replica's lag in the secondary) has a topic in each.
/// </summary>
/// <param name="Key">The resource's name, unique in the stack: the topic's name and its region.</param>
/// <param name="KeyName">The <see cref="AlertKeyBlueprint"/> of the region, which encrypts the topic.</param>
public sealed record AlertTopicBlueprint(string Key, string Team, string Region, string Name, string Protocol, string Endpoint, string KeyName, EquatableList<ResourceTag> Tags);
