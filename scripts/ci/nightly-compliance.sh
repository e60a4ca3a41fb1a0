#!/usr/bin/env bash
# scripts/ci/nightly-compliance.sh STACK
# The live state (`pulumi stack export`) against the compliance rules, with enforcement and waivers from
# policies/. Writes reports/<stack>/: compliance.txt, compliance.json, compliance-junit.xml,
# compliance-codequality.json (the job publishes JUnit and Code Quality). The export holds only ciphertext
# for secrets (no --show-secrets) and is not kept as an artefact. Exit 1 on a mandatory violation (including
# an expired waiver). Run after install-tools.sh and cloud-login.sh.
set -euo pipefail
stack="${1:?usage: nightly-compliance.sh STACK}"
out="reports/${stack}"
mkdir -p "${out}"
state=$(mktemp --suffix=.json)
trap 'rm -f "${state}"' EXIT

pulumi stack export --stack "${stack}" --file "${state}"
set +e
scripts/ci/infra compliance --stack "${stack}" --state "${state}" --output table \
  --json "${out}/compliance.json" --junit "${out}/compliance-junit.xml" \
  --codequality "${out}/compliance-codequality.json" >"${out}/compliance.txt" 2>&1
rc=$?
set -e
cat "${out}/compliance.txt"
exit "${rc}"
