#!/usr/bin/env bash
# scripts/ci/people-update.sh STACK
# The people-only targeted update (docs/people-access.md): the PeopleAccess component and its children, nothing
# else (people.yaml feeds no other component; PeopleUpdateIsolationTests proves it). The HR jobs run it on
# hr:apply's commit (scripts/ci/checkout-hr-commit.sh runs first, in before_script). With INFRA_ACCESS_LIMIT=1
# (the nightly sync) it first stops when more people lose access since yesterday than stacks/catalog/access.yaml
# allows. Run after install-tools.sh and cloud-login.sh (INFRA_ACCESS=apply).
set -euo pipefail
stack="${1:?usage: people-update.sh STACK}"

if [ "${INFRA_ACCESS_LIMIT:-0}" = 1 ]; then
  scripts/ci/infra access diff --stack "${stack}" --from "$(date -u -d "24 hours ago" +%FT%TZ)" --to "$(date -u +%FT%TZ)" --enforce-limit
fi

pulumi up --stack "${stack}" --yes --non-interactive --diff \
  --policy-pack policies/Infra.PolicyPack --policy-pack-config policies/policy-pack-config.example.json \
  --target "urn:pulumi:${stack}::infra::infra:people:PeopleAccess::people" --target-dependents
