// Which jobs .gitlab-ci.yml selects for each pipeline source, checked with gitlab-ci-local (listing only: no
// Docker, no network). Run through tests/pipeline/run.sh, which installs the pinned gitlab-ci-local first.
//
// gitlab-ci-local evaluates job rules but not workflow:rules' `when: never` (it only applies their variables), so
// whether GitLab would create the pipeline at all is read from PIPELINE_KIND: every workflow rule that creates a
// pipeline sets it, and `--preview` shows the variables the workflow rules set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.resolve(here, '../..');
const tools = path.join(here, '.tools');
const gitlabCiLocal = path.join(tools, 'node_modules/gitlab-ci-local/dist/index.js');
const yaml = createRequire(path.join(tools, 'node_modules/'))('js-yaml');
const home = path.join(tools, 'home');
mkdirSync(home, { recursive: true });

// Variables GitLab sets that the rules read; passed explicitly so that the local git state does not matter.
const predefined = [
  'CI_PIPELINE_SOURCE', 'CI_COMMIT_BRANCH', 'CI_COMMIT_TAG', 'CI_COMMIT_REF_NAME', 'CI_DEFAULT_BRANCH',
  'CI_OPEN_MERGE_REQUESTS', 'CI_MERGE_REQUEST_IID', 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME',
];

