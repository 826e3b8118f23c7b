"""benchdata.py - what the benchmark generators share: a seeded random
number generator, and the labels, patterns and taxonomy entries of the
synthetic dialogues.

Everything here is deterministic from the seed and independent of the
Python version (the generator is splitmix64, not the random module, whose
algorithms have changed between versions).

Entry k of a section is classified by two patterns, which match the
literal tokens of its own labels and of no other entry's:

    \\btopic-k-      matches "... topic-k-<letters> ..."  (English)
    议题k号          matches "... 议题k号 ..."             (Chinese)

The token is closed on both sides ("topic-" ... "-", "议题" ... "号"), so
the pattern of entry 1 cannot match a label of entry 12 or 21.
"""

import json

MASK64 = (1 << 64) - 1


class Rng:
    """splitmix64: small, fast enough, and the same on every Python."""

    def __init__(self, seed):
        self.state = (int(seed) * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & MASK64

    def next64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        """An integer in [0, n); the modulo bias is below 2^-40 for n < 2^24."""
        return self.next64() % n

    def between(self, lo, hi):
        """An integer in [lo, hi]."""
        return lo + self.below(hi - lo + 1)

    def chance(self, p):
        return self.next64() < int(p * (1 << 64))

    def shuffle(self, xs):
        for i in range(len(xs) - 1, 0, -1):
            j = self.below(i + 1)
            xs[i], xs[j] = xs[j], xs[i]

    def sample(self, n, k):
        """k distinct integers of range(n), in random order."""
        if k > n:
            raise ValueError("sample larger than population")
        if k * 3 > n:
            xs = list(range(n))
            self.shuffle(xs)
            return xs[:k]
        seen, out = set(), []
        while len(out) < k:
            x = self.below(n)
            if x not in seen:
                seen.add(x)
                out.append(x)
        return out


ACTIONS = ["proposed", "agreed", "established", "implemented", "continued",
           "strengthened", "reviewed", "retained", "reaffirmed", "considered"]

# Wordings of a label; the token stays, the wording around it changes.
EN_WORDINGS = ["Cooperation on topic-{k}-{v}",
               "Joint work on topic-{k}-{v} cases",
               "Exchange of information on topic-{k}-{v}",
               "Continued dialogue on topic-{k}-{v} matters"]
ZH_WORDINGS = ["关于议题{k}号的合作",
               "就议题{k}号开展联合工作",
               "议题{k}号信息交流",
               "继续就议题{k}号进行对话"]
VARIANTS = "abcdefghijklmnopqrstuvwxyz"


def section_id(s):
    return "section-%d" % (s + 1)


def entry_id(k):
    return "topic-%d" % k


def label(k, wording):
    """The label of entry k in one of its wordings (an integer)."""
    v = VARIANTS[wording % len(VARIANTS)]
    w = wording % len(EN_WORDINGS)
    return {"en": EN_WORDINGS[w].format(k=k, v=v),
            "zh": ZH_WORDINGS[w].format(k=k)}


def patterns(k):
    return ["\\btopic-%d-" % k, "议题%d号" % k]


def entry(k):
    return {"id": entry_id(k),
            "name": {"en": "Topic %d" % k, "zh": "议题%d号" % k},
            "patterns": patterns(k)}


def item(k, wording, explicit, action=None, note=None):
    it = {}
    if explicit:
        it["id"] = entry_id(k)
    it["label"] = label(k, wording)
    if action:
        it["action"] = action
    if note:
        it["note"] = note
    return it


def dumps(obj):
    """Pretty JSON the way the bundled data is written: two-space indent,
    UTF-8 unescaped, a final newline."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def taxonomy_text(nsections, nentries):
    """The taxonomy, one entry per line (a 60,000-entry taxonomy stays far
    below the 16 MiB cap on a file)."""
    out = ['{\n  "schema_version": 1,\n  "sections": [\n']
    for s in range(nsections):
        head = {"id": section_id(s),
                "title": {"en": "Section %d" % (s + 1),
                          "zh": "第%d部分" % (s + 1)}}
        out.append('    {"id": %s, "title": %s, "entries": [\n' % (
            json.dumps(head["id"]),
            json.dumps(head["title"], ensure_ascii=False)))
        lines = ['      ' + json.dumps(entry(k), ensure_ascii=False,
                                       separators=(", ", ": "))
                 for k in range(1, nentries + 1)]
        out.append(",\n".join(lines))
        out.append("\n    ]}%s\n" % ("," if s + 1 < nsections else ""))
    out.append("  ]\n}\n")
    return "".join(out)


def series_doc(sid, n):
    return {"schema_version": 1, "id": sid,
            "title": {"en": "Synthetic dialogue %d" % n,
                      "zh": "合成对话%d" % n},
            "parties": [{"id": "a", "name": {"en": "Party A", "zh": "甲方"}},
                        {"id": "b", "name": {"en": "Party B", "zh": "乙方"}}]}


def round_date(r):
    """Round r (1-based) is dated on day 10 of successive months from
    January 2000, so dates increase strictly with the round number."""
    m = r - 1
    return "%04d-%02d-10" % (2000 + m // 12, m % 12 + 1)
