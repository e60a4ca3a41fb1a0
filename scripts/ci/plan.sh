#!/usr/bin/env bash
# scripts/ci/plan.sh STACK
# `infra plan` of the stack against its exported state (`pulumi stack export`), so the plan lists every Kafka topic
# change and exits 1 when one is refused (a replacement, or a deletion that the catalog does not mark or that the
# state still protects) before any preview or update runs. Writes reports/<stack>/plan.txt and plan.json. The export
# holds only ciphertext for secrets (no --show-secrets) and is not kept as an artefact. A stack without a state yet
# (before its first update) exports an empty deployment: every topic is then a create. Run after install-tools.sh and
# cloud-login.sh (INFRA_ACCESS=state: the state backend is all it reads; its secrets stay ciphertext).
set -euo pipefail
stack="${1:?usage: plan.sh STACK}"
out="reports/${stack}"
mkdir -p "${out}"
state=$(mktemp --suffix=.json)
trap 'rm -f "${state}"' EXIT

pulumi stack export --stack "${stack}" --file "${state}"
set +e
scripts/ci/infra plan --stack "${stack}" --state "${state}" | tee "${out}/plan.txt"
text_rc=${PIPESTATUS[0]}
scripts/ci/infra plan --stack "${stack}" --state "${state}" --output json >"${out}/plan.json"
json_rc=$?
set -e
if [ "${text_rc}" -ne 0 ] || [ "${json_rc}" -ne 0 ]; then
  echo "plan of ${stack}: infra plan exit ${text_rc} (text), ${json_rc} (json); a refused topic change is listed above" >&2
  exit 1
fi
