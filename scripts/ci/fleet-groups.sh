#!/usr/bin/env bash
# Sourced by wait-for-fleets.sh and check-fleet-health.sh with ${outputs} (`pulumi stack output --json`) set:
# sets ${region} (primaryRegion, where the fleets run) and ${groups} (fleetGroupNames); exit 2 when either is missing.
region=$(jq -er '.primaryRegion' "${outputs}") || { echo "$(basename "$0"): ${outputs} has no primaryRegion" >&2; exit 2; }
jq -e '.fleetGroupNames | type == "array" and length > 0' "${outputs}" >/dev/null \
  || { echo "$(basename "$0"): ${outputs} has no fleetGroupNames (a list of autoscaling group names)" >&2; exit 2; }
mapfile -t groups < <(jq -r '.fleetGroupNames[]' "${outputs}")
