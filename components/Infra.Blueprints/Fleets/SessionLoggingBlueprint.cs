using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// Session Manager's logging in one region: a KMS key only CloudWatch Logs uses, and only for
/// <see cref="LogGroupName"/>; that log group, kept <see cref="RetentionDays"/>; and the account's
/// Session Manager preferences (<see cref="PreferencesDocumentName"/>), which stream every session
/// to the group and refuse a session whose log cannot be encrypted.
/// </summary>
/// <param name="Name">The component's name; its children are named from it.</param>
/// <param name="PreferencesDocument">The Session document's JSON content (schema 1.0, Standard_Stream).</param>
public sealed record SessionLoggingBlueprint(
    string Name,
    string Region,
    string KeyDescription,
    string KeyPolicy,
    int KeyDeletionWindowDays,
    string LogGroupName,
    int RetentionDays,
    string PreferencesDocumentName,
    string PreferencesDocument,
    EquatableList<ResourceTag> Tags);
