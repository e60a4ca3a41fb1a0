// scripts/ops/bootstrap-database-vault.sh run for real with bash against fake infra, aws, psql and vault commands:
// the bootstrap creates vault_admin, moves Vault's connection to it and has Vault rotate its password, so the
// master user stays break-glass only; no password ever appears in a process's arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, chmodSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const masterPassword = 'Master-Secret-0123456789';
const adminPassword = 'Admin-First-0123456789';
const plan = { primaryRegion: 'eu-west-3', databases: [{ name: 'payments-db', usedBy: ['payments-api', 'back-office'] }] };

// Each fake logs its arguments to calls.log and what it read on stdin to <name>.stdin (appended, one block per call).
function bootstrap({ vaultRefusesTheConnection = false, bundle = true } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'bootstrap-'));
  const bin = path.join(work, 'bin');
  mkdirSync(bin);
  const fake = (name, body) => {
    writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\necho "${name} $*" >>"${work}/calls.log"\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  writeFileSync(path.join(work, 'plan.json'), JSON.stringify(plan));
  fake('infra', `cat "${work}/plan.json"`);
  fake('aws', `case "$*" in
  *describe-db-clusters*) echo '{"DBClusters":[{"Endpoint":"payments-db.cluster-abc.eu-west-3.rds.amazonaws.com","MasterUsername":"dbmaster"}]}' ;;
  *get-secret-value*) echo '{"password":"${masterPassword}"}' ;;
  *get-random-password*) echo '${adminPassword}' ;;
esac`);
  fake('psql', `{ echo "--- PGPASSWORD=$PGPASSWORD"; cat; } >>"${work}/psql.stdin"`);
  fake('vault', `if [ "$1" = write ] && [[ "$*" == *password=-* ]]; then { echo "--- $*"; cat; echo; } >>"${work}/vault.stdin"; ${vaultRefusesTheConnection ? 'echo "error verifying connection" >&2; exit 2' : ':'}; fi`);
  const ca = path.join(work, 'global-bundle.pem');
  if (bundle) writeFileSync(ca, '-----BEGIN CERTIFICATE-----\n');
  const result = spawnSync('bash', [path.join(repository, 'scripts/ops/bootstrap-database-vault.sh'), 'staging', 'payments-db'], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, INFRA: path.join(bin, 'infra'), RDS_CA_BUNDLE: ca },
  });
  const read = (name) => (existsSync(path.join(work, name)) ? readFileSync(path.join(work, name), 'utf8') : '');
  const calls = read('calls.log').trim().split('\n').filter(Boolean);
  const output = { status: result.status, stdout: result.stdout, stderr: result.stderr, calls, sql: read('psql.stdin'), vaultStdin: read('vault.stdin') };
  rmSync(work, { recursive: true, force: true });
  return output;
}

test('the bootstrap creates vault_admin, hands Vault its password through stdin, then has Vault rotate it; the master user is never rotated', () => {
  const result = bootstrap();
  assert.equal(result.status, 0, result.stderr);
  assert.ok(result.sql.startsWith(`--- PGPASSWORD=${masterPassword}\n`), 'the bootstrap logs in as the master user, from the break-glass copy');
  assert.match(result.sql, /IF NOT EXISTS \(SELECT FROM pg_roles WHERE rolname = 'vault_admin'\) THEN CREATE ROLE "vault_admin" WITH LOGIN CREATEROLE; END IF;/);
  // The password only in a top-level ALTER ROLE, which pgaudit redacts; never inside the DO block.
  const withPassword = result.sql.split('\n').filter((line) => line.includes(adminPassword));
  assert.deepEqual(withPassword, [`ALTER ROLE "vault_admin" WITH LOGIN CREATEROLE PASSWORD '${adminPassword}';`]);
  assert.match(result.sql, /^ALTER ROLE "vault_admin" SET createrole_self_grant = 'set, inherit';$/m);
  for (const role of ['payments_db_owner', 'payments_api_app', 'back_office_app']) {
    assert.match(result.sql, new RegExp(`^GRANT "${role}" TO "vault_admin" WITH ADMIN TRUE, INHERIT TRUE, SET TRUE;$`, 'm'));
  }
  assert.doesNotMatch(result.sql, /ALTER ROLE "dbmaster"|TO "dbmaster"/, 'the master user gets nothing for Vault');

  const vault = result.calls.filter((c) => c.startsWith('vault write'));
  assert.deepEqual(vault, ['vault write database/config/payments-db username=vault_admin password=-', 'vault write -f database/rotate-root/payments-db']);
  assert.equal(result.vaultStdin, `--- write database/config/payments-db username=vault_admin password=-\n${adminPassword}\n`);
  assert.ok(result.calls.every((c) => !c.includes(adminPassword) && !c.includes(masterPassword)), 'no password in any process arguments');
  assert.match(result.stdout, /Vault logs in as vault_admin and rotated its password; the master user is break-glass only and its copy rds\/payments-db-staging\/master stays valid/);
});

test('when Vault refuses the new connection, the bootstrap stops before any rotation', () => {
  const result = bootstrap({ vaultRefusesTheConnection: true });
  assert.notEqual(result.status, 0);
  assert.ok(!result.calls.some((c) => c.includes('rotate-root')), 'nothing is rotated: Vault keeps the master user it verified at the apply');
});

test('without the RDS CA bundle the bootstrap is bad input and touches nothing', () => {
  const result = bootstrap({ bundle: false });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /no RDS CA bundle at .*global-bundle.pem/);
  assert.deepEqual(result.calls, []);
});
