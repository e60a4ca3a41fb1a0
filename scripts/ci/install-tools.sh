#!/usr/bin/env bash
# Sourced by the jobs that run Pulumi: puts a pinned Pulumi CLI (checksum verified, cached per version under
# .cache/pulumi/<version>) and jq on the PATH. The runner image is the .NET SDK image (the program targets net10.0);
# Pulumi's own images carry an older .NET SDK.
set -euo pipefail

: "${PULUMI_VERSION:?PULUMI_VERSION is not set (see .gitlab-ci.yml variables)}"
pulumi_root="${CI_PROJECT_DIR:-$PWD}/.cache/pulumi/${PULUMI_VERSION}"

if [ ! -x "${pulumi_root}/pulumi/pulumi" ]; then
  archive="pulumi-v${PULUMI_VERSION}-linux-x64.tar.gz"
  work=$(mktemp -d)
  curl --fail --silent --show-error --location --retry 3 -o "${work}/${archive}" \
    "https://github.com/pulumi/pulumi/releases/download/v${PULUMI_VERSION}/${archive}"
  curl --fail --silent --show-error --location --retry 3 -o "${work}/checksums.txt" \
    "https://github.com/pulumi/pulumi/releases/download/v${PULUMI_VERSION}/pulumi-${PULUMI_VERSION}-checksums.txt"
  (cd "${work}" && grep " ${archive}\$" checksums.txt | sha256sum --check --strict -)
  mkdir -p "${pulumi_root}"
  tar -xzf "${work}/${archive}" -C "${pulumi_root}"
  rm -rf "${work}"
fi
export PATH="${pulumi_root}/pulumi:${PATH}"
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_SKIP_CONFIRMATIONS=true
pulumi version

if ! command -v jq >/dev/null 2>&1; then
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends jq >/dev/null
fi

# The policy pack is built before Pulumi starts it (policies/Infra.PolicyPack; README "Policy pack in pulumi preview").
if [ "${INFRA_POLICY_PACK:-1}" = 1 ]; then
  dotnet build policies/Infra.PolicyPack --configuration Release --nologo -v quiet
fi
