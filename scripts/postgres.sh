#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL 15 on loopback, for the VellumPostgres tests.
#
#   scripts/postgres.sh start DIR   # cluster in DIR/data, log in DIR/postgres.log, env in DIR/env
#   scripts/postgres.sh stop DIR
#
# `start` runs initdb with scram-sha-256 for every connection (local and TCP), listens on
# 127.0.0.1 only, on a free port, with its unix socket in DIR; creates a login role `vellum_test`
# with a random password and a database `vellum_test` it owns; and writes DIR/env (mode 0600) with
# VELLUM_TEST_PG_HOST, _PORT, _USER, _PASSWORD and _DATABASE, to be sourced by the shell that runs
# `swift test`. Passwords go through files (0600) and PGPASSWORD, never through argv. With openssl
# present the server also speaks TLS, with a certificate from a throw-away CA in DIR/ca.crt
# (VELLUM_TEST_PG_CA), for the `sslmode: verify-full` tests.
#
# PostgreSQL refuses to run as root. Run as root (CI is), the server runs as the `postgres` user
# (Debian's package creates it) or, without one, as a system user `vellum-pg` created here; DIR
# is then owned by that user.
# Binaries: initdb/pg_ctl on PATH, else /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql).
set -euo pipefail

cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
    echo "usage: $0 start|stop DIR" >&2
    exit 2
fi

bindir() {
    local initdb
    if initdb=$(command -v initdb); then
        dirname "$(readlink -f "$initdb")"
        return
    fi
    local d
    for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        if [ -x "$d/initdb" ]; then echo "$d"; return; fi
    done
    return 1
}

# The user the server runs as, and a prefix that runs a command as that user.
as_user=()
run_user=$(id -un)
if [ "$(id -u)" = 0 ]; then
    if id postgres >/dev/null 2>&1; then
        run_user=postgres
    else
        id vellum-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin vellum-pg
        run_user=vellum-pg
    fi
    as_user=(runuser -u "$run_user" --)
fi

case "$cmd" in
start)
    bin=$(bindir) || { echo "PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql" >&2; exit 1; }
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ -f "$dir/data/postmaster.pid" ] && "${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        echo "PostgreSQL already running in $dir/data; env in $dir/env"
        exit 0
    fi
    [ -d "$dir/data" ] && { echo "$dir/data exists but no server runs there; remove it first" >&2; exit 1; }
    if [ ${#as_user[@]} -gt 0 ]; then
        chown "$run_user" "$dir"
        chmod 0700 "$dir"
        "${as_user[@]}" test -x "$dir" || {
            echo "$run_user cannot reach $dir (a parent directory is closed to it); pick a DIR under /tmp" >&2; exit 1; }
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    admin_password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
    test_password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
    (umask 077; printf '%s\n' "$admin_password" >"$dir/admin.pw")
    [ ${#as_user[@]} -gt 0 ] && chown "$run_user" "$dir/admin.pw"

    "${as_user[@]}" "$bin/initdb" -D "$dir/data" --username=vellum_admin --pwfile="$dir/admin.pw" \
        --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { echo "initdb failed:" >&2; tail -20 "$dir/initdb.log" >&2; exit 1; }
    # TLS with a throw-away CA (when openssl is there): the server certificate names 127.0.0.1 and
    # localhost, and DIR/ca.crt lets tests check `sslmode: verify-full`.
    ssl_opts=""
    if command -v openssl >/dev/null 2>&1; then
        (
            umask 077
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=Vellum test CA" \
                -keyout "$dir/ca.key" -out "$dir/ca.crt" >/dev/null 2>&1
            openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
                -keyout "$dir/data/server.key" -out "$dir/server.csr" >/dev/null 2>&1
            printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n' >"$dir/server.ext"
            openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
                -extfile "$dir/server.ext" -out "$dir/data/server.crt" >/dev/null 2>&1
        ) && {
            chmod 0644 "$dir/ca.crt"
            [ ${#as_user[@]} -gt 0 ] && chown "$run_user" "$dir/data/server.key" "$dir/data/server.crt"
            ssl_opts="-c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key"
        }
    fi
    "${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off $ssl_opts" start >/dev/null \
        || { echo "PostgreSQL did not start; last log lines:" >&2; tail -20 "$dir/postgres.log" >&2; exit 1; }

    # Ready when a TCP connection with the password gets an answer.
    export PGPASSWORD=$admin_password
    for _ in $(seq 1 60); do
        if psql -h 127.0.0.1 -p "$port" -U vellum_admin -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1; then ready=1; break; fi
        sleep 0.5
    done
    if [ -z "${ready:-}" ]; then
        echo "PostgreSQL did not answer on 127.0.0.1:$port within 30 s" >&2; tail -20 "$dir/postgres.log" >&2
        "${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; exit 1
    fi
    # The password goes through the environment (\getenv), so it shows in no process list.
    VELLUM_PG_TEST_PASSWORD=$test_password psql -h 127.0.0.1 -p "$port" -U vellum_admin -d postgres \
        -v ON_ERROR_STOP=1 -q >/dev/null <<'SQL'
\getenv pw VELLUM_PG_TEST_PASSWORD
SET password_encryption = 'scram-sha-256';
CREATE ROLE vellum_test LOGIN PASSWORD :'pw';
CREATE DATABASE vellum_test OWNER vellum_test;
SQL
    unset PGPASSWORD
    (
        umask 077
        cat >"$dir/env" <<ENV
export VELLUM_TEST_PG_HOST=127.0.0.1
export VELLUM_TEST_PG_PORT=$port
export VELLUM_TEST_PG_USER=vellum_test
export VELLUM_TEST_PG_PASSWORD=$test_password
export VELLUM_TEST_PG_DATABASE=vellum_test
ENV
        if [ -n "$ssl_opts" ]; then echo "export VELLUM_TEST_PG_CA=$dir/ca.crt" >>"$dir/env"; fi
    )
    echo "PostgreSQL on 127.0.0.1:$port (running as $run_user, data in $dir/data); source $dir/env"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        bin=$(bindir) || { echo "pg_ctl not found" >&2; exit 1; }
        "${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
            || "${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