function gitlabCi(scenario, mode) {
  const args = [
    gitlabCiLocal, mode,
    '--file', '.gitlab-ci.yml',
    '--state-dir', path.relative(repository, path.join(tools, 'state')),
    '--home', home,
    '--variables-file', path.relative(repository, path.join(tools, 'no-variables.yml')),
    '--no-color',
    ...(mode === '--list' ? [] : ['--no-json-schema-validation']),
    '--ignore-predefined-vars', predefined.join(','),
    '--variable', 'CI_DEFAULT_BRANCH=main',
  ];
  for (const [name, value] of Object.entries(scenario.variables)) {
    args.push('--variable', `${name}=${value}`);
  }
  for (const name of scenario.unset ?? []) {
    args.push('--unset-variable', name);
  }
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GCL_')));
  env.HOME = home;
  return execFileSync(process.execPath, args, { cwd: repository, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function pipelineOf(scenario) {
  const preview = yaml.load(gitlabCi(scenario, '--preview'));
  const kind = preview.variables?.PIPELINE_KIND;
  const listed = JSON.parse(gitlabCi(scenario, '--list-json')).filter((job) => job.when !== 'never');
  const jobs = kind === undefined ? [] : listed;
  return { kind, jobs, names: jobs.map((job) => (job.when === 'manual' ? `${job.name} (manual)` : job.name)) };
}

const mergeRequest = {
  CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '42',
  CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/topics', CI_COMMIT_REF_NAME: 'feature/topics',
};

const scenarios = [
  {
    name: 'merge request',
    variables: mergeRequest, unset: ['CI_COMMIT_BRANCH', 'CI_COMMIT_TAG'],
    kind: 'merge-request',
    jobs: ['test', 'validate', 'plan:staging', 'plan:production', 'preview:staging', 'mr-note'],
  },
  {
    name: 'push to a branch with an open merge request (skipped: the MR pipeline runs)',
    variables: { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'feature/topics', CI_COMMIT_REF_NAME: 'feature/topics', CI_OPEN_MERGE_REQUESTS: 'bank/infra!42' },
    unset: ['CI_COMMIT_TAG'],
    kind: undefined,
    jobs: [],
  },
  {
    name: 'push to a branch without a merge request',
    variables: { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'feature/topics', CI_COMMIT_REF_NAME: 'feature/topics' },
    unset: ['CI_COMMIT_TAG', 'CI_OPEN_MERGE_REQUESTS'],
    kind: 'branch',
    jobs: ['test', 'validate', 'plan:staging', 'plan:production'],
  },
  {
    name: 'push to main',
    variables: { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' },
    unset: ['CI_COMMIT_TAG', 'CI_OPEN_MERGE_REQUESTS'],
    kind: 'main',
    jobs: ['test', 'validate', 'plan:staging', 'deploy:staging', 'smoke:staging', 'fleets:staging'],
  },
  {
    name: 'release tag',
    variables: { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'release-2026.11.24', CI_COMMIT_REF_NAME: 'release-2026.11.24' },
    unset: ['CI_COMMIT_BRANCH', 'CI_OPEN_MERGE_REQUESTS'],
    kind: 'release',
    jobs: ['test', 'validate', 'plan:production', 'preview:production', 'policy-config:all-mandatory', 'deploy:production (manual)', 'smoke:production', 'fleets:production'],
  },
  {
    name: 'another tag (no pipeline)',
    variables: { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v1.2.3', CI_COMMIT_REF_NAME: 'v1.2.3' },
    unset: ['CI_COMMIT_BRANCH', 'CI_OPEN_MERGE_REQUESTS'],
    kind: undefined,
    jobs: [],
  },
  {
    name: 'nightly schedule',
    variables: { CI_PIPELINE_SOURCE: 'schedule', INFRA_SCHEDULE: 'nightly', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' },
    unset: ['CI_COMMIT_TAG'],
    kind: 'nightly',
    jobs: ['expiring', 'access-sync:staging', 'access-sync:production', 'drift:staging', 'drift:production', 'compliance:staging', 'compliance:production',
      'vpn-revocations:staging', 'vpn-revocations:production', 'plan:staging', 'plan:production', 'global-clusters:staging', 'global-clusters:production'],
  },
  {
    name: 'quarterly region-switch drill schedule',
    variables: { CI_PIPELINE_SOURCE: 'schedule', INFRA_SCHEDULE: 'region-drill', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' },
    unset: ['CI_COMMIT_TAG'],
    kind: 'region-drill',
    jobs: ['drill:plan', 'drill:region-switch'],
  },
  {
    name: 'region-switch drill run by hand (Run pipeline with the variable)',
    variables: { CI_PIPELINE_SOURCE: 'web', INFRA_SCHEDULE: 'region-drill', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' },
    unset: ['CI_COMMIT_TAG'],
    kind: 'region-drill',
    jobs: ['drill:plan', 'drill:region-switch'],
  },
  {
    name: 'emergency production apply run by hand on main',
    variables: { CI_PIPELINE_SOURCE: 'web', INFRA_SCHEDULE: 'emergency-production', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' },
    unset: ['CI_COMMIT_TAG'],
    kind: 'emergency',
    jobs: ['validate', 'plan:production:emergency', 'preview:production:emergency', 'deploy:production:emergency (manual)', 'smoke:production:emergency', 'fleets:production:emergency'],
  },
  {
    name: 'emergency apply on a schedule (no pipeline: a person starts it)',
    variables: { CI_PIPELINE_SOURCE: 'schedule', INFRA_SCHEDULE: 'emergency-production', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' },
    unset: ['CI_COMMIT_TAG'],
    kind: undefined,
    jobs: [],
  },
  {
    name: 'emergency apply on another branch (no pipeline)',
    variables: { CI_PIPELINE_SOURCE: 'web', INFRA_SCHEDULE: 'emergency-production', CI_COMMIT_BRANCH: 'feature/topics', CI_COMMIT_REF_NAME: 'feature/topics' },
    unset: ['CI_COMMIT_TAG'],
    kind: undefined,
    jobs: [],
  },
  {
    name: 'schedule without INFRA_SCHEDULE (no pipeline)',
    variables: { CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' },
    unset: ['CI_COMMIT_TAG', 'INFRA_SCHEDULE'],
    kind: undefined,
    jobs: [],
  },
  {
    name: 'nightly schedule on another branch (no pipeline)',
    variables: { CI_PIPELINE_SOURCE: 'schedule', INFRA_SCHEDULE: 'nightly', CI_COMMIT_BRANCH: 'feature/topics', CI_COMMIT_REF_NAME: 'feature/topics' },
    unset: ['CI_COMMIT_TAG'],
    kind: undefined,
    jobs: [],
  },
  {
    name: 'HR event through the trigger API',
    variables: { CI_PIPELINE_SOURCE: 'trigger', HR_EVENT_B64: 'eyJpZCI6ICJoci0xIn0=', HR_EVENT_SIGNATURE: `sha256=${'0'.repeat(64)}`, CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' },
    unset: ['CI_COMMIT_TAG'],
    kind: 'hr-event',
    jobs: ['hr:apply', 'hr:people-staging', 'hr:people-production', 'vpn-revocations:staging', 'vpn-revocations:production'],
  },
  {
    name: 'trigger without an HR event (no pipeline)',
    variables: { CI_PIPELINE_SOURCE: 'trigger', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' },
    unset: ['CI_COMMIT_TAG', 'HR_EVENT_B64'],
    kind: undefined,
    jobs: [],
  },
];

for (const scenario of scenarios) {
  test(`${scenario.name}: ${scenario.jobs.length ? scenario.jobs.join(', ') : 'no pipeline'}`, () => {
    const pipeline = pipelineOf(scenario);
    assert.equal(pipeline.kind, scenario.kind, 'the pipeline kind that workflow:rules chose');
    assert.deepEqual([...pipeline.names].sort(), [...scenario.jobs].sort());

    // GitLab refuses a pipeline whose job needs a job that is not in it (unless the need is optional).
    const present = new Set(pipeline.jobs.map((job) => job.name));
    for (const job of pipeline.jobs) {
      for (const need of job.needs ?? []) {
        const needed = typeof need === 'string' ? need : need.job;
        if (need.optional) continue;
        assert.ok(present.has(needed), `${job.name} needs ${needed}, which is not in the ${scenario.name} pipeline`);
      }
    }
  });
}

test('the nightly drift and compliance checks run even when the access sync fails', () => {
  const nightly = scenarios.find((scenario) => scenario.name === 'nightly schedule');
  const jobs = pipelineOf(nightly).jobs.filter((job) => /^(drift|compliance):/.test(job.name));
  assert.equal(jobs.length, 4);
  for (const job of jobs) {
    assert.equal(job.when, 'always', `${job.name} runs after access-sync whatever its outcome`);
  }
});

test('VPN revocations and the CRL import follow every people update, whatever its outcome, with the people environment', () => {
  for (const [name, update] of [['nightly schedule', 'access-sync'], ['HR event through the trigger API', 'hr:people']]) {
    const jobs = pipelineOf(scenarios.find((scenario) => scenario.name === name)).jobs;
    for (const stack of ['staging', 'production']) {
      const job = jobs.find((j) => j.name === `vpn-revocations:${stack}`);
      assert.equal(job.when, 'always', `${job.name} runs in the ${name} pipeline even when the people update fails`);
      const needed = (job.needs ?? []).map((need) => need.job ?? need);
      assert.ok(needed.includes(update === 'access-sync' ? `access-sync:${stack}` : `hr:people-${stack}`), `${job.name} waits for the ${stack} people update`);
    }
  }
  const expanded = yaml.load(gitlabCi({ variables: { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main' } }, '--preview'));
  for (const stack of ['staging', 'production']) {
    const job = expanded[`vpn-revocations:${stack}`];
    assert.deepEqual(job.script, ['scripts/ci/vpn-revocations.sh "$INFRA_STACK"']);
    assert.equal(job.environment.name, `${stack}/people`, 'the Vault role infra-<stack>-apply is bound to the people environment');
  }
});

test('the pipeline parses and passes the GitLab CI schema', () => {
  // --list runs the schema validation; an invalid file makes gitlab-ci-local exit non-zero.
  const output = gitlabCi({ variables: mergeRequest, unset: ['CI_COMMIT_BRANCH'] }, '--list');
  assert.match(output, /preview:staging/);
});

test('apply jobs are never interruptible and are serialized per stack', () => {
  const expanded = yaml.load(gitlabCi({ variables: { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main' } }, '--preview'));
  const applies = {
    'deploy:staging': 'staging', 'deploy:production': 'production',
    'access-sync:staging': 'staging', 'access-sync:production': 'production',
    'hr:people-staging': 'staging', 'hr:people-production': 'production',
  };
  for (const [name, stack] of Object.entries(applies)) {
    const job = expanded[name];
    assert.ok(job, `${name} exists`);
    assert.equal(job.interruptible, false, `${name} is not interruptible`);
    assert.equal(job.resource_group, stack, `${name} is in the resource group ${stack}`);
    assert.equal(job.variables.INFRA_STACK, stack, `${name} applies ${stack}`);
  }
  // Any job that gets apply credentials, listed above or added later.
  for (const [name, job] of Object.entries(expanded)) {
    if (name.startsWith('.') || job?.variables?.INFRA_ACCESS !== 'apply') continue;
    assert.equal(job.interruptible, false, `${name} (apply credentials) is not interruptible`);
    assert.equal(job.resource_group, job.variables.INFRA_STACK, `${name} (apply credentials) is in its stack's resource group`);
  }
  assert.equal(expanded['hr:apply'].interruptible, false);
  assert.equal(expanded['deploy:production'].environment.name, 'production');
});

test('plans run against the exported state, and deploys wait for them', () => {
  const mergeRequestJobs = yaml.load(gitlabCi({ variables: mergeRequest, unset: ['CI_COMMIT_BRANCH'] }, '--preview'));
  for (const stack of ['staging', 'production']) {
    const plan = mergeRequestJobs[`plan:${stack}`];
    assert.deepEqual(plan.script, ['scripts/ci/plan.sh "$INFRA_STACK"'], `plan:${stack} runs plan.sh`);
    assert.equal(plan.variables.INFRA_ACCESS, 'state', `plan:${stack} reads the state with state-only credentials (the secrets key refuses them)`);
    assert.ok(plan.id_tokens?.AWS_ID_TOKEN, `plan:${stack} can log in to read the state`);
  }
  const main = yaml.load(gitlabCi({ variables: { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main' } }, '--preview'));
  const needs = (job) => job.needs.map((need) => need.job ?? need);
  assert.ok(needs(main['deploy:staging']).includes('plan:staging'), 'deploy:staging needs plan:staging');
  assert.ok(needs(main['deploy:production']).includes('plan:production'), 'deploy:production needs plan:production');
  const script = readFileSync(path.join(repository, 'scripts/ci/plan.sh'), 'utf8');
  assert.match(script, /pulumi stack export --stack "\$\{stack\}" --file "\$\{state\}"/);
  assert.match(script, /infra plan --stack "\$\{stack\}" --state "\$\{state\}"/);
});

test('images are pinned by tag', () => {
  const text = readFileSync(path.join(repository, '.gitlab-ci.yml'), 'utf8');
  // `image: NAME`, or `image:` with `name: NAME` on the next line.
  const images = [...text.matchAll(/^\s*(?:image|DOTNET_IMAGE):[ \t]*(?:\n\s*name:[ \t]*)?(\S+)/gm)].map((m) => m[1]).filter((i) => !i.startsWith('$'));
  assert.ok(images.length > 0);
  for (const image of images) {
    assert.match(image, /:[0-9][0-9A-Za-z.-]*$/, `${image} is pinned to a version tag`);
  }
});

test('the production policy config sets every rule of RULES.md to mandatory', () => {
  const config = JSON.parse(execFileSync('bash', ['scripts/ci/policy-config-all-mandatory.sh'], { cwd: repository, encoding: 'utf8' }));
  const ids = [...readFileSync(path.join(repository, 'policies/RULES.md'), 'utf8').matchAll(/^\| \[`([a-z0-9-]+)`\]/gm)].map((m) => m[1]);
  assert.ok(ids.length > 0);
  for (const id of ids) {
    assert.equal(config[id]?.enforcementLevel, 'mandatory', id);
  }
  assert.equal(config.all, 'mandatory');
  const example = JSON.parse(readFileSync(path.join(repository, 'policies/policy-pack-config.example.json'), 'utf8'));
  for (const [id, value] of Object.entries(example)) {
    if (typeof value === 'object') {
      assert.deepEqual({ ...config[id], enforcementLevel: undefined }, { ...value, enforcementLevel: undefined }, `${id} keeps its settings`);
    }
  }
});

test('the CI scripts are bash with strict mode', () => {
  const dir = path.join(repository, 'scripts/ci');
  for (const name of ['install-tools.sh', 'cloud-login.sh', 'preview.sh', 'mr-note.sh', 'check-stack-outputs.sh', 'nightly-compliance.sh', 'list-expiring.sh', 'hr-apply.sh', 'people-update.sh', 'policy-config-all-mandatory.sh', 'plan.sh', 'install-node.sh', 'checkout-hr-commit.sh', 'vault.sh', 'refuse-pipeline-variables.sh', 'release-gate.sh', 'apply-plan.sh', 'vpn-revocations.sh', 'check-global-clusters.sh', 'infra']) {
    const file = path.join(dir, name);
    assert.ok(existsSync(file), `${name} exists`);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^#!\/usr\/bin\/env bash\n/, `${name} is bash`);
    assert.match(text, /^set -euo pipefail$/m, `${name} sets -euo pipefail`);
    execFileSync('bash', ['-n', file]);
  }
});

function expandedJobs(variables) {
  return yaml.load(gitlabCi({ variables }, '--preview'));
}

test('no merge request job can decrypt production: production\'s preview and every production role run on protected refs only', () => {
  const { jobs } = pipelineOf(scenarios.find((s) => s.kind === 'merge-request'));
  for (const job of jobs) {
    assert.notEqual(job.name, 'preview:production');
  }
  const expanded = expandedJobs(mergeRequest);
  for (const [name, job] of Object.entries(expanded)) {
    if (name.startsWith('.') || !job?.variables?.INFRA_STACK) continue;
    if (job.variables.INFRA_STACK !== 'production' || !job.id_tokens) continue;
    if (job.variables.INFRA_ACCESS === 'state') continue; // the plans: state only, the secrets key refuses that role
    assert.ok(['preview', 'apply'].includes(job.variables.INFRA_ACCESS), `${name}: INFRA_ACCESS ${job.variables.INFRA_ACCESS}`);
    const rules = (job.rules ?? []).map((rule) => rule.if ?? '');
    assert.ok(rules.length > 0 && rules.every((rule) => !rule.includes('merge_request_event') && !/CI_COMMIT_BRANCH != /.test(rule)),
      `${name} (production credentials) runs only on main, release tags, schedules or triggers: ${rules.join(' | ')}`);
    assert.ok(job.environment?.name?.startsWith('production'), `${name} has a production environment, to which its secrets are scoped`);
  }
});

test('the release previews production once, with every rule mandatory, saves the plan and applies exactly it', () => {
  const release = expandedJobs({ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'release-2026.11.24' });
  const preview = release['preview:production'];
  assert.deepEqual(preview.script, ['scripts/ci/release-gate.sh', 'scripts/ci/preview.sh production --save-plan']);
  const needed = (job) => job.needs.map((need) => (typeof need === 'string' ? need : need.job)).sort();
  assert.deepEqual(needed(preview), ['policy-config:all-mandatory', 'validate']);
  const deploy = release['deploy:production'];
  assert.deepEqual(deploy.script, ['scripts/ci/release-gate.sh', 'scripts/ci/apply-plan.sh production']);
  assert.ok(needed(deploy).includes('preview:production'), 'the plan comes from preview:production');
  assert.equal(deploy.environment.name, 'production');
  for (const job of [preview, deploy]) {
    assert.equal(job.variables.GIT_DEPTH, '0', 'the whole history, so that the release gate can see main');
  }
  assert.ok(!JSON.stringify(release).includes('POLICY_PACK_CONFIG'), 'no variable picks the policy config');
});

test('the emergency apply runs in Ireland, applies the plan its preview saved, and needs the approval of production', () => {
  const emergency = expandedJobs({ CI_PIPELINE_SOURCE: 'web', INFRA_SCHEDULE: 'emergency-production', CI_COMMIT_BRANCH: 'main' });
  const preview = emergency['preview:production:emergency'];
  const deploy = emergency['deploy:production:emergency'];
  assert.deepEqual(preview.script, ['scripts/ci/preview.sh production --save-plan']);
  assert.deepEqual(deploy.script, ['scripts/ci/apply-plan.sh production']);
  const needed = (job) => job.needs.map((need) => (typeof need === 'string' ? need : need.job)).sort();
  assert.deepEqual(needed(deploy), ['preview:production:emergency', 'validate']);
  // The environment whose protection asks another SRE to approve, and the one apply at a time of production.
  assert.equal(deploy.environment.name, 'production');
  assert.equal(deploy.resource_group, 'production');
  assert.equal(deploy.variables.INFRA_ACCESS, 'apply');
  for (const job of [preview, deploy]) {
    assert.deepEqual(job.tags, ['eu-west-1'], 'the runners of the region that is left');
    assert.equal(job.variables.AWS_REGION, 'eu-west-1');
  }
});

test('the region drill switches staging for real with staging\'s apply credentials, after its runbook, one at a time with staging\'s applies', () => {
  const drill = expandedJobs({ CI_PIPELINE_SOURCE: 'schedule', INFRA_SCHEDULE: 'region-drill', CI_COMMIT_BRANCH: 'main' });
  const run = drill['drill:region-switch'];
  assert.deepEqual(run.script, ['scripts/ci/region-drill.sh staging reports/drill/region-switch.json']);
  assert.deepEqual(run.needs.map((need) => (typeof need === 'string' ? need : need.job)), ['drill:plan']);
  assert.equal(run.variables.INFRA_STACK, 'staging');
  assert.equal(run.variables.INFRA_ACCESS, 'apply');
  assert.equal(run.environment.name, 'staging');
  assert.equal(run.resource_group, 'staging');
  assert.ok(run.id_tokens.AWS_ID_TOKEN && run.id_tokens.VAULT_ID_TOKEN);
  assert.deepEqual(run.artifacts.paths, ['stacks/drills/staging.region-switch.json']);
  assert.equal(run.artifacts.when, 'always');
  assert.deepEqual(drill['drill:plan'].artifacts.paths, ['runbook.md', 'reports/drill/region-switch.json']);
});

test('jobs that do not need secrets get none: no ID token, no environment for the tests and offline checks', () => {
  const expanded = expandedJobs({ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main' });
  for (const name of ['test', 'validate', 'policy-config:all-mandatory', 'expiring', 'drill:plan']) {
    assert.ok(expanded[name], `${name} exists`);
    assert.equal(expanded[name].id_tokens, undefined, `${name} gets no ID token`);
    assert.equal(expanded[name].environment, undefined, `${name} gets no environment-scoped variable`);
  }
  // Every job with an ID token on a protected ref names an environment, so Vault's roles and GitLab's variables
  // can be scoped to it; only staging's previews and read-only checks (drift, compliance, fleets, global clusters) and
  // the plans (state-only roles, no Vault, no secret) go without.
  const unscoped = Object.entries(expanded)
    .filter(([name, job]) => !name.startsWith('.') && job?.id_tokens && !job.environment)
    .map(([name]) => name).sort();
  assert.deepEqual(unscoped, ['compliance:staging', 'drift:staging', 'fleets:staging', 'global-clusters:staging', 'plan:production', 'plan:production:emergency', 'plan:staging', 'preview:staging', 'smoke:staging']);
  for (const name of ['plan:staging', 'plan:production', 'plan:production:emergency']) {
    assert.equal(expanded[name].variables.INFRA_ACCESS, 'state', `${name} reads the state only`);
  }
});

test('the pipeline test tool is installed from its lock file with integrity hashes', () => {
  const lock = JSON.parse(readFileSync(path.join(here, 'package-lock.json'), 'utf8'));
  const packages = Object.entries(lock.packages).filter(([name]) => name !== '');
  assert.ok(packages.length > 10);
  for (const [name, entry] of packages) {
    assert.match(entry.integrity ?? '', /^sha512-/, `${name} has a sha512 integrity hash`);
    assert.match(entry.version ?? '', /^\d+\.\d+\.\d+/, `${name} is pinned to one version`);
  }
  const runner = readFileSync(path.join(here, 'run.sh'), 'utf8');
  assert.match(runner, /npm ci --prefix/);
  assert.doesNotMatch(runner, /npm (install|i) /);
  const ci = readFileSync(path.join(repository, '.gitlab-ci.yml'), 'utf8');
  assert.doesNotMatch(ci, /npm (install|i) /);
});

test('each stack encrypts its secrets with its own KMS key, and no job has a passphrase that decrypts both', () => {
  for (const stack of ['staging', 'production']) {
    const file = yaml.load(readFileSync(path.join(repository, `Pulumi.${stack}.yaml`), 'utf8'));
    assert.equal(file.secretsprovider, `awskms://alias/infra-pulumi-${stack}?region=eu-west-3`, `Pulumi.${stack}.yaml: secretsprovider`);
    assert.equal(file.encryptionsalt, undefined, `Pulumi.${stack}.yaml has no passphrase salt`);
  }
  const sources = ['.gitlab-ci.yml', ...['cloud-login.sh', 'preview.sh', 'people-update.sh', 'hr-apply.sh', 'apply-plan.sh'].map((f) => `scripts/ci/${f}`)];
  for (const source of sources) {
    const text = readFileSync(path.join(repository, source), 'utf8');
    assert.doesNotMatch(text, /PULUMI_CONFIG_PASSPHRASE|\$\{?POLICY_PACK_CONFIG|\$\{?INFRA_HR_HMAC_SECRET\b(?!=)|\$\{?HR_BOT_SSH_SIGNING_KEY|GITLAB_MEMBERSHIPS_TOKEN|VAULT_JWT_/,
      `${source} takes no key, policy config or Vault role from a CI/CD variable`);
  }
});

test('CODEOWNERS: the rules, the people catalog, the pipeline and the stack files need a platform and a security owner', () => {
  const sections = {};
  let section = null;
  for (const line of readFileSync(path.join(repository, '.gitlab/CODEOWNERS'), 'utf8').split('\n')) {
    const header = line.match(/^\[(.+)\]$/);
    if (header) {
      section = sections[header[1]] = [];
    } else if (line.trim() && !line.startsWith('#')) {
      const [pattern, ...owners] = line.trim().split(/\s+/);
      section.push({ pattern, owners });
    }
  }
  // GitLab's matching of the patterns used here: a leading slash anchors at the root, a trailing slash is a folder.
  const matches = (pattern, file) => {
    const anchored = pattern.replace(/^\//, '');
    if (anchored.endsWith('/')) return file.startsWith(anchored);
    return new RegExp(`^${anchored.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(file);
  };
  const owned = (name, file) => sections[name].filter((entry) => matches(entry.pattern, file)).flatMap((entry) => entry.owners);
  const files = execFileSync('git', ['ls-files', 'policies', 'stacks/catalog/people.yaml', 'stacks/catalog/teams.yaml', '.gitlab-ci.yml', 'scripts/ci', '.gitlab/CODEOWNERS'], { cwd: repository, encoding: 'utf8' })
    .trim().split('\n');
  files.push('Pulumi.staging.yaml', 'Pulumi.production.yaml', 'policies/waivers.yaml', 'policies/enforcement.yaml', 'policies/Infra.Policies/Rules/NewRule.cs');
  for (const file of files) {
    assert.deepEqual(owned('Platform owners', file), ['@bank/platform-sre'], `${file} needs a platform owner`);
    assert.deepEqual(owned('Security owners', file), ['@bank/security'], `${file} needs a security owner`);
  }
  assert.deepEqual(owned('Security owners', 'stacks/catalog/kafka-topics.yaml'), [], 'team data that teams edit is not blocked on security');
});

test('after each smoke check the pipeline waits for the fleets\' instance refreshes, then checks their healthy targets', () => {
  for (const [stack, source] of [['staging', { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main' }], ['production', { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'release-2026.11.24' }]]) {
    const job = expandedJobs(source)[`fleets:${stack}`];
    assert.deepEqual(job.needs.map((n) => n.job ?? n), [`smoke:${stack}`, `plan:${stack}`], 'the outputs of the smoke check and the plan');
    assert.deepEqual(job.script, [
      `scripts/ci/wait-for-fleets.sh "$INFRA_STACK" "reports/$INFRA_STACK/outputs.json"`,
      `scripts/ci/check-fleet-health.sh "$INFRA_STACK" "reports/$INFRA_STACK/outputs.json" "reports/$INFRA_STACK/plan.json"`,
    ]);
    assert.equal(job.variables.INFRA_STACK, stack);
    assert.equal(job.variables.INFRA_ACCESS, 'preview', 'read-only credentials');
  }
});

test('after an emergency apply the pipeline checks the outputs, waits for the fleets and checks their healthy targets, in Ireland', () => {
  const emergency = expandedJobs({ CI_PIPELINE_SOURCE: 'web', INFRA_SCHEDULE: 'emergency-production', CI_COMMIT_BRANCH: 'main' });
  const needed = (job) => job.needs.map((n) => n.job ?? n);
  const smoke = emergency['smoke:production:emergency'];
  const fleets = emergency['fleets:production:emergency'];
  assert.deepEqual(needed(smoke), ['deploy:production:emergency', 'plan:production:emergency']);
  assert.deepEqual(needed(fleets), ['smoke:production:emergency', 'plan:production:emergency']);
  assert.deepEqual(fleets.script, [
    `scripts/ci/wait-for-fleets.sh "$INFRA_STACK" "reports/$INFRA_STACK/outputs.json"`,
    `scripts/ci/check-fleet-health.sh "$INFRA_STACK" "reports/$INFRA_STACK/outputs.json" "reports/$INFRA_STACK/plan.json"`,
  ]);
  assert.equal(fleets.variables.INFRA_ACCESS, 'preview', 'read-only credentials');
  assert.equal(emergency['plan:production:emergency'].variables.INFRA_ACCESS, 'state');
  for (const job of [emergency['plan:production:emergency'], smoke, fleets]) {
    assert.equal(job.variables.INFRA_STACK, 'production');
    assert.deepEqual(job.tags, ['eu-west-1'], 'the runners of the region that is left');
    assert.equal(job.variables.AWS_REGION, 'eu-west-1');
  }
  for (const job of [smoke, fleets]) {
    assert.equal(job.environment.name, 'production/read');
  }
});
