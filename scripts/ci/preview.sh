#!/usr/bin/env bash
# scripts/ci/preview.sh STACK [--save-plan]
# `pulumi preview --diff --json` of the stack with the policy pack, then `infra compliance --preview` over it.
# Writes reports/<stack>/: preview.json, preview.log (the engine's messages), preview-summary.md, compliance.txt,
# compliance.json, compliance-junit.xml, compliance-codequality.json. Fails when the preview fails (a mandatory
# policy violation or an error) or a mandatory rule fails, after every report is written, so the MR note still
# shows why. Run after install-tools.sh and cloud-login.sh.
# The policy config follows from the stack, not from a variable: production takes every rule as mandatory
# (reports/policy/all-mandatory.json of policy-config:all-mandatory), staging the example config.
# --save-plan also saves the update plan that deploy:production applies (scripts/ci/apply-plan.sh):
# reports/<stack>/update-plan.json, and update-plan.meta.json with the commit and the stack's version it was made on.
set -euo pipefail
stack="${1:?usage: preview.sh STACK [--save-plan]}"
save_plan="${2:-}"
case "${stack}" in
  production) config=reports/policy/all-mandatory.json ;;
  *) config=policies/policy-pack-config.example.json ;;
esac
[ -f "${config}" ] || { echo "preview of ${stack}: the policy config ${config} is missing (policy-config:all-mandatory makes it)" >&2; exit 2; }
out="reports/${stack}"
mkdir -p "${out}"
plan_arguments=()
if [ "${save_plan}" = --save-plan ]; then
  plan_arguments=(--save-plan "${out}/update-plan.json")
  # The version the plan is made on: apply-plan.sh refuses the plan once the stack has moved past it.
  version=$(pulumi stack history --stack "${stack}" --json --page-size 1 | jq '.[0].version // 0')
  jq -n --arg commit "$(git rev-parse HEAD)" --argjson version "${version}" '{commit: $commit, stackVersion: $version}' \
    >"${out}/update-plan.meta.json"
elif [ -n "${save_plan}" ]; then
  echo "usage: preview.sh STACK [--save-plan]" >&2
  exit 2
fi

set +e
pulumi preview --stack "${stack}" --non-interactive --diff --json "${plan_arguments[@]}" \
  --policy-pack policies/Infra.PolicyPack --policy-pack-config "${config}" \
  >"${out}/preview.json" 2>"${out}/preview.log"
preview_rc=$?
scripts/ci/infra compliance --stack "${stack}" --preview "${out}/preview.json" --output table \
  --json "${out}/compliance.json" --junit "${out}/compliance-junit.xml" \
  --codequality "${out}/compliance-codequality.json" >"${out}/compliance.txt" 2>&1
compliance_rc=$?
set -e
cat "${out}/preview.log" "${out}/compliance.txt"

{
  echo "#### \`${stack}\`"
  echo
  if jq -e . "${out}/preview.json" >/dev/null 2>&1; then
    echo "| change | resources |"
    echo "| --- | --- |"
    jq -r '(.changeSummary // {}) | to_entries[] | "| \(.key) | \(.value) |"' "${out}/preview.json"
    replaced=$(jq -r '[.steps[]? | select(.op == "replace" or .op == "create-replacement" or .op == "delete")] | length' "${out}/preview.json")
    echo
    echo "Replaced or deleted resources: **${replaced}**"
    jq -r '.steps[]? | select(.op == "replace" or .op == "create-replacement" or .op == "delete") | "- `\(.op)` \(.urn)"' "${out}/preview.json"
  else
    echo "The preview produced no JSON (exit ${preview_rc}); its last lines:"
    echo
    echo '```'
    tail -n 20 "${out}/preview.log"
    echo '```'
  fi
  echo
  case "${preview_rc}" in
    0) echo "Policy pack (\`${config}\`): **passed**." ;;
    *) echo "Policy pack (\`${config}\`): **failed** (exit ${preview_rc}): a mandatory violation or an error, see the job log." ;;
  esac
  echo
  echo "<details><summary>infra compliance --preview (exit ${compliance_rc})</summary>"
  echo
  echo '```'
  head -c 30000 "${out}/compliance.txt"
  echo '```'
  echo
  echo "</details>"
} >"${out}/preview-summary.md"

if [ "${preview_rc}" -ne 0 ] || [ "${compliance_rc}" -ne 0 ]; then
  echo "preview of ${stack}: pulumi preview exit ${preview_rc}, infra compliance exit ${compliance_rc}" >&2
  exit 1
fi
