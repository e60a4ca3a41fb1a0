// The CI scripts' security checks, run for real with bash against a fake curl (tests/pipeline/fake-curl.mjs):
// no pipeline variable chooses a key, a role or the commit to deploy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeCurl, idToken } from './fake-curl.mjs';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const gitlabApi = 'https://gitlab.example-bank.eu/api/v4';
const productionVault = 'https://vault.prd.example-bank.eu';

function run(command, { env = {}, cwd = repository } = {}) {
  const result = spawnSync('bash', ['-c', command], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function guard(source, variables, { answer = 200, token } = {}) {
  const curl = fakeCurl([
    { match: `${productionVault}/v1/kv/data/ci/gitlab`, body: { data: { data: { read_token: 'glpat-read' } } } },
    { match: `${gitlabApi}/projects/7/pipelines/901/variables`, status: answer, body: variables.map((key) => ({ key, value: 'attacker value', variable_type: 'env_var' })) },
  ]);
  const env = {
    ...curl.env,
    VAULT_ADDR: productionVault, VAULT_TOKEN: 'hvs.test',
    VAULT_ID_TOKEN: token ?? idToken({ project_id: '7', pipeline_id: '901', pipeline_source: source }),
    // What a caller could pass: none of it may steer the check.
    CI_PROJECT_ID: '1', CI_PIPELINE_ID: '2', CI_PIPELINE_SOURCE: 'push', CI_API_V4_URL: 'https://evil.example.com/api/v4',
  };
  return { ...run('scripts/ci/refuse-pipeline-variables.sh', { env }), requests: curl.requests() };
}

test('an HR trigger pipeline with only the event and its signature goes on', () => {
  const result = guard('trigger', ['HR_EVENT_B64', 'HR_EVENT_SIGNATURE']);
  assert.equal(result.status, 0, result.stderr);
  // GitLab of the stack file, project and pipeline of the verified ID token, the read token from Vault.
  const call = result.requests.find((r) => r.url.includes('/pipelines/'));
  assert.equal(call.url, `${gitlabApi}/projects/7/pipelines/901/variables`);
  assert.deepEqual(call.headers, ['PRIVATE-TOKEN: glpat-read']);
});

for (const extra of ['INFRA_HR_HMAC_SECRET', 'POLICY_PACK_CONFIG', 'HR_BOT_SSH_SIGNING_KEY', 'HR_COMMIT_SHA', 'CI_DEFAULT_BRANCH']) {
  test(`an HR trigger pipeline given ${extra} fails, naming it but not its value`, () => {
    const result = guard('trigger', ['HR_EVENT_B64', 'HR_EVENT_SIGNATURE', extra]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`variables it may not take: ${extra}`));
    assert.match(result.stderr, /takes only: HR_EVENT_B64 HR_EVENT_SIGNATURE/);
    assert.doesNotMatch(result.stderr + result.stdout, /attacker value/);
  });
}

test('a run by hand takes INFRA_SCHEDULE only; a push takes no variable', () => {
  assert.equal(guard('web', ['INFRA_SCHEDULE']).status, 0);
  assert.equal(guard('schedule', ['INFRA_SCHEDULE']).status, 0);
  const web = guard('web', ['INFRA_SCHEDULE', 'AWS_APPLY_ROLE_ARN_PRODUCTION']);
  assert.equal(web.status, 1);
  assert.match(web.stderr, /AWS_APPLY_ROLE_ARN_PRODUCTION/);
  assert.equal(guard('push', []).status, 0);
  const push = guard('push', ['INFRA_SCHEDULE']);
  assert.equal(push.status, 1, 'git push -o ci.variable=... is a pipeline variable too');
  assert.match(push.stderr, /takes only: no variable/);
  // A trigger may not pose as a schedule: the source is the token's claim, not CI_PIPELINE_SOURCE.
  assert.equal(guard('trigger', ['INFRA_SCHEDULE']).status, 1);
});

test('the check fails closed when GitLab does not answer or the token lacks its claims', () => {
  const down = guard('trigger', ['HR_EVENT_B64'], { answer: 403 });
  assert.equal(down.status, 1);
  assert.match(down.stderr, /cannot read the variables of pipeline 901; refusing to go on/);
  const bare = guard('trigger', [], { token: idToken({ project_id: '7' }) });
  assert.equal(bare.status, 1);
  assert.match(bare.stderr, /no project_id, pipeline_id or pipeline_source claim/);
});

test('vault_login logs in at the stack file\'s Vault with a fixed mount, whatever VAULT_ADDR and VAULT_JWT_* say', () => {
  const curl = fakeCurl([
    { match: `${productionVault}/v1/auth/jwt/login`, method: 'POST', body: { auth: { client_token: 'hvs.from-vault' } } },
    { match: `${productionVault}/v1/kv/data/ci/hr`, body: { data: { data: { hmac_key: 'k'.repeat(40) } } } },
  ]);
  const env = {
    ...curl.env, VAULT_ID_TOKEN: 'header.payload.signature', VAULT_ADDR: 'https://evil.example.com',
    VAULT_JWT_MOUNT: 'evil', VAULT_JWT_ROLE_PREFIX: 'evil',
  };
  const result = run('source scripts/ci/vault.sh && vault_login production infra-hr-event && key=$(vault_secret ci/hr hmac_key) && echo "${#key} $VAULT_TOKEN"', { env });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), '40 hvs.from-vault');
  const [login, read] = curl.requests();
  assert.equal(login.url, `${productionVault}/v1/auth/jwt/login`);
  assert.deepEqual(JSON.parse(login.data), { role: 'infra-hr-event', jwt: 'header.payload.signature' });
  assert.deepEqual(read.headers, ['X-Vault-Token: hvs.from-vault']);
});

