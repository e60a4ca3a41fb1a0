using System.Globalization;
using Infra.Policies.Model;

namespace Infra.PolicyPack.Analysis;

/// <summary>
/// The plaintexts of the secrets of one request. Rules judge a secret by its plaintext, but what the pack sends back
/// or logs never shows it: every text or number under a secret is replaced by <c>[secret]</c> in diagnostics and logs.
/// Booleans are not replaced (the words true and false say nothing a verdict on them does not already say).
/// </summary>
internal sealed class SecretValues
{
    public const string Mask = "[secret]";

    private List<string>? _texts;

    public bool Any => _texts is not null;

    /// <summary>A secret's plaintext as read; its texts and numbers are collected, longest first when used.</summary>
    public void Add(PropertyValue value)
    {
        _texts ??= [];
        Collect(value, _texts);
    }

    /// <summary>The text with every secret plaintext replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        if (_texts is null || text.Length == 0)
        {
            return text;
        }

        // Longest first, so that a secret containing another is masked whole.
        foreach (var secret in _texts.Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private static void Collect(PropertyValue value, List<string> texts)
    {
        switch (value.Kind)
        {
            case PropertyKind.Text when value.AsString() is { Length: > 0 } text:
                texts.Add(text);
                break;
            case PropertyKind.Number:
                var number = value.AsNumber()!.Value;
                texts.Add(number.ToString(CultureInfo.InvariantCulture));
                texts.Add(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case PropertyKind.List:
                foreach (var item in value.Items)
                {
                    Collect(item, texts);
                }

                break;
            case PropertyKind.Map:
                foreach (var field in value.Fields.Values)
                {
                    Collect(field, texts);
                }

                break;
        }
    }
}
