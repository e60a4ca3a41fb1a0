#!/usr/bin/env bash
# scripts/ci/check-stack-outputs.sh STACK OUTPUTS_JSON PLAN_JSON
# Smoke check after `pulumi up`: the stack's outputs (`pulumi stack output --json`) agree with what
# `infra plan --output json` says the stack holds. Prints one line per check; exit 1 when one fails.
set -euo pipefail
stack="${1:?usage: check-stack-outputs.sh STACK OUTPUTS_JSON PLAN_JSON}"
outputs="${2:?}"
plan="${3:?}"
failures=0

check() { # $1 description, $2 jq expression over {out: outputs, plan: plan} that is true when it holds
  if jq -e --slurpfile out "${outputs}" --slurpfile plan "${plan}" -n "\$out[0] as \$o | \$plan[0] as \$p | ($2)" >/dev/null; then
    echo "ok   ${1}"
  else
    echo "FAIL ${1}"
    failures=$((failures + 1))
  fi
}

check "environment is ${stack}" "\$o.environment == \"${stack}\""
check "primaryRegion is the planned one" '$o.primaryRegion == $p.primaryRegion'
check "secondaryRegion is the planned one" '$o.secondaryRegion == $p.secondaryRegion'
check "serviceNames is not empty" '($o.serviceNames | type) == "array" and ($o.serviceNames | length) > 0'
check "serviceNames are the planned services" '($o.serviceNames | sort) == ([$p.services[].name] | sort)'
check "fleet groups in the planned regions" '($o.fleetGroupNames | type) == "object" and ($o.fleetGroupNames | keys) == ([$p.primaryRegion, $p.secondaryRegion] | sort)'
check "one fleet group per service in each region" 'all($o.fleetGroupNames[]; (type == "array") and length == ($o.serviceNames | length))'
check "fleet group names are set" 'all($o.fleetGroupNames[][]; type == "string" and length > 0)'
check "databaseNames are the planned databases" '($o.databaseNames | sort) == ([$p.databases[].name] | sort)'

if [ "${failures}" -gt 0 ]; then
  echo "${failures} smoke check(s) of ${stack} failed" >&2
  exit 1
fi
echo "smoke checks of ${stack} passed"