test('vault_login and vault_secret fail with what went wrong', () => {
  const curl = fakeCurl([
    { match: '/v1/auth/jwt/login', status: 403 },
    { match: '/v1/kv/data/ci/hr', body: { data: { data: {} } } },
  ]);
  const env = { ...curl.env, VAULT_ID_TOKEN: 'a.b.c', VAULT_ADDR: productionVault, VAULT_TOKEN: 'hvs.x' };
  const login = run('source scripts/ci/vault.sh && vault_login production infra-hr-event', { env });
  assert.equal(login.status, 1);
  assert.match(login.stderr, /JWT login as infra-hr-event on https:\/\/vault.prd.example-bank.eu failed/);
  const missing = run('source scripts/ci/vault.sh && vault_secret ci/hr hmac_key', { env });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /kv\/ci\/hr has no field 'hmac_key'/);
  const noToken = run('source scripts/ci/vault.sh && vault_login production x', { env: { ...curl.env, VAULT_ID_TOKEN: '' } });
  assert.equal(noToken.status, 1);
  assert.match(noToken.stderr, /VAULT_ID_TOKEN is missing/);
});

test('hr:apply refuses a forged event before it reads a key: the trigger\'s own secret never reaches infra hr apply', () => {
  const curl = fakeCurl([
    { match: `${productionVault}/v1/auth/jwt/login`, method: 'POST', body: { auth: { client_token: 'hvs.hr' } } },
    { match: `${productionVault}/v1/kv/data/ci/gitlab`, body: { data: { data: { read_token: 'glpat-read' } } } },
    { match: '/pipelines/901/variables', body: [{ key: 'HR_EVENT_B64' }, { key: 'HR_EVENT_SIGNATURE' }, { key: 'INFRA_HR_HMAC_SECRET' }] },
  ]);
  const env = {
    ...curl.env, HR_EVENT_B64: 'e30=', HR_EVENT_SIGNATURE: `sha256=${'0'.repeat(64)}`, INFRA_HR_HMAC_SECRET: 'attacker-chosen-secret-of-forty-characters',
    VAULT_ID_TOKEN: idToken({ project_id: '7', pipeline_id: '901', pipeline_source: 'trigger' }),
  };
  const result = run('scripts/ci/hr-apply.sh', { env });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /variables it may not take: INFRA_HR_HMAC_SECRET/);
  assert.ok(!curl.requests().some((r) => r.url.includes('/kv/data/ci/hr')), 'no HR secret was read');
});

test('a people update applies HR_COMMIT_SHA only when it is a commit of the default branch', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'hr-commit-'));
  const git = (args, cwd) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } }).trim();
  const origin = path.join(work, 'origin');
  git(['init', '--quiet', '--initial-branch=main', origin]);
  git(['commit', '--quiet', '--allow-empty', '-m', 'reviewed'], origin);
  git(['clone', '--quiet', origin, path.join(work, 'job')]);
  git(['commit', '--quiet', '--allow-empty', '-m', 'HR event hr-1'], origin);
  const onMain = git(['rev-parse', 'HEAD'], origin);
  git(['checkout', '--quiet', '-b', 'feature/unreviewed'], origin);
  git(['commit', '--quiet', '--allow-empty', '-m', 'unreviewed'], origin);
  const unreviewed = git(['rev-parse', 'HEAD'], origin);
  git(['fetch', '--quiet', 'origin', 'feature/unreviewed'], path.join(work, 'job'));
  const script = path.join(repository, 'scripts/ci/checkout-hr-commit.sh');
  const checkout = (sha) => run(script, { cwd: path.join(work, 'job'), env: { HR_COMMIT_SHA: sha, CI_DEFAULT_BRANCH: 'main' } });

  const refused = checkout(unreviewed);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, new RegExp(`HR_COMMIT_SHA ${unreviewed} is not a commit of main`));
  const applied = checkout(onMain);
  assert.equal(applied.status, 0, applied.stderr);
  assert.equal(git(['rev-parse', 'HEAD'], path.join(work, 'job')), onMain);
  rmSync(work, { recursive: true, force: true });
});
