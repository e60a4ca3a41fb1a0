#!/usr/bin/env bash
# scripts/ci/check-global-clusters.sh STACK PLAN_JSON
# Nightly: each database's Aurora global cluster as RDS reports it, against the plan (`infra plan --output json`,
# databases[]). A cluster detached by hand (a manual failover, or detach-and-promote) leaves no trace in the saved state,
# which ignores globalClusterIdentifier, nor in the drift job's preview; only RDS knows. Fails when the global cluster
# is missing, when a declared cluster is no longer its member, or when its writer is not the declared primary's cluster
# (a failover not yet recorded in the stack config). Asks each global cluster from the secondary region, which answers
# when the primary's is lost. Prints one line per database; exit 1 on a finding, 2 on bad usage or an unreadable plan.
set -euo pipefail
usage="usage: check-global-clusters.sh STACK PLAN_JSON"
stack="${1:?${usage}}"
plan="${2:?${usage}}"
databases=$(jq -c '.databases | if type == "array" then .[] else error("no databases list") end
  | if (.name and .globalCluster and .primaryCluster and .secondaryCluster and .primaryRegion and .secondaryRegion) then .
    else error("database \(.name // "?") lacks globalCluster, primaryCluster, secondaryCluster or a region") end' "${plan}" 2>&1) \
  || { echo "check-global-clusters: ${plan} is not the JSON of infra plan --output json for ${stack}: ${databases}" >&2; exit 2; }
failures=0

while IFS= read -r database; do
  [ -n "${database}" ] || continue
  name=$(jq -r '.name' <<<"${database}") global=$(jq -r '.globalCluster' <<<"${database}")
  primary=$(jq -r '.primaryCluster' <<<"${database}") secondary=$(jq -r '.secondaryCluster' <<<"${database}")
  primary_region=$(jq -r '.primaryRegion' <<<"${database}") secondary_region=$(jq -r '.secondaryRegion' <<<"${database}")
  if ! described=$(aws rds describe-global-clusters --region "${secondary_region}" --global-cluster-identifier "${global}" --output json 2>&1); then
    echo "FAIL ${name}: global cluster ${global} not found from ${secondary_region}: ${described}"
    failures=$((failures + 1))
    continue
  fi
  members=$(jq -r '.GlobalClusters[0].GlobalClusterMembers // [] | .[] | "\(.DBClusterArn) \(.IsWriter)"' <<<"${described}")
  problems=()
  for cluster in "${primary}" "${secondary}"; do
    grep -q ":cluster:${cluster} " <<<"${members} " || problems+=("${cluster} is not a member any more (detached)")
  done
  writer=$(awk '$2 == "true" { print $1 }' <<<"${members}")
  if [ -z "${writer}" ]; then
    problems+=("it has no writer")
  elif [ "${writer##*:cluster:}" != "${primary}" ]; then
    problems+=("its writer is ${writer##*:cluster:}, not ${primary} in the declared primary ${primary_region}: record the switch in the stack config (docs/dr.md)")
  fi
  if [ "${#problems[@]}" -eq 0 ]; then
    echo "ok   ${name}: ${global} has ${primary} (writer, ${primary_region}) and ${secondary} (${secondary_region})"
  else
    echo "FAIL ${name}: ${global}: $(IFS=';'; echo "${problems[*]}" | sed 's/;/; /g')"
    failures=$((failures + 1))
  fi
done <<<"${databases}"

if [ "${failures}" -gt 0 ]; then
  echo "${failures} global cluster(s) of ${stack} differ from the stack's databases" >&2
  exit 1
fi
echo "every global cluster of ${stack} has its declared members and writer"
