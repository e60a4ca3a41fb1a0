using System.Text;
using Infra.Policies.Reading;

namespace Infra.Policies.Tests.Reading;

/// <summary>`pulumi preview --json` steps become the resources the preview leads to.</summary>
public sealed class PreviewReaderTests
{
    private const string Preview = """
        {
            "config": { "aws:region": "eu-west-3" },
            "steps": [
                {
                    "op": "same",
                    "urn": "urn:pulumi:staging::infra::pulumi:pulumi:Stack::infra-staging",
                    "oldState": { "urn": "urn:pulumi:staging::infra::pulumi:pulumi:Stack::infra-staging", "custom": false, "type": "pulumi:pulumi:Stack" },
                    "newState": { "urn": "urn:pulumi:staging::infra::pulumi:pulumi:Stack::infra-staging", "custom": false, "type": "pulumi:pulumi:Stack" },
                    "detailedDiff": null
                },
                {
                    "op": "create",
                    "urn": "urn:pulumi:staging::infra::infra:fleet:ServiceFleet$aws:ec2/launchTemplate:LaunchTemplate::ledger",
                    "provider": "urn:pulumi:staging::infra::pulumi:providers:aws::eu-west-3::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                    "newState": {
                        "urn": "urn:pulumi:staging::infra::infra:fleet:ServiceFleet$aws:ec2/launchTemplate:LaunchTemplate::ledger",
                        "custom": true,
                        "type": "aws:ec2/launchTemplate:LaunchTemplate",
                        "inputs": {
                            "metadataOptions": { "httpTokens": "optional" },
                            "userData": "[secret]",
                            "imageId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
                        },
                        "parent": "urn:pulumi:staging::infra::infra:fleet:ServiceFleet::ledger"
                    },
                    "detailedDiff": null
                },
                {
                    "op": "replace",
                    "urn": "urn:pulumi:staging::infra::infra:database:ReplicatedDatabase$aws:rds/cluster:Cluster::ledger-db",
                    "oldState": { "urn": "urn:pulumi:staging::infra::infra:database:ReplicatedDatabase$aws:rds/cluster:Cluster::ledger-db", "custom": true, "type": "aws:rds/cluster:Cluster", "inputs": { "storageEncrypted": false } },
                    "newState": { "urn": "urn:pulumi:staging::infra::infra:database:ReplicatedDatabase$aws:rds/cluster:Cluster::ledger-db", "custom": true, "type": "aws:rds/cluster:Cluster", "inputs": { "storageEncrypted": true } },
                    "replaceReasons": ["storageEncrypted"],
                    "detailedDiff": { "storageEncrypted": { "kind": "update-replace", "inputDiff": true } }
                },
                {
                    "op": "delete-replaced",
                    "urn": "urn:pulumi:staging::infra::infra:database:ReplicatedDatabase$aws:rds/cluster:Cluster::ledger-db",
                    "oldState": { "urn": "urn:pulumi:staging::infra::infra:database:ReplicatedDatabase$aws:rds/cluster:Cluster::ledger-db", "custom": true, "type": "aws:rds/cluster:Cluster", "inputs": { "storageEncrypted": false } },
                    "detailedDiff": null
                },
                {
                    "op": "delete",
                    "urn": "urn:pulumi:staging::infra::infra:fleet:ServiceFleet$aws:ec2/securityGroup:SecurityGroup::old",
                    "oldState": { "urn": "urn:pulumi:staging::infra::infra:fleet:ServiceFleet$aws:ec2/securityGroup:SecurityGroup::old", "custom": true, "type": "aws:ec2/securityGroup:SecurityGroup" },
                    "detailedDiff": null
                }
            ],
            "duration": 5123000000,
            "changeSummary": { "create": 1, "delete": 1, "replace": 1, "same": 1 }
        }
        """;

    [Fact]
    public void Steps_give_the_new_state_and_drop_deleted_resources()
    {
        var resources = Read(Preview);

        Assert.Equal(3, resources.Count);
        Assert.Empty(resources.OfType("aws:ec2/securityGroup:SecurityGroup"));
        Assert.True(resources.OfType("aws:rds/cluster:Cluster").Single().Property("storageEncrypted").AsBoolean());
    }

    [Fact]
    public void Deletions_and_replacements_are_kept_as_destructive_steps_once_each()
    {
        var steps = Read(Preview).DestructiveSteps;

        Assert.Equal(
            [("replace", "urn:pulumi:staging::infra::infra:database:ReplicatedDatabase$aws:rds/cluster:Cluster::ledger-db"),
             ("delete", "urn:pulumi:staging::infra::infra:fleet:ServiceFleet$aws:ec2/securityGroup:SecurityGroup::old")],
            steps.Select(s => (s.Operation, s.Resource.Urn)));
        Assert.False(steps[0].Resource.Property("storageEncrypted").AsBoolean());
    }

    [Fact]
    public void Masked_secrets_and_unknown_values_are_not_plain_strings()
    {
        var template = Read(Preview).OfType("aws:ec2/launchTemplate:LaunchTemplate").Single();

        Assert.True(template.Property("userData").IsSecret);
        Assert.True(template.Property("imageId").IsUnknown);
        Assert.Equal("optional", template.Property("metadataOptions.httpTokens").AsString());
    }

    [Fact]
    public void A_preview_without_steps_gives_an_empty_set()
    {
        Assert.Empty(Read("""{"duration": 1000, "changeSummary": {}}"""));
    }

    [Fact]
    public void A_truncated_preview_reports_the_position()
    {
        var error = Assert.Throws<StateFileException>(() => Read(Preview[..600]));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("preview.json:", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void A_key_given_twice_is_reported_at_the_second_key()
    {
        var error = Assert.Throws<StateFileException>(() => Read("{\n  \"steps\": [],\n  \"duration\": 1, \"steps\": []\n}"));

        Assert.Equal((3L, 18L), (error.Line, error.Column));
        Assert.Contains("the key \"steps\" appears twice in one object", error.Message, StringComparison.Ordinal);
    }

    private static Infra.Policies.Model.ResourceSet Read(string text) =>
        PreviewReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "preview.json");
}
