#!/usr/bin/env bash
# One-time bootstrap of a new database for Vault (run once per database, after its first `pulumi up`,
# from the operations host: infra:databaseAccess.bootstrap admits it to the clusters).
# The apply generated the master password, gave it to the cluster and to Vault's connection (which
# Vault verified), and kept a break-glass copy in Secrets Manager. This script:
#   1. logs in as the master user (password read from that copy, never printed), checking the server's
#      certificate (sslmode=verify-full against the RDS CA bundle),
#   2. creates the schema owner and the services' group roles (those the migrations have not created
#      yet), and the pgaudit extension,
#   3. creates vault_admin: LOGIN CREATEROLE, ADMIN on the owner and group
#      roles, and acting as the roles it creates (PostgreSQL 16: createrole_self_grant), with a new
#      random password that goes to Vault through stdin only,
#   4. moves Vault's connection to vault_admin (Vault verifies the login before it keeps it) and has
#      Vault rotate vault_admin's password at once: from then on only Vault knows it.
# The master user is then break-glass only: Vault never uses it, and the copy in Secrets Manager stays
# valid (docs/dr.md). pgaudit records Vault's actions as vault_admin, a person's as the master user.
# Re-running it is safe: vault_admin gets a new password and Vault the same again.
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
admin=vault_admin
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
# vault_admin's first password: Vault replaces it at once (rotate-root below). Without the characters
# that would need quoting in SQL.
admin_password=$(aws secretsmanager get-random-password --region "$region" --password-length 40 --exclude-characters "'\"@/\\\$\`" --require-each-included-type --query RandomPassword --output text)

# The SQL goes through stdin; it holds no secret, and nothing secret appears in a process's arguments.
{
  echo "\\set ON_ERROR_STOP on"
  # The master user keeps ADMIN on the roles it creates (PostgreSQL 16), so it can grant them below.
  echo "DO \$\$ BEGIN"
  echo "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE \"${owner}\" WITH LOGIN; END IF;"
  for group in "${groups[@]}"; do
    echo "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${group}') THEN CREATE ROLE \"${group}\" NOLOGIN; END IF;"
  done
  echo "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${admin}') THEN CREATE ROLE \"${admin}\" WITH LOGIN CREATEROLE; END IF;"
  echo "END \$\$;"
  # Its password in a statement of its own, not inside DO: pgaudit redacts the password of a top-level
  # ALTER ROLE only.
  echo "ALTER ROLE \"${admin}\" WITH LOGIN CREATEROLE PASSWORD '${admin_password}';"
  # Vault's sessions act as the users they create (PostgreSQL 16: without SET and INHERIT,
  # REASSIGN/DROP OWNED of a created user fail), and vault_admin administers the owner (the static
  # role's rotation) and the groups (dynamic users join them).
  echo "ALTER ROLE \"${admin}\" SET createrole_self_grant = 'set, inherit';"
  for role in "$owner" "${groups[@]}"; do
    echo "GRANT \"${role}\" TO \"${admin}\" WITH ADMIN TRUE, INHERIT TRUE, SET TRUE;"
  done
  # pgaudit is loaded for the whole cluster (shared_preload_libraries); the extension in the database.
  echo "\\connect ${database//-/_}"
  echo "CREATE EXTENSION IF NOT EXISTS pgaudit;"
} | psql "host=${endpoint} port=5432 dbname=postgres user=${master} sslmode=verify-full sslrootcert=${ca_bundle}" --quiet --no-psqlrc

unset PGPASSWORD
# The password goes through stdin (`password=-`), never in a process's arguments; Vault merges the
# update into the connection and logs in as vault_admin before it keeps it (verify_connection).
printf '%s' "$admin_password" | vault write "database/config/${database}" "username=${admin}" password=- >/dev/null
unset admin_password
vault write -f "database/rotate-root/${database}" >/dev/null
echo "$database ($stack): roles ready (${owner} ${groups[*]}), pgaudit on; Vault logs in as ${admin} and rotated its password; the master user is break-glass only and its copy ${secret_id} stays valid (docs/dr.md)"
