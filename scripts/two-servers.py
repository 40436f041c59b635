#!/usr/bin/env python3
"""Two `vellum serve` processes on one PostgreSQL schema and one S3 bucket, under WhatsApp webhook
load at once; then the check that every message is in the archive exactly once and the ledger
verifies (issue 9: several servers, one archive).

Python 3 standard library only; loopback only. Needs the servers that scripts/postgres.sh and
scripts/seaweedfs.sh start (their DIR/env sourced: VELLUM_TEST_PG_*, VELLUM_TEST_S3_*), curl with
--aws-sigv4 (to create the Object Lock bucket) and a built `vellum`.

    python3 scripts/two-servers.py --vellum .build/release/vellum --messages 100000 --work /tmp/two

Each message id is delivered to one of the two servers; --overlap of them (default 10 %) is also
delivered to the other at the same time, as a webhook retry that a load balancer sends elsewhere.
A delivery answered with anything but 200 is retried (as Meta does) up to --retries times.
Exit status 0 only if: every delivery was acknowledged, `vellum verify` passes on the shared
archive, and it holds exactly --messages records (source keys are unique in the schema, so a
message stored twice is impossible and a count equal to the messages sent means none was lost).
"""

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

BODY = (
    '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",'
    '"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",'
    '"phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Client %(c)d"},"wa_id":"1650555%(c)04d"}],'
    '"messages":[{"from":"1650555%(c)04d","id":"%(id)s","timestamp":"%(ts)d","type":"text",'
    '"text":{"body":"two servers message %(n)d about the quarterly allocation"}}]}}]}]}'
)


def env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit("%s is unset: run scripts/postgres.sh and scripts/seaweedfs.sh start DIR and source DIR/env" % name)
    return value


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def private_file(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)


