#!/usr/bin/env python3
"""Load test for `vellum serve`'s WhatsApp webhook: signed deliveries over keep-alive
connections for a bounded time, then a zero-loss check against the archive.

Python 3 standard library only. Talks to loopback only (it refuses other hosts).

    vellum init --data /tmp/load/data
    printf 'webhooks:\\n  whatsapp:\\n    app_secrets: [load-secret]\\n    verify_token: t\\n' > /tmp/load/vellum.yaml
    vellum serve --data /tmp/load/data --config /tmp/load/vellum.yaml --port 8089 &
    python3 scripts/webhook-load.py --port 8089 --secret load-secret --duration 20 --concurrency 64 \\
        --vellum .build/release/vellum --data /tmp/load/data

Each delivery is one Cloud API body with one text message and a unique wamid, signed with
X-Hub-Signature-256 under --secret. Closed loop by default (each connection sends its next
delivery when the previous one is answered); --rate paces the total to that many deliveries/s
(open loop: latency counts from the planned send time, so queueing shows).

--engine wrk signs the deliveries beforehand and replays them with wrk (Debian's `wrk`, one
connection per thread, scripts/webhook-load.lua): the load generator then costs the two-core
machine far less CPU than Python's asyncio does, so the figures are the server's. Closed loop only.
"""

import argparse
import asyncio
import hashlib
import hmac
import ipaddress
import json
import os
import subprocess
import sys
import time
import uuid

BODY = (
    '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",'
    '"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",'
    '"phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Load %(worker)d"},"wa_id":"1650555%(phone)04d"}],'
    '"messages":[{"from":"1650555%(phone)04d","id":"%(id)s","timestamp":"%(ts)d","type":"text",'
    '"text":{"body":"load test delivery %(n)d from worker %(worker)d about the quarterly allocation"}}]}}]}]}'
)


class Stats:
    def __init__(self):
        self.latencies = []  # seconds, of 200 answers
        self.accepted_ids = []
        self.errors = {}
        self.sent = 0

    def error(self, kind):
        self.errors[kind] = self.errors.get(kind, 0) + 1


