using Infra.Blueprints.Kafka;

namespace Infra.Blueprints.Tests.Kafka;

public sealed class KafkaBrokerRequirementsTests
{
    private const string Strict = "allow.everyone.if.no.acl.found=false\nauto.create.topics.enable=false\n";

    [Fact]
    public void Configuration_that_refuses_what_no_acl_allows_has_no_problem()
    {
        Assert.Empty(KafkaBrokerRequirements.Problems("kafka-production", Strict, ["2.8.1", "3.6.0", "3.7.x.kraft"]));
    }

    [Theory]
    [InlineData("allow.everyone.if.no.acl.found=true\nauto.create.topics.enable=false", "has allow.everyone.if.no.acl.found=true; expected allow.everyone.if.no.acl.found=false")]
    [InlineData("allow.everyone.if.no.acl.found=false\nauto.create.topics.enable=true", "has auto.create.topics.enable=true; expected auto.create.topics.enable=false")]
    [InlineData("auto.create.topics.enable=false", "does not set allow.everyone.if.no.acl.found; MSK's default then applies; expected allow.everyone.if.no.acl.found=false")]
    [InlineData("# allow.everyone.if.no.acl.found=false\nauto.create.topics.enable=false", "does not set allow.everyone.if.no.acl.found")]
    [InlineData("allow.everyone.if.no.acl.found=false\nauto.create.topics.enable=false\nallow.everyone.if.no.acl.found=true", "has allow.everyone.if.no.acl.found=true")]
    public void Permissive_or_silent_configuration_is_one_problem_naming_the_configuration_and_the_key(string serverProperties, string expected)
    {
        var problem = Assert.Single(KafkaBrokerRequirements.Problems("kafka-production", serverProperties, ["3.6.0"]));

        Assert.StartsWith("MSK configuration 'kafka-production' " + expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.6.2")]
    [InlineData("2.7.0")]
    [InlineData("latest")]
    public void Kafka_before_2_8_or_an_unknown_version_is_a_problem(string version)
    {
        var problem = Assert.Single(KafkaBrokerRequirements.Problems("kafka-staging", Strict, ["3.6.0", version]));

        Assert.Contains($"is for Kafka {version}; expected 2.8 or later", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Properties_read_colons_spaces_and_comments_as_java_does()
    {
        var properties = KafkaBrokerRequirements.Parse("! a comment\r\n  allow.everyone.if.no.acl.found : false \r\nauto.create.topics.enable=FALSE\n\nlog.retention.hours=168");

        Assert.Equal("false", properties["allow.everyone.if.no.acl.found"]);
        Assert.Equal(3, properties.Count);
        Assert.Empty(KafkaBrokerRequirements.Problems("kafka-staging", "allow.everyone.if.no.acl.found : false\r\nauto.create.topics.enable=FALSE", ["3.6.0"]));
    }
}
