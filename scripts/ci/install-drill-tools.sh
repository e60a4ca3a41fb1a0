#!/usr/bin/env bash
# Sourced by drill:region-switch in the AWS CLI image (Amazon Linux): jq and the pinned Vault CLI from HashiCorp's
# signed package repository, which the drill's steps run (scripts/ci/region-drill.sh).
set -euo pipefail
: "${VAULT_VERSION:?VAULT_VERSION is not set (see .gitlab-ci.yml)}"
yum install -y -q yum-utils jq >/dev/null
yum-config-manager --add-repo https://rpm.releases.hashicorp.com/AmazonLinux/hashicorp.repo >/dev/null
yum install -y -q "vault-${VAULT_VERSION}" >/dev/null
vault version
aws --version
