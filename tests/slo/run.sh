#!/usr/bin/env bash
# The SLO rule tests: exports each stack's Prometheus rules with the built `infra slo export`, checks
# them with `promtool check rules` and unit-tests the burn-rate maths with `promtool test rules`
# (tests/slo/*.test.yml). promtool comes from Debian's `prometheus` package at the pinned version and
# checksum, unpacked into tests/slo/.tools (ignored) without installing the server; it is fetched
# again only when the pin changes. Ends with one line in the form of `dotnet test`'s summary, which
# scripts/test.sh adds to its closing count. Fails closed: no download, a checksum that differs, no
# promtool, or an infra build missing, and the run fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

# promtool is pinned to Debian 12's prometheus package, fetched by its pool URL and checked against
# the SHA-256 that Debian's signed package index gives for it, so every runner (the .NET SDK image is
# Ubuntu, this machine Debian) runs the same promtool, a static binary. Update all three together.
version="2.42.0+ds-5+deb12u1"
url="http://deb.debian.org/debian/pool/main/p/prometheus/prometheus_${version}_amd64.deb"
sha256="81d59a24fce84f7fbe97a45a4f2914b6a5881b5cd1db2a6a0e129e515e1a5f55"
tools=tests/slo/.tools
out=tests/slo/.out
infra=tools/Infra.Cli/bin/Release/net10.0/infra

if [ "$(uname -m)" != "x86_64" ]; then
  echo "tests/slo pins promtool for x86_64 only; this machine is $(uname -m): add its package and SHA-256 in tests/slo/run.sh." >&2
  exit 1
fi
if [ ! -x "${infra}" ]; then
  echo "tests/slo needs the built CLI (${infra}): run it after 'dotnet build Infra.sln -c Release'." >&2
  exit 1
fi
if [ "$(cat "${tools}/version" 2>/dev/null)" != "${version}" ]; then
  for tool in curl sha256sum dpkg-deb; do
    command -v "${tool}" >/dev/null 2>&1 || { echo "tests/slo fetches promtool with curl, sha256sum and dpkg-deb; ${tool} is missing." >&2; exit 1; }
  done
  rm -rf "${tools}" && mkdir -p "${tools}"
  if ! curl -fsSL --retry 3 -o "${tools}/prometheus.deb" "${url}"; then
    echo "could not download ${url}; promtool is pinned to prometheus ${version}." >&2
    exit 1
  fi
  if ! echo "${sha256}  ${tools}/prometheus.deb" | sha256sum --check --quiet; then
    echo "${url} does not have the pinned SHA-256 ${sha256}: refusing it." >&2
    exit 1
  fi
  dpkg-deb -x "${tools}/prometheus.deb" "${tools}/root"
  rm -f "${tools}/prometheus.deb"
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
