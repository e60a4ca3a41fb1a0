using Infra.Blueprints.Definition;
using Infra.Policies.Model;
using Infra.Policies.Rules.Compute;
using Infra.Policies.Tests.Rules.Fixtures;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules;

/// <summary>A finding about a credential in user data says which kind and where, never the credential itself.</summary>
public sealed class UserDataNoSecretsRuleTests
{
    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("hvs.CAESIJ3k9x0Y2bq7Z1uQwE5rT8pL")]
    [InlineData("Winter2026!")]
    public void The_finding_never_shows_the_credential(string credential)
    {
        var script = $"#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nVAULT_TOKEN=hvs.CAESIJ3k9x0Y2bq7Z1uQwE5rT8pL\nexport PGPASSWORD=Winter2026!\n";
        var template = Resource("aws:ec2/launchTemplate:LaunchTemplate", "ledger-lt", $$"""{"userData":"{{ComputeFixtures.Base64(script)}}"}""");

        var findings = new UserDataNoSecretsRule().Evaluate(new ResourceSet([template]), Context(EnvironmentKind.Production)).ToList();

        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.DoesNotContain(credential, f.Message, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Equal("userData", f.PropertyPath));
    }
}
