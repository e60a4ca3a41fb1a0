#!/usr/bin/env bash
# scripts/ci/apply-plan.sh STACK
# Applies exactly the update plan that the stack's preview saved and the approvers read (preview.sh --save-plan):
# `pulumi up --plan`, which stops at the first operation the plan does not hold. Refuses a stale plan first: one
# made on another commit, or on an older version of the stack (an update since, e.g. the nightly access sync, means
# the approved plan no longer describes the change: run the preview again). Run after install-tools.sh and
# cloud-login.sh (INFRA_ACCESS=apply). The policy config is production's: every rule mandatory.
set -euo pipefail
stack="${1:?usage: apply-plan.sh STACK}"
plan="reports/${stack}/update-plan.json"
meta="reports/${stack}/update-plan.meta.json"
[ -s "${plan}" ] && [ -s "${meta}" ] || { echo "apply-plan: no saved plan ${plan} (or ${meta}): the preview of ${stack} did not save one" >&2; exit 1; }

planned_commit=$(jq -r '.commit // empty' "${meta}")
planned_version=$(jq -r '.stackVersion // empty' "${meta}")
commit=$(git rev-parse HEAD)
if [ "${planned_commit}" != "${commit}" ]; then
  echo "apply-plan: the plan was made on commit ${planned_commit:-?}, this job runs ${commit}; refusing a plan of other code" >&2
  exit 1
fi
version=$(pulumi stack history --stack "${stack}" --json --page-size 1 | jq '.[0].version // 0')
if [ "${version}" != "${planned_version}" ]; then
  echo "apply-plan: the plan is stale: it was made on version ${planned_version:-?} of ${stack}, which is now at version ${version}. Run the preview job again, read its plan, then apply." >&2
  exit 1
fi

pulumi up --stack "${stack}" --plan "${plan}" --yes --non-interactive --diff \
  --policy-pack policies/Infra.PolicyPack --policy-pack-config reports/policy/all-mandatory.json
