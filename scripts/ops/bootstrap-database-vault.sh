#!/usr/bin/env bash
# One-time bootstrap of a new database for Vault (run once per database, after its first `pulumi up`):
#   1. log in as the RDS-managed master user (password read from Secrets Manager, never printed),
#   2. create `vault_admin` with a one-time password, the schema owner and the services' group roles
#      (those the migrations have not created yet), and give vault_admin admin rights on exactly those,
#   3. hand the one-time password to Vault's connection, then have Vault rotate it at once, so that
#      from then on only Vault knows it.
# Needs: aws, jq, psql, vault (VAULT_ADDR and VAULT_TOKEN set), and the infra CLI.
# Usage: scripts/ops/bootstrap-database-vault.sh STACK DATABASE
set -euo pipefail
set +x  # secrets pass through variables below: never trace them

if [ "$#" -ne 2 ]; then
  echo "usage: $0 STACK DATABASE   (e.g. $0 staging payments-db)" >&2
  exit 2
fi
stack=$1
database=$2
cd "$(dirname "$0")/../.."
infra() { dotnet run --project tools/Infra.Cli -- "$@"; }

plan=$(infra plan --stack "$stack" --output json)
region=$(jq -r '.primaryRegion' <<<"$plan")
if ! jq -e --arg db "$database" '.databases[] | select(.name == $db)' <<<"$plan" >/dev/null; then
  echo "$0: stack $stack has no database '$database'; known: $(jq -r '[.databases[].name] | join(", ")' <<<"$plan")" >&2
  exit 2
fi
# Names as components/Infra.Blueprints/Vault/VaultNames.cs makes them: hyphens become underscores.
owner="${database//-/_}_owner"
mapfile -t groups < <(jq -r --arg db "$database" '.databases[] | select(.name == $db) | .usedBy[] | gsub("-"; "_") + "_app"' <<<"$plan")
cluster="${database}-${stack}-${region}"

described=$(aws rds describe-db-clusters --region "$region" --db-cluster-identifier "$cluster" --output json)
endpoint=$(jq -r '.DBClusters[0].Endpoint' <<<"$described")
master=$(jq -r '.DBClusters[0].MasterUsername' <<<"$described")
secret_arn=$(jq -r '.DBClusters[0].MasterUserSecret.SecretArn' <<<"$described")
PGPASSWORD=$(aws secretsmanager get-secret-value --region "$region" --secret-id "$secret_arn" --query SecretString --output text | jq -r '.password')
export PGPASSWORD
one_time=$(openssl rand -base64 36 | tr -d '\n/+=')

# The SQL, password included, goes through stdin: nothing secret appears in a process's arguments.
{
  echo "\\set ON_ERROR_STOP on"
  echo "DO \$\$ BEGIN"
  echo "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vault_admin') THEN CREATE ROLE vault_admin WITH LOGIN CREATEROLE; END IF;"
  echo "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE \"${owner}\" WITH LOGIN; END IF;"
  for group in "${groups[@]}"; do
    echo "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${group}') THEN CREATE ROLE \"${group}\" NOLOGIN; END IF;"
  done
  echo "END \$\$;"
  echo "ALTER ROLE vault_admin WITH PASSWORD '${one_time}';"
  echo "GRANT \"${owner}\" TO vault_admin WITH ADMIN OPTION;"
  for group in "${groups[@]}"; do
    echo "GRANT \"${group}\" TO vault_admin WITH ADMIN OPTION;"
  done
} | psql "host=${endpoint} port=5432 dbname=postgres user=${master} sslmode=require" --quiet --no-psqlrc

unset PGPASSWORD
# `password=-` reads the value from stdin.
printf '%s' "$one_time" | vault write "database/config/${database}" password=- >/dev/null
unset one_time
vault write -f "database/rotate-root/${database}" >/dev/null
echo "$database ($stack): vault_admin created and its password rotated by Vault; roles ready: ${owner} ${groups[*]}"
