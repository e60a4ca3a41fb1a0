#!/usr/bin/env bash
# The compliance performance target, measured side by side in one run: `infra compliance` over a generated stack export
# (100,000 resources by default, about 111 MB) against one Utf8JsonReader pass over the same file and against jq counting
# its resources. Process start is included for all three; rounds are interleaved so that load on the machine hits each
# alike; the medians, their ratios and each command's peak resident memory are printed. Targets (issue 19): compliance at
# most 2.5 times the tokenizer pass and at most half of jq, under 300 MB.
# Usage: scripts/bench/compliance-side-by-side.sh [RESOURCES] [ROUNDS]. Needs jq and /usr/bin/time. A benchmark, not a test.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
resources="${1:-100000}"
rounds="${2:-5}"
for tool in jq /usr/bin/time; do
  command -v "${tool}" >/dev/null || { echo "compliance-side-by-side: ${tool} is required" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

infra="${root}/scripts/ci/infra"
"${infra}" bench compliance --resources "${resources}" --runs 1 --keep-export "${work}/export.json" >/dev/null
tokenizer_out="${work}/tokenizer"
dotnet build "${root}/scripts/bench/JsonTokenizerPass" --configuration Release --output "${tokenizer_out}" --nologo -v quiet >/dev/null
echo "export: $(du -m "${work}/export.json" | cut -f1) MB, ${resources} resources; ${rounds} interleaved rounds; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# One timed run: wall seconds and peak RSS (KB) appended to the command's file; exit status 0 or 1 (violations) is fine.
measure() {
  local name="$1"
  shift
  /usr/bin/time -f "%e %M" -o "${work}/${name}.last" "$@" >/dev/null 2>"${work}/${name}.err" || [ $? -eq 1 ] \
    || { echo "compliance-side-by-side: ${name} failed:" >&2; cat "${work}/${name}.err" >&2; exit 1; }
  tail -n 1 "${work}/${name}.last" >>"${work}/${name}.runs"
}

for _ in $(seq "${rounds}"); do
  measure compliance "${infra}" compliance --stack production --state "${work}/export.json" --output json --repository "${root}"
  measure tokenizer "${tokenizer_out}/json-tokenizer-pass" "${work}/export.json"
  measure jq jq '.deployment.resources | length' "${work}/export.json"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for name in compliance tokenizer jq; do
  seconds="$(cut -d' ' -f1 "${work}/${name}.runs" | median)"
  peak="$(cut -d' ' -f2 "${work}/${name}.runs" | sort -n | tail -n 1)"
  printf '%-11s median %6.2f s   peak %5d MB   runs: %s\n' "${name}" "${seconds}" "$((peak / 1024))" "$(cut -d' ' -f1 "${work}/${name}.runs" | tr '\n' ' ')"
  declare "median_${name}=${seconds}"
done
awk -v c="${median_compliance}" -v t="${median_tokenizer}" -v j="${median_jq}" 'BEGIN {
  printf "compliance / tokenizer pass: %.1fx (target <= 2.5x)\ncompliance / jq: %.2fx (target <= 0.5x)\n", c / t, c / j }'
