using Infra.Blueprints.Tests.Loading;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Databases;

/// <summary>Bad database settings are reported with file, key path and line, like every other broken input.</summary>
public sealed class DatabaseConfigBrokenInputTests
{
    private const string UnusedDatabase = "    archive-db:\n      team: payments\n      engineVersion: \"16.4\"\n      instanceClass: db.r7g.large\n      readers: 1\n      backupRetentionDays: 7\n      maxReplicationLag: 5s\n      dataClassification: internal\n  infra:databaseAccess:";

    private static readonly Dictionary<string, BrokenInputCase> Cases = new()
    {
        ["retention below the staging minimum"] = new(Files.Staging, "    payments-db:\n      team: payments\n      engineVersion: \"16.4\"\n      instanceClass: db.r7g.large\n      readers: 1\n      backupRetentionDays: 7",
            "    payments-db:\n      team: payments\n      engineVersion: \"16.4\"\n      instanceClass: db.r7g.large\n      readers: 1\n      backupRetentionDays: 3",
            Files.Staging, "infra:databases.payments-db.backupRetentionDays", "is 3 days; staging keeps backups at least 7 days"),
        ["unknown region"] = new(Files.Staging, "secondary: eu-west-1 ", "secondary: eu-south-7 ",
            Files.Staging, "infra:regions.secondary", "'eu-south-7' is not a known AWS region"),
        ["a lost secondary that is not true or false"] = new(Files.Staging, "secondary: eu-west-1 ", "secondary: eu-west-1\n    secondaryLost: maybe ",
            Files.Staging, "infra:regions.secondaryLost", "expected true or false, found 'maybe'"),
        ["the same region twice"] = new(Files.Staging, "primary: eu-west-3 ", "primary: eu-west-1 ",
            Files.Staging, "infra:regions.secondary", "is the same region as primary (eu-west-1)"),
        ["a database no service uses"] = new(Files.Staging, "  infra:databaseAccess:", UnusedDatabase,
            Files.Staging, "infra:databases.archive-db", "no service uses this database"),
        ["replication lag bound of zero"] = new(Files.Staging, "      readers: 1\n      backupRetentionDays: 7\n      maxReplicationLag: 5s          # the region switch waits until the lag is below this\n      dataClassification: restricted\n    ledger-db:",
            "      readers: 1\n      backupRetentionDays: 7\n      maxReplicationLag: 0s\n      dataClassification: restricted\n    ledger-db:",
            Files.Staging, "infra:databases.payments-db.maxReplicationLag", "0s is out of bounds; expected between 1s and 15m"),
        ["missing replication lag bound"] = new(Files.Staging, "      readers: 1\n      backupRetentionDays: 7\n      maxReplicationLag: 5s          # the region switch waits until the lag is below this\n      dataClassification: restricted\n    ledger-db:",
            "      readers: 1\n      backupRetentionDays: 7\n      dataClassification: restricted\n    ledger-db:",
            Files.Staging, "infra:databases.payments-db.maxReplicationLag", "missing required key 'maxReplicationLag'"),
        ["too many secondary readers"] = new(Files.Staging, "    payments-db:\n      team: payments\n", "    payments-db:\n      team: payments\n      secondaryReaders: 16\n",
            Files.Staging, "infra:databases.payments-db.secondaryReaders", "must be between 0 and 15, found 16"),
        ["no Vault network"] = new(Files.Staging, "    vault: [10.40.64.0/24, 10.41.64.0/24]", "    vault: []",
            Files.Staging, "infra:databaseAccess.vault", "lists no network; expected at least one IPv4 CIDR"),
        ["a bootstrap network wider than a /16"] = new(Files.Staging, "    bootstrap: [10.40.80.0/28]", "    bootstrap: [10.0.0.0/8]",
            Files.Staging, "infra:databaseAccess.bootstrap", "10.0.0.0/8 is wider than a /16"),
        ["a Vault network with host bits"] = new(Files.Staging, "    vault: [10.40.64.0/24, 10.41.64.0/24]", "    vault: [10.40.64.1/24, 10.41.64.0/24]",
            Files.Staging, "infra:databaseAccess.vault[0]", "'10.40.64.1/24' has host bits set"),
        ["the backup account is the environment's own"] = new(Files.Staging, "    accountId: \"555566667777\"", "    accountId: \"111122223333\"",
            Files.Staging, "infra:databaseBackup.accountId", "is the environment's own account 111122223333 (infra:awsAccountId); the copies are kept in a separate backup account"),
        ["a backup account that is not an account id"] = new(Files.Staging, "    accountId: \"555566667777\"", "    accountId: backups",
            Files.Staging, "infra:databaseBackup.accountId", "the backup account's 12-digit AWS account id, quoted"),
        ["a backup retention below a week"] = new(Files.Staging, "    retentionDays: 35 ", "    retentionDays: 3 ",
            Files.Staging, "infra:databaseBackup.retentionDays", "must be between 7 and 3650, found 3"),
        ["no database backup"] = new(Files.Staging, "  infra:databaseBackup:", "  infra:databaseBackupx:",
            Files.Staging, "infra:databaseBackupx", "unknown config key 'infra:databaseBackupx'"),
        ["no database access"] = new(Files.Staging, "  infra:databaseAccess:", "  infra:databaseAccessx:",
            Files.Staging, "infra:databaseAccessx", "unknown config key 'infra:databaseAccessx'"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Broken_database_setting_is_reported_with_file_key_and_line(string caseName)
    {
        Cases[caseName].AssertReported();
    }

    [Fact]
    public void Production_retention_below_35_days_is_an_error_on_its_line()
    {
        using var repository = new RepositoryCopy().Edit(Files.Production,
            "    ledger-db:\n      team: core-banking\n      engineVersion: \"16.4\"\n      instanceClass: db.r7g.2xlarge\n      readers: 2\n      backupRetentionDays: 35",
            "    ledger-db:\n      team: core-banking\n      engineVersion: \"16.4\"\n      instanceClass: db.r7g.2xlarge\n      readers: 2\n      backupRetentionDays: 14");

        var error = Assert.Single(repository.Loader.LoadFromFiles("production").Errors);

        Assert.Equal("infra:databases.ledger-db.backupRetentionDays", error.KeyPath);
        Assert.Equal("is 14 days; production keeps backups at least 35 days (staging 7, production 35; at most 35)", error.Message);
        Assert.Equal(repository.LineOf(Files.Production, "backupRetentionDays: 14"), error.Line);
    }

    [Fact]
    public void Secondary_readers_default_to_the_primary_readers()
    {
        var definition = Fleets.RepositoryDefinitions.Load("production");

        Assert.All(definition.Databases, d => Assert.Equal(d.Readers, d.SecondaryReaders));
    }
}
