#!/usr/bin/env bash
# The SLO rule tests: exports each stack's Prometheus rules with the built `infra slo export`, checks
# them with `promtool check rules` and unit-tests the burn-rate maths with `promtool test rules`
# (tests/slo/*.test.yml). promtool comes from Debian's `prometheus` package at the pinned version,
# unpacked into tests/slo/.tools (ignored) without installing the server; it is fetched again only
# when the pin changes. Ends with one line in the form of `dotnet test`'s summary, which
# scripts/test.sh adds to its closing count. Fails closed: no apt, no package at the pin, no
# promtool, or an infra build missing, and the run fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

# The pinned package per distribution release (what `apt-cache policy prometheus` offers there).
# A release without a pin fails the run: add its version here after checking the rules pass with it.
codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-unknown}")
case "${codename}" in
  bookworm) version="2.42.0+ds-5+deb12u1" ;;   # Debian 12: promtool 2.42.0
  *)
    echo "tests/slo has no pinned prometheus package for this system (${codename}); add one in tests/slo/run.sh (apt-cache policy prometheus shows the candidates)." >&2
    exit 1 ;;
esac
tools=tests/slo/.tools
out=tests/slo/.out
infra=tools/Infra.Cli/bin/Release/net10.0/infra

if [ ! -x "${infra}" ]; then
  echo "tests/slo needs the built CLI (${infra}): run it after 'dotnet build Infra.sln -c Release'." >&2
  exit 1
fi
if [ "$(cat "${tools}/version" 2>/dev/null)" != "${version}" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "tests/slo installs promtool from Debian's prometheus ${version} with apt-get, which is missing." >&2
    exit 1
  fi
  rm -rf "${tools}" && mkdir -p "${tools}"
  # The package lists must name the pinned version; refresh them once when they do not.
  if ! apt-cache show "prometheus=${version}" >/dev/null 2>&1; then
    apt-get update -qq >"${tools}/apt.log" 2>&1 || { cat "${tools}/apt.log" >&2; echo "apt-get update failed (log above)." >&2; exit 1; }
  fi
  if ! (cd "${tools}" && apt-get download -qq "prometheus=${version}") >>"${tools}/apt.log" 2>&1; then
    cat "${tools}/apt.log" >&2
    echo "apt-get could not download prometheus=${version} (log above); promtool is pinned to that version." >&2
    exit 1
  fi
  dpkg-deb -x "${tools}"/prometheus_*.deb "${tools}/root"
  rm -f "${tools}"/prometheus_*.deb
  echo "${version}" >"${tools}/version"
fi
promtool="${tools}/root/usr/bin/promtool"

passed=0 failed=0
check() {  # check NAME COMMAND...: one test, its output shown when it fails
  local name=$1; shift
  if "$@" >"${tools}/last.log" 2>&1; then
    passed=$((passed + 1)); echo "ok - ${name}"
  else
    failed=$((failed + 1)); echo "not ok - ${name}"; sed 's/^/    /' "${tools}/last.log"
  fi
}

mkdir -p "${out}"
for stack in $(ls Pulumi.*.yaml | sed 's/^Pulumi\.\(.*\)\.yaml$/\1/'); do
  check "infra slo export --stack ${stack} --format prometheus" "${infra}" slo export --stack "${stack}" --format prometheus --output "${out}/${stack}.rules.yml"
  check "promtool check rules ${stack}" "${promtool}" check rules "${out}/${stack}.rules.yml"
done
for test in tests/slo/*.test.yml; do
  check "promtool test rules $(basename "${test}")" "${promtool}" test rules "${test}"
done

total=$((passed + failed))
outcome=Passed
if [ "${failed}" -ne 0 ]; then outcome=Failed; fi
echo "${outcome}! - Failed: ${failed}, Passed: ${passed}, Skipped: 0, Total: ${total} - tests/slo (promtool $("${promtool}" --version 2>&1 | head -1 | awk '{print $3}'))"
[ "${failed}" -eq 0 ]
