#!/usr/bin/env python3
"""What the single SQLite writer costs per message, without Vellum.

Replays the rows an archive already holds (the sealed records, their participants and tags, the
keyed-token documents, the FTS5 index and the ledger) into a fresh database with the archive's own
schema, 1,000 messages a transaction, WAL with synchronous=FULL as Vellum runs it, and times each
part alone and all together. Nothing is decrypted: the rows are copied as the archive stores them.

    swift run -c release vellum-bench ingest --count 20000 --folder /tmp/bench --no-baseline
    python3 scripts/ingest-floor.py /tmp/bench/archive/archive.sqlite

The "all" line is the floor of Vellum's commit: what SQLite needs to write these rows, however
fast the Swift around it. (Python's own per-statement cost is included; it is a few microseconds.)
"""
import os
import sqlite3
import sys
import tempfile
import time

BATCH = 1000


def load(path):
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    schema = [r[0] for r in src.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'message_index_%' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
    cols = ("position, id, source_key, channel, kind, target_key, conversation_key, sender_key, sent_at, "
            "captured_at, scope, body, commitment, ledger_index, blob_refs, record_key")
    records = src.execute(f"SELECT {cols} FROM records ORDER BY position").fetchall()
    parts, tags = {}, {}
    for key, pos in src.execute("SELECT party_key, position FROM record_participants"):
        parts.setdefault(pos, []).append(key)
    for key, pos in src.execute("SELECT tag_key, position FROM record_tags"):
        tags.setdefault(pos, []).append(key)
    docs = dict(src.execute("SELECT position, tokens FROM index_docs"))
    ledger = src.execute("SELECT idx, payload, leaf_hash FROM ledger ORDER BY idx").fetchall()
    return schema, cols, records, parts, tags, docs, ledger


def replay(name, data, parts_on=True, records_on=True, docs_on=True, fts_on=True, ledger_on=True):
    schema, cols, records, parts, tags, docs, ledger = data
    folder = tempfile.mkdtemp(prefix="vellum-floor-")
    db = sqlite3.connect(os.path.join(folder, "floor.sqlite"), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA cache_size=-65536")  # as Vellum opens it (SQLiteArchiveStore)
    db.execute("PRAGMA mmap_size=4294967296")
    for statement in schema:
        db.execute(statement)
    marks = ",".join("?" * 16)
    t0 = time.perf_counter()
    for start in range(0, len(records), BATCH):
        db.execute("BEGIN")
        for row in records[start:start + BATCH]:
            pos = row[0]
            if records_on:
                db.execute(f"INSERT INTO records({cols}) VALUES ({marks})", row)
            if parts_on:
                for key in parts.get(pos, []):
                    db.execute("INSERT OR IGNORE INTO record_participants(party_key, position) VALUES (?, ?)", (key, pos))
                for key in tags.get(pos, []):
                    db.execute("INSERT OR IGNORE INTO record_tags(tag_key, position) VALUES (?, ?)", (key, pos))
            if docs_on:
                db.execute("INSERT INTO index_docs(position, tokens) VALUES (?, ?)", (pos, docs[pos]))
            if fts_on:
                db.execute("INSERT INTO message_index(rowid, tokens) VALUES (?, ?)", (pos, docs[pos]))
        if ledger_on:
            for entry in ledger[start:start + BATCH]:
                db.execute("INSERT INTO ledger(idx, payload, leaf_hash) VALUES (?, ?, ?)", entry)
        db.execute("COMMIT")
    seconds = time.perf_counter() - t0
    db.close()
    for f in os.listdir(folder):
        os.remove(os.path.join(folder, f))
    os.rmdir(folder)
    n = len(records)
    print(f"{name:<34} {seconds / n * 1e6:7.1f} us/message   {n / seconds:9.0f} messages/s")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    data = load(sys.argv[1])
    records, docs = data[2], data[5]
    body = sum(len(r[11]) for r in records) / max(1, len(records))
    tokens = sum(len(t.split()) for t in docs.values()) / max(1, len(docs))
    print(f"{len(records)} records, sealed body {body:.0f} bytes, {tokens:.1f} keyed tokens each; "
          f"SQLite {sqlite3.sqlite_version}, WAL, synchronous=FULL, 64 MiB cache, {BATCH} per transaction")
    replay("all (what a commit writes)", data)
    replay("records table only", data, parts_on=False, docs_on=False, fts_on=False, ledger_on=False)
    replay("participants and tags only", data, records_on=False, docs_on=False, fts_on=False, ledger_on=False)
    replay("token documents only", data, records_on=False, parts_on=False, fts_on=False, ledger_on=False)
    replay("FTS5 index only", data, records_on=False, parts_on=False, docs_on=False, ledger_on=False)
    replay("ledger leaves only", data, records_on=False, parts_on=False, docs_on=False, fts_on=False)


if __name__ == "__main__":
    main()
