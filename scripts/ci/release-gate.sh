#!/usr/bin/env bash
# scripts/ci/release-gate.sh
# Production takes only reviewed code that staging already runs: the release tag's commit must be on the default
# branch (reached by merge requests only) and staging must have a successful deployment of that same commit
# (GitLab's deployment record of the environment staging, which deploy:staging writes). The commit and project are
# the claims of the job's ID token, which cloud-login.sh's Vault login proved genuine; the GitLab is the stack
# file's. Run after cloud-login.sh. Exit 1 when the commit may not go to production.
set -euo pipefail
{ set +x; } 2>/dev/null
source "$(dirname "$0")/vault.sh"

commit=$(vault_claim sha)
project_id=$(vault_claim project_id)
[ -n "${commit}" ] && [ -n "${project_id}" ] || { echo "release-gate: the ID token has no sha or project_id claim" >&2; exit 1; }
branch=main

git fetch --quiet origin "+refs/heads/${branch}:refs/remotes/origin/${branch}"
if ! git merge-base --is-ancestor "${commit}" "refs/remotes/origin/${branch}" 2>/dev/null; then
  echo "release-gate: ${commit} is not on ${branch}: a release tag must point at a commit merged to ${branch}." >&2
  exit 1
fi

gitlab=$(stack_endpoint production gitlab)
read_token=$(vault_secret ci/gitlab read_token)
deployments=$(curl --fail --silent --show-error --retry 3 --header "PRIVATE-TOKEN: ${read_token}" \
  "${gitlab}/api/v4/projects/${project_id}/deployments?environment=staging&status=success&order_by=id&sort=desc&per_page=100") || {
  echo "release-gate: cannot read staging's deployments; refusing to go on" >&2
  exit 1
}
unset read_token
if ! jq -e --arg sha "${commit}" 'any(.[]; .sha == $sha)' <<<"${deployments}" >/dev/null; then
  echo "release-gate: staging has no successful deployment of ${commit} among its last 100: deploy it to staging (merge to ${branch}) first." >&2
  exit 1
fi
echo "release-gate: ${commit} is on ${branch} and staging deployed it."
