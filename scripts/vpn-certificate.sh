#!/usr/bin/env bash
# scripts/vpn-certificate.sh STACK LOGIN [DIR]
# A person's VPN client certificate, in one command from a clone of this repository (docs/people-access.md):
# this device makes a new RSA 2048 key (it never leaves DIR), and Vault signs its CSR through the role
# pki-vpn/sign/vpn-client, which signs only LOGIN.vpn.STACK.internal for the person logged in as LOGIN and only while
# they have a VPN network in STACK. Logs in to the stack's Vault (infra:endpoints.vault of Pulumi.STACK.yaml) with
# OIDC when there is no token. Writes DIR/LOGIN.key, DIR/LOGIN.crt and DIR/ca.crt (DIR: ~/.vpn/STACK); the
# certificate lasts 7 days: run the command again when it runs out. Needs vault, openssl and jq.
# Exit 0 signed, 1 Vault refused or failed (nothing replaced), 2 bad usage.
set -euo pipefail

usage="usage: scripts/vpn-certificate.sh staging|production LOGIN [DIR]"
stack="${1:-}" login="${2:-}"
case "${stack}" in
  staging | production) ;;
  *) echo "${usage}" >&2; exit 2 ;;
esac
[[ "${login}" =~ ^[a-z0-9][a-z0-9-]*$ ]] || { echo "${usage}: LOGIN is your login in people.yaml (lower case letters, digits, '-'), not '${login}'" >&2; exit 2; }
for tool in vault openssl jq; do
  command -v "${tool}" >/dev/null 2>&1 || { echo "vpn-certificate: ${tool} is not on the PATH; install it first" >&2; exit 2; }
done
umask 077
mkdir -p "${3:-${HOME}/.vpn/${stack}}"
dir=$(cd "${3:-${HOME}/.vpn/${stack}}" && pwd)
cd "$(dirname "$0")/.."
source scripts/ci/vault.sh
VAULT_ADDR=$(stack_endpoint "${stack}" vault) || exit 2
export VAULT_ADDR
common_name="${login}.vpn.${stack}.internal"
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "${work}/key.pem" 2>/dev/null
openssl req -new -key "${work}/key.pem" -subj "/CN=${common_name}" -out "${work}/request.csr"
vault token lookup >/dev/null 2>&1 || vault login -method=oidc >/dev/null
if ! vault write -format=json pki-vpn/sign/vpn-client csr=@"${work}/request.csr" common_name="${common_name}" >"${work}/signed.json"; then
  echo "vpn-certificate: ${VAULT_ADDR} did not sign ${common_name} (error above): you must be logged in as ${login}," \
    "and have a VPN network in ${stack} (teams.yaml or a vpn grant). Nothing in ${dir} was replaced." >&2
  exit 1
fi
jq -r '.data.certificate' "${work}/signed.json" >"${work}/certificate.pem"
jq -r '.data.issuing_ca' "${work}/signed.json" >"${work}/ca.pem"
mv "${work}/key.pem" "${dir}/${login}.key"
mv "${work}/certificate.pem" "${dir}/${login}.crt"
mv "${work}/ca.pem" "${dir}/ca.crt"
echo "vpn-certificate: ${dir}/${login}.crt ($(openssl x509 -in "${dir}/${login}.crt" -noout -enddate)), key ${dir}/${login}.key (this device only)"
