#!/usr/bin/env bash
# scripts/ci/hr-apply.sh
# The HR trigger's first job. The event arrives through the trigger API as HR_EVENT_B64 (the event file's raw
# bytes, base64, so the HMAC still matches) and HR_EVENT_SIGNATURE (sha256=<64 hex>). It is verified and shown
# (--dry-run), applied to people.yaml and the journal on top of the default branch's head, and committed there
# directly by the bot account with an SSH-signed commit (README: GitLab pipelines, "HR events").
# Writes hr.env (HR_COMMIT_SHA, for the targeted updates that follow); the event itself is not kept.
# The HMAC key and the bot's identity, token and SSH signing key come from production's Vault (kv/ci/hr), read with
# the job's ID token as the role infra-hr-event (bound to this project's main and the trigger source), never from a
# CI/CD variable: whoever holds the trigger token passes variables, but cannot choose the key that checks the event.
# The pipeline may carry HR_EVENT_B64 and HR_EVENT_SIGNATURE and nothing else (refuse-pipeline-variables.sh).
set -euo pipefail
{ set +x; } 2>/dev/null

: "${HR_EVENT_B64:?HR_EVENT_B64 is not set}" "${HR_EVENT_SIGNATURE:?HR_EVENT_SIGNATURE is not set}"
command -v jq >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends jq >/dev/null; }
source scripts/ci/vault.sh
vault_login production infra-hr-event
scripts/ci/refuse-pipeline-variables.sh
hmac_key=$(vault_secret ci/hr hmac_key)
HR_BOT_TOKEN=$(vault_secret ci/hr bot_token)
HR_BOT_NAME=$(vault_secret ci/hr bot_name)
HR_BOT_EMAIL=$(vault_secret ci/hr bot_email)
export HR_BOT_TOKEN
branch="${CI_DEFAULT_BRANCH:?}"
work=$(mktemp -d)
event="${work}/event.json"
printf '%s' "${HR_EVENT_B64}" | base64 --decode >"${event}"
printf '%s\n' "${HR_EVENT_SIGNATURE}" >"${event}.sig"

# The bot pushes over HTTPS with its token through an askpass helper: the token is in no URL and no log.
askpass="${work}/askpass"
trap 'rm -rf "${work}"' EXIT
printf '#!/bin/sh\ncase "$1" in Username*) echo "%s" ;; *) printf "%%s\\n" "$HR_BOT_TOKEN" ;; esac\n' "${HR_BOT_NAME}" >"${askpass}"
chmod 700 "${askpass}"
export GIT_ASKPASS="${askpass}" GIT_TERMINAL_PROMPT=0
remote="${CI_SERVER_PROTOCOL:-https}://${CI_SERVER_HOST:?}${CI_SERVER_PORT:+:${CI_SERVER_PORT}}/${CI_PROJECT_PATH:?}.git"

# Apply on the newest head: HR pipelines are serialized (resource_group hr-catalog), the branch may have moved.
git fetch --quiet "${remote}" "${branch}"
git checkout --quiet --detach FETCH_HEAD

INFRA_HR_HMAC_SECRET="${hmac_key}" scripts/ci/infra hr apply --event "${event}" --dry-run
INFRA_HR_HMAC_SECRET="${hmac_key}" scripts/ci/infra hr apply --event "${event}"
unset hmac_key
# The event is verified now; its id names the commit.
event_id=$(grep -o '"id" *: *"[^"]*"' "${event}" | head -n 1 | sed 's/.*: *"\(.*\)"/\1/' | tr -cd 'A-Za-z0-9._-' | head -c 80 || true)
event_id="${event_id:-unknown}"

changed=$(git status --porcelain --untracked-files=all -- . ':!reports' ':!.nuget' ':!.cache' | awk '{print $2}' | sort)
allowed=$(printf '%s\n' stacks/catalog/hr-journal.jsonl stacks/catalog/people.yaml)
if [ -n "${changed}" ] && [ -n "$(comm -23 <(printf '%s\n' "${changed}") <(printf '%s\n' "${allowed}"))" ]; then
  echo "hr apply changed files other than people.yaml and the journal:" >&2
  printf '%s\n' "${changed}" >&2
  exit 1
fi

if [ -z "${changed}" ]; then
  echo "Event ${event_id} changed nothing (already applied); nothing to commit."
else
  git config user.name "${HR_BOT_NAME}"
  git config user.email "${HR_BOT_EMAIL}"
  command -v ssh-keygen >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends openssh-client >/dev/null; }
  (umask 077 && vault_secret ci/hr ssh_signing_key >"${work}/signing-key" && echo >>"${work}/signing-key")
  git config gpg.format ssh
  git config user.signingkey "${work}/signing-key"
  git add -- stacks/catalog/people.yaml stacks/catalog/hr-journal.jsonl
  git commit --quiet --gpg-sign -m "HR event ${event_id}: update people.yaml" \
    -m "Applied by pipeline ${CI_PIPELINE_URL:-?} from a signed HR event (journal: stacks/catalog/hr-journal.jsonl)."
  # ci.skip: this pipeline runs the people-only updates itself; a full staging apply is not wanted here.
  git push --quiet -o ci.skip "${remote}" "HEAD:refs/heads/${branch}"
  git diff --stat HEAD~1 HEAD
fi

echo "HR_COMMIT_SHA=$(git rev-parse HEAD)" >hr.env
echo "HR_EVENT_ID=${event_id}" >>hr.env
