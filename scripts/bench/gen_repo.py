#!/usr/bin/env python3
"""gen_repo.py - a synthetic dialogue repository with a long history.

    gen_repo.py --out DIR [--series 50] [--rounds 20] [--sections 3]
                [--items 15] [--entries 100] [--commits 5000] [--seed 1]

makes DIR a git repository (branch main, working tree checked out) with

    dialogues/taxonomy.json         SECTIONS sections of ENTRIES entries each,
                                    Chinese and English patterns
    dialogues/series-NNN/series.json
    dialogues/series-NNN/round-RR.json   ITEMS distinct items per section;
                                    half of them with an explicit id, half
                                    classified by their label

and a history of COMMITS commits, written with `git fast-import` and then
repacked with `git repack -a -d -f`, as git-fast-import(1) strongly
recommends ("PACKFILE OPTIMIZATION"): fast-import deltifies each blob
against the previous one written, so its pack holds forward delta chains
up to 50 deep that a repository in use never has for long.  The
first commit adds the taxonomy and every series.json; the next ones add the
rounds, one to three files a commit, round by round across the series
(a round is the previous round of its series with about a fifth of its
items replaced by other entries and some actions changed); every later commit edits one to three round files (an item's wording,
action or note changes, or an item is replaced by another entry).  Author
and committer dates are fixed, so the same arguments give the same commit
ids.  --commits must leave room for adding every round (about a half of
SERIES x ROUNDS commits).
"""

import argparse
import os
import subprocess
import sys

import benchdata as bd

EPOCH = 946684800  # 2000-01-01T00:00:00Z


class Round:
    """The state of one round file: per section, a list of
    [entry, wording, explicit, action, note]."""

    def __init__(self, rng, series, number, nsections, nitems, nentries,
                 before=None):
        self.series, self.number = series, number
        self.sections = []
        if before:  # the previous round, about a fifth of it replaced
            for items in before.sections:
                items = [list(it) for it in items]
                present = {it[0] for it in items}
                for it in items:
                    if rng.chance(0.2) and len(present) < nentries:
                        k = it[0]
                        while k in present:
                            k = rng.below(nentries) + 1
                        present.add(k)
                        it[0], it[1], it[4] = k, rng.below(4), None
                    elif rng.chance(0.2):
                        it[3] = bd.ACTIONS[rng.below(len(bd.ACTIONS))]
                self.sections.append(items)
            return
        for _ in range(nsections):
            ks = rng.sample(nentries, nitems)
            self.sections.append([[k + 1, rng.below(4), i % 2 == 0,
                                   bd.ACTIONS[rng.below(len(bd.ACTIONS))]
                                   if rng.chance(0.5) else None, None]
                                  for i, k in enumerate(ks)])

    def edit(self, rng, nentries):
        """One to three changes; returns a description for the subject."""
        what = []
        for _ in range(rng.between(1, 3)):
            items = self.sections[rng.below(len(self.sections))]
            if not items:
                continue
            it = items[rng.below(len(items))]
            kind = rng.below(4)
            if kind == 0:
                it[1] = (it[1] + 1 + rng.below(3)) % 4
                what.append("reword topic-%d" % it[0])
            elif kind == 1:
                it[3] = bd.ACTIONS[rng.below(len(bd.ACTIONS))]
                what.append("topic-%d %s" % (it[0], it[3]))
            elif kind == 2:
                it[4] = None if it[4] else "Noted in commit %d" % rng.below(10 ** 6)
                what.append("note on topic-%d" % it[0])
            else:
                present = {x[0] for x in items}
                if len(present) >= nentries:
                    continue
                k = it[0]
                while k in present:
                    k = rng.below(nentries) + 1
                what.append("replace topic-%d by topic-%d" % (it[0], k))
                it[0], it[1], it[4] = k, rng.below(4), None
        return ", ".join(what) or "touch"

    def text(self):
        doc = {"schema_version": 1, "series": self.series,
               "round": self.number, "date": bd.round_date(self.number),
               "title": {"en": "Round %d of %s" % (self.number, self.series),
                         "zh": "%s第%d轮" % (self.series, self.number)},
               "place": {"en": "Geneva", "zh": "日内瓦"},
               "topics": {bd.section_id(s): [bd.item(*it) for it in items]
                          for s, items in enumerate(self.sections)}}
        return bd.dumps(doc)


