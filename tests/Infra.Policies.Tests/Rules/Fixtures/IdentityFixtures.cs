using Infra.Policies.Rules.Identity;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Identity rules: IAM policies, roles and their attachments.</summary>
internal static class IdentityFixtures
{
    private const string ServiceTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    /// <summary>The inputs of an IAM policy whose document holds one statement, as JSON text (how state stores it).</summary>
    private static string Policy(string statement) => $$"""{"policy":{{Json($$"""{"Version":"2012-10-17","Statement":[{{statement}}]}""")}}}""";

    private static string Trust(string principal, string condition) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"sts:AssumeRole"{{condition}}}]}""";

    private static string WebIdentityTrust(string condition) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::444455556666:oidc-provider/gitlab.example-bank.eu"},"Action":"sts:AssumeRoleWithWebIdentity"{{condition}}}]}""";

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["iam admin: scoped statement passes"] = new(IamNoWildcardAdminRule.Code, false, Production,
            [Resource(IamPolicy, "ledger-s3", """{"policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::ledger-exports/*\"}]}"}""")]),
        ["iam admin: * on * fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamPolicy, "admin", """{"policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"}""")], "Action '*'"),
        ["iam admin: role inline policy with NotAction fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamRole, "ledger-role", """{"assumeRolePolicy":"{}","inlinePolicies":[{"name":"all-but-iam","policy":"{\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}}"}]}""")], "NotAction"),
        ["iam admin: iam:* on every IAM resource of the account fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamPolicy, "iam-all", Policy("""{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::444455556666:*"}"""))],
            "every IAM resource", PropertyPath: "policy"),
        ["iam admin: iam:* on the account's ledger roles only passes"] = new(IamNoWildcardAdminRule.Code, false, Production,
            [Resource(IamPolicy, "iam-ledger", Policy("""{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::444455556666:role/ledger-*"}"""))]),
        ["iam admin: iam:* on * fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamPolicy, "iam-all", Policy("""{"Effect":"Allow","Action":"iam:*","Resource":"*"}"""))], "'iam:*'"),
        ["iam admin: IAM:* in other case on * fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamPolicy, "iam-all-upper", Policy("""{"Effect":"Allow","Action":["s3:GetObject","IAM:*"],"Resource":"*"}"""))], "'IAM:*'"),
        ["iam admin: *:* on an all-wildcard ARN fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamPolicy, "arn-all", Policy("""{"Effect":"Allow","Action":"*:*","Resource":"arn:aws:*:*:*:*"}"""))], "'*:*'"),
        ["iam admin: * with NotResource fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamPolicy, "not-resource", Policy("""{"Effect":"Allow","Action":"*","NotResource":"arn:aws:s3:::audit-logs/*"}"""))], "NotResource"),
        ["iam admin: NotAction with NotResource fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamPolicy, "not-both", Policy("""{"Effect":"Allow","NotAction":"iam:*","NotResource":"arn:aws:s3:::audit-logs/*"}"""))], "NotAction"),
        ["iam admin: policy that is not valid JSON fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamPolicy, "broken", """{"policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\""}""")], "not valid JSON"),
        ["iam admin: policy without a Statement fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(RolePolicy, "no-statement", """{"role":"ledger","policy":"{\"Version\":\"2012-10-17\"}"}""")], "Statement"),
        ["iam admin: role inline policy that is not JSON fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamRole, "ledger-role", """{"assumeRolePolicy":"{}","inlinePolicies":[{"name":"x","policy":"Allow everything"}]}""")], "inlinePolicies[0].policy"),
        ["iam admin: Deny * on * passes"] = new(IamNoWildcardAdminRule.Code, false, Production,
            [Resource(IamPolicy, "deny-all", Policy("""{"Effect":"Deny","Action":"*","Resource":"*"}"""))]),
        ["iam admin: iam:Get* on * passes"] = new(IamNoWildcardAdminRule.Code, false, Production,
            [Resource(IamPolicy, "iam-read", Policy("""{"Effect":"Allow","Action":["iam:Get*","iam:List*"],"Resource":"*"}"""))]),
        ["iam admin: unknown policy in a preview passes"] = new(IamNoWildcardAdminRule.Code, false, Production,
            [Resource(IamPolicy, "pending", """{"policy":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""")]),
        ["iam service wildcard: s3:* with NotResource fails"] = new(IamNoServiceWildcardRule.Code, true, Production,
            [Resource(RolePolicy, "ledger-s3-not", """{"role":"ledger","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::audit/*\"}]}"}""")], "NotResource"),
        ["iam service wildcard: s3:* on one bucket passes"] = new(IamNoServiceWildcardRule.Code, false, Production,
            [Resource(RolePolicy, "ledger-s3-one", """{"role":"ledger","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::ledger-exports/*\"}]}"}""")]),
        ["iam service wildcard: iam:* is left to the mandatory administrator rule"] = new(IamNoServiceWildcardRule.Code, false, Production,
            [Resource(IamPolicy, "iam-all", Policy("""{"Effect":"Allow","Action":"iam:*","Resource":"*"}"""))]),
        ["iam trust: a service principal passes"] = new(IamRoleTrustRule.Code, false, Production,
            [Resource(IamRole, "ledger-role", $$"""{"assumeRolePolicy":{{Json(ServiceTrust)}}}""")]),
        ["iam trust: the role's own account passes"] = new(IamRoleTrustRule.Code, false, Production,
            [Resource(IamRole, "ops-role", $$"""{"assumeRolePolicy":{{Json(Trust("""{"AWS":"arn:aws:iam::444455556666:root"}""", ""))}}}""", outputs: """{"arn":"arn:aws:iam::444455556666:role/ops"}""")]),
        ["iam trust: another account with an ExternalId passes"] = new(IamRoleTrustRule.Code, false, Production,
            [Resource(IamRole, "vendor-role", $$"""{"assumeRolePolicy":{{Json(Trust("""{"AWS":"999988887777"}""", ""","Condition":{"StringEquals":{"sts:ExternalId":"bank-7f3a"}}"""))}}}""", outputs: """{"arn":"arn:aws:iam::444455556666:role/vendor"}""")]),
        ["iam trust: Principal * fails"] = new(IamRoleTrustRule.Code, true, Production,
            [Resource(IamRole, "open-role", $$"""{"assumeRolePolicy":{{Json(Trust("\"*\"", ""))}}}""")], "any AWS principal"),
        ["iam trust: AWS * with only an ExternalId fails"] = new(IamRoleTrustRule.Code, true, Production,
            [Resource(IamRole, "open-role", $$"""{"assumeRolePolicy":{{Json(Trust("""{"AWS":"*"}""", ""","Condition":{"StringEquals":{"sts:ExternalId":"x"}}"""))}}}""")], "aws:PrincipalOrgID"),
        ["iam trust: another account without a condition fails"] = new(IamRoleTrustRule.Code, true, Production,
            [Resource(IamRole, "vendor-role", $$"""{"assumeRolePolicy":{{Json(Trust("""{"AWS":"arn:aws:iam::999988887777:root"}""", ""))}}}""", outputs: """{"arn":"arn:aws:iam::444455556666:role/vendor"}""")], "another account"),
        ["iam trust: an AWS principal while the role's account is unknown fails"] = new(IamRoleTrustRule.Code, true, Production,
            [Resource(IamRole, "new-role", $$"""{"assumeRolePolicy":{{Json(Trust("""{"AWS":"arn:aws:iam::444455556666:root"}""", ""))}}}""")], "not known yet"),
        ["iam trust: a trust policy that is not JSON fails"] = new(IamRoleTrustRule.Code, true, Production,
            [Resource(IamRole, "broken-role", """{"assumeRolePolicy":"{\"Statement\":"}""")], "not valid JSON"),
        ["iam trust: any principal of the bank's organization passes"] = new(IamRoleTrustRule.Code, false, Production,
            [Resource(IamRole, "org-role", $$"""{"assumeRolePolicy":{{Json(Trust("""{"AWS":"*"}""", ""","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"""))}}}""")]),
        ["iam trust: any principal outside the organization (StringNotEquals) fails"] = new(IamRoleTrustRule.Code, true, Production,
            [Resource(IamRole, "open-role", $$"""{"assumeRolePolicy":{{Json(Trust("""{"AWS":"*"}""", ""","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"""))}}}""")],
            "any AWS principal", PropertyPath: "assumeRolePolicy"),
        ["iam trust: an organization test that passes when the key is absent (IfExists) fails"] = new(IamRoleTrustRule.Code, true, Production,
            [Resource(IamRole, "open-role", $$"""{"assumeRolePolicy":{{Json(Trust("""{"AWS":"*"}""", ""","Condition":{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"""))}}}""")], "any AWS principal"),
        ["iam trust: another account with an ExternalId of any value fails"] = new(IamRoleTrustRule.Code, true, Production,
            [Resource(IamRole, "vendor-role", $$"""{"assumeRolePolicy":{{Json(Trust("""{"AWS":"999988887777"}""", ""","Condition":{"StringLike":{"sts:ExternalId":"*"}}"""))}}}""", outputs: """{"arn":"arn:aws:iam::444455556666:role/vendor"}""")],
            "another account"),
        ["iam trust: another account that must only send some ExternalId (Null) fails"] = new(IamRoleTrustRule.Code, true, Production,
            [Resource(IamRole, "vendor-role", $$"""{"assumeRolePolicy":{{Json(Trust("""{"AWS":"999988887777"}""", ""","Condition":{"Null":{"sts:ExternalId":"false"}}"""))}}}""", outputs: """{"arn":"arn:aws:iam::444455556666:role/vendor"}""")],
            "another account"),
        ["iam trust: the root of every account while the role's account is unknown fails"] = new(IamRoleTrustRule.Code, true, Production,
            [Resource(IamRole, "new-role", $$"""{"assumeRolePolicy":{{Json(Trust("""{"AWS":"arn:aws:iam::*:root"}""", ""))}}}""")], "arn:aws:iam::*:root"),
        ["iam passrole: PassRole on every role of the account fails"] = new(IamNoPassRoleOnAllRolesRule.Code, true, Production,
            [Resource(IamPolicy, "deployer", Policy("""{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::444455556666:role/*"}"""))],
            "every role", PropertyPath: "policy"),
        ["iam passrole: NotAction that leaves PassRole allowed on every role fails"] = new(IamNoPassRoleOnAllRolesRule.Code, true, Production,
            [Resource(IamPolicy, "deployer", Policy("""{"Effect":"Allow","NotAction":["s3:*","kms:*"],"Resource":"arn:aws:iam::*:role/*"}"""))], "NotAction"),
        ["iam passrole: NotAction that excludes iam passes"] = new(IamNoPassRoleOnAllRolesRule.Code, false, Production,
            [Resource(IamPolicy, "deployer", Policy("""{"Effect":"Allow","NotAction":["iam:*"],"Resource":"arn:aws:iam::444455556666:role/*"}"""))]),
        ["iam trust: a GitLab OIDC login pinned to one project's protected branch passes"] = new(IamRoleTrustRule.Code, false, Production,
            [Resource(IamRole, "ci-role", $$"""{"assumeRolePolicy":{{Json(WebIdentityTrust(""","Condition":{"StringEquals":{"gitlab.example-bank.eu:aud":"https://gitlab.example-bank.eu"},"StringLike":{"gitlab.example-bank.eu:sub":"project_path:bank/infra:ref_type:branch:ref:main"}}"""))}}}""")]),
        ["iam trust: a GitLab OIDC login of any project fails"] = new(IamRoleTrustRule.Code, true, Production,
            [Resource(IamRole, "ci-role", $$"""{"assumeRolePolicy":{{Json(WebIdentityTrust(""","Condition":{"StringEquals":{"gitlab.example-bank.eu:aud":"https://gitlab.example-bank.eu"}}"""))}}}""")],
            "gitlab.example-bank.eu:sub", PropertyPath: "assumeRolePolicy"),
        ["iam trust: an OIDC login whose subject may be anything fails"] = new(IamRoleTrustRule.Code, true, Production,
            [Resource(IamRole, "ci-role", $$"""{"assumeRolePolicy":{{Json(WebIdentityTrust(""","Condition":{"StringLike":{"gitlab.example-bank.eu:sub":"*"}}"""))}}}""")], "gitlab.example-bank.eu:sub"),
        ["iam passrole: PassRole on named roles passes"] = new(IamNoPassRoleOnAllRolesRule.Code, false, Production,
            [Resource(IamPolicy, "deployer", Policy("""{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::444455556666:role/ledger-*"}"""))]),
        ["iam passrole: PassRole on * fails"] = new(IamNoPassRoleOnAllRolesRule.Code, true, Production,
            [Resource(IamPolicy, "deployer", Policy("""{"Effect":"Allow","Action":["ec2:RunInstances","iam:PassRole"],"Resource":"*"}"""))], "iam:PassRole"),
        ["iam passrole: iam:Pass* with NotResource fails"] = new(IamNoPassRoleOnAllRolesRule.Code, true, Production,
            [Resource(IamPolicy, "deployer", Policy("""{"Effect":"Allow","Action":"iam:Pass*","NotResource":"arn:aws:iam::444455556666:role/admin"}"""))], "'iam:Pass*'"),
        ["iam service wildcard: named actions pass"] = new(IamNoServiceWildcardRule.Code, false, Production,
            [Resource(RolePolicy, "ledger-kms", """{"role":"ledger","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\"],\"Resource\":\"*\"}]}"}""")]),
        ["iam service wildcard: s3:* on * fails"] = new(IamNoServiceWildcardRule.Code, true, Production,
            [Resource(RolePolicy, "ledger-s3", """{"role":"ledger","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"}""")], "s3:*"),
        ["iam service role: read-only attachment passes"] = new(IamNoAdminPolicyOnServiceRolesRule.Code, false, Production,
        [
            Resource(IamRole, "ledger-role", $$"""{"name":"ledger","assumeRolePolicy":{{System.Text.Json.JsonSerializer.Serialize(ServiceTrust)}}}"""),
            Resource(Attachment, "ledger-ssm", """{"role":"ledger","policyArn":"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"}"""),
        ]),
        ["iam service role: AdministratorAccess attachment fails"] = new(IamNoAdminPolicyOnServiceRolesRule.Code, true, Production,
        [
            Resource(IamRole, "ledger-role", $$"""{"name":"ledger","assumeRolePolicy":{{System.Text.Json.JsonSerializer.Serialize(ServiceTrust)}}}"""),
            Resource(Attachment, "ledger-admin", """{"role":"ledger","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}"""),
        ], "AdministratorAccess"),
        ["iam broad ssm: agent actions and a parameter read on the service's own path pass"] = new(IamNoBroadSsmOnInstanceRolesRule.Code, false, Production,
        [
            Resource(RolePolicy, "ledger-policy", """{"role":"ledger","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ssm:UpdateInstanceInformation\",\"ssmmessages:OpenDataChannel\"],\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Action\":\"ssm:GetParameter\",\"Resource\":\"arn:aws:ssm:eu-west-3:444455556666:parameter/services/ledger/*\"}]}"}"""),
            Resource(Attachment, "ledger-readonly", """{"role":"ledger","policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}"""),
        ]),
        ["iam broad ssm: AmazonSSMManagedInstanceCore attachment fails"] = new(IamNoBroadSsmOnInstanceRolesRule.Code, true, Production,
            [Resource(Attachment, "ledger-ssm", """{"role":"ledger","policyArn":"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"}""")], "AmazonSSMManagedInstanceCore"),
        ["iam broad ssm: managedPolicyArns with AmazonSSMManagedInstanceCore fails"] = new(IamNoBroadSsmOnInstanceRolesRule.Code, true, Production,
            [Resource(IamRole, "ledger-role", $$"""{"name":"ledger","assumeRolePolicy":{{System.Text.Json.JsonSerializer.Serialize(ServiceTrust)}},"managedPolicyArns":["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]}""")], "AmazonSSMManagedInstanceCore"),
        ["iam broad ssm: ssm:GetParameter* on * fails"] = new(IamNoBroadSsmOnInstanceRolesRule.Code, true, Production,
            [Resource(RolePolicy, "ledger-ssm", """{"role":"ledger","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ssm:GetParameter*\",\"Resource\":\"*\"}]}"}""")], "'ssm:GetParameter*' on every SSM parameter"),
        ["iam broad ssm: ssm:GetParametersByPath on every parameter ARN fails"] = new(IamNoBroadSsmOnInstanceRolesRule.Code, true, Production,
            [Resource(IamPolicy, "reader", Policy("""{"Effect":"Allow","Action":"ssm:GetParametersByPath","Resource":"arn:aws:ssm:eu-west-3:444455556666:parameter/*"}"""))], "ssm:GetParametersByPath"),
        ["iam service role: managedPolicyArns with PowerUserAccess fails"] = new(IamNoAdminPolicyOnServiceRolesRule.Code, true, Production,
            [Resource(IamRole, "ledger-role", $$"""{"name":"ledger","assumeRolePolicy":{{System.Text.Json.JsonSerializer.Serialize(ServiceTrust)}},"managedPolicyArns":["arn:aws:iam::aws:policy/PowerUserAccess"]}""")]),
    };
}
