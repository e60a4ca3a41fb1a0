namespace Infra.Blueprints.Fleets;

/// <summary>
/// The instance metadata service: IMDSv2 only (session tokens required) and a hop limit of 1, so
/// that a container or a forwarded request on the host cannot read the role's credentials.
/// </summary>
public sealed record InstanceMetadataOptions(string HttpEndpoint, string HttpTokens, int HttpPutResponseHopLimit, string InstanceMetadataTags);
