#!/usr/bin/env bash
# scripts/ci/refuse-pipeline-variables.sh
# Fails the job when its pipeline was given a variable it may not take. Trigger, "Run pipeline", schedule and
# push-option variables outrank the project's own variables and even the predefined ones, so one of them could
# replace a key, a role, a policy config or the commit to deploy. A pipeline may take only:
#   trigger            HR_EVENT_B64, HR_EVENT_SIGNATURE (the HR event)
#   schedule, web      INFRA_SCHEDULE
#   any other source   nothing
# What the pipeline was given is asked of GitLab's API (pipelines/:id/variables), at the GitLab of the stack file
# (infra:endpoints.gitlab), for the project, pipeline and source named in the job's ID token: run it after
# vault_login (scripts/ci/vault.sh), which proved that token genuine. No CI/CD variable steers the check.
# Needs VAULT_ADDR and VAULT_TOKEN (kv/ci/gitlab read_token: a read_api token). Prints names, never values.
set -euo pipefail
{ set +x; } 2>/dev/null
source "$(dirname "$0")/vault.sh"

project_id=$(vault_claim project_id)
pipeline_id=$(vault_claim pipeline_id)
source_claim=$(vault_claim pipeline_source)
[ -n "${project_id}" ] && [ -n "${pipeline_id}" ] && [ -n "${source_claim}" ] || {
  echo "refuse-pipeline-variables: the ID token has no project_id, pipeline_id or pipeline_source claim" >&2
  exit 1
}
case "${source_claim}" in
  trigger) allowed=(HR_EVENT_B64 HR_EVENT_SIGNATURE) ;;
  schedule | web) allowed=(INFRA_SCHEDULE) ;;
  *) allowed=() ;;
esac

gitlab=$(stack_endpoint production gitlab)
read_token=$(vault_secret ci/gitlab read_token)
variables=$(curl --fail --silent --show-error --retry 3 --header "PRIVATE-TOKEN: ${read_token}" \
  "${gitlab}/api/v4/projects/${project_id}/pipelines/${pipeline_id}/variables") || {
  echo "refuse-pipeline-variables: cannot read the variables of pipeline ${pipeline_id}; refusing to go on" >&2
  exit 1
}
unset read_token

refused=$(jq -r --args '($ARGS.positional) as $allowed | .[].key | select(. as $k | $allowed | index($k) | not)' \
  "${allowed[@]}" <<<"${variables}" | sort -u) || { echo "refuse-pipeline-variables: unreadable answer from GitLab" >&2; exit 1; }
if [ -n "${refused}" ]; then
  echo "This ${source_claim} pipeline was given variables it may not take: $(tr '\n' ' ' <<<"${refused}")" >&2
  echo "A ${source_claim} pipeline takes only: ${allowed[*]:-no variable}. See README, \"Who can do what\"." >&2
  exit 1
fi
echo "Pipeline variables: ${source_claim} pipeline, none beyond ${allowed[*]:-none}."
