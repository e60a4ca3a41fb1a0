#!/usr/bin/env bash
# Runs first in the people-update jobs: when HR_COMMIT_SHA is set (the dotenv of hr:apply), the job works on the
# commit that hr:apply pushed, not on the pipeline's commit, so that people.yaml, the program and the policy pack
# all come from that one commit. Without it (the nightly sync), nothing changes. The commit must be on the default
# branch: a dotenv variable ranks below pipeline variables, so this is what stops HR_COMMIT_SHA from choosing
# unreviewed code to apply (refuse-pipeline-variables.sh refuses it as a pipeline variable too).
set -euo pipefail
if [ -n "${HR_COMMIT_SHA:-}" ] && [ "$(git rev-parse HEAD)" != "${HR_COMMIT_SHA}" ]; then
  git fetch --quiet origin "${CI_DEFAULT_BRANCH:?}"
  if ! git merge-base --is-ancestor "${HR_COMMIT_SHA}" FETCH_HEAD 2>/dev/null; then
    echo "HR_COMMIT_SHA ${HR_COMMIT_SHA} is not a commit of ${CI_DEFAULT_BRANCH}; only a commit on the default branch is applied." >&2
    exit 1
  fi
  git checkout --quiet --detach "${HR_COMMIT_SHA}"
  echo "Working on ${HR_COMMIT_SHA} (${HR_EVENT_ID:-HR event})."
fi
