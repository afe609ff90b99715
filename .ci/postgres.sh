#!/usr/bin/env bash
# A private PostgreSQL cluster for tests and benchmarks: 127.0.0.1:55432, role chainwise/chainwise
# (CREATEDB, so tests can make a database each). Usage: postgres.sh start|stop
set -euo pipefail
PGPORT=${PGPORT:-55432}
PGDATA_DIR=${PGDATA_DIR:-/tmp/chainwise-pg}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
      mkdir -p "$PGDATA_DIR"
      [ "$(id -u)" = 0 ] && chown postgres "$PGDATA_DIR"
      as_pg "$pg_bin/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$pg_bin/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
      as_pg "$pg_bin/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA_DIR -c fsync=off -c max_connections=200" start >/dev/null
    fi
    as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qtAc \
      "SELECT 1 FROM pg_roles WHERE rolname='chainwise'" | grep -q 1 ||
      as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc \
        "CREATE ROLE chainwise LOGIN PASSWORD 'chainwise' CREATEDB"
    as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qtAc \
      "SELECT 1 FROM pg_database WHERE datname='chainwise_test'" | grep -q 1 ||
      as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE chainwise_test OWNER chainwise"
    echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
    ;;
  stop)
    as_pg "$pg_bin/pg_ctl" -D "$PGDATA_DIR" -m fast stop
    ;;
esac