async def read_response(reader):
    """Status and body of one HTTP/1.1 response with Content-Length (Hummingbird sends it)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length = 0
    close = False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value.strip())
        elif name == b"connection" and value.strip().lower() == b"close":
            close = True
    body = await reader.readexactly(length) if length else b""
    return status, body, close


async def worker(index, args, secret, deadline, stats, pacer):
    reader = writer = None
    n = 0
    host_header = ("%s:%d" % (args.host, args.port)).encode()
    while True:
        planned = await pacer() if pacer else time.perf_counter()
        if planned is None or time.perf_counter() >= deadline:
            break
        if writer is None:
            try:
                reader, writer = await asyncio.open_connection(args.host, args.port)
            except OSError as e:
                stats.error("connect: %s" % e.__class__.__name__)
                await asyncio.sleep(0.05)
                continue
        n += 1
        message_id = "wamid.load.%s.%d.%d" % (args.run, index, n)
        body = (BODY % {"worker": index, "phone": index % 10000, "id": message_id, "ts": int(time.time()), "n": n}).encode()
        signature = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
        request = (
            b"POST /webhooks/whatsapp HTTP/1.1\r\nHost: " + host_header
            + b"\r\nContent-Type: application/json\r\nX-Hub-Signature-256: " + signature.encode()
            + b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        )
        stats.sent += 1
        try:
            writer.write(request)
            await writer.drain()
            status, answer, close = await asyncio.wait_for(read_response(reader), timeout=args.timeout)
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, asyncio.LimitOverrunError, ValueError) as e:
            stats.error("transport: %s" % e.__class__.__name__)
            writer.close()
            reader = writer = None
            continue
        latency = time.perf_counter() - planned
        if status == 200:
            stats.latencies.append(latency)
            stats.accepted_ids.append(message_id)
        else:
            stats.error("HTTP %d" % status)
        if close:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


def make_pacer(rate, deadline):
    """Hands out send times `1/rate` apart; waits for each; None once past the deadline."""
    if not rate:
        return None
    state = {"next": time.perf_counter()}

    async def pace():
        planned = state["next"]
        state["next"] += 1.0 / rate
        if planned >= deadline:
            return None
        delay = planned - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        return planned

    return pace


async def fire(args):
    secret = args.secret.encode()
    stats = Stats()
    start = time.perf_counter()
    deadline = start + args.duration
    pacer = make_pacer(args.rate, deadline)
    tasks = [asyncio.create_task(worker(i, args, secret, deadline, stats, pacer)) for i in range(args.concurrency)]
    await asyncio.gather(*tasks)
    return stats, time.perf_counter() - start


def percentile(sorted_values, q):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * q))]


def check_archive(args, accepted):
    """Every acknowledged wamid must be in the archive, once."""
    command = [args.vellum, "search", "--json", "--data", args.data, "--channel", "whatsapp",
               "--limit", str(len(accepted) + args.limit_slack), "--actor", "load-test"]
    started = time.perf_counter()
    out = subprocess.run(command, check=True, capture_output=True).stdout
    hits = json.loads(out)["hits"]
    prefix = "wamid.load.%s." % args.run
    found = [h["source_id"] for h in hits if h["source_id"].startswith(prefix)]
    missing = set(accepted) - set(found)
    duplicated = len(found) - len(set(found))
    return missing, duplicated, len(found), time.perf_counter() - started


def deliveries_file(args, secret, path):
    """Signs enough deliveries for --duration at up to --max-rate per second, one per line."""
    count = int(args.max_rate * args.duration) + args.concurrency
    now = int(time.time())
    with open(path, "w") as out:
        for n in range(count):
            index = n % args.concurrency
            message_id = "wamid.load.%s.%d" % (args.run, n)
            body = BODY % {"worker": index, "phone": index % 10000, "id": message_id, "ts": now, "n": n}
            signature = "sha256=" + hmac.new(secret, body.encode(), hashlib.sha256).hexdigest()
            out.write("%s\t%s\t%s\n" % (message_id, signature, body))
    return count


def fire_wrk(args):
    """Runs wrk over pre-signed deliveries; returns Stats and the elapsed seconds."""
    import shutil
    import tempfile
    wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("--engine wrk needs wrk on the PATH (Debian: apt-get install wrk)")
    lua = os.path.join(os.path.dirname(os.path.abspath(__file__)), "webhook-load.lua")
    with tempfile.TemporaryDirectory(prefix="vellum-load-") as work:
        requests = os.path.join(work, "deliveries.tsv")
        deliveries_file(args, args.secret.encode(), requests)
        result_path = os.path.join(work, "result.json")
        command = [wrk, "-t%d" % args.concurrency, "-c%d" % args.concurrency, "-d%ds" % int(args.duration),
                   "--timeout", "%ds" % int(args.timeout), "-s", lua,
                   "http://%s:%d" % (args.host, args.port), "--", requests, str(args.concurrency)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=dict(os.environ, WRK_RESULT=result_path))
        with open(result_path) as f:
            raw = json.load(f)
    stats = Stats()
    stats.accepted_ids = raw["acknowledged"]
    stats.sent = raw["requests"]
    stats.percentiles = {k: v / 1000.0 for k, v in raw["latency_us"].items()}
    for kind, n in raw["errors"].items():
        if n:
            stats.error("wrk %s" % kind)
            stats.errors["wrk %s" % kind] = n
    for status, n in raw["other_statuses"].items():
        stats.errors["HTTP %s" % status] = n
    if raw["exhausted"]:
        stats.errors["repeated deliveries (raise --max-rate)"] = raw["exhausted"]
    return stats, raw["duration_us"] / 1e6


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--secret", required=True, help="the WhatsApp app secret configured on the server")
    p.add_argument("--duration", type=float, default=20.0, help="seconds of load (at most 300)")
    p.add_argument("--concurrency", type=int, default=64, help="keep-alive connections, one request in flight each")
    p.add_argument("--rate", type=float, default=0, help="total deliveries/s to pace to (0: as fast as answered)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for one answer")
    p.add_argument("--run", default=uuid.uuid4().hex[:8], help="tag in every message id")
    p.add_argument("--vellum", help="the vellum binary, for the zero-loss check")
    p.add_argument("--data", help="the archive's data directory, for the zero-loss check")
    p.add_argument("--limit-slack", type=int, default=100000, help="extra search hits to allow for other messages")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--engine", choices=["python", "wrk"], default="python",
                   help="python: asyncio, signs as it goes; wrk: pre-signed deliveries replayed by wrk")
    p.add_argument("--max-rate", type=float, default=5000, help="wrk engine: deliveries/s to pre-sign for")
    args = p.parse_args()
    if not ipaddress.ip_address(__import__("socket").gethostbyname(args.host)).is_loopback:
        sys.exit("refusing to load anything but loopback (%s)" % args.host)
    args.duration = min(args.duration, 300.0)

    if args.engine == "wrk":
        if args.rate:
            sys.exit("--rate needs --engine python (wrk runs closed loop)")
        stats, elapsed = fire_wrk(args)
        acknowledged = len(stats.accepted_ids)
        latency_ms = {k: round(v, 2) for k, v in stats.percentiles.items()}
    else:
        stats, elapsed = asyncio.run(fire(args))
        latencies = sorted(stats.latencies)
        acknowledged = len(latencies)
        latency_ms = {
            "p50": round(percentile(latencies, 0.50) * 1000, 2),
            "p95": round(percentile(latencies, 0.95) * 1000, 2),
            "p99": round(percentile(latencies, 0.99) * 1000, 2),
            "max": round(latencies[-1] * 1000, 2) if latencies else None,
        }
    result = {
        "engine": args.engine,
        "run": args.run,
        "duration_s": round(elapsed, 2),
        "concurrency": args.concurrency,
        "rate_target": args.rate or None,
        "sent": stats.sent,
        "acknowledged": acknowledged,
        "deliveries_per_s": round(acknowledged / elapsed, 1),
        "latency_ms": latency_ms,
        "errors": stats.errors,
    }
    if args.vellum and args.data:
        missing, duplicated, found, took = check_archive(args, stats.accepted_ids)
        result["archive_check"] = {
            "acknowledged": len(stats.accepted_ids), "found": found, "missing": len(missing),
            "duplicated": duplicated, "check_s": round(took, 1),
            "missing_ids": sorted(missing)[:20],
        }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        l = result["latency_ms"]
        print("%d deliveries acknowledged in %.1f s = %.0f deliveries/s (concurrency %d%s)" % (
            result["acknowledged"], elapsed, result["deliveries_per_s"], args.concurrency,
            ", paced to %.0f/s" % args.rate if args.rate else ""))
        print("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %s ms" % (l["p50"], l["p95"], l["p99"], l["max"]))
        print("errors: %s" % (", ".join("%s x%d" % kv for kv in sorted(stats.errors.items())) or "none"))
        if "archive_check" in result:
            c = result["archive_check"]
            print("archive: %d of %d acknowledged messages found, %d missing, %d duplicated (checked in %.1f s)" % (
                c["found"], c["acknowledged"], c["missing"], c["duplicated"], c["check_s"]))
            if c["missing"]:
                print("missing: %s" % ", ".join(c["missing_ids"]))
    lost = result.get("archive_check", {}).get("missing", 0)
    sys.exit(1 if lost else 0)


if __name__ == "__main__":
    main()
