#!/usr/bin/env bash
# Makes a PostgreSQL server available to the server tests and Chromium to the browser tests.
# Debian's PostgreSQL 15 is installed on the image but not started: start it and give the tests a
# role that may create their own databases. Tests find it at
# jdbc:postgresql://127.0.0.1:5432/muster (user muster, password muster) or through
# MUSTER_TEST_DB; without either they start an embedded PostgreSQL.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
    echo "server-setup: installing ${need[*]}"
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
fi

version="$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1}')"
cluster="$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $2}')"
if [ -z "$version" ]; then
    version="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"
    cluster=main
    pg_createcluster "$version" "$cluster" >/dev/null
fi
if ! pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
    echo "server-setup: starting PostgreSQL $version/$cluster"
    pg_ctlcluster "$version" "$cluster" start
fi
for _ in $(seq 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

as_postgres() { (cd / && su postgres -c "$1"); }
if ! as_postgres "psql -tAc \"select 1 from pg_roles where rolname = 'muster'\"" | grep -q 1; then
    as_postgres "psql -q -c \"create role muster login createdb password 'muster'\""
fi
if ! as_postgres "psql -tAc \"select 1 from pg_database where datname = 'muster'\"" | grep -q 1; then
    as_postgres "createdb -O muster muster"
fi
echo "server-setup: PostgreSQL ready at jdbc:postgresql://127.0.0.1:5432/muster (user muster)"