def create_bucket(name):
    endpoint, key, secret = env("VELLUM_TEST_S3_ENDPOINT"), env("VELLUM_TEST_S3_ACCESS_KEY"), env("VELLUM_TEST_S3_SECRET_KEY")
    region = os.environ.get("VELLUM_TEST_S3_REGION", "us-east-1")
    subprocess.run(
        ["curl", "-sf", "--aws-sigv4", "aws:amz:%s:s3" % region, "--user", "%s:%s" % (key, secret), "-X", "PUT",
         "%s/%s" % (endpoint, name), "-H", "x-amz-bucket-object-lock-enabled: true",
         "-H", "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
        check=True)


def storage_file(work, tag):
    private_file(os.path.join(work, "pg.password"), env("VELLUM_TEST_PG_PASSWORD"))
    private_file(os.path.join(work, "s3.secret"), env("VELLUM_TEST_S3_SECRET_KEY"))
    bucket = "vellum-two-%s" % tag
    create_bucket(bucket)
    path = os.path.join(work, "storage.yaml")
    private_file(path, """storage: postgres+s3
postgres:
  host: %s
  port: %s
  database: %s
  user: %s
  password_file: pg.password
  schema: vellum_two_%s
  max_connections: 6
s3:
  endpoint: %s
  region: %s
  bucket: %s
  access_key_id: %s
  secret_access_key_file: s3.secret
""" % (env("VELLUM_TEST_PG_HOST"), env("VELLUM_TEST_PG_PORT"), env("VELLUM_TEST_PG_DATABASE"), env("VELLUM_TEST_PG_USER"),
       tag, env("VELLUM_TEST_S3_ENDPOINT"), os.environ.get("VELLUM_TEST_S3_REGION", "us-east-1"), bucket,
       env("VELLUM_TEST_S3_ACCESS_KEY")))
    return path


def start_server(vellum, data, config, port, log):
    return subprocess.Popen([vellum, "serve", "--data", data, "--config", config, "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT)


def wait_healthy(port, process, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit("the server on port %d exited with %s (see its log)" % (port, process.returncode))
        try:
            with urllib.request.urlopen("http://127.0.0.1:%d/healthz" % port, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit("the server on port %d did not answer /healthz in %d s" % (port, timeout))


async def read_status(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if length:
        await reader.readexactly(length)
    return status


async def worker(port, fallback, queue, secret, retries, stats):
    """Sends its server's deliveries; when that server is gone (refused connections), fails over to
    `fallback`, as a load balancer would, and retries there."""
    reader = writer = None
    while True:
        try:
            n, message_id = queue.get_nowait()
        except asyncio.QueueEmpty:
            break
        body = (BODY % {"c": n % 5000, "id": message_id, "ts": int(time.time()), "n": n}).encode()
        signature = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
        request = (b"POST /webhooks/whatsapp HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
                   b"X-Hub-Signature-256: %s\r\nContent-Length: %d\r\n\r\n" % (port, signature.encode(), len(body))) + body
        for attempt in range(retries + 1):
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                started = time.perf_counter()
                writer.write(request)
                await writer.drain()
                status = await asyncio.wait_for(read_status(reader), timeout=30)
            except ConnectionRefusedError:
                reader = writer = None
                status = None
                if fallback is not None:
                    port, fallback = fallback, None
                    stats["failed_over"] += 1
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError):
                if writer is not None:
                    writer.close()
                reader = writer = None
                status = None
            if status == 200:
                stats["latencies"].append(time.perf_counter() - started)
                stats["acknowledged"] += 1
                break
            stats["retried"] += 1
        else:
            stats["failed"].append(message_id)
    if writer is not None:
        writer.close()


async def kill_when(stats, total, fraction, server):
    """SIGKILLs `server` once `fraction` of its `total` deliveries are acknowledged: no graceful shutdown."""
    while stats["acknowledged"] < fraction * total:
        await asyncio.sleep(0.05)
    server.kill()
    stats["killed_after"] = stats["acknowledged"]


async def load(ports, messages, overlap, concurrency, secret, retries, run, kill_b_at=None, server_b=None):
    queues = {port: asyncio.Queue() for port in ports}
    rng = random.Random(run)
    both = 0
    for n in range(messages):
        message_id = "wamid.two.%s.%d" % (run, n)
        first = ports[n % 2]
        queues[first].put_nowait((n, message_id))
        if rng.random() < overlap:
            queues[ports[(n + 1) % 2]].put_nowait((n, message_id))
            both += 1
    stats = {port: {"latencies": [], "acknowledged": 0, "retried": 0, "failed": [], "failed_over": 0} for port in ports}
    started = time.perf_counter()
    tasks = [worker(port, ports[0] if (kill_b_at is not None and port == ports[1]) else None, queues[port], secret, retries,
                    stats[port])
             for port in ports for _ in range(concurrency)]
    if kill_b_at is not None:
        tasks.append(kill_when(stats[ports[1]], queues[ports[1]].qsize(), kill_b_at, server_b))
    await asyncio.gather(*tasks)
    return stats, both, time.perf_counter() - started


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))] if values else float("nan")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--vellum", required=True)
    p.add_argument("--messages", type=int, default=100000)
    p.add_argument("--overlap", type=float, default=0.1, help="share of messages delivered to both servers")
    p.add_argument("--concurrency", type=int, default=16, help="connections per server")
    p.add_argument("--retries", type=int, default=5)
    p.add_argument("--work", required=True, help="a new folder for the two data directories, configs and logs")
    p.add_argument("--keep", action="store_true", help="keep the work folder")
    p.add_argument("--kill-b-at", type=float, help="SIGKILL the second server once this share of its deliveries is "
                   "acknowledged; its unanswered deliveries fail over to the first")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    os.makedirs(args.work, mode=0o700)
    tag = uuid.uuid4().hex[:10]
    storage = storage_file(args.work, tag)
    data_a, data_b = os.path.join(args.work, "host-a"), os.path.join(args.work, "host-b")
    subprocess.run([args.vellum, "init", "--data", data_a, "--storage", storage], check=True, stdout=subprocess.DEVNULL)
    # The second host: its own data directory with the same master key and storage file.
    os.makedirs(data_b, mode=0o700)
    for name in ("master.key", "storage.yaml"):
        shutil.copy2(os.path.join(data_a, name), os.path.join(data_b, name))
    secret = secrets.token_hex(16)
    config = os.path.join(args.work, "vellum.yaml")
    private_file(config, "webhooks:\n  whatsapp:\n    app_secrets: [%s]\n    verify_token: %s\n" % (secret, secrets.token_hex(8)))

    ports = [free_port(), free_port()]
    logs = [open(os.path.join(args.work, "serve-%s.log" % h), "w") for h in ("a", "b")]
    servers = [start_server(args.vellum, d, config, port, log) for d, port, log in zip((data_a, data_b), ports, logs)]
    try:
        for port, server in zip(ports, servers):
            wait_healthy(port, server)
        stats, both, elapsed = asyncio.run(
            load(ports, args.messages, args.overlap, args.concurrency, secret.encode(), args.retries, tag,
                 args.kill_b_at, servers[1]))
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)
        for server in servers:
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
    verify = subprocess.run([args.vellum, "verify", "--data", data_a, "--json"], capture_output=True, text=True)
    report = json.loads(verify.stdout) if verify.stdout.strip().startswith("{") else {"ok": False, "problems": [verify.stderr]}
    acknowledged = sum(s["acknowledged"] for s in stats.values())
    failed = sum(len(s["failed"]) for s in stats.values())
    latencies = [l for s in stats.values() for l in s["latencies"]]
    result = {
        "messages": args.messages,
        "deliveries": args.messages + both,
        "delivered_to_both": both,
        "acknowledged": acknowledged,
        "failed": failed,
        "retried": sum(s["retried"] for s in stats.values()),
        "seconds": round(elapsed, 1),
        "messages_per_s": round(args.messages / elapsed, 1),
        "latency_ms": {"p50": round(percentile(latencies, 0.5) * 1000, 1), "p95": round(percentile(latencies, 0.95) * 1000, 1),
                       "p99": round(percentile(latencies, 0.99) * 1000, 1)},
        "per_server": {str(port): {"acknowledged": s["acknowledged"], "failed_over": s["failed_over"],
                                   "killed_after": s.get("killed_after")} for port, s in stats.items()},
        "archive": {"verified": report.get("ok"), "records": report.get("records"),
                    "ledger_entries": report.get("ledger_entries"), "problems": report.get("problems", [])[:5]},
    }
    ok = failed == 0 and report.get("ok") is True and report.get("records") == args.messages
    result["ok"] = ok
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print("%d messages (%d delivered to both servers) in %.1f s = %.0f messages/s; p50 %.1f ms, p99 %.1f ms" % (
            args.messages, both, elapsed, result["messages_per_s"], result["latency_ms"]["p50"], result["latency_ms"]["p99"]))
        print("acknowledged %d of %d deliveries, %d failed, %d retried" % (
            acknowledged, result["deliveries"], failed, result["retried"]))
        if args.kill_b_at is not None:
            b = result["per_server"][str(ports[1])]
            print("second server SIGKILLed after %s acknowledgements; %d of its connections failed over to the first" % (
                b["killed_after"], b["failed_over"]))
        print("archive: verify %s, %s records (expected %d), %s ledger entries" % (
            "passed" if report.get("ok") else "FAILED", report.get("records"), args.messages, report.get("ledger_entries")))
        print("OK: each message exactly once, one verifying ledger" if ok else "NOT OK")
    if not args.keep and ok:
        shutil.rmtree(args.work, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
