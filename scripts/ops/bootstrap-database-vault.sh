#!/usr/bin/env bash
# One-time bootstrap of a new database for Vault (run once per database, after its first `pulumi up`,
# from the operations host: infra:databaseAccess.bootstrap admits it to the clusters).
# The apply generated the master password, gave it to the cluster and to Vault's connection (which
# Vault verified), and kept a break-glass copy in Secrets Manager. This script:
#   1. logs in as the master user (password read from that copy, never printed), checking the server's
#      certificate (sslmode=verify-full against the RDS CA bundle),
#   2. lets the master user act as the roles it creates (PostgreSQL 16: createrole_self_grant), creates
#      the schema owner and the services' group roles (those the migrations have not created yet),
#      and the pgaudit extension,
#   3. has Vault rotate the master password at once: from then on only Vault knows it. The break-glass
#      copy is out of date from then on; docs/dr.md says how to reset the password in an emergency.
# Needs: aws, jq, psql, vault (VAULT_ADDR and VAULT_TOKEN set), the RDS CA bundle (RDS_CA_BUNDLE, by
# default /etc/ssl/rds/global-bundle.pem), and the infra CLI (INFRA, by default `dotnet run`).
# Usage: scripts/ops/bootstrap-database-vault.sh STACK DATABASE
set -euo pipefail
set +x  # secrets pass through variables below: never trace them

if [ "$#" -ne 2 ]; then
  echo "usage: $0 STACK DATABASE   (e.g. $0 staging payments-db)" >&2
  exit 2
fi
stack=$1
database=$2
ca_bundle=${RDS_CA_BUNDLE:-/etc/ssl/rds/global-bundle.pem}
cd "$(dirname "$0")/../.."
if [ ! -s "$ca_bundle" ]; then
  echo "$0: no RDS CA bundle at $ca_bundle; install global-bundle.pem from https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem there, or set RDS_CA_BUNDLE" >&2
  exit 2
fi
infra() {
  if [ -n "${INFRA:-}" ]; then "$INFRA" "$@"; else dotnet run --project tools/Infra.Cli -- "$@"; fi
}

plan=$(infra plan --stack "$stack" --output json)
region=$(jq -r '.primaryRegion' <<<"$plan")
if ! jq -e --arg db "$database" '.databases[] | select(.name == $db)' <<<"$plan" >/dev/null; then
  echo "$0: stack $stack has no database '$database'; known: $(jq -r '[.databases[].name] | join(", ")' <<<"$plan")" >&2
  exit 2
fi
# Names as components/Infra.Blueprints/Vault/VaultNames.cs and Databases/DatabaseBlueprints.cs make them.
owner="${database//-/_}_owner"
mapfile -t groups < <(jq -r --arg db "$database" '.databases[] | select(.name == $db) | .usedBy[] | gsub("-"; "_") + "_app"' <<<"$plan")
cluster="${database}-${stack}-${region}"
secret_id="rds/${database}-${stack}/master"

if ! vault read "database/config/${database}" >/dev/null; then
  echo "$0: Vault has no connection database/config/${database}; apply the stack first (it creates and verifies it)" >&2
  exit 1
fi
described=$(aws rds describe-db-clusters --region "$region" --db-cluster-identifier "$cluster" --output json)
endpoint=$(jq -r '.DBClusters[0].Endpoint' <<<"$described")
master=$(jq -r '.DBClusters[0].MasterUsername' <<<"$described")
PGPASSWORD=$(aws secretsmanager get-secret-value --region "$region" --secret-id "$secret_id" --query SecretString --output text | jq -r '.password')
export PGPASSWORD

# The SQL goes through stdin; it holds no secret, and nothing secret appears in a process's arguments.
{
  echo "\\set ON_ERROR_STOP on"
  # For this session's CREATE ROLE and, through the role setting, every later session of the master
  # user (Vault's): without SET and INHERIT, REASSIGN/DROP OWNED of a created role fail on PostgreSQL 16.
  echo "SET createrole_self_grant = 'set, inherit';"
  echo "ALTER ROLE \"${master}\" SET createrole_self_grant = 'set, inherit';"
  echo "DO \$\$ BEGIN"
  echo "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE \"${owner}\" WITH LOGIN; END IF;"
  for group in "${groups[@]}"; do
    echo "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${group}') THEN CREATE ROLE \"${group}\" NOLOGIN; END IF;"
  done
  echo "END \$\$;"
  # Roles the migrations created before: the master user needs their privileges too.
  echo "DO \$\$ BEGIN"
  for role in "$owner" "${groups[@]}"; do
    echo "  IF NOT pg_has_role(current_user, '${role}', 'USAGE') THEN GRANT \"${role}\" TO \"${master}\" WITH INHERIT TRUE, SET TRUE; END IF;"
  done
  echo "END \$\$;"
  # pgaudit is loaded for the whole cluster (shared_preload_libraries); the extension in the database.
  echo "\\connect ${database//-/_}"
  echo "CREATE EXTENSION IF NOT EXISTS pgaudit;"
} | psql "host=${endpoint} port=5432 dbname=postgres user=${master} sslmode=verify-full sslrootcert=${ca_bundle}" --quiet --no-psqlrc

unset PGPASSWORD
vault write -f "database/rotate-root/${database}" >/dev/null
echo "$database ($stack): roles ready (${owner} ${groups[*]}), pgaudit on; Vault rotated the master password, the break-glass copy ${secret_id} is out of date until a reset (docs/dr.md)"
