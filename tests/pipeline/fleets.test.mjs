// scripts/ci/wait-for-fleets.sh and check-fleet-health.sh run for real with bash against a fake aws: the pipeline
// waits for each fleet's instance refresh and fails on a rollback or a timeout, then compares the healthy targets
// of each fleet with the plan's minimum.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, chmodSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Every service has a fleet in both regions: the deploy waits for and checks the primary's full-size fleets and the
// secondary's warm standbys, each in its own region, against its own region's planned minimum.
const outputs = {
  environment: 'staging', primaryRegion: 'eu-west-3', secondaryRegion: 'eu-west-1',
  fleetGroupNames: { 'eu-west-3': ['payments-asg-1a2b', 'ledger-asg-3c4d'], 'eu-west-1': ['payments-asg-5e6f', 'ledger-asg-7a8b'] },
};
const regionOf = Object.fromEntries(Object.entries(outputs.fleetGroupNames).flatMap(([region, groups]) => groups.map((g) => [g, region])));
const plan = {
  primaryRegion: 'eu-west-3', secondaryRegion: 'eu-west-1',
  services: [{ name: 'payments' }, { name: 'ledger' }],
  databases: [{ name: 'ledger-db' }],
  fleets: [
    { service: 'payments', region: 'eu-west-3', standby: false, min: 3, desired: 3, max: 6 },
    { service: 'ledger', region: 'eu-west-3', standby: false, min: 2, desired: 3, max: 4 },
    { service: 'payments', region: 'eu-west-1', standby: true, min: 1, desired: 1, max: 6 },
    { service: 'ledger', region: 'eu-west-1', standby: true, min: 1, desired: 1, max: 4 },
  ],
};

