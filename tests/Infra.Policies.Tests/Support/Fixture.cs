using System.Text.Json;
using Infra.Blueprints.Definition;
using Infra.Policies.Model;
using Infra.Policies.Reading;
using Infra.Policies.Rules;

namespace Infra.Policies.Tests.Support;

/// <summary>Builds resources as a stack export holds them, from inputs written as JSON with the providers' property names.</summary>
internal static class Fixture
{
    public const string Project = "infra";
    public static readonly DateOnly Today = new(2026, 11, 22);
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    /// <summary>A secret as `pulumi stack export` writes it; the plaintext must never reach a report.</summary>
    public const string SecretPlaintext = "Sup3r-S3cret-Ledger-Pa55word";

    public static string SecretJson(string plaintext = SecretPlaintext) =>
        $$"""{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","plaintext":"\"{{plaintext}}\""}""";

    public static string StackUrn(string stack = "production") => $"urn:pulumi:{stack}::{Project}::pulumi:pulumi:Stack::{Project}-{stack}";

    public static string ComponentUrn(string stack = "production") => $"urn:pulumi:{stack}::{Project}::infra:fleet:ServiceFleet::ledger";

    public static string UrnOf(string type, string name, string stack = "production") =>
        $"urn:pulumi:{stack}::{Project}::infra:fleet:ServiceFleet${type}::{name}";

    public static PolicyResource Resource(
        string type,
        string name,
        string inputs = "{}",
        string? outputs = null,
        string? id = null,
        string? parent = null,
        string? provider = null,
        bool custom = true,
        string[]? dependencies = null,
        string stack = "production") =>
        new(
            UrnOf(type, name, stack),
            type,
            id,
            parent ?? ComponentUrn(stack),
            provider,
            custom,
            false,
            dependencies ?? [],
            Tree(inputs),
            outputs is null ? PropertyValue.EmptyObject : Tree(outputs));

    public static PolicyResource AwsProvider(string name, string region, string stack = "production") =>
        new($"urn:pulumi:{stack}::{Project}::pulumi:providers:aws::{name}", "pulumi:providers:aws", $"{name}-id", StackUrn(stack), null,
            true, false, [], Tree($$"""{"region":"{{region}}","allowedAccountIds":["{{AccountOf(stack)}}"]}"""), PropertyValue.EmptyObject);

    /// <summary>An AWS provider with these inputs, e.g. without allowedAccountIds.</summary>
    public static PolicyResource AwsProviderWith(string name, string inputs, string stack = "production") =>
        new($"urn:pulumi:{stack}::{Project}::pulumi:providers:aws::{name}", "pulumi:providers:aws", $"{name}-id", StackUrn(stack), null,
            true, false, [], Tree(inputs), PropertyValue.EmptyObject);

    /// <summary>The stack's own resource, as every export has it.</summary>
    public static PolicyResource StackResource(string stack = "production") =>
        new(StackUrn(stack), "pulumi:pulumi:Stack", null, null, null, false, false, [], PropertyValue.EmptyObject, PropertyValue.EmptyObject);

    public static string ProviderReference(PolicyResource provider) => $"{provider.Urn}::{provider.Id}";

    public static PropertyValue Tree(string json)
    {
        using var document = JsonDocument.Parse(json);
        return PropertyTreeReader.Read(document.RootElement, previewMasks: false);
    }

    /// <summary>The topic the fixtures' Kafka catalog marks <c>delete: true</c>.</summary>
    public const string MarkedTopic = "payments.transfer.initiated.v0";

    /// <summary>The AWS account of each stack, as its stack file names it (infra:awsAccountId).</summary>
    public static string AccountOf(string stack) => stack == "production" ? "444455556666" : "111122223333";

    public static PolicyContext Context(EnvironmentKind environment) =>
        new(environment == EnvironmentKind.Production ? "production" : "staging", environment, Today)
        {
            TopicsMarkedForDeletion = new HashSet<string>(StringComparer.Ordinal) { MarkedTopic },
            VpcNetworks = [System.Net.IPNetwork.Parse("10.60.0.0/16"), System.Net.IPNetwork.Parse("10.61.0.0/16"), System.Net.IPNetwork.Parse("fd00:60::/56")],
            AwsAccountIds = new HashSet<string>(StringComparer.Ordinal) { AccountOf(environment == EnvironmentKind.Production ? "production" : "staging") },
            People =
            [
                new PersonAccessWindow("adupont", 101, PlatformTeam: true, EndDate: null),
                new PersonAccessWindow("cmurphy", 412, PlatformTeam: true, EndDate: new DateOnly(2026, 11, 27)),
                new PersonAccessWindow("dkelly", 377, PlatformTeam: true, EndDate: new DateOnly(2025, 8, 29)),
                new PersonAccessWindow("cmartin", 233, PlatformTeam: false, EndDate: null),
                new PersonAccessWindow("bfaure", 245, PlatformTeam: false, EndDate: null),
            ],
        };

    /// <summary>The six mandatory tags, for resources that are not about tags.</summary>
    public const string GoodTags =
        """{"service":"ledger","team":"core-banking","environment":"production","cost-center":"CC-2320","data-classification":"restricted","managed-by":"pulumi"}""";
}
