using Grpc.Core;
using Infra.Policies.Rules;
using ProtocolLevel = Infra.PolicyPack.Protocol.EnforcementLevel;
using ProtocolSeverity = Infra.PolicyPack.Protocol.PolicySeverity;

namespace Infra.PolicyPack.Analysis;

/// <summary>The library's enforcement levels and severities as the protocol's enums, one to one.</summary>
internal static class ProtocolEnums
{
    public static ProtocolLevel ToProtocol(EnforcementLevel level) => level switch
    {
        EnforcementLevel.Advisory => ProtocolLevel.Advisory,
        EnforcementLevel.Mandatory => ProtocolLevel.Mandatory,
        EnforcementLevel.Disabled => ProtocolLevel.Disabled,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>A level from Configure; <c>remediate</c> asks for rewrites this pack does not make.</summary>
    public static EnforcementLevel FromProtocol(ProtocolLevel level, string policy) => level switch
    {
        ProtocolLevel.Advisory => EnforcementLevel.Advisory,
        ProtocolLevel.Mandatory => EnforcementLevel.Mandatory,
        ProtocolLevel.Disabled => EnforcementLevel.Disabled,
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument,
            $"policy '{policy}': enforcement level {level} is not supported; allowed: advisory, mandatory, disabled")),
    };

    public static ProtocolSeverity ToProtocol(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Low => ProtocolSeverity.Low,
        RuleSeverity.Medium => ProtocolSeverity.Medium,
        RuleSeverity.High => ProtocolSeverity.High,
        RuleSeverity.Critical => ProtocolSeverity.Critical,
        _ => ProtocolSeverity.Unspecified,
    };
}
