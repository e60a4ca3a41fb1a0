namespace Infra.Blueprints.Slos;

/// <summary>How urgently a person must act on an alert.</summary>
public enum AlertSeverity
{
    /// <summary>Wakes the on-call person: the budget burns fast enough to be gone within days.</summary>
    Page,

    /// <summary>A ticket for working hours: the budget burns slowly, or capacity runs short.</summary>
    Ticket,
}
