#!/usr/bin/env bash
# scripts/ci/vpn-revocations.sh STACK
# Revocation of people's VPN certificates reaches the Client VPN endpoints (docs/people-access.md, "VPN certificates"):
#  1. every unexpired, unrevoked certificate of the VPN's CA (pki-vpn) whose person may no longer sign one (no Vault
#     entity, a disabled entity, or an entity without the policy vpn-certificate: they left or lost their last VPN
#     network) is revoked in Vault;
#  then in each region of infra:regions (primary and secondary), each with its endpoint tagged Name=vpn-STACK:
#  2. the endpoint must trust the VPN CA alone: the ACM certificate it names as its client root certificate chain is
#     signed by that CA, whose certificate is the whole chain (a service certificate, from pki-internal, must never
#     open the VPN);
#  3. Vault's CRL of pki-vpn is imported into the endpoint, which then refuses every revoked certificate.
# A region that fails (its endpoint is missing or wrong, or its API does not answer: the region is lost) does not keep
# the CRL from the other region's endpoint; the job still fails at the end, naming it.
# Runs after the people update (hr:people-STACK, access-sync:STACK) with the apply credentials of cloud-login.sh
# (VAULT_ADDR, VAULT_TOKEN; AWS). Needs curl, jq, openssl and the AWS CLI. Exit 0 done, 1 a failed step, 2 bad usage.
set -euo pipefail
{ set +x; } 2>/dev/null

stack="${1:-}"
case "${stack}" in
  staging | production) ;;
  *) echo "usage: vpn-revocations.sh staging|production" >&2; exit 2 ;;
