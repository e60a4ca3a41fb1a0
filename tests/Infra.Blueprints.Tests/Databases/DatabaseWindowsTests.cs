using System.Globalization;
using Infra.Blueprints.Databases;

namespace Infra.Blueprints.Tests.Databases;

public sealed class DatabaseWindowsTests
{
    public static TheoryData<string> Names() => ["payments-db", "ledger-db", "cards-db", "customer-db", "a", "x-y-z-db"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Backup_and_maintenance_windows_never_overlap(string database) =>
        Assert.False(DatabaseWindows.Overlap(DatabaseWindows.Backup(database), DatabaseWindows.Maintenance(database)));

    [Fact]
    public void No_name_of_a_thousand_gives_overlapping_windows()
    {
        var names = Enumerable.Range(0, 1000).Select(i => string.Create(CultureInfo.InvariantCulture, $"db-{i}"));

        Assert.All(names, n => Assert.False(DatabaseWindows.Overlap(DatabaseWindows.Backup(n), DatabaseWindows.Maintenance(n))));
    }

    [Fact]
    public void Windows_are_a_function_of_the_name_alone()
    {
        Assert.Equal("02:30-03:00", DatabaseWindows.Backup("ledger-db"));
        Assert.Equal("tue:03:30-tue:04:00", DatabaseWindows.Maintenance("ledger-db"));
    }

    [Theory]
    [InlineData("02:30-03:00", "tue:02:45-tue:03:15", true)]
    [InlineData("02:30-03:00", "tue:03:00-tue:03:30", false)]
    [InlineData("02:30-03:00", "tue:02:00-tue:02:30", false)]
    public void Overlap_compares_the_times_of_day(string backup, string maintenance, bool overlap) =>
        Assert.Equal(overlap, DatabaseWindows.Overlap(backup, maintenance));
}
