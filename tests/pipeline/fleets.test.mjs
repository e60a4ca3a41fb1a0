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
const outputs = { environment: 'staging', primaryRegion: 'eu-west-3', fleetGroupNames: ['payments-asg-1a2b', 'ledger-asg-3c4d'] };
// Every service has a fleet in both regions: the groups checked are the primary region's, never the standby's minimum.
const plan = {
  fleets: [
    { service: 'payments', region: 'eu-west-3', standby: false, min: 3, desired: 3, max: 6 },
    { service: 'ledger', region: 'eu-west-3', standby: false, min: 2, desired: 3, max: 4 },
    { service: 'payments', region: 'eu-west-1', standby: true, min: 1, desired: 1, max: 6 },
    { service: 'ledger', region: 'eu-west-1', standby: true, min: 1, desired: 1, max: 4 },
  ],
};

// Fake aws: each group's refreshes answer, call after call, the next of its statuses (the last one repeats);
// a group's target group has as many healthy targets as `healthy` says, plus one unhealthy.
function run(script, { statuses = {}, healthy = { payments: 3, ledger: 3 }, env = {} } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'fleets-'));
  const bin = path.join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(work, 'outputs.json'), JSON.stringify(outputs));
  writeFileSync(path.join(work, 'plan.json'), JSON.stringify(plan));
  const groups = Object.fromEntries(outputs.fleetGroupNames.map((group) => {
    const service = group.split('-')[0];
    const refreshes = (statuses[group] ?? []).map((status, i) => (status === null ? [] : [
      { InstanceRefreshId: 'old', Status: 'Successful', StartTime: '2026-11-01T10:00:00Z' },
      { InstanceRefreshId: `r${i}`, Status: status, StatusReason: status === 'RollbackSuccessful' ? 'instances failed their health checks' : '', StartTime: '2026-12-06T06:00:00Z' },
    ].reverse()));
    const targets = [...Array(healthy[service]).fill('healthy'), 'unhealthy'].map((State, i) => ({ Target: { Id: `i-${i}` }, TargetHealth: { State } }));
    return [group, { service, refreshes, targets }];
  }));
  writeFileSync(path.join(work, 'groups.json'), JSON.stringify(groups));
  writeFileSync(path.join(bin, 'aws'), `#!/usr/bin/env bash
echo "aws $*" >>"${work}/calls.log"
arg() { sed -n "s/.*--$1 \\([^ ]*\\).*/\\1/p" <<<"$*"; }
case "$*" in
  *describe-instance-refreshes*)
    group=$(arg auto-scaling-group-name "$*"); n=$(grep -c "describe-instance-refreshes.*$group" "${work}/calls.log")
    jq --arg g "$group" --argjson n "$n" '.[$g].refreshes as $r | {InstanceRefreshes: (if ($r | length) == 0 then [] else $r[([$n, ($r | length)] | min) - 1] end)}' "${work}/groups.json" ;;
  *describe-auto-scaling-groups*)
    group=$(arg auto-scaling-group-names "$*")
    jq --arg g "$group" '{AutoScalingGroups: [{AutoScalingGroupName: $g, TargetGroupARNs: ["arn:aws:elasticloadbalancing:eu-west-3:111122223333:targetgroup/\\(.[$g].service)/1"], Tags: [{Key: "team", Value: "x"}, {Key: "service", Value: .[$g].service}]}]}' "${work}/groups.json" ;;
  *describe-target-health*)
    service=$(arg target-group-arn "$*" | sed 's|.*targetgroup/\\([^/]*\\)/.*|\\1|')
    jq --arg s "$service" '{TargetHealthDescriptions: (to_entries[] | select(.value.service == $s) | .value.targets)}' "${work}/groups.json" ;;
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

test('the deploy waits until every fleet refresh is Successful, polling the ones still in progress', () => {
  const result = run('wait-for-fleets.sh', {
    statuses: { 'payments-asg-1a2b': ['Pending', 'InProgress', 'Successful'], 'ledger-asg-3c4d': [null] },
  });
  assert.equal(result.status, 0, result.stderr);
  const polls = result.calls.filter((c) => c.includes('describe-instance-refreshes'));
  assert.equal(polls.filter((c) => c.includes('payments-asg-1a2b')).length, 3, 'payments is asked until its refresh succeeded');
  assert.equal(polls.filter((c) => c.includes('ledger-asg-3c4d')).length, 1, 'ledger, with no refresh, once');
  assert.ok(polls.every((c) => c.includes('--region eu-west-3')), 'in the primary region');
  assert.match(result.stdout, /ok {3}payments-asg-1a2b: instance refresh Successful/);
  assert.match(result.stdout, /the instance refreshes of staging finished/);
});

for (const status of ['RollbackSuccessful', 'Failed', 'Cancelled', 'RollbackFailed']) {
  test(`a refresh that ends ${status} fails the deploy and names the group and the status`, () => {
    const result = run('wait-for-fleets.sh', {
      statuses: { 'payments-asg-1a2b': ['Successful'], 'ledger-asg-3c4d': ['InProgress', 'RollbackInProgress', status] },
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`FAIL ledger-asg-3c4d \\(staging\\): instance refresh ${status}`));
    if (status === 'RollbackSuccessful') assert.match(result.stderr, /instances failed their health checks/, 'with the reason AWS gave');
  });
}

test('a refresh that does not finish within INFRA_FLEET_WAIT_SECONDS fails the deploy and names the group', () => {
  const result = run('wait-for-fleets.sh', {
    statuses: { 'payments-asg-1a2b': ['Successful'], 'ledger-asg-3c4d': ['InProgress'] },
    env: { INFRA_FLEET_WAIT_SECONDS: '2', INFRA_FLEET_POLL_SECONDS: '1' },
  });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /after 2s the instance refresh of ledger-asg-3c4d has not finished/);
  assert.ok(result.calls.filter((c) => c.includes('ledger-asg-3c4d')).length >= 2, 'it polled before giving up');
});

test('outputs without fleet groups are bad input (exit 2)', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'fleets-'));
  writeFileSync(path.join(work, 'outputs.json'), JSON.stringify({ primaryRegion: 'eu-west-3' }));
  const result = spawnSync('bash', [path.join(repository, 'scripts/ci/wait-for-fleets.sh'), 'staging', 'outputs.json'], { cwd: work, encoding: 'utf8' });
  rmSync(work, { recursive: true, force: true });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /outputs.json has no fleetGroupNames/);
});

test('the smoke check passes when every fleet has at least its planned minimum of healthy targets', () => {
  const result = run('check-fleet-health.sh');
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /ok {3}payments \(payments-asg-1a2b\): 3 healthy targets, planned min 3, desired 3/);
  assert.match(result.stdout, /ok {3}ledger \(ledger-asg-3c4d\): 3 healthy targets, planned min 2, desired 3/);
  assert.ok(result.calls.some((c) => c.includes('describe-target-health') && c.includes('targetgroup/payments/1')));
});

test('the smoke check fails when a fleet has fewer healthy targets than the plan, and names it', () => {
  const result = run('check-fleet-health.sh', { healthy: { payments: 2, ledger: 3 } });
  assert.equal(result.status, 1);
  assert.match(result.stdout, /FAIL payments \(payments-asg-1a2b\): 2 healthy targets, below the planned min 3 \(desired 3\)/);
  assert.match(result.stdout, /ok {3}ledger/);
  assert.match(result.stderr, /1 fleet\(s\) of staging below their planned healthy count/);
});
