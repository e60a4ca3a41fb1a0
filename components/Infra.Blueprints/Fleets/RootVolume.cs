namespace Infra.Blueprints.Fleets;

/// <summary>The instance's root volume: always encrypted with the environment's KMS key.</summary>
public sealed record RootVolume(string DeviceName, int SizeGiB, string VolumeType, bool Encrypted, string KmsKeyAlias, bool DeleteOnTermination);
