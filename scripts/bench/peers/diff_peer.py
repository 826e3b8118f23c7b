#!/usr/bin/env python3
"""diff_peer.py - the set difference that `dialdiff diff` computes, written
the obvious way in Python (json module, dicts and sets): a peer for the
benchmark, not a second implementation of dialdiff.

    diff_peer.py A.json B.json

Per section (every section id of either round, in sorted order), on the
items' explicit ids: added = in B only, dropped = in A only, kept = in both,
changed = kept items whose label, action or note differ.  Prints JSON:
{"sections": [{"id", "added": [ids], "dropped": [ids], "kept": [ids],
"changed": [ids]}], "summary": {"added", "kept", "dropped", "changed"}}.
Items without an id are keyed by their English label (no taxonomy here:
the benchmark's large pair has explicit ids only).
"""

import json
import sys


def key(item):
    return item.get("id") or item.get("label", {}).get("en", "")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: diff_peer.py A.json B.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        a = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        b = json.load(f)
    ta, tb = a.get("topics", {}), b.get("topics", {})
    sections, total = [], {"added": 0, "kept": 0, "dropped": 0, "changed": 0}
    for sid in sorted(set(ta) | set(tb)):
        ia = {key(it): it for it in ta.get(sid, [])}
        ib = {key(it): it for it in tb.get(sid, [])}
        sa, sb = set(ia), set(ib)
        added = [k for k in ib if k not in sa]
        dropped = [k for k in ia if k not in sb]
        kept = [k for k in ib if k in sa]
        changed = [k for k in kept
                   if any(ia[k].get(f) != ib[k].get(f)
                          for f in ("label", "action", "note"))]
        sections.append({"id": sid, "added": added, "dropped": dropped,
                         "kept": kept, "changed": changed})
        for name, ids in (("added", added), ("kept", kept),
                          ("dropped", dropped), ("changed", changed)):
            total[name] += len(ids)
    json.dump({"sections": sections, "summary": total}, sys.stdout,
              ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
