#!/usr/bin/env python3
"""gen_pair.py - a large pair of rounds for benchmarking `dialdiff diff`.

    gen_pair.py --out DIR [--items 50000] [--shared 0.8] [--entries N] [--seed 1]

writes

    DIR/dialogues/taxonomy.json      one section, N entries (default: just
                                     enough for both rounds, 60,000 for
                                     50,000 items at 80% shared)
    DIR/dialogues/big/series.json
    DIR/dialogues/big/round-01.json  ITEMS items, all with explicit ids
    DIR/dialogues/big/round-02.json  ITEMS items; SHARED of them also in round 1
    DIR/expected.json                {"added": .., "dropped": .., "kept": ..,
                                      "changed": ..}

Round 1 holds entries 1..ITEMS, round 2 entries ITEMS-KEPT+1..2*ITEMS-KEPT,
each in a shuffled order.  Of the kept items about 10% change their label
wording and 5% their action.  The output depends only on the arguments.
"""

import argparse
import json
import os
import sys

import benchdata as bd


def build(items, shared, entries, seed):
    rng = bd.Rng(seed)
    kept = int(round(items * shared))
    union = 2 * items - kept
    if entries is None:
        entries = union
    if entries < union:
        sys.exit("gen_pair.py: %d entries cannot hold %d distinct items"
                 % (entries, union))

    # Per entry: its wording and action in round 1.
    first = {}
    a_ids = list(range(1, items + 1))
    b_ids = list(range(items - kept + 1, items - kept + items + 1))
    changed = 0
    side_a, side_b = [], []
    for k in a_ids:
        wording = rng.below(4)
        action = bd.ACTIONS[rng.below(len(bd.ACTIONS))] if rng.chance(0.5) else None
        note = "Note on topic %d" % k if rng.chance(0.1) else None
        first[k] = (wording, action, note)
        side_a.append(bd.item(k, wording, True, action, note))
    for k in b_ids:
        if k in first:
            wording, action, note = first[k]
            change = False
            if rng.chance(0.10):
                wording = (wording + 1) % 4
                change = True
            if rng.chance(0.05):
                action = bd.ACTIONS[(bd.ACTIONS.index(action) + 1) % len(bd.ACTIONS)
                                    if action else 0]
                change = True
            changed += change
        else:
            wording = rng.below(4)
            action = bd.ACTIONS[rng.below(len(bd.ACTIONS))] if rng.chance(0.5) else None
            note = "Note on topic %d" % k if rng.chance(0.1) else None
        side_b.append(bd.item(k, wording, True, action, note))
    rng.shuffle(side_a)
    rng.shuffle(side_b)
    expected = {"added": items - kept, "dropped": items - kept,
                "kept": kept, "changed": changed}
    return entries, side_a, side_b, expected


def round_doc(n, items):
    return {"schema_version": 1, "series": "big", "round": n,
            "date": bd.round_date(n),
            "title": {"en": "Large synthetic round %d" % n,
                      "zh": "大型合成第%d轮" % n},
            "sources": [{"title": "scripts/bench/gen_pair.py"}],
            "topics": {bd.section_id(0): items}}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--items", type=int, default=50000)
    ap.add_argument("--shared", type=float, default=0.8)
    ap.add_argument("--entries", type=int, default=None)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.items < 1 or not 0 <= args.shared <= 1:
        sys.exit("gen_pair.py: --items must be positive and --shared in [0, 1]")

    entries, a, b, expected = build(args.items, args.shared, args.entries,
                                    args.seed)
    d = os.path.join(args.out, "dialogues")
    os.makedirs(os.path.join(d, "big"), exist_ok=True)
    files = {
        os.path.join(d, "taxonomy.json"): bd.taxonomy_text(1, entries),
        os.path.join(d, "big", "series.json"): bd.dumps(bd.series_doc("big", 1)),
        os.path.join(d, "big", "round-01.json"): bd.dumps(round_doc(1, a)),
        os.path.join(d, "big", "round-02.json"): bd.dumps(round_doc(2, b)),
        os.path.join(args.out, "expected.json"): json.dumps(expected) + "\n",
    }
    for path, text in files.items():
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


if __name__ == "__main__":
    main()
