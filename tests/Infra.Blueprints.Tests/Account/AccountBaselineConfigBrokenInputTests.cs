using Infra.Blueprints.Account;
using Infra.Blueprints.Tests.Fleets;
using Infra.Blueprints.Tests.Loading;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Account;

/// <summary><c>infra:accountBaseline</c> is read strictly: each mistake names the file, the key, its line and what is allowed.</summary>
public sealed class AccountBaselineConfigBrokenInputTests
{
    private const string Section = "  infra:accountBaseline:\n    mode: managed\n    logArchiveAccountId: \"777788889999\"\n";

    private static readonly Dictionary<string, BrokenInputCase> Cases = new()
    {
        ["an unknown mode"] = new(Files.Staging, "    mode: managed\n", "    mode: hybrid\n",
            Files.Staging, "infra:accountBaseline.mode", "'hybrid' is not a known baseline mode (managed: this stack runs it; central: the bank's security account runs it and the stack checks it); allowed: central, managed"),
        ["the old account id key, now infra:awsAccountId"] = new(Files.Staging, "    mode: managed\n", "    mode: managed\n    accountId: \"111122223333\"\n",
            Files.Staging, "infra:accountBaseline.accountId", "unknown key 'accountId' allowed keys: mode, logArchiveAccountId, trailBucket"),
        ["a log archive account id that is not 12 digits"] = new(Files.Staging, "    logArchiveAccountId: \"777788889999\"\n", "    logArchiveAccountId: log-archive\n",
            Files.Staging, "infra:accountBaseline.logArchiveAccountId", "'log-archive' is not valid; expected the log archive account's 12-digit AWS account id, quoted"),
        ["the trail kept in the audited account"] = new(Files.Staging, "    logArchiveAccountId: \"777788889999\"\n", "    logArchiveAccountId: \"111122223333\"\n",
            Files.Staging, "infra:accountBaseline.logArchiveAccountId", "is the environment's own account 111122223333 (infra:awsAccountId); the trail is kept in a separate log archive account"),
        ["no mode"] = new(Files.Staging, "    mode: managed\n", "",
            Files.Staging, "infra:accountBaseline.mode", "missing required key 'mode'"),
        ["no log archive account"] = new(Files.Staging, "    logArchiveAccountId: \"777788889999\"\n", "",
            Files.Staging, "infra:accountBaseline.logArchiveAccountId", "missing required key 'logArchiveAccountId'"),
        ["an unknown key"] = new(Files.Staging, "    mode: managed\n", "    mode: managed\n    securityAccountId: \"222233334444\"\n",
            Files.Staging, "infra:accountBaseline.securityAccountId", "unknown key 'securityAccountId' allowed keys: mode, logArchiveAccountId, trailBucket"),
        ["a trail bucket in managed mode, where the stack names its own"] = new(Files.Staging, "    mode: managed\n", "    mode: managed\n    trailBucket: example-bank-organization-trail\n",
            Files.Staging, "infra:accountBaseline.trailBucket", "is for central mode only; in managed mode the stack creates the trail's bucket and names it itself"),
        ["not a mapping"] = new(Files.Staging, Section, "  infra:accountBaseline: managed\n",
            Files.Staging, "infra:accountBaseline", "expected a mapping"),
        ["no section"] = new(Files.Staging, Section, "",
            Files.Staging, "infra:accountBaseline", "missing required key 'infra:accountBaseline'"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Broken_account_baseline_is_reported_with_file_key_and_line(string caseName)
    {
        Cases[caseName].AssertReported();
    }

    [Fact]
    public void A_mistake_in_production_central_mode_is_reported_too()
    {
        new BrokenInputCase(Files.Production, "    mode: central\n", "    mode: centrall\n",
            Files.Production, "infra:accountBaseline.mode", "'centrall' is not a known baseline mode").AssertReported("production");
    }

    [Theory]
    [InlineData("trailBucket: example-bank-organization-trail-777788889999", "", "missing required key 'trailBucket'")]
    [InlineData("trailBucket: example-bank-organization-trail-777788889999", "trailBucket: Org_Trail", "'Org_Trail' is not valid; expected the S3 bucket the security account's trail writes to")]
    public void Central_mode_names_a_valid_trail_bucket(string good, string broken, string message)
    {
        new BrokenInputCase(Files.Production, good, broken, Files.Production, "infra:accountBaseline.trailBucket", message).AssertReported("production");
    }

    [Theory]
    [InlineData("staging", BaselineMode.Managed, null)]
    [InlineData("production", BaselineMode.CentralSecurityAccount, "example-bank-organization-trail-777788889999")]
    public void The_repository_stacks_name_their_mode_log_archive_account_and_central_trail_bucket(string stack, BaselineMode mode, string? trailBucket)
    {
        var settings = RepositoryDefinitions.Load(stack).AccountBaseline;

        Assert.Equal(new AccountBaselineSettings(mode, "777788889999", trailBucket), settings);
    }
}
