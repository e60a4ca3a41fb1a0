#!/usr/bin/env bash
# Sourced by the Pulumi jobs after install-tools.sh: short-lived credentials for one stack, nothing stored.
#   INFRA_STACK   staging | production
#   INFRA_ACCESS  state (the plans: reads the state, secrets stay ciphertext: the KMS secrets key refuses this role;
#                 no Vault) | preview (read-only roles: previews, drift, exports) | apply (deploy roles: up)
# AWS: the job's OIDC token (id_tokens AWS_ID_TOKEN, aud sts.amazonaws.com) is handed to the AWS SDKs through
# AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN; the state backend and the AWS providers assume the role themselves.
# Vault: JWT login with VAULT_ID_TOKEN on the stack's Vault (infra:endpoints.vault of Pulumi.<stack>.yaml); the
# Vault provider reads VAULT_TOKEN. Then the pipeline's variables are checked (refuse-pipeline-variables.sh).
# GitLab: GITLAB_TOKEN for the GitLab provider (memberships, production only), read from Vault.
# No secret is ever printed: xtrace stays off here whatever the caller set.
set -euo pipefail
{ set +x; } 2>/dev/null

stack="${INFRA_STACK:?INFRA_STACK is not set}"
access="${INFRA_ACCESS:-preview}"
case "${stack}:${access}" in
  staging:state | production:state | staging:preview | staging:apply | production:preview | production:apply) ;;
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

# Vault through JWT (scripts/ci/vault.sh): role infra-<stack>-<access> on the stack's Vault. Vault checks the ID
# token, so the pipeline variables check below can trust its claims.
vault_role="none"
if [ "${access}" != state ]; then
  source "$(dirname "${BASH_SOURCE[0]}")/vault.sh"
  vault_role="infra-${stack}-${access}"
  vault_login "${stack}" "${vault_role}"
  "$(dirname "${BASH_SOURCE[0]}")/refuse-pipeline-variables.sh"
fi

# GitLab provider (production holds the memberships): tokens from Vault, the powerful one only for apply roles
# (Vault's policy of infra-production-preview cannot read it).
if [ "${stack}" = production ] && [ "${access}" != state ]; then
  if [ "${access}" = apply ]; then
    GITLAB_TOKEN=$(vault_secret ci/gitlab memberships_token)
  else
    GITLAB_TOKEN=$(vault_secret ci/gitlab read_token)
  fi
  export GITLAB_TOKEN
fi

# State backend (PULUMI_BACKEND_URL). Secrets: the stack file's KMS secrets provider (secretsprovider), whose key
# only the apply roles and the protected production preview role may use; there is no passphrase. A job that runs
# no Pulumi (drill:region-switch) sets INFRA_PULUMI_LOGIN=0 in .gitlab-ci.yml (a pipeline cannot: refused above).
if [ "${INFRA_PULUMI_LOGIN:-1}" != 0 ]; then
  : "${PULUMI_BACKEND_URL:?PULUMI_BACKEND_URL is not set}"
  pulumi login --non-interactive "${PULUMI_BACKEND_URL}" >/dev/null
fi
echo "cloud-login: ${stack} (${access}) as ${AWS_ROLE_ARN##*/}, Vault role ${vault_role}"
