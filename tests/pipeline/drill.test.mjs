// scripts/ci/region-drill.sh run for real with bash against fake infra, aws and vault commands: the quarterly drill
// scales the standby fleets up and switches staging over, times each step until the service is restored, always
// switches back (and scales the standby back down), records the durations and fails when they exceed the stated RTO.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, chmodSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ledgerTo = 'arn:aws:rds:eu-west-1:111122223333:cluster:ledger-db-staging-eu-west-1';
const ledgerFrom = 'arn:aws:rds:eu-west-3:111122223333:cluster:ledger-db-staging-eu-west-3';
const setLedgerMinimum = (size) => `group=$(aws autoscaling describe-auto-scaling-groups --region eu-west-1 --filters Name=tag:service,Values=ledger Name=tag:environment,Values=staging --query 'AutoScalingGroups[0].AutoScalingGroupName' --output text) && aws autoscaling update-auto-scaling-group --region eu-west-1 --auto-scaling-group-name "$group" --min-size ${size}`;

// The shape `infra drill region-switch --output json` prints (DrillCommandTests checks the real one's keys).
function plan({ rtoSeconds = 720, ready = true } = {}) {
  const step = (id, countsTowardRto, commands) => ({ id, title: id, detail: '', commands, budgetSeconds: 60, measured: false, countsTowardRto });
  return {
    stack: 'staging', environment: 'staging', from: 'eu-west-3', to: 'eu-west-1', ready, preChecks: [],
    plannedSwitchover: {
      rpoSeconds: 0, rtoSeconds, why: '',
      steps: [
        step('announce', false, []),
        step('live-checks', true, ['aws rds describe-global-clusters --region eu-west-1 --global-cluster-identifier ledger-db-staging']),
        step('scale-up', true, [setLedgerMinimum(3)]),
        step('switchover', true, [`aws rds switchover-global-cluster --region eu-west-3 --global-cluster-identifier ledger-db-staging --target-db-cluster-identifier ${ledgerTo}`]),
        step('vault-follows-writer', true, ['vault write database/config/ledger-db connection_url="postgresql://{{username}}:{{password}}@$(aws rds describe-db-clusters --region eu-west-1 --db-cluster-identifier ledger-db-staging-eu-west-1 --query \'DBClusters[0].Endpoint\' --output text):5432/ledger_db"']),
        step('record-config', false, ["pulumi config set --path --stack staging 'infra:regions.primary' eu-west-1"]),
        step('apply', false, ['pulumi up --stack staging']),
      ],
    },
    disasterFailover: { rpoSeconds: 20, rtoSeconds: 1440, why: '', steps: [] },
    rollback: [
      step('switch-back', false, [
        setLedgerMinimum(1),
        `aws rds switchover-global-cluster --region eu-west-1 --global-cluster-identifier ledger-db-staging --target-db-cluster-identifier ${ledgerFrom}`,
        'vault write database/config/ledger-db connection_url="postgresql://{{username}}:{{password}}@$(aws rds describe-db-clusters --region eu-west-3 --db-cluster-identifier ledger-db-staging-eu-west-3 --query \'DBClusters[0].Endpoint\' --output text):5432/ledger_db"',
      ]),
    ],
  };
}

// Fake aws: logs each call; a switchover makes its target the writer (after SWITCH_SECONDS), describe answers that.
function drill({ drillPlan = plan(), switchSeconds = 0, failSwitchoverTo, failScaleUp = false } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'region-drill-'));
  const bin = path.join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(work, 'plan.json'), JSON.stringify(drillPlan));
  writeFileSync(path.join(bin, 'aws'), `#!/usr/bin/env bash
echo "aws $*" >>"${work}/calls.log"
case "$*" in
  *switchover-global-cluster*)
    target=$(sed -n 's/.*--target-db-cluster-identifier \\([^ ]*\\).*/\\1/p' <<<"$*")
    ${failSwitchoverTo ? `[ "$target" = "${failSwitchoverTo}" ] && exit 254` : ':'}
    sleep ${switchSeconds}; echo "$target" >"${work}/writer" ;;
  *"GlobalClusters[0].Status"*) echo available ;;
  *IsWriter*) cat "${work}/writer" 2>/dev/null || echo "${ledgerFrom}" ;;
  *describe-db-clusters*) echo "cluster-endpoint.example" ;;
  *describe-auto-scaling-groups*) echo "ledger-eu-west-1-asg-5e6f" ;;
  *"update-auto-scaling-group"*"--min-size 3"*) ${failScaleUp ? 'exit 254' : ':'} ;;
esac
`);
  writeFileSync(path.join(bin, 'vault'), `#!/usr/bin/env bash\necho "vault $*" >>"${work}/calls.log"\n`);
  for (const name of ['aws', 'vault']) chmodSync(path.join(bin, name), 0o755);
  const result = spawnSync('bash', [path.join(repository, 'scripts/ci/region-drill.sh'), 'staging', 'plan.json'], {
    cwd: work, encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, INFRA_DRILL_WAIT_SECONDS: '30' },
  });
  const calls = existsSync(path.join(work, 'calls.log')) ? readFileSync(path.join(work, 'calls.log'), 'utf8').trim().split('\n') : [];
  const recordFile = path.join(work, 'stacks/drills/staging.region-switch.json');
  const record = existsSync(recordFile) ? JSON.parse(readFileSync(recordFile, 'utf8')) : undefined;
  rmSync(work, { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls, record };
}

