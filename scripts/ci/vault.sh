#!/usr/bin/env bash
# Sourced: Vault through the job's ID token (id_tokens VAULT_ID_TOKEN, aud infra-pipeline). The address comes from
# the stack file (infra:endpoints.vault of Pulumi.<stack>.yaml) and the JWT mount is fixed here: no CI/CD variable,
# which a trigger or a person running a pipeline can set, chooses where the job logs in or as whom. Vault checks the
# token's signature and its role's bound claims (README, "Who can do what"), so after vault_login the token's claims
# (vault_claim) are GitLab's own, not the caller's.
set -euo pipefail
{ set +x; } 2>/dev/null

# stack_endpoint STACK NAME: the https URL infra:endpoints.NAME of Pulumi.STACK.yaml (vault, gitlab).
stack_endpoint() {
  local address
  address=$(sed -n "s/^    ${2:?name}: *\(https:\/\/[^ #]*\).*/\1/p" "Pulumi.${1:?stack}.yaml" | head -n 1)
  [ -n "${address}" ] || { echo "no infra:endpoints.${2} in Pulumi.${1}.yaml" >&2; return 2; }
  printf '%s' "${address%/}"
}

# vault_login STACK ROLE: sets VAULT_ADDR and VAULT_TOKEN (exported), from a JWT login with VAULT_ID_TOKEN.
vault_login() {
  local stack="${1:?stack}" role="${2:?role}" body response
  VAULT_ADDR=$(stack_endpoint "${stack}" vault)
  : "${VAULT_ID_TOKEN:?VAULT_ID_TOKEN is missing: the job needs id_tokens}"
  body=$(jq -n --arg role "${role}" --arg jwt "${VAULT_ID_TOKEN}" '{role: $role, jwt: $jwt}')
  response=$(curl --fail --silent --show-error --retry 3 --request POST --data @- "${VAULT_ADDR}/v1/auth/jwt/login" <<<"${body}") || {
    echo "vault: JWT login as ${role} on ${VAULT_ADDR} failed" >&2
    return 1
  }
  VAULT_TOKEN=$(jq -r '.auth.client_token // empty' <<<"${response}")
  [ -n "${VAULT_TOKEN}" ] || { echo "vault: JWT login as ${role} on ${VAULT_ADDR} returned no token" >&2; return 1; }
  export VAULT_ADDR VAULT_TOKEN
}

# vault_secret PATH FIELD: one field of the KV v2 secret kv/PATH, on stdout (capture it; never echo it).
vault_secret() {
  local path="${1:?path}" field="${2:?field}" response value
  response=$(curl --fail --silent --show-error --retry 3 --header "X-Vault-Token: ${VAULT_TOKEN:?vault_login first}" \
    "${VAULT_ADDR:?}/v1/kv/data/${path}") || { echo "vault: cannot read kv/${path}" >&2; return 1; }
  value=$(jq -r --arg field "${field}" '.data.data[$field] // empty' <<<"${response}")
  [ -n "${value}" ] || { echo "vault: kv/${path} has no field '${field}'" >&2; return 1; }
  printf '%s' "${value}"
}

# vault_claim NAME: a claim of VAULT_ID_TOKEN (its payload, base64url). Trust it only after vault_login succeeded.
vault_claim() {
  local payload
  payload=$(cut -d. -f2 <<<"${VAULT_ID_TOKEN:?}" | tr '_-' '/+')
  while [ $(( ${#payload} % 4 )) -ne 0 ]; do payload="${payload}="; done
  base64 --decode <<<"${payload}" 2>/dev/null | jq -r --arg name "${1:?claim}" '.[$name] // empty | tostring'
}
