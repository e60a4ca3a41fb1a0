using System.Globalization;
using System.Text;

namespace Infra.Blueprints.Databases;

/// <summary>
/// Backup and maintenance windows derived from the database's name, so that databases do not all
/// back up at once and a database keeps its windows whatever else changes. Both are at night in
/// Europe (UTC); maintenance starts one hour after the backup starts and lasts 30 minutes, so the
/// two never overlap.
/// </summary>
public static class DatabaseWindows
{
    /// <summary>RDS's shortest window.</summary>
    public const int LengthMinutes = 30;

    /// <summary>Backups start between 00:00 and 03:30 UTC, on the half hour.</summary>
    private const int BackupSlots = 8;

    private static readonly string[] MaintenanceDays = ["tue", "wed", "thu"];

    public static string Backup(string database)
    {
        var start = BackupStartMinutes(database);
        return $"{Clock(start)}-{Clock(start + LengthMinutes)}";
    }

    public static string Maintenance(string database)
    {
        var start = BackupStartMinutes(database) + 60;
        var day = MaintenanceDays[(int)(Hash(database) / BackupSlots % (uint)MaintenanceDays.Length)];
        return $"{day}:{Clock(start)}-{day}:{Clock(start + LengthMinutes)}";
    }

    /// <summary>Whether a weekly maintenance window (ddd:hh:mm-ddd:hh:mm) overlaps a daily backup window (hh:mm-hh:mm).</summary>
    public static bool Overlap(string backupWindow, string maintenanceWindow)
    {
        ArgumentNullException.ThrowIfNull(backupWindow);
        ArgumentNullException.ThrowIfNull(maintenanceWindow);
        var backup = backupWindow.Split('-');
        var maintenance = maintenanceWindow.Split('-');
        var (backupStart, backupEnd) = (Minutes(backup[0]), Minutes(backup[1]));
        var (start, end) = (Minutes(maintenance[0][4..]), Minutes(maintenance[1][4..]));
        return start < backupEnd && backupStart < end;
    }

    private static int BackupStartMinutes(string database) => (int)(Hash(database) % BackupSlots) * 30;

    private static uint Hash(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return hash;
    }

    private static string Clock(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");

    private static int Minutes(string clock) =>
        int.Parse(clock[..2], CultureInfo.InvariantCulture) * 60 + int.Parse(clock[3..5], CultureInfo.InvariantCulture);
}
