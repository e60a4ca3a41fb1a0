namespace Infra.Cli;

/// <summary>What the process's exit code tells a pipeline.</summary>
internal static class ExitCodes
{
    /// <summary>Everything checked is fine.</summary>
    public const int Ok = 0;

    /// <summary>The input was read, and it breaks a rule or a check failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or unreadable input: nothing was checked.</summary>
    public const int BadInput = 2;
}
