namespace Infra.Blueprints.Fleets;

/// <summary>How every instance of the fleet boots: the Packer-built image as is, configured only by the rendered user data.</summary>
public sealed record LaunchTemplateSettings(
    string ImageId,
    string InstanceType,
    InstanceMetadataOptions Metadata,
    RootVolume RootVolume,
    bool AssociatePublicIpAddress,
    bool DetailedMonitoring,
    string UserData)
{
    /// <summary>The user data as EC2 launch templates take it.</summary>
    public string UserDataBase64 => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(UserData));
}
