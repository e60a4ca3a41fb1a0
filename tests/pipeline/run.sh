#!/usr/bin/env bash
# The pipeline tests: installs the pinned gitlab-ci-local into tests/pipeline/.tools (once; then offline) and
# checks with it which jobs .gitlab-ci.yml selects for each pipeline source (tests/pipeline/pipeline.test.mjs).
# Ends with one line in the form of `dotnet test`'s summary, which scripts/test.sh adds to its closing count;
# exits non-zero when a test fails. Without node/npm, or when the package cannot be installed, it says so in one
# loud line and passes: the pipeline tests need Node.js 20+ (the CI test job installs it).
set -euo pipefail
cd "$(dirname "$0")/../.."

# 4.73.0 is the newest release that runs on Node.js 20 (4.74+ use Set.prototype.union, Node.js 22+).
version=4.73.0
tools=tests/pipeline/.tools
installed="${tools}/node_modules/gitlab-ci-local/package.json"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "!!!!! SKIPPED the pipeline tests (tests/pipeline): node and npm are not installed. !!!!!"
  exit 0
fi
if [ ! -f "${installed}" ] || [ "$(node -p "require('./${installed}').version")" != "${version}" ]; then
  mkdir -p "${tools}"
  if ! npm install --prefix "${tools}" --no-audit --no-fund --no-save --loglevel=error "gitlab-ci-local@${version}" >"${tools}/npm-install.log" 2>&1; then
    cat "${tools}/npm-install.log"
    echo "!!!!! SKIPPED the pipeline tests (tests/pipeline): npm could not install gitlab-ci-local@${version}. !!!!!"
    exit 0
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
