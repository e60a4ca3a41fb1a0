// The CI scripts' security checks, run for real with bash against a fake curl (tests/pipeline/fake-curl.mjs):
// no pipeline variable chooses a key, a role or the commit to deploy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, copyFileSync, writeFileSync, chmodSync, existsSync, readFileSync } from 'node:fs';
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

function mrNote(notes) {
  const api = 'https://gitlab.example-bank.eu/api/v4';
  const curl = fakeCurl([
    { match: `${api}/user`, body: { id: 77, username: 'project_5_bot' } },
    { match: `${api}/projects/5/merge_requests/42/notes?`, method: 'GET', body: notes },
    { match: `${api}/projects/5/merge_requests/42/notes/`, method: 'PUT', body: {} },
    { match: `${api}/projects/5/merge_requests/42/notes`, method: 'POST', body: {} },
  ]);
  const work = mkdtempSync(path.join(tmpdir(), 'mr-note-'));
  const env = { ...curl.env, CI_API_V4_URL: api, CI_PROJECT_ID: '5', CI_MERGE_REQUEST_IID: '42', GITLAB_NOTES_TOKEN: 'glpat-notes' };
  const result = run(`bash ${path.join(repository, 'scripts/ci/mr-note.sh')}`, { env, cwd: work });
  rmSync(work, { recursive: true, force: true });
  return { ...result, writes: curl.requests().filter((r) => r.method !== 'GET') };
}

const marker = '<!-- infra-pipeline-report -->';

test('mr-note rewrites only its own note: a note with the marker from anyone else is left alone', () => {
  const planted = { id: 10, system: false, author: { id: 3 }, body: `${marker}\nAll green, nothing changes in production.` };
  const own = { id: 11, system: false, author: { id: 77 }, body: `${marker}\nold report` };
  const result = mrNote([planted, own]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.writes.length, 1);
  assert.equal(result.writes[0].method, 'PUT');
  assert.match(result.writes[0].url, /\/notes\/11$/);
  const body = JSON.parse(result.writes[0].data).body;
  assert.match(body, /No preview in a merge request: unreviewed code may not decrypt production's secrets or state/);
});

test('mr-note creates its own note when only someone else\'s carries the marker', () => {
  const result = mrNote([{ id: 10, system: false, author: { id: 3 }, body: `${marker}\nfake` }]);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(result.writes.map((w) => [w.method, w.url.replace(/.*\/merge_requests/, '')]), [['POST', '/42/notes']]);
});

test('a release goes to production only from a commit of main that staging deployed', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'release-gate-'));
  const git = (args, cwd) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } }).trim();
  const origin = path.join(work, 'origin');
  git(['init', '--quiet', '--initial-branch=main', origin]);
  git(['commit', '--quiet', '--allow-empty', '-m', 'merged'], origin);
  const merged = git(['rev-parse', 'HEAD'], origin);
  git(['checkout', '--quiet', '-b', 'side'], origin);
  git(['commit', '--quiet', '--allow-empty', '-m', 'never reviewed'], origin);
  const side = git(['rev-parse', 'HEAD'], origin);
  const job = path.join(work, 'job');
  git(['clone', '--quiet', origin, job]);
  for (const file of ['Pulumi.production.yaml', 'scripts/ci/vault.sh', 'scripts/ci/release-gate.sh']) {
    mkdirSync(path.dirname(path.join(job, file)), { recursive: true });
    copyFileSync(path.join(repository, file), path.join(job, file));
  }
  const gate = (sha, deployed) => {
    const curl = fakeCurl([
      { match: `${productionVault}/v1/kv/data/ci/gitlab`, body: { data: { data: { read_token: 'glpat-read' } } } },
      { match: `${gitlabApi}/projects/7/deployments?environment=staging&status=success`, body: deployed.map((d) => ({ id: 1, sha: d, status: 'success' })) },
    ]);
    const env = { ...curl.env, VAULT_ADDR: productionVault, VAULT_TOKEN: 'hvs.x', CI_COMMIT_SHA: merged, VAULT_ID_TOKEN: idToken({ project_id: '7', sha }) };
    return run('scripts/ci/release-gate.sh', { env, cwd: job });
  };

  const ok = gate(merged, [side, merged]);
  assert.equal(ok.status, 0, ok.stderr);
  const offMain = gate(side, [side]);
  assert.equal(offMain.status, 1);
  assert.match(offMain.stderr, new RegExp(`${side} is not on main: a release tag must point at a commit merged to main`));
  const notOnStaging = gate(merged, [side]);
  assert.equal(notOnStaging.status, 1);
  assert.match(notOnStaging.stderr, new RegExp(`staging has no successful deployment of ${merged}`));
  rmSync(work, { recursive: true, force: true });
});

function applyPlan({ planCommit, planVersion, stackVersion, files = true }) {
  const work = mkdtempSync(path.join(tmpdir(), 'apply-plan-'));
  execFileSync('git', ['init', '--quiet', work]);
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@x', 'commit', '--quiet', '--allow-empty', '-m', 'c'], { cwd: work });
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: work, encoding: 'utf8' }).trim();
  mkdirSync(path.join(work, 'reports/production'), { recursive: true });
  if (files) {
    writeFileSync(path.join(work, 'reports/production/update-plan.json'), '{"resourcePlans":{}}');
    writeFileSync(path.join(work, 'reports/production/update-plan.meta.json'), JSON.stringify({ commit: planCommit ?? head, stackVersion: planVersion }));
  }
  // A fake pulumi: the stack's history, and a record of the update's arguments.
  mkdirSync(path.join(work, 'bin'));
  writeFileSync(path.join(work, 'bin/pulumi'), `#!/usr/bin/env bash\nif [ "$1 $2" = "stack history" ]; then echo '[{"version": ${stackVersion}}]'; else echo "$@" >>"${work}/pulumi.log"; fi\n`);
  chmodSync(path.join(work, 'bin/pulumi'), 0o755);
  const result = run(`${path.join(repository, 'scripts/ci/apply-plan.sh')} production`, { cwd: work, env: { PATH: `${path.join(work, 'bin')}:${process.env.PATH}` } });
  const log = existsSync(path.join(work, 'pulumi.log')) ? readFileSync(path.join(work, 'pulumi.log'), 'utf8') : '';
  rmSync(work, { recursive: true, force: true });
  return { ...result, log };
}

test('deploy:production applies exactly the saved plan while the stack is where the plan found it', () => {
  const result = applyPlan({ planVersion: 41, stackVersion: 41 });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.log, /^up --stack production --plan reports\/production\/update-plan.json --yes .*--policy-pack-config reports\/policy\/all-mandatory.json$/m);
});

test('a stale plan is refused: the stack moved since the preview, or the plan is of another commit, or there is none', () => {
  const moved = applyPlan({ planVersion: 41, stackVersion: 42 });
  assert.equal(moved.status, 1);
  assert.match(moved.stderr, /the plan is stale: it was made on version 41 of production, which is now at version 42/);
  assert.equal(moved.log, '', 'nothing was applied');
  const other = applyPlan({ planCommit: 'f'.repeat(40), planVersion: 41, stackVersion: 41 });
  assert.equal(other.status, 1);
  assert.match(other.stderr, /the plan was made on commit f{40}/);
  const none = applyPlan({ files: false, stackVersion: 41 });
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no saved plan reports\/production\/update-plan.json/);
});