// Fake aws: each group's refreshes answer, call after call, the next of its statuses (the last one repeats);
// a group's target group has as many healthy targets as `healthy` says for its group, plus one unhealthy. A group
// asked for in another region than its own is not found, as in AWS.
function run(script, { statuses = {}, healthy = {}, env = {}, stackOutputs = outputs } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'fleets-'));
  const bin = path.join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(work, 'outputs.json'), JSON.stringify(stackOutputs));
  writeFileSync(path.join(work, 'plan.json'), JSON.stringify(plan));
  const groups = Object.fromEntries(Object.keys(regionOf).map((group) => {
    const service = group.split('-')[0];
    const refreshes = (statuses[group] ?? []).map((status, i) => (status === null ? [] : [
      { InstanceRefreshId: 'old', Status: 'Successful', StartTime: '2026-11-01T10:00:00Z' },
      { InstanceRefreshId: `r${i}`, Status: status, StatusReason: status === 'RollbackSuccessful' ? 'instances failed their health checks' : '', StartTime: '2026-12-06T06:00:00Z' },
    ].reverse()));
    const targets = [...Array(healthy[group] ?? 3).fill('healthy'), 'unhealthy'].map((State, i) => ({ Target: { Id: `i-${i}` }, TargetHealth: { State } }));
    return [group, { service, region: regionOf[group], refreshes, targets }];
  }));
  writeFileSync(path.join(work, 'groups.json'), JSON.stringify(groups));
  writeFileSync(path.join(bin, 'aws'), `#!/usr/bin/env bash
echo "aws $*" >>"${work}/calls.log"
arg() { sed -n "s/.*--$1 \\([^ ]*\\).*/\\1/p" <<<"$*"; }
region=$(arg region "$*")
case "$*" in
  *describe-instance-refreshes*)
    group=$(arg auto-scaling-group-name "$*"); n=$(grep -c "describe-instance-refreshes.*$group" "${work}/calls.log")
    jq -e --arg g "$group" --arg r "$region" '.[$g].region == $r' "${work}/groups.json" >/dev/null || { echo "ValidationError: group $group not found in $region" >&2; exit 254; }
    jq --arg g "$group" --argjson n "$n" '.[$g].refreshes as $r | {InstanceRefreshes: (if ($r | length) == 0 then [] else $r[([$n, ($r | length)] | min) - 1] end)}' "${work}/groups.json" ;;
  *describe-auto-scaling-groups*)
    group=$(arg auto-scaling-group-names "$*")
    jq --arg g "$group" --arg r "$region" '{AutoScalingGroups: (if .[$g].region != $r then [] else [{AutoScalingGroupName: $g, TargetGroupARNs: ["arn:aws:elasticloadbalancing:\\($r):111122223333:targetgroup/\\($g)/1"], Tags: [{Key: "team", Value: "x"}, {Key: "service", Value: .[$g].service}]}] end)}' "${work}/groups.json" ;;
  *describe-target-health*)
    group=$(arg target-group-arn "$*" | sed 's|.*targetgroup/\\([^/]*\\)/.*|\\1|')
    jq --arg g "$group" '{TargetHealthDescriptions: .[$g].targets}' "${work}/groups.json" ;;
  *) echo "fake aws: unexpected $*" >&2; exit 2 ;;
esac
`);
  chmodSync(path.join(bin, 'aws'), 0o755);
  const result = spawnSync('bash', [path.join(repository, 'scripts/ci', script), 'staging', 'outputs.json', 'plan.json'], {
    cwd: work, encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, INFRA_FLEET_POLL_SECONDS: '0', ...env },
  });
  const calls = existsSync(path.join(work, 'calls.log')) ? readFileSync(path.join(work, 'calls.log'), 'utf8').trim().split('\n') : [];
  rmSync(work, { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
}

test('the deploy waits until every fleet refresh of both regions is Successful, the standby\'s too, polling the ones still in progress', () => {
  const result = run('wait-for-fleets.sh', {
    statuses: {
      'payments-asg-1a2b': ['Pending', 'InProgress', 'Successful'], 'ledger-asg-3c4d': [null],
      'payments-asg-5e6f': ['InProgress', 'InProgress', 'InProgress', 'Successful'], 'ledger-asg-7a8b': ['Successful'],
    },
  });
  assert.equal(result.status, 0, result.stderr);
  const polls = result.calls.filter((c) => c.includes('describe-instance-refreshes'));
  assert.equal(polls.filter((c) => c.includes('payments-asg-1a2b')).length, 3, 'payments is asked until its refresh succeeded');
  assert.equal(polls.filter((c) => c.includes('ledger-asg-3c4d')).length, 1, 'ledger, with no refresh, once');
  assert.equal(polls.filter((c) => c.includes('payments-asg-5e6f')).length, 4, 'the standby of payments, until its refresh succeeded');
  for (const [group, region] of Object.entries(regionOf)) {
    assert.ok(polls.filter((c) => c.includes(group)).every((c) => c.includes(`--region ${region}`)), `${group} in its region ${region}`);
  }
  assert.match(result.stdout, /ok {3}payments-asg-1a2b \(eu-west-3\): instance refresh Successful/);
  assert.match(result.stdout, /ok {3}payments-asg-5e6f \(eu-west-1\): instance refresh Successful/);
  assert.match(result.stdout, /waiting for the instance refresh of payments-asg-5e6f \(eu-west-1\)/);
  assert.match(result.stdout, /the instance refreshes of staging finished/);
});

for (const status of ['RollbackSuccessful', 'Failed', 'Cancelled', 'RollbackFailed']) {
  test(`a refresh that ends ${status} fails the deploy and names the group, its region and the status`, () => {
    const result = run('wait-for-fleets.sh', {
      statuses: { 'payments-asg-1a2b': ['Successful'], 'ledger-asg-3c4d': ['InProgress', 'RollbackInProgress', status] },
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`FAIL ledger-asg-3c4d \\(staging, eu-west-3\\): instance refresh ${status}`));
    if (status === 'RollbackSuccessful') assert.match(result.stderr, /instances failed their health checks/, 'with the reason AWS gave');
  });
}

test('a standby\'s refresh that rolls back fails the deploy too, naming the secondary region', () => {
  const result = run('wait-for-fleets.sh', { statuses: { 'ledger-asg-7a8b': ['InProgress', 'RollbackSuccessful'] } });

  assert.equal(result.status, 1);
  assert.match(result.stderr, /FAIL ledger-asg-7a8b \(staging, eu-west-1\): instance refresh RollbackSuccessful: instances failed their health checks/);
});

test('a refresh that does not finish within INFRA_FLEET_WAIT_SECONDS fails the deploy and names the group', () => {
  const result = run('wait-for-fleets.sh', {
    statuses: { 'payments-asg-1a2b': ['Successful'], 'ledger-asg-3c4d': ['InProgress'], 'payments-asg-5e6f': ['InProgress'] },
    env: { INFRA_FLEET_WAIT_SECONDS: '2', INFRA_FLEET_POLL_SECONDS: '1' },
  });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /after 2s the instance refresh of ledger-asg-3c4d \(eu-west-3\), payments-asg-5e6f \(eu-west-1\) has not finished/);
  assert.ok(result.calls.filter((c) => c.includes('ledger-asg-3c4d')).length >= 2, 'it polled before giving up');
});

