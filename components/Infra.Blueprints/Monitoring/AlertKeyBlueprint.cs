using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Monitoring;

/// <summary>
/// The KMS key that encrypts the alert topics of one region. The AWS managed key of SNS cannot be
/// used: its policy does not let CloudWatch publish, so an alarm's page would be dropped.
/// </summary>
/// <param name="Name">The key's resource name, unique in the stack: <c>alerts-key-&lt;region&gt;</c>.</param>
public sealed record AlertKeyBlueprint(string Name, string Region, string Description, string Policy, int DeletionWindowDays, EquatableList<ResourceTag> Tags);
