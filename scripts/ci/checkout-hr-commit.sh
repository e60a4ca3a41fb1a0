#!/usr/bin/env bash
# Runs first in the people-update jobs: when HR_COMMIT_SHA is set (the dotenv of hr:apply), the job works on the
# commit that hr:apply pushed, not on the pipeline's commit, so that people.yaml, the program and the policy pack
# all come from that one commit. Without it (the nightly sync), nothing changes.
set -euo pipefail
if [ -n "${HR_COMMIT_SHA:-}" ] && [ "$(git rev-parse HEAD)" != "${HR_COMMIT_SHA}" ]; then
  git fetch --quiet origin "${CI_DEFAULT_BRANCH:?}"
  git checkout --quiet --detach "${HR_COMMIT_SHA}"
  echo "Working on ${HR_COMMIT_SHA} (${HR_EVENT_ID:-HR event})."
fi
