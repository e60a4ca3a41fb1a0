#!/usr/bin/env bash
# scripts/ci/region-drill.sh STACK PLAN
# The quarterly region drill, for real. PLAN is the stack's runbook as `infra drill region-switch --output json`
# printed it (job drill:plan). Runs the steps of its planned switchover that count toward the RTO (the live checks,
# the scale-up of the standby fleets, the switchover of every global cluster, Vault following the writers), timing
# each, then always switches back (the runbook's rollback before a config change: the writers, Vault, and the
# standby fleets back to their standby minimums). Writes the measured durations as the drill record
# stacks/drills/STACK.region-switch.json (an artifact: commit it through a merge request, and the next runbook's
# RTO uses it) and fails when the time until the service was restored exceeds the RTO the runbook stated. Needs the aws and
# vault CLIs with the stack's apply credentials (cloud-login.sh), and jq.
#   INFRA_DRILL_WAIT_SECONDS  how long a switchover may take before the drill gives up (default 1800)
set -euo pipefail
stack="${1:?usage: region-drill.sh STACK PLAN}"
plan_file="${2:?usage: region-drill.sh STACK PLAN}"
wait_limit="${INFRA_DRILL_WAIT_SECONDS:-1800}"
record="stacks/drills/${stack}.region-switch.json"

plan=$(jq -e 'select(.stack and .plannedSwitchover.steps and .rollback)' "${plan_file}") || {
  echo "region-drill: ${plan_file} is not the runbook of infra drill region-switch --output json" >&2
  exit 1
}
[ "$(jq -r '.stack' <<<"${plan}")" = "${stack}" ] || { echo "region-drill: ${plan_file} is the runbook of stack $(jq -r '.stack' <<<"${plan}"), not ${stack}" >&2; exit 1; }
[ "$(jq -r '.ready' <<<"${plan}")" = true ] || {
  echo "region-drill: the runbook of ${stack} has a failed pre-check (${plan_file}, preChecks); no switch" >&2
  exit 1
}
rto=$(jq -r '.plannedSwitchover.rtoSeconds' <<<"${plan}")
from=$(jq -r '.from' <<<"${plan}")
to=$(jq -r '.to' <<<"${plan}")

# Waits until every global cluster of the switchover commands has the target cluster as its available writer.
wait_for_writers() {
  local commands="$1" deadline=$(( $(date +%s) + wait_limit )) region global target writer status
  while IFS= read -r command; do
    region=$(sed -n 's/.* --region \([^ ]*\) .*/\1/p' <<<"${command}")
    global=$(sed -n 's/.* --global-cluster-identifier \([^ ]*\) .*/\1/p' <<<"${command}")
    target=$(sed -n 's/.* --target-db-cluster-identifier \([^ ]*\).*/\1/p' <<<"${command}")
    [ -n "${region}" ] && [ -n "${global}" ] && [ -n "${target}" ] || { echo "region-drill: cannot read the switchover command: ${command}" >&2; return 1; }
    while :; do
      status=$(aws rds describe-global-clusters --region "${region}" --global-cluster-identifier "${global}" --query 'GlobalClusters[0].Status' --output text) || return 1
      writer=$(aws rds describe-global-clusters --region "${region}" --global-cluster-identifier "${global}" --query 'GlobalClusters[0].GlobalClusterMembers[?IsWriter].DBClusterArn' --output text) || return 1
      [ "${status}" = available ] && [ "${writer}" = "${target}" ] && break
      [ "$(date +%s)" -lt "${deadline}" ] || { echo "region-drill: ${global} has not switched to ${target} within ${wait_limit}s (status ${status}, writer ${writer})" >&2; return 1; }
      sleep 10
    done
  done <<<"$(grep -- 'switchover-global-cluster' <<<"${commands}")"
}

# Runs a step's commands in order and, for a switchover, waits for its writers.
run_step() {
  local commands="$1" command
  while IFS= read -r command; do
    [ -n "${command}" ] || continue
    echo "+ ${command}"
    bash -c "${command}" || { echo "region-drill: failed: ${command}" >&2; return 1; }
  done <<<"${commands}"
  if grep -q -- 'switchover-global-cluster' <<<"${commands}"; then
    wait_for_writers "${commands}"
  fi
}

switched=0
switch_back() {
  local status=$?
  if [ "${switched}" = 1 ]; then
    echo "region-drill: switching back to ${from}"
    if ! run_step "$(jq -r '.rollback[0].commands[]' <<<"${plan}")"; then
      echo "region-drill: SWITCH-BACK FAILED: the writers may still be in ${to}; follow the runbook's rollback by hand" >&2
      status=1
    fi
  fi
  exit "${status}"
}
trap switch_back EXIT

steps='[]'
while IFS= read -r step; do
  id=$(jq -r '.id' <<<"${step}")
  echo "region-drill: step ${id}"
  # The switch-back also undoes the scale-up, so it is armed from the first step that changes anything.
  case "${id}" in scale-up | switchover) switched=1 ;; esac
  start=$(date +%s)
  run_step "$(jq -r '.commands[]' <<<"${step}")" || exit 1
  seconds=$(( $(date +%s) - start ))
  echo "region-drill: step ${id} took ${seconds}s (budget $(jq -r '.budgetSeconds' <<<"${step}")s)"
  steps=$(jq -c --arg id "${id}" --argjson seconds "${seconds}" '. + [{id: $id, seconds: $seconds}]' <<<"${steps}")
done <<<"$(jq -c '.plannedSwitchover.steps[] | select(.countsTowardRto)' <<<"${plan}")"

mkdir -p "$(dirname "${record}")"
jq -n --arg stack "${stack}" --arg day "$(date -u +%F)" --argjson steps "${steps}" '{stack: $stack, day: $day, steps: $steps}' > "${record}.tmp"
mv "${record}.tmp" "${record}"
measured=$(jq '[.steps[].seconds] | add // 0' "${record}")
echo "region-drill: the service was restored after ${measured}s; the runbook stated an RTO of ${rto}s; record ${record}"
if jq -e --argjson measured "${measured}" --argjson rto "${rto}" -n '$measured > $rto' >/dev/null; then
  echo "region-drill: RTO EXCEEDED: ${measured}s until the service was restored, more than the stated ${rto}s" >&2
  exit 1
fi
