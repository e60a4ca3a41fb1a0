using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Loading;

/// <summary>Each broken input is reported with its file, key path and line, and never throws.</summary>
public sealed class BrokenInputTests
{
    private static readonly Dictionary<string, BrokenInputCase> Cases = new()
    {
        ["unknown key"] = new(Files.Staging, "      port: 8443\n      peakRps: 300", "      prot: 8443\n      peakRps: 300",
            Files.Staging, "infra:services.payments-api.prot", "unknown key 'prot'; did you mean 'port'?"),
        ["missing required key"] = new(Files.Staging, "      instanceType: r7i.large\n      port: 8443\n      peakRps: 400", "      port: 8443\n      peakRps: 400",
            Files.Staging, "infra:services.ledger.instanceType", "missing required key 'instanceType'"),
        ["text where a number is expected"] = new(Files.Staging, "peakRps: 400", "peakRps: lots",
            Files.Staging, "infra:services.ledger.peakRps", "expected a whole number between 0 and 10000000, found 'lots'"),
        ["quoted number"] = new(Files.Staging, "port: 9443", "port: \"9443\"",
            Files.Staging, "infra:services.card-authorizer.port", "remove the quotes"),
        ["port out of range"] = new(Files.Staging, "port: 9443", "port: 70000",
            Files.Staging, "infra:services.card-authorizer.port", "must be between 1024 and 65535, found 70000"),
        ["list where a mapping is expected"] = new(Files.Staging, "      healthCheck:\n        livenessPath: /livez", "      healthCheck: [/livez]\n      healthCheckOld:\n        livenessPath: /livez",
            Files.Staging, "infra:services.notifications.healthCheck", "expected a mapping of keys to values, found a list"),
        ["unknown region"] = new(Files.Staging, "primary: eu-west-3 ", "primary: eu-west-9 ",
            Files.Staging, "infra:regions.primary", "'eu-west-9' is not a known AWS region"),
        ["same region twice"] = new(Files.Staging, "secondary: eu-west-1 ", "secondary: eu-west-3 ",
            Files.Staging, "infra:regions.secondary", "is the same region as primary"),
        ["invalid CIDR"] = new(Files.Staging, "cidr: 10.40.16.0/20", "cidr: 10.40.16.0/33",
            Files.Staging, "infra:networks.eu-west-3.subnets.eu-west-3b.cidr", "'10.40.16.0/33' is not a valid IPv4 CIDR"),
        ["CIDR with host bits"] = new(Files.Staging, "cidr: 10.40.0.0/16", "cidr: 10.40.0.1/16",
            Files.Staging, "infra:networks.eu-west-3.cidr", "host bits zero"),
        ["subnet outside its VPC"] = new(Files.Staging, "cidr: 10.40.32.0/20", "cidr: 10.99.32.0/20",
            Files.Staging, "infra:networks.eu-west-3.subnets.eu-west-3c.cidr", "10.99.32.0/20 is not inside the VPC's 10.40.0.0/16"),
        ["overlapping subnets"] = new(Files.Staging, "cidr: 10.40.16.0/20", "cidr: 10.40.8.0/21",
            Files.Staging, "infra:networks.eu-west-3.subnets.eu-west-3b.cidr", "overlaps 10.40.0.0/20 of zone eu-west-3a"),
        ["zone of another region"] = new(Files.Staging, "eu-west-1c: { id: subnet-0ff7edd037d4a94b2", "eu-west-3c: { id: subnet-0ff7edd037d4a94b2",
            Files.Staging, "infra:networks.eu-west-1.subnets.eu-west-3c", "'eu-west-3c' is not a zone of eu-west-1"),
        ["invalid instance type"] = new(Files.Staging, "instanceType: m7g.medium", "instanceType: m7g.gigantic",
            Files.Staging, "infra:services.notifications.instanceType", "expected an EC2 instance type"),
        ["malformed image id"] = new(Files.Staging, "image: ami-05d83e1fa2c79b460", "image: ami-XYZ",
            Files.Staging, "infra:services.ledger.image", "'ami-XYZ' is not valid; expected an AMI id"),
        ["unknown team"] = new(Files.Staging, "      team: cards\n", "      team: kards\n",
            Files.Staging, "infra:services.card-authorizer.team", "'kards' is not a team of teams.yaml; did you mean 'cards'?"),
        ["unknown service dependency"] = new(Files.Staging, "services: [fraud-scoring, ledger]", "services: [fraud-scoring, ledgr]",
            Files.Staging, "infra:services.card-authorizer.dependsOn.services[1]", "'ledgr' is not a service of stack 'staging'"),
        ["service depending on itself"] = new(Files.Staging, "services: [fraud-scoring, ledger]", "services: [fraud-scoring, card-authorizer]",
            Files.Staging, "infra:services.card-authorizer.dependsOn.services[1]", "a service cannot depend on itself"),
        ["unknown database"] = new(Files.Staging, "databases: [payments-db]", "databases: [payment-db]",
            Files.Staging, "infra:services.payments-api.dependsOn.databases[0]", "'payment-db' is not a database of stack 'staging'"),
        ["unknown topic"] = new(Files.Staging, "          - payments.transfer.failed.v1\n          - payments.transfer.initiated.v1\n          - risk.aml-screening.completed.v1\n          - risk.fraud-score.computed.v1\n    ledger:",
            "          - payments.transfer.failed.v1\n          - payments.transfer.initiated.v9\n          - risk.aml-screening.completed.v1\n          - risk.fraud-score.computed.v1\n    ledger:",
            Files.Staging, "infra:services.payments-api.dependsOn.topics[9]", "'payments.transfer.initiated.v9' is not a topic of kafka-topics.yaml"),
        ["secret in clear text"] = new(Files.Staging, "  infra:consulToken:\n    secure: v1:", "  infra:consulToken: s.hunter2\n  infra:consulTokenOld:\n    secure: v1:",
            Files.Staging, "infra:consulToken", "must be a secret, never clear text"),
        ["secure value where no secret belongs"] = new(Files.Staging, "consulDatacenter: stg-par", "consulDatacenter:\n      secure: v1:abc",
            Files.Staging, "infra:endpoints.consulDatacenter", "a secure value is not allowed here"),
        ["a region's consul datacenter that is the stack's own"] = new(Files.Staging, "        datacenter: stg-dub", "        datacenter: stg-par",
            Files.Staging, "infra:networks.eu-west-1.consul.datacenter", "'stg-par' is already the stack's own (infra:endpoints.consulDatacenter); a region's own Consul datacenter must be another one"),
        ["a region's consul datacenter that is not a name"] = new(Files.Staging, "        datacenter: stg-dub", "        datacenter: Stg_Dub",
            Files.Staging, "infra:networks.eu-west-1.consul.datacenter", "a Consul datacenter name such as stg-dub"),
        ["a region's consul address without https"] = new(Files.Staging, "        address: https://consul.stg-dub.example-bank.eu", "        address: http://consul.stg-dub.example-bank.eu",
            Files.Staging, "infra:networks.eu-west-1.consul.address", "https"),
        ["a region's consul without its datacenter"] = new(Files.Staging, "        datacenter: stg-dub\n", "",
            Files.Staging, "infra:networks.eu-west-1.consul.datacenter", "missing required key 'datacenter'"),
        ["unknown config key"] = new(Files.Staging, "  infra:costCenter: CC-4100\n", "  infra:costCenter: CC-4100\n  infra:colour: blue\n",
            Files.Staging, "infra:colour", "unknown config key 'infra:colour'"),
        ["missing config key"] = new(Files.Staging, "  infra:costCenter: CC-4100\n", "",
            Files.Staging, "infra:costCenter", "missing required key 'infra:costCenter'"),
        ["account id that is not 12 digits"] = new(Files.Staging, "  infra:awsAccountId: \"111122223333\"", "  infra:awsAccountId: \"11112222333\"",
            Files.Staging, "infra:awsAccountId", "the stack's AWS account: 12 digits in quotes"),
        ["missing account id"] = new(Files.Staging, "  infra:awsAccountId: \"111122223333\"", "",
            Files.Staging, "infra:awsAccountId", "missing required key 'infra:awsAccountId'"),
        ["http endpoint"] = new(Files.Staging, "vault: https://vault.stg.example-bank.eu", "vault: http://vault.stg.example-bank.eu",
            Files.Staging, "infra:endpoints.vault", "expected an https:// URL"),
        ["missing MSK configuration of the brokers"] = new(Files.Staging, "    kafkaBrokerConfiguration: kafka-staging", "",
            Files.Staging, "infra:endpoints.kafkaBrokerConfiguration", "missing required key 'kafkaBrokerConfiguration'"),
        ["MSK configuration that is not a name"] = new(Files.Staging, "kafkaBrokerConfiguration: kafka-staging", "kafkaBrokerConfiguration: Kafka Staging",
            Files.Staging, "infra:endpoints.kafkaBrokerConfiguration", "the name of the MSK configuration the brokers run"),
        ["vault provider token shorter than a deploy"] = new(Files.Staging, "providerTokenTtl: 2h", "providerTokenTtl: 20m",
            Files.Staging, "infra:vault.providerTokenTtl", "30m"),
        ["skipChildToken that is not true or false"] = new(Files.Staging, "skipChildToken: true", "skipChildToken: sometimes",
            Files.Staging, "infra:vault.skipChildToken", "true or false"),
        ["listener of another region"] = new(Files.Staging, "listenerArn: arn:aws:elasticloadbalancing:eu-west-1:", "listenerArn: arn:aws:elasticloadbalancing:eu-west-2:",
            Files.Staging, "infra:networks.eu-west-1.loadBalancer.listenerArn", "is a listener of region eu-west-2, not of eu-west-1"),
        ["duplicate YAML key"] = new(Files.Staging, "      port: 9443\n", "      port: 9443\n      port: 9444\n",
            Files.Staging, "", "Duplicate key port"),
        ["malformed YAML"] = new(Files.Staging, "infra:regions:\n", "infra:regions: [\n",
            Files.Staging, "", "is not valid YAML"),
        ["end date before start date"] = new(Files.People, "    start: 2016-09-05\n", "    start: 2016-09-05\n    end: 2010-01-01\n",
            Files.People, "people[0].end", "2010-01-01 is before start 2016-09-05"),
        ["date in the wrong format"] = new(Files.People, "start: 2016-09-05", "start: 05/09/2016",
            Files.People, "people[0].start", "expected a date as YYYY-MM-DD, found '05/09/2016'"),
        ["unknown team of a person"] = new(Files.People, "    teams: [platform]\n    approvals:\n      - { team: platform, approver: lpetit", "    teams: [platfrom]\n    approvals:\n      - { team: platform, approver: lpetit",
            Files.People, "people[0].teams[0]", "'platfrom' is not a team of teams.yaml; did you mean 'platform'?"),
        ["duplicate person id"] = new(Files.People, "id: aobrien", "id: adupont",
            Files.People, "people[1]", "duplicate id 'adupont'"),
        ["self-approved grant"] = new(Files.People, "approver: lpetit\n", "approver: aobrien\n",
            Files.People, "people[1].grants[0].approver", "'aobrien' cannot approve their own grant"),
        ["grant longer than 30 days"] = new(Files.People, "expires: 2026-12-04", "expires: 2027-01-30",
            Files.People, "people[1].grants[0].expires", "a temporary grant lasts at most 30 days"),
        ["grant expiring before it starts"] = new(Files.People, "expires: 2026-11-25", "expires: 2026-11-17",
            Files.People, "people[4].grants[0].expires", "2026-11-17 is before start 2026-11-18"),
        ["unknown approver"] = new(Files.People, "approver: lpetit\n", "approver: nobody\n",
            Files.People, "people[1].grants[0].approver", "'nobody' is not a person of people.yaml"),
        ["grant of a kind that is not provisioned"] = new(Files.People, "system: database/ledger-db", "system: kafka/ledger.posting.created.v1",
            Files.People, "people[1].grants[0].system", "'kafka' is not a kind of grant this program provisions; a grant is one of database/<database of the stack>, gitlab/<group>, vpn/<CIDR>, consul/<stack>, session/<stack>/<service>"),
        ["grant of a database the stack does not hold"] = new(Files.People, "system: database/ledger-db", "system: database/ledger-dbx",
            Files.People, "people[1].grants[0].system", "'ledger-dbx' is not a database of stack"),
        ["grant with an access its kind does not take"] = new(Files.People, "system: database/ledger-db\n        access: write", "system: database/ledger-db\n        access: admin",
            Files.People, "people[1].grants[0].access", "'admin' is not an access of a database grant; allowed: read, write"),
        ["grant of gitlab owner"] = new(Files.People, "system: database/ledger-db\n        access: write", "system: gitlab/bank/payments\n        access: owner",
            Files.People, "people[1].grants[0].access", "'owner' is not an access of a gitlab grant; allowed: guest, reporter, developer, maintainer"),
        ["grant of a vpn network that is not a CIDR"] = new(Files.People, "system: database/ledger-db\n        access: write", "system: vpn/10.60.32.1/20\n        access: connect",
            Files.People, "people[1].grants[0].system", "'10.60.32.1/20' is not a network in canonical CIDR form"),
        ["grant of consul in an unknown stack"] = new(Files.People, "system: database/ledger-db\n        access: write", "system: consul/prod\n        access: write",
            Files.People, "people[1].grants[0].system", "'prod' is not a stack"),
        ["session grant that names no service"] = new(Files.People, "system: database/ledger-db\n        access: write", "system: session/staging\n        access: shell",
            Files.People, "people[1].grants[0].system", "'staging' is not <stack>/<service>, such as session/production/ledger"),
        ["session grant on a service the stack does not run"] = new(Files.People, "system: database/ledger-db\n        access: write", "system: session/staging/ledgr\n        access: shell",
            Files.People, "people[1].grants[0].system", "'ledgr' is not a service of stack"),
        ["session grant in an unknown stack"] = new(Files.People, "system: database/ledger-db\n        access: write", "system: session/prod/ledger\n        access: shell",
            Files.People, "people[1].grants[0].system", "'prod' is not a stack"),
        ["session grant with an access it does not take"] = new(Files.People, "system: database/ledger-db\n        access: write", "system: session/staging/ledger\n        access: root",
            Files.People, "people[1].grants[0].access", "'root' is not an access of a session grant; allowed: shell"),
        ["session grant approved outside the platform team"] = new(Files.People, "system: database/payments-db\n        access: read\n        reason: INC-4821 settlement mismatch\n        approver: adupont",
            "system: session/production/payments-api\n        access: shell\n        reason: INC-4821 settlement mismatch\n        approver: hlambert",
            Files.People, "people[4].grants[0].approver", "may not approve session/production/payments-api; the approver must be in 'platform'"),
        ["grant approved outside the owner and platform teams"] = new(Files.People, "approver: adupont\n", "approver: cbernard\n",
            Files.People, "people[4].grants[0].approver", "'cbernard' (teams risk) may not approve database/payments-db; the approver must be in 'platform' or 'payments'"),
        ["vpn grant approved by the owner of a database"] = new(Files.People, "system: database/payments-db\n        access: read\n        reason: INC-4821 settlement mismatch\n        approver: adupont",
            "system: vpn/10.60.32.0/20\n        access: connect\n        reason: INC-4821 settlement mismatch\n        approver: hlambert",
            Files.People, "people[4].grants[0].approver", "may not approve vpn/10.60.32.0/20; the approver must be in 'platform'"),
        ["owner access outside the platform team"] = new(Files.Teams, "{ group: bank/payments, access: maintainer }", "{ group: bank/payments, access: owner }",
            Files.Teams, "teams[1].entitlements.gitlab[0].access", "reserved to the platform team"),
        ["unknown enum value"] = new(Files.Teams, "consul: write", "consul: admin",
            Files.Teams, "teams[0].entitlements.consul", "'admin' is not allowed; expected one of none, read, write"),
        ["bad topic name"] = new(Files.Topics, "name: payments.transfer.initiated.v1", "name: Payments_Transfer",
            Files.Topics, "topics[0].name", "expected <domain>.<entity>.<event>.v<N>"),
        ["duplicate topic"] = new(Files.Topics, "name: payments.transfer.completed.v1", "name: payments.transfer.initiated.v1",
            Files.Topics, "topics[1]", "duplicate name 'payments.transfer.initiated.v1'"),
        ["unknown producer"] = new(Files.Topics, "    producers: [payments-api]\n    consumers: [ledger, fraud-scoring, notifications]", "    producers: [payment-api]\n    consumers: [ledger, fraud-scoring, notifications]",
            Files.Topics, "topics[0].producers[0]", "'payment-api' is not a service of stack 'staging'"),
        ["override of an unknown stack"] = new(Files.Topics, "    environments:\n      staging: { partitions: 6 }\n\n  - name: payments.transfer.completed.v1", "    environments:\n      stagin: { partitions: 6 }\n\n  - name: payments.transfer.completed.v1",
            Files.Topics, "topics[0].environments.stagin", "'stagin' is not a stack"),
        ["topic config key of the wrong shape"] = new(Files.Topics, "    config:\n      min.insync.replicas: \"2\"\n    environments:\n      staging: { partitions: 6 }\n\n  - name: payments.transfer.completed.v1",
            "    config:\n      MinInsync: \"2\"\n    environments:\n      staging: { partitions: 6 }\n\n  - name: payments.transfer.completed.v1",
            Files.Topics, "topics[0].config.MinInsync", "'MinInsync' is not a Kafka topic config key"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Broken_input_is_reported_with_file_key_and_line(string caseName)
    {
        Cases[caseName].AssertReported();
    }

    [Fact]
    public void Cases_cover_at_least_twenty_kinds_of_broken_input() => Assert.True(Cases.Count >= 20);

    [Fact]
    public void Error_names_the_line_of_the_broken_value()
    {
        using var repository = new RepositoryCopy().Edit(Files.Staging, "port: 9443", "port: 70000");

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors);

        Assert.Equal(repository.LineOf(Files.Staging, "port: 70000"), error.Line);
        Assert.Equal($"{Files.Staging}:{error.Line}: error: infra:services.card-authorizer.port: must be between 1024 and 65535, found 70000", error.ToString());
    }

    [Fact]
    public void Every_error_is_reported_at_once_across_files()
    {
        using var repository = new RepositoryCopy()
            .Edit(Files.Staging, "port: 9443", "port: 70000")
            .Edit(Files.People, "approver: lpetit\n", "approver: aobrien\n")
            .Edit(Files.Topics, "name: payments.transfer.completed.v1", "name: payments.transfer.initiated.v1");

        var errors = repository.Loader.LoadFromFiles("staging").Errors.ToList();

        Assert.Contains(errors, e => e.File == Files.Staging && e.KeyPath == "infra:services.card-authorizer.port");
        Assert.Contains(errors, e => e.File == Files.People && e.KeyPath == "people[1].grants[0].approver");
        Assert.Contains(errors, e => e.File == Files.Topics && e.KeyPath == "topics[1]");
    }

    [Theory]
    [InlineData(Files.Teams, "    name: Payments\n", "    name: [Payments\n")]
    [InlineData(Files.Topics, "name: payments.transfer.initiated.v1\n    owner: payments\n", "name: payments.transfer.initiated.v1\n    owner: [payments\n")]
    public void Flow_list_left_open_is_an_error_not_an_exception(string file, string find, string replace)
    {
        using var repository = new RepositoryCopy().Edit(file, find, replace);

        var errors = repository.Loader.LoadFromFiles("staging").Errors;

        Assert.Contains(errors, e => e.File == file && e.Message.StartsWith("is not valid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_catalog_file_is_an_error_not_an_exception()
    {
        using var repository = new RepositoryCopy();
        repository.Delete(Files.Teams);

        var result = repository.Loader.LoadFromFiles("staging");

        Assert.Contains(result.Errors, e => e.File == Files.Teams && e.Message == "the file does not exist");
    }

    [Fact]
    public void Empty_catalog_file_is_an_error()
    {
        using var repository = new RepositoryCopy();
        File.WriteAllText(Path.Combine(repository.Root, Files.People), "");

        Assert.Contains(repository.Loader.LoadFromFiles("staging").Errors, e => e.File == Files.People && e.Message == "the file is empty");
    }

    [Fact]
    public void Unknown_stack_is_an_error_naming_the_known_stacks()
    {
        using var repository = new RepositoryCopy();

        var error = Assert.Single(repository.Loader.LoadFromFiles("prod").Errors);

        Assert.Equal("stack 'prod' does not exist; stacks of this repository: production, staging", error.Message);
    }
}
