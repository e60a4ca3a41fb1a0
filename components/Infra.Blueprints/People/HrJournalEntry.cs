namespace Infra.Blueprints.People;

/// <summary>One applied HR event as the journal keeps it: enough to refuse a replay and an event out of order, and to audit.</summary>
public sealed record HrJournalEntry(string Id, string Type, string Person, DateOnly Effective, DateTimeOffset IssuedAt, DateTimeOffset AppliedAt, string BodySha256);