for (const [what, broken, message] of [
  ['without fleet groups', { primaryRegion: 'eu-west-3', secondaryRegion: 'eu-west-1' }, /outputs.json has no fleetGroupNames \(by region, a list of autoscaling group names each\)/],
  ['with the former list of the primary\'s groups', { ...outputs, fleetGroupNames: ['payments-asg-1a2b'] }, /outputs.json has no fleetGroupNames \(by region/],
  ['without the secondary region\'s groups', { ...outputs, fleetGroupNames: { 'eu-west-3': outputs.fleetGroupNames['eu-west-3'] } }, /outputs.json has no fleetGroupNames of its secondaryRegion \(eu-west-1\)/],
  ['without a secondary region', { ...outputs, secondaryRegion: undefined }, /outputs.json has no fleetGroupNames of its secondaryRegion \(missing\)/],
]) {
  test(`outputs ${what} are bad input (exit 2), and nothing is asked of AWS`, () => {
    const result = run('wait-for-fleets.sh', { stackOutputs: broken });
    assert.equal(result.status, 2);
    assert.match(result.stderr, message);
    assert.deepEqual(result.calls, []);
  });
}

test('the smoke check passes when every fleet of both regions has at least its own region\'s planned minimum of healthy targets', () => {
  const result = run('check-fleet-health.sh', { healthy: { 'payments-asg-5e6f': 1, 'ledger-asg-7a8b': 1 } });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /ok {3}payments \(payments-asg-1a2b, eu-west-3, full size\): 3 healthy targets, planned min 3, desired 3/);
  assert.match(result.stdout, /ok {3}ledger \(ledger-asg-3c4d, eu-west-3, full size\): 3 healthy targets, planned min 2, desired 3/);
  assert.match(result.stdout, /ok {3}payments \(payments-asg-5e6f, eu-west-1, standby\): 1 healthy targets, planned min 1, desired 1/);
  assert.ok(result.calls.some((c) => c.includes('describe-target-health') && c.includes('targetgroup/payments-asg-5e6f/1') && c.includes('--region eu-west-1')));
});

test('the smoke check fails when a fleet has fewer healthy targets than the plan, and names it', () => {
  const result = run('check-fleet-health.sh', { healthy: { 'payments-asg-1a2b': 2 } });
  assert.equal(result.status, 1);
  assert.match(result.stdout, /FAIL payments \(payments-asg-1a2b, eu-west-3, full size\): 2 healthy targets, below the planned min 3 \(desired 3\)/);
  assert.match(result.stdout, /ok {3}ledger \(ledger-asg-3c4d/);
  assert.match(result.stderr, /1 fleet\(s\) of staging below their planned healthy count/);
});

test('a standby with no healthy target fails the smoke check, naming its region', () => {
  const result = run('check-fleet-health.sh', { healthy: { 'ledger-asg-7a8b': 0 } });
  assert.equal(result.status, 1);
  assert.match(result.stdout, /FAIL ledger \(ledger-asg-7a8b, eu-west-1, standby\): 0 healthy targets, below the planned min 1 \(desired 1\)/);
});

/** Runs check-stack-outputs.sh over the outputs and the plan. */
function stackOutputs(changed) {
  const work = mkdtempSync(path.join(tmpdir(), 'outputs-'));
  writeFileSync(path.join(work, 'outputs.json'), JSON.stringify({ ...outputs, serviceNames: ['ledger', 'payments'], databaseNames: ['ledger-db'], ...changed }));
  writeFileSync(path.join(work, 'plan.json'), JSON.stringify(plan));
  const result = spawnSync('bash', [path.join(repository, 'scripts/ci/check-stack-outputs.sh'), 'staging', 'outputs.json', 'plan.json'], { cwd: work, encoding: 'utf8' });
  rmSync(work, { recursive: true, force: true });
  return result;
}

test('the stack outputs hold a fleet group per service in each planned region', () => {
  const result = stackOutputs({});
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /ok {3}fleet groups in the planned regions/);
  assert.match(result.stdout, /ok {3}one fleet group per service in each region/);
});

test('stack outputs without the standby\'s groups, or with a group missing, fail the smoke check', () => {
  const primaryOnly = stackOutputs({ fleetGroupNames: { 'eu-west-3': outputs.fleetGroupNames['eu-west-3'] } });
  assert.equal(primaryOnly.status, 1);
  assert.match(primaryOnly.stdout, /FAIL fleet groups in the planned regions/);

  const short = stackOutputs({ fleetGroupNames: { ...outputs.fleetGroupNames, 'eu-west-1': ['payments-asg-5e6f'] } });
  assert.equal(short.status, 1);
  assert.match(short.stdout, /FAIL one fleet group per service in each region/);
  assert.match(short.stderr, /1 smoke check\(s\) of staging failed/);
});
