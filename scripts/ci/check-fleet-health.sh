#!/usr/bin/env bash
# scripts/ci/check-fleet-health.sh STACK OUTPUTS_JSON PLAN_JSON
# Smoke check after the instance refreshes finished: per fleet group (outputs' fleetGroupNames, in primaryRegion), the
# healthy targets of its target groups are at least the planned minimum (`infra plan --output json`, fleets[].min:
# the zone-safe count) of the service its `service` tag names. Prints one line per fleet; exit 1 when one is short.
set -euo pipefail
stack="${1:?usage: check-fleet-health.sh STACK OUTPUTS_JSON PLAN_JSON}"
outputs="${2:?usage: check-fleet-health.sh STACK OUTPUTS_JSON PLAN_JSON}"
plan="${3:?usage: check-fleet-health.sh STACK OUTPUTS_JSON PLAN_JSON}"
source "$(dirname "$0")/fleet-groups.sh"
failures=0

for group in "${groups[@]}"; do
  described=$(aws autoscaling describe-auto-scaling-groups --region "${region}" --auto-scaling-group-names "${group}" --output json)
  service=$(jq -r '.AutoScalingGroups[0].Tags // [] | map(select(.Key == "service")) | first | .Value // empty' <<<"${described}")
  # Each service has a fleet in both regions; the groups checked are the primary region's.
  planned=$(jq -c --arg s "${service}" --arg r "${region}" '.fleets[] | select(.service == $s and .region == $r) | {min, desired}' "${plan}")
  if [ -z "${service}" ] || [ -z "${planned}" ]; then
    echo "FAIL ${group}: its service tag '${service}' names no fleet of ${plan}"
    failures=$((failures + 1))
    continue
  fi
  min=$(jq -r '.min' <<<"${planned}") desired=$(jq -r '.desired' <<<"${planned}")
  healthy=0
  while read -r arn; do
    count=$(aws elbv2 describe-target-health --region "${region}" --target-group-arn "${arn}" --output json \
      | jq '[.TargetHealthDescriptions[] | select(.TargetHealth.State == "healthy")] | length')
    healthy=$((healthy + count))
  done < <(jq -r '.AutoScalingGroups[0].TargetGroupARNs[]?' <<<"${described}")
  if [ "${healthy}" -ge "${min}" ]; then
    echo "ok   ${service} (${group}): ${healthy} healthy targets, planned min ${min}, desired ${desired}"
  else
    echo "FAIL ${service} (${group}): ${healthy} healthy targets, below the planned min ${min} (desired ${desired})"
    failures=$((failures + 1))
  fi
done

if [ "${failures}" -gt 0 ]; then
  echo "${failures} fleet(s) of ${stack} below their planned healthy count" >&2
  exit 1
fi
echo "every fleet of ${stack} has its planned healthy targets"
