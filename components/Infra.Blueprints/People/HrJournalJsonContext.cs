using System.Text.Json.Serialization;

namespace Infra.Blueprints.People;

/// <summary>Source-generated JSON metadata of the HR journal's entries: no reflection, so it also runs compiled ahead of time.</summary>
[JsonSerializable(typeof(HrJournalEntry))]
internal sealed partial class HrJournalJsonContext : JsonSerializerContext;
