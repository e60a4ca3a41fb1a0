namespace Infra.Blueprints.Definition;

/// <summary>The bank's data classification, from least to most sensitive.</summary>
public enum DataClassification
{
    Public,
    Internal,
    Confidential,
    Restricted,
}
