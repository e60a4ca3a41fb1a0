namespace Infra.Blueprints.Databases;

/// <summary>One instance of a regional cluster, in a fixed zone. Tier 0 is the one RDS promotes first.</summary>
public sealed record DatabaseInstance(string Identifier, string Zone, string InstanceClass, int PromotionTier);
