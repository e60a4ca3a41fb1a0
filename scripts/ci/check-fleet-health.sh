#!/usr/bin/env bash
# scripts/ci/check-fleet-health.sh STACK OUTPUTS_JSON PLAN_JSON
# Smoke check after the instance refreshes finished: per fleet group of both regions (outputs' fleetGroupNames, by
# region), the healthy targets of its target groups are at least the planned minimum (`infra plan --output json`,
# fleets[].min: the zone-safe count in the primary region, the standby minimum in the secondary) of the fleet of the
# service its `service` tag names in that region. Prints one line per fleet; exit 1 when one is short.
set -euo pipefail
stack="${1:?usage: check-fleet-health.sh STACK OUTPUTS_JSON PLAN_JSON}"
outputs="${2:?usage: check-fleet-health.sh STACK OUTPUTS_JSON PLAN_JSON}"
plan="${3:?usage: check-fleet-health.sh STACK OUTPUTS_JSON PLAN_JSON}"
source "$(dirname "$0")/fleet-groups.sh"
failures=0

for entry in "${fleet_groups[@]}"; do
  region="${entry%% *}" group="${entry#* }"
  described=$(aws autoscaling describe-auto-scaling-groups --region "${region}" --auto-scaling-group-names "${group}" --output json)
  service=$(jq -r '.AutoScalingGroups[0].Tags // [] | map(select(.Key == "service")) | first | .Value // empty' <<<"${described}")
  # Each service has a fleet in both regions: the group is checked against its own region's fleet.
  planned=$(jq -c --arg s "${service}" --arg r "${region}" '.fleets[] | select(.service == $s and .region == $r) | {min, desired, standby}' "${plan}")
  if [ -z "${service}" ] || [ -z "${planned}" ]; then
    echo "FAIL ${group} (${region}): its service tag '${service}' names no fleet of ${plan} in ${region}"
    failures=$((failures + 1))
    continue
  fi
  min=$(jq -r '.min' <<<"${planned}") desired=$(jq -r '.desired' <<<"${planned}")
  kind=$(jq -r 'if .standby then "standby" else "full size" end' <<<"${planned}")
  healthy=0
  while read -r arn; do
    count=$(aws elbv2 describe-target-health --region "${region}" --target-group-arn "${arn}" --output json \
      | jq '[.TargetHealthDescriptions[] | select(.TargetHealth.State == "healthy")] | length')
    healthy=$((healthy + count))
  done < <(jq -r '.AutoScalingGroups[0].TargetGroupARNs[]?' <<<"${described}")
  if [ "${healthy}" -ge "${min}" ]; then
    echo "ok   ${service} (${group}, ${region}, ${kind}): ${healthy} healthy targets, planned min ${min}, desired ${desired}"
  else
    echo "FAIL ${service} (${group}, ${region}, ${kind}): ${healthy} healthy targets, below the planned min ${min} (desired ${desired})"
    failures=$((failures + 1))
  fi
done

if [ "${failures}" -gt 0 ]; then
  echo "${failures} fleet(s) of ${stack} below their planned healthy count" >&2
  exit 1
fi
echo "every fleet of ${stack} has its planned healthy targets"
