#!/usr/bin/env bash
# The pipeline tests: installs the pinned gitlab-ci-local from tests/pipeline/package-lock.json into
# tests/pipeline/.tools (npm ci, again only when the lock file changed) and checks with it which jobs
# .gitlab-ci.yml selects for each pipeline source (tests/pipeline/pipeline.test.mjs).
# Ends with one line in the form of `dotnet test`'s summary, which scripts/test.sh adds to its closing count.
# Fails closed: without Node.js 20+ and npm, without jq (the CI scripts under test use it) or openssl, or when
# the install fails, the run fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

tools=tests/pipeline/.tools

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "The pipeline tests (tests/pipeline) need Node.js 20 or newer and npm on the PATH; neither may be missing." >&2
  exit 1
fi
if ! command -v jq >/dev/null 2>&1; then
  echo "The pipeline tests (tests/pipeline) run the CI scripts, which need jq on the PATH (the CI images have it); it is missing." >&2
  exit 1
fi
if ! command -v openssl >/dev/null 2>&1; then
  echo "The pipeline tests (tests/pipeline) make real certificates for the VPN scripts with openssl (scripts/ci/install-node.sh installs it); it is missing." >&2
  exit 1
fi
version=$(node -p "require('./tests/pipeline/package.json').dependencies['gitlab-ci-local']")
if ! cmp -s tests/pipeline/package-lock.json "${tools}/package-lock.json"; then
  mkdir -p "${tools}"
  cp tests/pipeline/package.json tests/pipeline/package-lock.json "${tools}/"
  if ! npm ci --prefix "${tools}" --no-audit --no-fund --loglevel=error >"${tools}/npm-install.log" 2>&1; then
    cat "${tools}/npm-install.log" >&2
    rm -f "${tools}/package-lock.json"  # so that the next run installs again
    echo "npm could not install gitlab-ci-local@${version} from tests/pipeline/package-lock.json (log above)." >&2
    exit 1
  fi
fi

set +e
node --test --test-reporter=tap tests/pipeline/ >"${tools}/results.tap" 2>&1
rc=$?
set -e
grep -E '^(not )?ok |^# (Subtest|pass|fail|skipped)|^ +(error|expected|actual|operator):' "${tools}/results.tap" | grep -v '^# Subtest' || true
passed=$(sed -n 's/^# pass //p' "${tools}/results.tap")
failed=$(sed -n 's/^# fail //p' "${tools}/results.tap")
skipped=$(sed -n 's/^# skipped //p' "${tools}/results.tap")
passed=${passed:-0} failed=${failed:-0} skipped=${skipped:-0}
if [ "${rc}" -ne 0 ] && [ "${failed}" -eq 0 ]; then
  cat "${tools}/results.tap"
  failed=1
fi
total=$((passed + failed + skipped))
outcome=Passed
if [ "${failed}" -ne 0 ]; then outcome=Failed; fi
echo "${outcome}! - Failed: ${failed}, Passed: ${passed}, Skipped: ${skipped}, Total: ${total} - tests/pipeline (gitlab-ci-local ${version})"
[ "${failed}" -eq 0 ]
