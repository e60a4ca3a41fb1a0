namespace Infra.Policies.Rules.Support;

/// <summary>One principal of a statement: its kind (<c>AWS</c>, <c>Service</c>, <c>Federated</c>, or <c>*</c> for <c>Principal: "*"</c>) and value.</summary>
internal sealed record PolicyPrincipal(string Kind, string Value)
{
    public bool IsEveryone => Value == "*";

    /// <summary>The 12-digit account of an AWS principal (<c>123456789012</c> or <c>arn:aws:iam::123456789012:root</c>); null otherwise.</summary>
    public string? Account
    {
        get
        {
            if (Kind != "AWS")
            {
                return null;
            }

            var candidate = Value.StartsWith("arn:", StringComparison.Ordinal) && Value.Split(':') is { Length: > 4 } parts ? parts[4] : Value;
            return candidate.Length == 12 && candidate.All(char.IsAsciiDigit) ? candidate : null;
        }
    }
}
