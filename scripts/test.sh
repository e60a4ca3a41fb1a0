#!/usr/bin/env bash
# The repository's test command: builds and tests every Pulumi-free project, then the
# Pulumi-bound ones where the Pulumi packages restore. Where they do not (this build machine's
# NuGet source has none), it says so loudly, names the skipped projects, and still passes if
# everything else did. Any other failure fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

run_tests() { # $1: solution filter; test summaries are collected for the closing line
  dotnet build "$1" --configuration Release --nologo
  dotnet test "$1" --configuration Release --no-build --nologo 2>&1 | tee -a "$results/tests.log"
  return "${PIPESTATUS[0]}"
}

echo "== Pulumi-free projects"
run_tests Infra.PulumiFree.slnf

echo "== Pulumi-bound projects"
pulumi_bound=$(sed -n 's/^ *"\(.*\.csproj\)",\{0,1\}$/\1/p' Infra.PulumiBound.slnf | sed 's#\\\\#/#g' | paste -sd' ' -)
if dotnet restore Infra.PulumiBound.slnf --nologo >"$results/restore.log" 2>&1; then
  run_tests Infra.PulumiBound.slnf
elif missing=$(grep -Eo "NU1101: Unable to find package Pulumi(\.[A-Za-z]+)*" "$results/restore.log" | awk '{print $6}' | sort -u | paste -sd, -) \
  && [ -n "$missing" ] \
  && ! grep -E "error NU[0-9]+" "$results/restore.log" | grep -Evq "NU1101: Unable to find package Pulumi"; then
  echo "!!!!! SKIPPED the Pulumi-bound projects ${pulumi_bound}: this machine's NuGet source has no ${missing}. They build and test where Pulumi restores (users' machines, GitLab runners). !!!!!"
else
  cat "$results/restore.log"
  echo "Restoring the Pulumi-bound projects failed for a reason other than missing Pulumi packages." >&2
  exit 1
fi

tests/pipeline/run.sh 2>&1 | tee -a "$results/tests.log"  # the GitLab pipeline's job selection (gitlab-ci-local); fails the run on a failure
# One closing line over every test assembly: "N passed, N failed, N skipped".
awk -F'[:,]' '/(Passed|Failed)! +- +Failed:/ { failed += $2; passed += $4; skipped += $6 }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$results/tests.log"
