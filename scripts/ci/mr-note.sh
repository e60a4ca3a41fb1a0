#!/usr/bin/env bash
# scripts/ci/mr-note.sh
# Posts the plans, previews and policy results of this merge request as ONE note, updated in place on every
# push: the note is found by its hidden marker and edited (PUT); only the first pipeline creates it (POST). Only a
# note written by this token's own user counts: anyone can post a note that starts with the marker, and that fake
# report must never be taken for the pipeline's (nor overwritten into looking like it).
# Reads reports/<stack>/preview-summary.md and reports/<stack>/plan.txt of the jobs it needs. Production has no
# preview in a merge request (unreviewed code may not decrypt its secrets or state): its plan is shown instead.
# Needs GITLAB_NOTES_TOKEN (project access token, Reporter, scope api) and the MR pipeline's predefined variables.
set -euo pipefail
{ set +x; } 2>/dev/null

: "${CI_API_V4_URL:?}" "${CI_PROJECT_ID:?}" "${CI_MERGE_REQUEST_IID:?not a merge request pipeline}"
: "${GITLAB_NOTES_TOKEN:?GITLAB_NOTES_TOKEN is not set}"
marker="<!-- infra-pipeline-report -->"
api="${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/merge_requests/${CI_MERGE_REQUEST_IID}/notes"
body_file=$(mktemp)
trap 'rm -f "${body_file}"' EXIT

{
  echo "${marker}"
  echo "### Infrastructure preview for ${CI_COMMIT_SHORT_SHA:-this commit}"
  echo
  echo "Pipeline [#${CI_PIPELINE_IID:-?}](${CI_PIPELINE_URL:-}), updated $(date -u '+%Y-%m-%d %H:%M UTC'). This note is rewritten on every push."
  for stack in ${INFRA_STACKS:-staging production}; do
    echo
    if [ "${stack}" = production ]; then
      echo "#### \`${stack}\`"
      echo
      echo "No preview in a merge request: unreviewed code may not decrypt production's secrets or state. The plan below and the resource snapshot diff (\`stacks/snapshots/production.resources.txt\`) show what production will hold; its real preview runs on the release tag and is applied as saved."
    elif [ -f "reports/${stack}/preview-summary.md" ]; then
      cat "reports/${stack}/preview-summary.md"
    else
      echo "#### \`${stack}\`"
      echo
      echo "No preview: the preview job did not run or failed before writing its report, see the pipeline."
    fi
    if [ -f "reports/${stack}/plan.txt" ]; then
      echo
      echo "<details><summary>infra plan --stack ${stack}</summary>"
      echo
      echo '```'
      head -c 20000 "reports/${stack}/plan.txt"
      echo '```'
      echo
      echo "</details>"
    fi
  done
} >"${body_file}"

auth=(--header "PRIVATE-TOKEN: ${GITLAB_NOTES_TOKEN}")
bot_id=$(curl --fail --silent --show-error --retry 3 "${auth[@]}" "${CI_API_V4_URL}/user" | jq -r '.id // empty')
[ -n "${bot_id}" ] || { echo "mr-note: GET /user with GITLAB_NOTES_TOKEN named no user" >&2; exit 1; }
note_id=""
page=1
while [ -n "${page}" ]; do
  headers=$(mktemp)
  notes=$(curl --fail --silent --show-error --retry 3 "${auth[@]}" --dump-header "${headers}" \
    "${api}?per_page=100&page=${page}&sort=asc&order_by=created_at")
  note_id=$(jq -r --arg marker "${marker}" --argjson bot "${bot_id}" \
    'map(select(.system == false and .author.id == $bot and (.body | startswith($marker)))) | first | .id // empty' <<<"${notes}")
  next=$(tr -d '\r' <"${headers}" | sed -n 's/^[Xx]-[Nn]ext-[Pp]age: *//p')
  rm -f "${headers}"
  if [ -n "${note_id}" ]; then break; fi
  page="${next}"
done

payload=$(jq -n --rawfile body "${body_file}" '{body: $body}')
if [ -n "${note_id}" ]; then
  curl --fail --silent --show-error --retry 3 "${auth[@]}" --header "Content-Type: application/json" \
    --request PUT --data "${payload}" "${api}/${note_id}" >/dev/null
  echo "Updated the merge request note ${note_id}."
else
  curl --fail --silent --show-error --retry 3 "${auth[@]}" --header "Content-Type: application/json" \
    --request POST --data "${payload}" "${api}" >/dev/null
  echo "Created the merge request note."
fi
