namespace Infra.Blueprints.Aws;

/// <summary>Which way a security group rule lets traffic through, seen from the fleet.</summary>
public enum RuleDirection
{
    Ingress,
    Egress,
}
