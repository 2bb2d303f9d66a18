# Sourced by .ci/run (and usable by developers: `source .ci/postgres.sh`): starts a
# throw-away PostgreSQL server on loopback for the store's tests and exports
#   SITREP_TEST_PG=postgres://postgres@127.0.0.1:PORT/sitrep_test
# Installs Debian's postgresql package when no server binaries are found. The cluster
# lives in a temporary directory, owned by the `postgres` user when run as root (the
# server refuses to run as root); `sitrep_pg_stop` stops it and removes the directory.

sitrep_pg_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: installing postgresql"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  local as=()
  SITREP_PG_DIR=$(mktemp -d /tmp/sitrep-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$SITREP_PG_DIR"
    as=(runuser -u postgres --)
  fi
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${as[@]}" "$bin/initdb" -D "$SITREP_PG_DIR/data" -A trust -U postgres -E UTF8 >"$SITREP_PG_DIR/initdb.log" 2>&1 \
    || { cat "$SITREP_PG_DIR/initdb.log"; return 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$SITREP_PG_DIR/data" -l "$SITREP_PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $SITREP_PG_DIR -c max_connections=200" start >/dev/null \
    || { cat "$SITREP_PG_DIR/server.log"; return 1; }
  "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres sitrep_test
  SITREP_PG_BIN=$bin
  SITREP_PG_AS="${as[*]}"
  export SITREP_PG_DIR SITREP_PG_BIN SITREP_PG_AS
  export SITREP_TEST_PG="postgres://postgres@127.0.0.1:$port/sitrep_test"
  echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

sitrep_pg_stop() {
  if [ -n "${SITREP_PG_DIR:-}" ] && [ -d "$SITREP_PG_DIR/data" ]; then
    $SITREP_PG_AS "$SITREP_PG_BIN/pg_ctl" -D "$SITREP_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$SITREP_PG_DIR"
  fi
}

sitrep_pg_start
