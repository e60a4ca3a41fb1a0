#!/usr/bin/env bash
# Sourced by wait-for-fleets.sh and check-fleet-health.sh with ${outputs} (`pulumi stack output --json`) set:
# sets ${fleet_groups}, one "REGION GROUP" line per fleet group of every region (fleetGroupNames, by region: the
# primary's full-size fleets and the secondary's warm standbys, whose instance refreshes a deploy starts too);
# exit 2 when fleetGroupNames is missing, not a map of regions to lists of names, or lacks primaryRegion or
# secondaryRegion.
jq -e '.fleetGroupNames | type == "object" and length > 0 and all(.[]; type == "array" and length > 0 and all(.[]; type == "string" and length > 0))' "${outputs}" >/dev/null \
  || { echo "$(basename "$0"): ${outputs} has no fleetGroupNames (by region, a list of autoscaling group names each)" >&2; exit 2; }
for role in primaryRegion secondaryRegion; do
  jq -e --arg r "${role}" '.[$r] as $region | $region != null and (.fleetGroupNames | has($region))' "${outputs}" >/dev/null \
    || { echo "$(basename "$0"): ${outputs} has no fleetGroupNames of its ${role} ($(jq -r --arg r "${role}" '.[$r] // "missing"' "${outputs}"))" >&2; exit 2; }
done
mapfile -t fleet_groups < <(jq -r '.fleetGroupNames | to_entries[] | .key as $region | .value[] | "\($region) \(.)"' "${outputs}")