test('the drill scales the standby up, switches over, points Vault at the new writer, switches back, scales down, and records each step until the service was restored', () => {
  const result = drill();
  assert.equal(result.status, 0, result.stderr);
  const switches = result.calls.filter((c) => c.includes('switchover-global-cluster'));
  assert.deepEqual(switches.map((c) => c.split('--target-db-cluster-identifier ')[1]), [ledgerTo, ledgerFrom], 'over to Ireland, then back');
  const vault = result.calls.filter((c) => c.startsWith('vault write'));
  assert.deepEqual(vault, [
    'vault write database/config/ledger-db connection_url=postgresql://{{username}}:{{password}}@cluster-endpoint.example:5432/ledger_db',
    'vault write database/config/ledger-db connection_url=postgresql://{{username}}:{{password}}@cluster-endpoint.example:5432/ledger_db',
  ]);
  assert.ok(result.calls.findIndex((c) => c.startsWith('vault write')) > result.calls.indexOf(switches[0]), 'Vault follows the switch');
  assert.ok(!result.calls.some((c) => c.includes('pulumi')), 'no config change and no apply: the drill switches back before them');
  assert.equal(result.record.stack, 'staging');
  assert.match(result.record.day, /^\d{4}-\d{2}-\d{2}$/);
  const sizes = result.calls.filter((c) => c.includes('update-auto-scaling-group'));
  assert.deepEqual(sizes, [
    'aws autoscaling update-auto-scaling-group --region eu-west-1 --auto-scaling-group-name ledger-eu-west-1-asg-5e6f --min-size 3',
    'aws autoscaling update-auto-scaling-group --region eu-west-1 --auto-scaling-group-name ledger-eu-west-1-asg-5e6f --min-size 1',
  ], 'scaled up to full size, then back to the standby minimum');
  assert.ok(result.calls.indexOf(sizes[0]) < result.calls.indexOf(switches[0]), 'the standby is at full size before the writer moves');
  assert.ok(result.calls.indexOf(sizes[1]) > result.calls.indexOf(switches[0]), 'scaled down with the switch-back');
  assert.deepEqual(result.record.steps.map((s) => s.id), ['live-checks', 'scale-up', 'switchover', 'vault-follows-writer']);
  assert.ok(result.record.steps.every((s) => Number.isInteger(s.seconds) && s.seconds >= 0));
});

test('the drill fails when the service was restored later than the stated RTO, after switching back', () => {
  const result = drill({ drillPlan: plan({ rtoSeconds: 0 }), switchSeconds: 1 });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /RTO EXCEEDED: [1-9]\d*s until the service was restored, more than the stated 0s/);
  assert.equal(result.calls.filter((c) => c.includes('switchover-global-cluster')).length, 2, 'switched back all the same');
  assert.ok(result.record.steps.find((s) => s.id === 'switchover').seconds >= 1, 'the slow switchover is on record');
});

test('a failed pre-check, or a runbook of another stack, stops the drill before anything switches', () => {
  const result = drill({ drillPlan: plan({ ready: false }) });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /the runbook of staging has a failed pre-check \(plan.json, preChecks\); no switch/);
  assert.deepEqual(result.calls, []);
  assert.equal(result.record, undefined);
  const other = drill({ drillPlan: { ...plan(), stack: 'production' } });
  assert.equal(other.status, 1);
  assert.match(other.stderr, /plan.json is the runbook of stack production, not staging/);
  assert.deepEqual(other.calls, []);
});

test('when a step fails after the switchover started, the drill still switches back and fails', () => {
  const result = drill({ failSwitchoverTo: ledgerTo });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /region-drill: failed: aws rds switchover-global-cluster --region eu-west-3/);
  assert.ok(result.calls.some((c) => c.includes(`--target-db-cluster-identifier ${ledgerFrom}`)), 'the switch back was attempted');
  assert.equal(result.record, undefined, 'no record of a drill that did not finish');
});

test('when the scale-up fails, the drill switches nothing over but still scales the standby back down, and fails', () => {
  const result = drill({ failScaleUp: true });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /region-drill: failed: group=/);
  assert.ok(result.calls.some((c) => c.endsWith('--min-size 1')), 'the standby minimum was restored');
  assert.equal(result.calls.filter((c) => c.includes(`--target-db-cluster-identifier ${ledgerTo}`)).length, 0, 'the writer never moved');
  assert.equal(result.record, undefined);
});
