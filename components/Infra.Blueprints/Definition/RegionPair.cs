namespace Infra.Blueprints.Definition;

/// <summary>The region that serves and the region it is replicated to.</summary>
/// <param name="SecondaryLost">
/// True while the secondary region is lost (<c>infra:regions.secondaryLost</c>): the writer then keeps no
/// <c>rds.global_db_rpo</c>, which would block every commit with no secondary to replicate to (docs/dr.md).
/// </param>
public sealed record RegionPair(string Primary, string Secondary, bool SecondaryLost = false);
