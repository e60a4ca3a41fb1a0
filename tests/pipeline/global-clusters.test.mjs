// scripts/ci/check-global-clusters.sh runs for real with bash against a fake aws: the nightly check finds a cluster
// detached from its global cluster by hand, a writer that moved without the stack config, and a global cluster gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const account = '444455556666';
const plan = {
  databases: ['ledger-db', 'payments-db'].map((name) => ({
    name, primaryRegion: 'eu-west-3', secondaryRegion: 'eu-west-1', globalCluster: `${name}-production`,
    primaryCluster: `${name}-production-eu-west-3`, secondaryCluster: `${name}-production-eu-west-1`,
  })),
};
const arn = (cluster) => `arn:aws:rds:${cluster.slice(-9)}:${account}:cluster:${cluster}`;
const healthy = (name) => [
  { DBClusterArn: arn(`${name}-production-eu-west-3`), IsWriter: true },
  { DBClusterArn: arn(`${name}-production-eu-west-1`), IsWriter: false },
];

// Fake aws: describe-global-clusters answers the members given for each global cluster, only from eu-west-1 (the
// secondary region, which the check must ask); a global cluster absent from `members` is not found, as in RDS.
function run(members, planJson = JSON.stringify(plan)) {
  const work = mkdtempSync(path.join(tmpdir(), 'global-clusters-'));
  const bin = path.join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(work, 'plan.json'), planJson);
  writeFileSync(path.join(work, 'members.json'), JSON.stringify(members));
  writeFileSync(path.join(bin, 'aws'), `#!/usr/bin/env bash
echo "aws $*" >>"${work}/calls.log"
arg() { sed -n "s/.*--$1 \\([^ ]*\\).*/\\1/p" <<<"$*"; }
[ "$(arg region "$*")" = eu-west-1 ] || { echo "Could not connect to the endpoint URL" >&2; exit 255; }
global=$(arg global-cluster-identifier "$*")
jq -e --arg g "$global" 'has($g)' "${work}/members.json" >/dev/null || { echo "An error occurred (GlobalClusterNotFoundFault): $global" >&2; exit 254; }
jq --arg g "$global" '{GlobalClusters: [{GlobalClusterIdentifier: $g, GlobalClusterMembers: .[$g]}]}' "${work}/members.json"
`);
  chmodSync(path.join(bin, 'aws'), 0o755);
  const result = spawnSync('bash', ['scripts/ci/check-global-clusters.sh', 'production', path.join(work, 'plan.json')], {
    cwd: repository, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  });
  let calls = '';
  try { calls = readFileSync(path.join(work, 'calls.log'), 'utf8'); } catch { /* no call made */ }
  rmSync(work, { recursive: true, force: true });
  return { ...result, calls };
}

test('every global cluster with both its clusters and the declared writer passes, asked from the secondary region', () => {
  const result = run({ 'ledger-db-production': healthy('ledger-db'), 'payments-db-production': healthy('payments-db') });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /^ok {3}ledger-db: ledger-db-production has ledger-db-production-eu-west-3 \(writer, eu-west-3\)/m);
  assert.match(result.stdout, /every global cluster of production has its declared members and writer/);
  assert.equal(result.calls.match(/--region eu-west-1/g).length, 2);
});

test('a cluster detached by hand fails the night, naming it, and the other database is still checked', () => {
  const result = run({
    'ledger-db-production': [{ DBClusterArn: arn('ledger-db-production-eu-west-3'), IsWriter: true }],
    'payments-db-production': healthy('payments-db'),
  });
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /^FAIL ledger-db: ledger-db-production: ledger-db-production-eu-west-1 is not a member any more \(detached\)/m);
  assert.match(result.stdout, /^ok {3}payments-db:/m);
  assert.match(result.stderr, /1 global cluster\(s\) of production differ/);
});

test('a writer that moved without the stack config fails, saying where it is', () => {
  const result = run({
    'ledger-db-production': healthy('ledger-db'),
    'payments-db-production': [
      { DBClusterArn: arn('payments-db-production-eu-west-3'), IsWriter: false },
      { DBClusterArn: arn('payments-db-production-eu-west-1'), IsWriter: true },
    ],
  });
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /FAIL payments-db: payments-db-production: its writer is payments-db-production-eu-west-1, not payments-db-production-eu-west-3 in the declared primary eu-west-3/);
});

test('a global cluster that no longer exists fails with what RDS said', () => {
  const result = run({ 'payments-db-production': healthy('payments-db') });
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /FAIL ledger-db: global cluster ledger-db-production not found from eu-west-1: .*GlobalClusterNotFoundFault/);
});

test('a plan without the cluster identifiers is bad input (exit 2) and asks RDS nothing', () => {
  for (const planJson of [JSON.stringify({ databases: [{ name: 'ledger-db', primaryRegion: 'eu-west-3' }] }), '{"services": []}', 'not json']) {
    const result = run({}, planJson);
    assert.equal(result.status, 2, `${planJson}: ${result.stdout}${result.stderr}`);
    assert.match(result.stderr, /is not the JSON of infra plan --output json for production/);
    assert.equal(result.calls, '');
  }
});
