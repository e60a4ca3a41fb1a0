#!/usr/bin/env bash
# Sourced by the test job: Node.js 20 (for tests/pipeline, which runs gitlab-ci-local), jq and openssl (the VPN
# certificate tests make real certificates), when the image has none. Node comes as the official tarball, pinned and checksum verified, cached under .cache/node/<version>.
set -euo pipefail
node_version="${NODE_VERSION:-20.20.2}"
if ! command -v jq >/dev/null 2>&1 || ! command -v xz >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends jq xz-utils openssl >/dev/null
fi
if ! command -v node >/dev/null 2>&1; then
  node_root="${CI_PROJECT_DIR:-$PWD}/.cache/node/${node_version}"
  archive="node-v${node_version}-linux-x64.tar.xz"
  if [ ! -x "${node_root}/bin/node" ]; then
    work=$(mktemp -d)
    curl --fail --silent --show-error --location --retry 3 -o "${work}/${archive}" "https://nodejs.org/dist/v${node_version}/${archive}"
    curl --fail --silent --show-error --location --retry 3 -o "${work}/SHASUMS256.txt" "https://nodejs.org/dist/v${node_version}/SHASUMS256.txt"
    (cd "${work}" && grep " ${archive}\$" SHASUMS256.txt | sha256sum --check --strict -)
    mkdir -p "${node_root}"
    tar -xJf "${work}/${archive}" -C "${node_root}" --strip-components=1
    rm -rf "${work}"
  fi
  export PATH="${node_root}/bin:${PATH}"
fi
node --version
