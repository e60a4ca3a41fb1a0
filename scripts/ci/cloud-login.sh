#!/usr/bin/env bash
# Sourced by the Pulumi jobs after install-tools.sh: short-lived credentials for one stack, nothing stored.
#   INFRA_STACK   staging | production
#   INFRA_ACCESS  preview (read-only roles: previews, drift, exports) | apply (deploy roles: up)
# AWS: the job's OIDC token (id_tokens AWS_ID_TOKEN, aud sts.amazonaws.com) is handed to the AWS SDKs through
# AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN; the state backend and the AWS providers assume the role themselves.
# Vault: JWT login with VAULT_ID_TOKEN on the stack's Vault (infra:endpoints.vault of Pulumi.<stack>.yaml); the
# Vault provider reads VAULT_TOKEN. GitLab: GITLAB_TOKEN for the GitLab provider (memberships, production only).
# No secret is ever printed: xtrace stays off here whatever the caller set.
set -euo pipefail
{ set +x; } 2>/dev/null

stack="${INFRA_STACK:?INFRA_STACK is not set}"
access="${INFRA_ACCESS:-preview}"
case "${stack}:${access}" in
  staging:preview | staging:apply | production:preview | production:apply) ;;
  *) echo "cloud-login: unknown stack or access '${stack}:${access}'" >&2; return 2 2>/dev/null || exit 2 ;;
esac
upper_stack=$(printf '%s' "${stack}" | tr '[:lower:]' '[:upper:]')
upper_access=$(printf '%s' "${access}" | tr '[:lower:]' '[:upper:]')

# AWS through OIDC (web identity): the role ARN variable is AWS_<ACCESS>_ROLE_ARN_<STACK>.
role_variable="AWS_${upper_access}_ROLE_ARN_${upper_stack}"
: "${!role_variable:?${role_variable} is not set (see README, GitLab pipelines)}"
: "${AWS_ID_TOKEN:?AWS_ID_TOKEN is missing: the job needs id_tokens}"
token_dir=$(mktemp -d)
printf '%s' "${AWS_ID_TOKEN}" > "${token_dir}/aws-web-identity-token"
export AWS_ROLE_ARN="${!role_variable}"
export AWS_WEB_IDENTITY_TOKEN_FILE="${token_dir}/aws-web-identity-token"
export AWS_ROLE_SESSION_NAME="gitlab-${CI_PROJECT_ID:-local}-${CI_JOB_ID:-0}"
export AWS_REGION="${AWS_REGION:-eu-west-3}"

# Vault through JWT: role <prefix>-<stack>-<access>, address from the stack file.
vault_addr=$(sed -n 's/^    vault: *\(https:\/\/[^ #]*\).*/\1/p' "Pulumi.${stack}.yaml" | head -n 1)
: "${vault_addr:?no infra:endpoints.vault in Pulumi.${stack}.yaml}"
: "${VAULT_ID_TOKEN:?VAULT_ID_TOKEN is missing: the job needs id_tokens}"
export VAULT_ADDR="${vault_addr}"
vault_role="${VAULT_JWT_ROLE_PREFIX:-infra}-${stack}-${access}"
login_body=$(jq -n --arg role "${vault_role}" --arg jwt "${VAULT_ID_TOKEN}" '{role: $role, jwt: $jwt}')
VAULT_TOKEN=$(curl --fail --silent --show-error --retry 3 --request POST --data @- \
  "${VAULT_ADDR}/v1/auth/${VAULT_JWT_MOUNT:-jwt}/login" <<<"${login_body}" | jq -r '.auth.client_token')
unset login_body
[ -n "${VAULT_TOKEN}" ] && [ "${VAULT_TOKEN}" != null ] || { echo "cloud-login: Vault JWT login as ${vault_role} failed" >&2; exit 1; }
export VAULT_TOKEN

# GitLab provider (production holds the memberships): the powerful token only for apply jobs.
if [ "${stack}" = production ]; then
  if [ "${access}" = apply ]; then
    export GITLAB_TOKEN="${GITLAB_MEMBERSHIPS_TOKEN:?GITLAB_MEMBERSHIPS_TOKEN is not set}"
  else
    export GITLAB_TOKEN="${GITLAB_READ_TOKEN:?GITLAB_READ_TOKEN is not set}"
  fi
fi

# State backend (PULUMI_BACKEND_URL) and secrets: PULUMI_CONFIG_PASSPHRASE, or a KMS secrets provider in the
# stack file, decrypted with the role above.
: "${PULUMI_BACKEND_URL:?PULUMI_BACKEND_URL is not set}"
pulumi login --non-interactive "${PULUMI_BACKEND_URL}" >/dev/null
echo "cloud-login: ${stack} (${access}) as ${AWS_ROLE_ARN##*/}, Vault role ${vault_role}"