esac
: "${VAULT_ADDR:?VAULT_ADDR is not set: source scripts/ci/cloud-login.sh first}" "${VAULT_TOKEN:?VAULT_TOKEN is not set: source scripts/ci/cloud-login.sh first}"
mount=pki-vpn
policy=vpn-certificate
domain="vpn.${stack}.internal"
primary=$(sed -n 's/^    primary: *\([a-z0-9-]*\).*/\1/p' "Pulumi.${stack}.yaml" | head -n 1)
secondary=$(sed -n 's/^    secondary: *\([a-z0-9-]*\).*/\1/p' "Pulumi.${stack}.yaml" | head -n 1)
[ -n "${primary}" ] || { echo "vpn-revocations: no infra:regions.primary in Pulumi.${stack}.yaml" >&2; exit 2; }
[ -n "${secondary}" ] || { echo "vpn-revocations: no infra:regions.secondary in Pulumi.${stack}.yaml" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "${work}"' EXIT

# vault_api METHOD PATH [JSON]: Vault's HTTP API; the token stays in a header, never in the output.
vault_api() {
  local method="$1" path="$2"
  if [ $# -gt 2 ]; then
    curl --fail --silent --show-error --retry 3 --request "${method}" --header "X-Vault-Token: ${VAULT_TOKEN}" --data "$3" "${VAULT_ADDR}/v1/${path}"
  else
    curl --fail --silent --show-error --retry 3 --request "${method}" --header "X-Vault-Token: ${VAULT_TOKEN}" "${VAULT_ADDR}/v1/${path}"
  fi || { echo "vpn-revocations: Vault ${method} ${path} failed" >&2; return 1; }
}

# 1. Revoke the certificates of people who may no longer sign one.
entities=$(vault_api LIST identity/entity/name | jq -r '.data.keys[]')
serials=$(vault_api LIST "${mount}/certs" | jq -r '.data.keys[]')
revoked=0
for serial in ${serials}; do
  vault_api GET "${mount}/cert/${serial}" >"${work}/cert.json"
  [ "$(jq -r '.data.revocation_time // 0' "${work}/cert.json")" = 0 ] || continue
  jq -r '.data.certificate' "${work}/cert.json" >"${work}/cert.pem"
  openssl x509 -in "${work}/cert.pem" -noout -checkend 0 >/dev/null || continue
  common_name=$(openssl x509 -in "${work}/cert.pem" -noout -subject -nameopt RFC2253 | sed -n 's/^subject=.*CN=\([^,]*\).*/\1/p')
  person="${common_name%".${domain}"}"
  # The CA's own certificate and anything not named <person>.vpn.<stack>.internal is no person's.
  if [ "${person}" = "${common_name}" ] || ! [[ "${person}" =~ ^[a-z0-9][a-z0-9-]*$ ]]; then continue; fi
  reason=""
  if ! grep -qxF "${person}" <<<"${entities}"; then
    reason="has no Vault entity"
  else
    vault_api GET "identity/entity/name/${person}" >"${work}/entity.json"
    if [ "$(jq -r '.data.disabled' "${work}/entity.json")" = true ]; then
      reason="left (their entity is disabled)"
    elif ! jq -e --arg p "${policy}" '.data.policies // [] | index($p)' "${work}/entity.json" >/dev/null; then
      reason="has no VPN network in ${stack} any more"
    fi
  fi
  [ -n "${reason}" ] || continue
  vault_api POST "${mount}/revoke" "$(jq -cn --arg s "${serial}" '{serial_number: $s}')" >/dev/null
  echo "revoked ${serial} (${common_name}): ${person} ${reason}"
  revoked=$((revoked + 1))
done
echo "vpn-revocations: ${revoked} certificate(s) revoked on ${mount} of ${stack}"

# 2 and 3, in one region: the endpoint, the CA it trusts for client certificates, then the CRL into it.
import_crl() {
  local region="$1"
  aws ec2 describe-client-vpn-endpoints --region "${region}" --output json >"${work}/endpoints.json" || {
    echo "vpn-revocations: could not list the Client VPN endpoints in ${region}" >&2; return 1; }
  jq --arg name "vpn-${stack}" '[.ClientVpnEndpoints[] | select(any(.Tags[]?; .Key == "Name" and .Value == $name))]' "${work}/endpoints.json" >"${work}/endpoint.json"
  if [ "$(jq length "${work}/endpoint.json")" != 1 ]; then
    echo "vpn-revocations: expected one Client VPN endpoint tagged Name=vpn-${stack} in ${region}, found $(jq length "${work}/endpoint.json")" \
      "(docs/people-access.md, \"The Client VPN endpoints\")" >&2
    return 1
  fi
  local endpoint chain_arn
  endpoint=$(jq -r '.[0].ClientVpnEndpointId' "${work}/endpoint.json")
  chain_arn=$(jq -r '[.[0].AuthenticationOptions[]? | select(.Type == "certificate-authentication") | .MutualAuthentication.ClientRootCertificateChain][0] // empty' "${work}/endpoint.json")
  if [ -z "${chain_arn}" ]; then
    echo "vpn-revocations: ${endpoint} (vpn-${stack}, ${region}) does not authenticate clients with certificates; expected certificate-authentication with the VPN CA (docs/people-access.md)" >&2
    return 1
  fi
  aws acm get-certificate --certificate-arn "${chain_arn}" --region "${region}" --output json >"${work}/acm.json" || {
    echo "vpn-revocations: could not read ${chain_arn} in ${region}" >&2; return 1; }
  if [ "$(jq -r '.CertificateChain // ""' "${work}/acm.json" | body)" != "$(body <"${work}/ca.pem")" ]; then
    echo "vpn-revocations: ${endpoint} (vpn-${stack}, ${region}) trusts client certificates through ${chain_arn}, whose chain is not exactly the VPN CA of ${mount};" \
      "it must trust that CA alone, never the services' CA (docs/people-access.md, \"The Client VPN endpoints\")" >&2
    return 1
  fi
  aws ec2 import-client-vpn-client-certificate-revocation-list --region "${region}" --client-vpn-endpoint-id "${endpoint}" \
    --certificate-revocation-list "file://${work}/crl.pem" >/dev/null || {
    echo "vpn-revocations: importing the CRL into ${endpoint} (vpn-${stack}, ${region}) failed" >&2; return 1; }
  echo "vpn-revocations: the CRL of ${mount} is imported into ${endpoint} (vpn-${stack}, ${region})"
}

body() { grep -v -- '-----' | tr -d ' \n\r'; }
vault_api GET "${mount}/ca/pem" >"${work}/ca.pem"
vault_api GET "${mount}/crl/pem" >"${work}/crl.pem"
grep -q -- '-----BEGIN X509 CRL-----' "${work}/crl.pem" || { echo "vpn-revocations: ${mount}/crl/pem is not a PEM CRL" >&2; exit 1; }
failed=()
for region in "${primary}" "${secondary}"; do
  import_crl "${region}" || failed+=("${region}")
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "vpn-revocations: the CRL did not reach the endpoint in ${failed[*]}; people revoked there can still connect until it does" >&2
  exit 1
fi
