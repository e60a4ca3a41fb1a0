#!/usr/bin/env bash
# scripts/ci/policy-config-all-mandatory.sh [BASE_CONFIG] [RULES_MD] > all-mandatory.json
# The production policy-pack config: every rule of the catalog (policies/RULES.md, generated from the rule
# classes and kept current by a test) at `mandatory`, with the rule settings of the base config kept
# (allowed regions, instance families, tags). A per-rule level wins over Pulumi's `all` key, so each rule is
# set explicitly; `all` covers a rule added to the pack before RULES.md is regenerated.
set -euo pipefail
base="${1:-policies/policy-pack-config.example.json}"
rules_md="${2:-policies/RULES.md}"

ids=$(sed -n 's/^| \[`\([a-z0-9-]*\)`\](#[a-z0-9-]*) |.*/\1/p' "${rules_md}")
[ -n "${ids}" ] || { echo "no rule ids found in ${rules_md}" >&2; exit 1; }

jq --arg ids "${ids}" '
  ($ids | split("\n") | map(select(length > 0))) as $rules
  | reduce $rules[] as $id (.;
      .[$id] = (if (.[$id] | type) == "object" then .[$id] + {enforcementLevel: "mandatory"}
                else {enforcementLevel: "mandatory"} end))
  | with_entries(if (.value | type) == "string" then .value = "mandatory"
                 elif (.value | type) == "object" then .value.enforcementLevel = "mandatory"
                 else . end)
  | . + {all: "mandatory"}
' "${base}"
