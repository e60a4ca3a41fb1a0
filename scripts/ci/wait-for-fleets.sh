#!/usr/bin/env bash
# scripts/ci/wait-for-fleets.sh STACK OUTPUTS_JSON
# After `pulumi up`, which returns as soon as a fleet's instance refresh has started: waits until the latest instance
# refresh of every fleet group of both regions (outputs' fleetGroupNames, by region: the primary's fleets and the
# secondary's warm standbys, which a deploy refreshes as well) is Successful. Exit 1 when one failed, was cancelled or
# rolled back (naming the group, its region and the status), or when INFRA_FLEET_WAIT_SECONDS (default 1800) pass
# first; a group with no refresh (its launch template did not change) has nothing to wait for.
set -euo pipefail
stack="${1:?usage: wait-for-fleets.sh STACK OUTPUTS_JSON}"
outputs="${2:?usage: wait-for-fleets.sh STACK OUTPUTS_JSON}"
wait_seconds="${INFRA_FLEET_WAIT_SECONDS:-1800}"
poll_seconds="${INFRA_FLEET_POLL_SECONDS:-30}"
source "$(dirname "$0")/fleet-groups.sh"

deadline=$((SECONDS + wait_seconds))
pending=("${fleet_groups[@]}")
while :; do
  still=()
  for entry in "${pending[@]}"; do
    region="${entry%% *}" group="${entry#* }"
    # The latest refresh by start time; "none" when the group never had one.
    status=$(aws autoscaling describe-instance-refreshes --region "${region}" --auto-scaling-group-name "${group}" --output json \
      | jq -r '.InstanceRefreshes | sort_by(.StartTime) | last | if . == null then "none" else "\(.Status)\t\(.StatusReason // "")" end')
    case "${status%%$'\t'*}" in
      Successful | none) echo "ok   ${group} (${region}): instance refresh ${status%%$'\t'*}" ;;
      Pending | InProgress | Baking | Cancelling | RollbackInProgress) still+=("${entry}") ;;
      *)
        echo "FAIL ${group} (${stack}, ${region}): instance refresh ${status%%$'\t'*}: ${status#*$'\t'}" >&2
        exit 1 ;;
    esac
  done
  [ "${#still[@]}" -eq 0 ] && break
  names=$(printf '%s\n' "${still[@]}" | sed 's/^\([^ ]*\) \(.*\)$/\2 (\1)/' | paste -sd ' ' | sed 's/) /), /g')
  if [ "${SECONDS}" -ge "${deadline}" ]; then
    echo "FAIL ${stack}: after ${wait_seconds}s the instance refresh of ${names} has not finished (INFRA_FLEET_WAIT_SECONDS)" >&2
    exit 1
  fi
  echo "waiting for the instance refresh of ${names}"
  pending=("${still[@]}")
  sleep "${poll_seconds}"
done
echo "the instance refreshes of ${stack} finished"
