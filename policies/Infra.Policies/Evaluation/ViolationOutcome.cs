namespace Infra.Policies.Evaluation;

/// <summary>What a violation does to the run: only <see cref="Failing"/> makes it exit 1.</summary>
public enum ViolationOutcome
{
    /// <summary>A mandatory rule, not waived, not in the baseline.</summary>
    Failing,
    /// <summary>An advisory rule: reported, never failing.</summary>
    Advisory,
    /// <summary>Excused by a valid waiver.</summary>
    Waived,
    /// <summary>Known before: present in the baseline.</summary>
    Baselined,
}
