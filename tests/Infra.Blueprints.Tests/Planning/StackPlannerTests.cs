using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Planning;

namespace Infra.Blueprints.Tests.Planning;

public sealed class StackPlannerTests
{
    private static readonly StackDefinition Staging =
        new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("staging").Definition!;

    [Fact]
    public void Callers_are_the_services_that_declare_the_dependency()
    {
        var plan = StackPlanner.Plan(Staging, new DateOnly(2026, 11, 22));

        var ledger = plan.Services.Single(s => s.Name == "ledger");
        var expected = Staging.Services.Where(s => s.DependsOn.Services.Contains("ledger")).Select(s => s.Name);
        Assert.Equal(expected, ledger.CalledBy);
        Assert.Contains("payments-api", ledger.CalledBy);
    }

    [Fact]
    public void Topic_partitions_use_the_stack_override()
    {
        var topic = Staging.Catalog.Topics.Single(t => t.Name == "payments.transfer.initiated.v1");
        var staging = topic.Environments.Single(o => o.Stack == "staging").Partitions;

        var payments = StackPlanner.Plan(Staging, new DateOnly(2026, 11, 22)).TopicDomains.Single(d => d.Domain == "payments");

        Assert.NotEqual(topic.Partitions, staging);
        var expected = Staging.Catalog.Topics.Where(t => t.Name.StartsWith("payments.", StringComparison.Ordinal))
            .Sum(t => t.Environments.FirstOrDefault(o => o.Stack == "staging")?.Partitions ?? t.Partitions);
        Assert.Equal(expected, payments.Partitions);
    }

    [Fact]
    public void People_counts_follow_the_day()
    {
        var before = StackPlanner.Plan(Staging, new DateOnly(2014, 1, 1)).People;
        var now = StackPlanner.Plan(Staging, new DateOnly(2026, 11, 22)).People;

        Assert.Equal(0, before.Active);
        Assert.Equal(Staging.Catalog.People.Count, before.NotStarted);
        Assert.Equal(now.Total, now.Active + now.NotStarted + now.Left);
        Assert.True(now.Left >= 3);
    }

    [Theory]
    [InlineData("2026-11-21", false)]
    [InlineData("2026-11-22", true)]
    [InlineData("2026-11-30", true)]
    [InlineData("2026-12-01", false)]
    public void Access_runs_from_start_day_to_end_day_inclusive(string day, bool expected)
    {
        var person = new PersonDefinition("jdoe", "J Doe", "j.doe@example-bank.eu", ["payments"], ContractKind.Contractor,
            new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 30), []);

        Assert.Equal(expected, person.HasAccessOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Access_covers_a_leap_day()
    {
        var person = new PersonDefinition("jdoe", "J Doe", "j.doe@example-bank.eu", ["payments"], ContractKind.Employee,
            new DateOnly(2028, 2, 29), new DateOnly(2028, 2, 29), []);

        Assert.True(person.HasAccessOn(new DateOnly(2028, 2, 29)));
        Assert.False(person.HasAccessOn(new DateOnly(2028, 3, 1)));
    }
}
