#!/usr/bin/env bash
# scripts/ci/list-expiring.sh [DAYS]
# What ends soon, for the nightly run: contracts and temporary grants ending within 7 days (the warnings of
# `infra validate`) and waivers of policies/waivers.yaml expiring within DAYS days (default 14; an expired
# waiver already fails the compliance job). Writes reports/expiring.md.
# Exit 0 when nothing ends soon, 3 when something does (the job allows exit 3: a warning, not a failure),
# 1 when the stacks or catalogs are invalid.
set -euo pipefail
days="${1:-14}"
mkdir -p reports
report=reports/expiring.md
today=$(date -u +%F)
limit=$(date -u -d "${today} + ${days} days" +%F)

set +e
validation=$(NO_COLOR=1 scripts/ci/infra validate 2>&1)
validate_rc=$?
set -e
printf '%s\n' "${validation}"
warnings=$(printf '%s\n' "${validation}" | sed 's/\x1b\[[0-9;]*m//g' | grep ': warning: ' | sort -u || true)

# waivers.yaml entries: "- rule: ..." then "resource:", "approver:", "expires: YYYY-MM-DD" (two-space list items).
waivers=$(awk -v today="${today}" -v limit="${limit}" '
  /^#/ { next }
  /^ *- rule:/ { rule = $3 }
  /^ *resource:/ { sub(/^ *resource: */, ""); resource = $0 }
  /^ *approver:/ { approver = $2 }
  /^ *expires:/ { if ($2 <= limit) printf "%s: waiver of %s for %s (approver %s) expires on %s\n", ($2 < today ? "EXPIRED" : "expiring"), rule, resource, approver, $2 }
' policies/waivers.yaml)

{
  echo "# Ending soon (as of ${today})"
  echo
  echo "## Contracts and temporary grants ending within 7 days"
  echo
  if [ -n "${warnings}" ]; then printf '%s\n' "${warnings}" | sed 's/^/- /'; else echo "None."; fi
  echo
  echo "## Waivers expiring by ${limit}"
  echo
  if [ -n "${waivers}" ]; then printf '%s\n' "${waivers}" | sed 's/^/- /'; else echo "None."; fi
} >"${report}"
cat "${report}"

if [ "${validate_rc}" -ne 0 ]; then exit 1; fi
if [ -n "${warnings}" ] || [ -n "${waivers}" ]; then exit 3; fi
