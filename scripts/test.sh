#!/usr/bin/env bash
# The repository's test command: restores, builds and tests every project of Infra.sln, runs the trim
# analysis of the infra command, then the GitLab pipeline's job selection and the exported SLO rules (promtool). It fails closed: any project that does not restore, build or
# test fails the run, and nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# Build machines whose NuGet source serves no Pulumi packages have them, built from the public
# sources at the same released versions, in ../shared/pulumi-feed. It is added as an extra source
# only where it exists; users' machines and runners restore the same pins from nuget.org.
feed="$(pwd)/../shared/pulumi-feed"
restore_sources=()
if [ -d "$feed" ]; then
  restore_sources=("-p:RestoreAdditionalProjectSources=$(cd "$feed" && pwd)")
fi

dotnet build Infra.sln --configuration Release --nologo "${restore_sources[@]}"
set +e
# The infra command is published Native AOT where a C toolchain exists (scripts/ci/infra). The trim
# analysis over its IL catches what the Roslyn analyzers miss (a collection expression that fills a
# JsonArray through the reflection-based JsonArray.Add<T>) and needs no C toolchain, so it runs here.
case "$(uname -m)" in aarch64 | arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
dotnet publish tools/Infra.Cli --configuration Release --runtime "$rid" --self-contained -p:PublishTrimmed=true \
  --output "$results/trimmed" --nologo -v quiet "${restore_sources[@]}"
trim_rc=$?
echo "Trim analysis of the infra command ($rid): $([ "$trim_rc" -eq 0 ] && echo passed || echo FAILED)"
dotnet test Infra.sln --configuration Release --no-build --nologo 2>&1 | tee "$results/tests.log"
dotnet_rc=${PIPESTATUS[0]}
tests/pipeline/run.sh 2>&1 | tee -a "$results/tests.log"  # the GitLab pipeline's job selection (gitlab-ci-local)
pipeline_rc=${PIPESTATUS[0]}
tests/slo/run.sh 2>&1 | tee -a "$results/tests.log"  # the exported SLO rules: promtool check rules and test rules
slo_rc=${PIPESTATUS[0]}
set -e

# One closing line over every test assembly: "N passed, N failed, N skipped (N assemblies)".
awk -F'[:,]' '/(Passed|Failed)! +- +Failed:/ { failed += $2; passed += $4; skipped += $6; assemblies++ }
  END { printf "%d passed, %d failed, %d skipped (%d test assemblies)\n", passed, failed, skipped, assemblies }' "$results/tests.log"
# Every test project, the pipeline tests and the SLO rule tests must have reported: one that ran nothing fails the run.
expected=$(( $(find tests -mindepth 2 -maxdepth 2 -name '*.Tests.csproj' | wc -l) + 2 ))
reported=$(grep -Ec '(Passed|Failed)! +- +Failed:' "$results/tests.log" || true)
if [ "$reported" -ne "$expected" ]; then
  echo "Expected a test summary from $expected test assemblies (every tests/*/*.Tests.csproj, tests/pipeline and tests/slo), found $reported." >&2
  exit 1
fi
[ "$dotnet_rc" -eq 0 ] && [ "$pipeline_rc" -eq 0 ] && [ "$slo_rc" -eq 0 ] && [ "$trim_rc" -eq 0 ]