def blob(path, text):
    data = text.encode("utf-8")
    return b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data)


def commit(n, subject, files):
    msg = subject.encode("utf-8") + b"\n"
    when = b"%d +0000" % (EPOCH + 3600 * n)
    out = [b"commit refs/heads/main\nmark :%d\n" % n,
           b"author A U Thor <author@example.com> " + when + b"\n",
           b"committer C O Mitter <committer@example.com> " + when + b"\n",
           b"data %d\n%s" % (len(msg), msg)]
    if n > 1:
        out.append(b"from :%d\n" % (n - 1))
    out.extend(blob(p, t) for p, t in files)
    out.append(b"\n")
    return b"".join(out)


def history(args):
    """Yield the fast-import stream, commit by commit."""
    rng = bd.Rng(args.seed)
    sids = ["series-%03d" % (s + 1) for s in range(args.series)]
    files = [("dialogues/taxonomy.json",
              bd.taxonomy_text(args.sections, args.entries))]
    files += [("dialogues/%s/series.json" % sid, bd.dumps(bd.series_doc(sid, i + 1)))
              for i, sid in enumerate(sids)]
    yield commit(1, "Add the taxonomy and %d series" % len(sids), files)
    n = 1

    todo = [(sid, r) for r in range(1, args.rounds + 1) for sid in sids]
    rounds, last = [], {}
    while todo:
        take = todo[:rng.between(1, 3)]
        todo = todo[len(take):]
        files = []
        for sid, r in take:
            rd = Round(rng, sid, r, args.sections, args.items, args.entries,
                       last.get(sid))
            rounds.append(rd)
            last[sid] = rd
            files.append(("dialogues/%s/round-%02d.json" % (sid, r), rd.text()))
        n += 1
        yield commit(n, "Record " + ", ".join("%s round %d" % t for t in take),
                     files)
    if n > args.commits:
        sys.exit("gen_repo.py: %d commits are too few: adding %d rounds "
                 "took %d" % (args.commits, len(rounds), n))

    while n < args.commits:
        files, subjects = [], []
        for i in rng.sample(len(rounds), min(len(rounds), rng.between(1, 3))):
            rd = rounds[i]
            subjects.append("%s round %d: %s" % (rd.series, rd.number,
                                                 rd.edit(rng, args.entries)))
            files.append(("dialogues/%s/round-%02d.json" % (rd.series, rd.number),
                          rd.text()))
        n += 1
        yield commit(n, "; ".join(subjects), files)


def git(*argv, **kw):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", LC_ALL="C")
    return subprocess.run(["git"] + list(argv), check=True, env=env, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--series", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--sections", type=int, default=3)
    ap.add_argument("--items", type=int, default=15)
    ap.add_argument("--entries", type=int, default=100)
    ap.add_argument("--commits", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if min(args.series, args.rounds, args.sections, args.items,
           args.entries, args.commits) < 1:
        sys.exit("gen_repo.py: every count must be positive")
    if args.items > args.entries:
        sys.exit("gen_repo.py: --items cannot exceed --entries")
    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit("gen_repo.py: %s exists and is not empty" % args.out)

    os.makedirs(args.out, exist_ok=True)
    git("init", "-q", "-b", "main", args.out)
    fi = subprocess.Popen(["git", "-C", args.out, "fast-import", "--quiet",
                           "--done"], stdin=subprocess.PIPE)
    done = False
    try:
        for chunk in history(args):
            fi.stdin.write(chunk)
        fi.stdin.write(b"done\n")
        done = True
    finally:
        # when the history stops with an error, stop fast-import and wait
        # for it, so that nothing writes into the repository after exit
        if not done:
            fi.kill()
        fi.stdin.close()
        rc = fi.wait()
    if rc != 0:
        sys.exit("gen_repo.py: git fast-import failed")
    git("-C", args.out, "repack", "-q", "-a", "-d", "-f")
    git("-C", args.out, "reset", "-q", "--hard", "main")


if __name__ == "__main__":
    main()
