#!/usr/bin/env python3
"""run.py - dialdiff against its peers: the table behind `make bench` and
`make bench-scaling`.

    run.py [--build build] [--runs 5]                  # make bench
    run.py --scaling [--build build] [--runs 5]        # make bench-scaling

Generates the data it needs under BUILD/bench/ (once: a stamp records the
generator arguments and the generators' checksum), then times each command
RUNS times under GNU time, interleaved with its peers (run 1 of every command, then run 2
of every command, ... in a rotating order, so that they share the noise of
a busy machine), after one untimed warm-up run each.  For each command it
reports the median and the spread of the wall time, the median CPU time
(user + system), the peak RSS (the largest of its runs, GNU time's %M)
and the size of its output, which is read through a pipe and
discarded.

Commands that the binary does not have (`dialdiff help log` fails) show as
"n/a (command not built)" rather than failing the run.  The diff peers must
agree with dialdiff and with the generator on the added / dropped / kept /
changed counts, or the run fails.  Timing is never asserted: a missed
target is reported, not an error.  The table is also written to
BUILD/bench/results.md.
"""

import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
PEERS = os.path.join(HERE, "peers")
MIB = 1024 * 1024
FILE_CAP = 16 * MIB  # the cap on one input file (docs/data.md)
TIME = "/usr/bin/time"  # GNU time (Debian package "time")

ENV = dict(os.environ, LC_ALL="C", LANG="C", NO_COLOR="1", GIT_PAGER="cat",
           PAGER="cat", GIT_CONFIG_NOSYSTEM="1", TZ="UTC")
ENV.pop("GIT_DIR", None)
ENV.pop("GIT_WORK_TREE", None)


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------
# Data


def generator_digest():
    h = hashlib.sha256()
    for name in ("benchdata.py", "gen_repo.py", "gen_pair.py"):
        with open(os.path.join(HERE, name), "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def ensure(out, script, args):
    """Run a generator into out unless its stamp says it is up to date."""
    stamp = os.path.join(out, ".bench-stamp")
    want = "%s %s\n" % (generator_digest(), " ".join(args))
    try:
        with open(stamp) as f:
            if f.read() == want:
                return
    except OSError:
        pass
    if os.path.exists(out):
        subprocess.run(["rm", "-rf", out], check=True)
    log("generating %s (%s %s)" % (out, script, " ".join(args)))
    t = time.monotonic()
    subprocess.run([sys.executable, os.path.join(HERE, script), "--out", out]
                   + args, check=True, env=ENV)
    log("  done in %.1f s" % (time.monotonic() - t))
    with open(stamp, "w") as f:
        f.write(want)


def repo(data, commits):
    out = os.path.join(data, "repo-%d" % commits)
    ensure(out, "gen_repo.py", ["--series", "50", "--rounds", "20",
                                "--sections", "3", "--items", "15",
                                "--entries", "100", "--commits", str(commits),
                                "--seed", "1"])
    return out


def pair(data, items):
    out = os.path.join(data, "pair-%d" % items)
    ensure(out, "gen_pair.py", ["--items", str(items), "--shared", "0.8",
                                "--seed", "1"])
    return out


def round_files(repo_dir):
    d = os.path.join(repo_dir, "dialogues")
    return sorted(os.path.join(d, s, f)
                  for s in os.listdir(d) if os.path.isdir(os.path.join(d, s))
                  for f in os.listdir(os.path.join(d, s))
                  if f.endswith(".json") and f != "series.json")


# ----------------------------------------------------------------------
# Measuring


class Cmd:
    """A command to time.  missing: why it cannot run (shown instead)."""

    def __init__(self, label, argv, cwd=None, ok=(0,), missing=None):
        self.label, self.argv, self.cwd, self.ok = label, argv, cwd, ok
        self.missing = missing
        self.wall, self.cpu, self.rss, self.out = [], [], [], 0
        self.error = None

    def median(self):
        return statistics.median(self.wall) if self.wall else None

    def usable(self):
        return not self.missing and not self.error and self.wall


def run_once(cmd):
    """Run cmd once under /usr/bin/time; returns (wall s, cpu s, maxrss
    bytes, output bytes, exit code, stderr text).

    The peak RSS comes from GNU time, not from this process's wait4: a
    child that Python forks (or vforks) inherits this process's RSS
    high-water mark, which would mask the command's own."""
    tmp = os.environ.get("TMPDIR", "/tmp")
    errf = os.path.join(tmp, "dialdiff-bench.%d.err" % os.getpid())
    timef = os.path.join(tmp, "dialdiff-bench.%d.time" % os.getpid())
    with open(errf, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen([TIME, "-f", "%x %U %S %M", "-o", timef,
                              "--"] + cmd.argv, cwd=cmd.cwd, env=ENV,
                             stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=err)
        got = [0]

        def drain():
            fd = p.stdout.fileno()
            while True:
                b = os.read(fd, 1 << 20)
                if not b:
                    break
                got[0] += len(b)

        th = threading.Thread(target=drain)
        th.start()
        p.wait()
        wall = time.perf_counter() - t0
        th.join()
        p.stdout.close()
    with open(errf, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    os.unlink(errf)
    with open(timef) as f:
        fields = f.read().split()
    os.unlink(timef)
    # "Command exited with non-zero status N" may come first
    rc, user, system, rss = fields[-4:]
    return (wall, float(user) + float(system), int(rss) * 1024, got[0],
            int(rc), text)


def measure(cmds, runs):
    """Warm up, then time every runnable command runs times, interleaved."""
    live = [c for c in cmds if not c.missing]
    for c in live:
        wall, cpu, rss, out, rc, err = run_once(c)
        if rc not in c.ok:
            c.error = "exit %d: %s" % (rc, (err.strip().splitlines() or [""])[0][:120])
            log("  %s: %s" % (c.label, c.error))
    live = [c for c in live if not c.error]
    for i in range(runs):
        k = i % len(live) if live else 0
        for c in live[k:] + live[:k]:
            wall, cpu, rss, out, rc, err = run_once(c)
            if rc not in c.ok:
                c.error = "exit %d in run %d" % (rc, i + 1)
                continue
            c.wall.append(wall)
            c.cpu.append(cpu)
            c.rss.append(rss)
            c.out = out
        log("  run %d/%d done" % (i + 1, runs))


def has_command(dialdiff, name):
    r = subprocess.run([dialdiff, "help", name], env=ENV,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return r.returncode == 0


# ----------------------------------------------------------------------
# Reporting


def fmt_s(x):
    return "%.3f" % x if x is not None else "-"


def row(c, ref=None):
    """A table row for c; ref is the dialdiff command its ratio is of."""
    if c.missing:
        return "| %s | %s | | | | | |" % (c.label, c.missing)
    if c.error:
        return "| %s | failed (%s) | | | | | |" % (c.label, c.error)
    ratio = ""
    if ref is not None and ref is not c and ref.usable():
        ratio = "%.2f×" % (ref.median() / c.median())
    return "| %s | %s | %s–%s | %s | %.1f | %.1f | %s |" % (
        c.label, fmt_s(c.median()), fmt_s(min(c.wall)), fmt_s(max(c.wall)),
        fmt_s(statistics.median(c.cpu)), max(c.rss) / MIB, c.out / MIB,
        ratio)


HEAD = ("| command | median s | range s | CPU s | peak RSS MiB | output MiB "
        "| dialdiff ÷ this |\n|---|---:|---:|---:|---:|---:|---:|")


class Targets:
    def __init__(self):
        self.rows = []

    def ratio(self, what, num, den, limit, better="lower", show=None):
        """Target num/den <= limit (or >= for better="higher")."""
        if not (num.usable() and den.usable()):
            why = num.missing or den.missing or num.error or den.error or "no data"
            self.rows.append((what, why if why.startswith("n/a") else
                              "n/a (%s)" % why, "", "n/a"))
            return
        r = num.median() / den.median()
        met = r <= limit if better == "lower" else r >= limit
        cpu = ""
        if isinstance(num, Cmd) and isinstance(den, Cmd):
            cn, cd = statistics.median(num.cpu), statistics.median(den.cpu)
            if cn > 0 and cd > 0:
                cpu = show(cn / cd) if show else "%.2f×" % (cn / cd)
        self.rows.append((what, show(r) if show else "%.2f×" % r, cpu,
                          "met" if met else "MISSED"))

    def value(self, what, cmd, get, limit, unit):
        if not cmd.usable():
            why = cmd.missing or cmd.error or "no data"
            self.rows.append((what, why if why.startswith("n/a") else
                              "n/a (%s)" % why, "", "n/a"))
            return
        v = get(cmd)
        self.rows.append((what, "%.1f %s" % (v, unit), "",
                          "met" if v <= limit else "MISSED"))

    def table(self):
        lines = ["| target | measured (wall) | CPU time, for reference | status |",
                 "|---|---:|---:|---|"]
        lines += ["| %s | %s | %s | %s |" % r for r in self.rows]
        return "\n".join(lines)


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = 0
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = int(line.split()[1]) // 1024
    except OSError:
        pass
    return "%d cores (nproc), %s, %d MiB memory, %s" % (
        os.cpu_count(), model, mem, platform.platform())


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def versions(dialdiff):
    def first_line(argv):
        try:
            r = subprocess.run(argv, env=ENV, capture_output=True, text=True)
            return (r.stdout or r.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    return ", ".join([first_line([dialdiff, "--version"]),
                      first_line(["git", "--version"]),
                      first_line(["jq", "--version"]),
                      "python " + platform.python_version(),
                      "cJSON " + cjson_version()])


def cjson_version():
    r = subprocess.run(["pkg-config", "--modversion", "libcjson"], env=ENV,
                       capture_output=True, text=True)
    return r.stdout.strip() or "?"


# ----------------------------------------------------------------------
# The benchmarks


def diff_counts(dialdiff, pdir, jq=True):
    """Check that dialdiff and the peers give the generator's counts."""
    with open(os.path.join(pdir, "expected.json")) as f:
        want = json.load(f)
    big = os.path.join(pdir, "dialogues", "big")
    a, b = os.path.join(big, "round-01.json"), os.path.join(big, "round-02.json")
    got = {}
    for name, argv, cwd in (
            ("dialdiff", [dialdiff, "--dialogues", os.path.join(pdir, "dialogues"),
                          "--format", "json", "diff", "1", "2"], pdir),
            ("python peer", [sys.executable, os.path.join(PEERS, "diff_peer.py"), a, b], None),
            ("jq peer", ["jq", "-n", "-f", os.path.join(PEERS, "diff_peer.jq"), a, b], None)):
        if name == "jq peer" and not jq:
            continue
        r = subprocess.run(argv, cwd=cwd, env=ENV, capture_output=True)
        if r.returncode != 0:
            return "%s failed: %s" % (name, r.stderr.decode()[:200])
        s = json.loads(r.stdout)["summary"]
        got[name] = {k: s.get(k) for k in ("added", "dropped", "kept", "changed")}
    bad = [n for n, c in got.items() if c != want]
    if bad:
        return "counts differ: expected %s; %s" % (
            want, "; ".join("%s %s" % (n, got[n]) for n in bad))
    return None


def bench_log(dialdiff, data, runs, have_log):
    rdir = repo(data, 5000)
    missing = None if have_log else "n/a (command not built)"
    full = Cmd("dialdiff --format json log", [dialdiff, "-C", rdir, "--format",
                                               "json", "log"], missing=missing)
    head = Cmd("dialdiff --format json log -n 1000",
               [dialdiff, "-C", rdir, "--format", "json", "log", "-n", "1000"],
               missing=missing)
    patch = Cmd("git log -p -- dialogues/", ["git", "-C", rdir, "log", "-p",
                                             "--", "dialogues/"])
    raw = Cmd("git log --raw -- dialogues/", ["git", "-C", rdir, "log",
                                               "--raw", "--", "dialogues/"])
    cmds = [full, head, patch, raw]
    log("log: 5,000 commits")
    measure(cmds, runs)
    return cmds


def bench_check(dialdiff, data, runs, have_check):
    rdir = repo(data, 5000)
    files = round_files(rdir)
    missing = None if have_check else "n/a (command not built)"
    check = Cmd("dialdiff check", [dialdiff, "-C", rdir, "check"],
                missing=missing)
    jq = Cmd("jq empty (%d files)" % len(files), ["jq", "empty"] + files)
    log("check: %d round files" % len(files))
    measure([check, jq], runs)
    return [check, jq], len(files)


def bench_diff(dialdiff, floor, data, runs, items=50000, scaling=False):
    """The diff rows.  scaling: only dialdiff (text), the Python peer and
    the 2-round floor, and the counts are checked only where dialdiff runs."""
    pdir = pair(data, items)
    big = os.path.join(pdir, "dialogues", "big")
    a, b = os.path.join(big, "round-01.json"), os.path.join(big, "round-02.json")
    tax = os.path.join(pdir, "dialogues", "taxonomy.json")
    over = [p for p in (a, b, tax) if os.path.getsize(p) > FILE_CAP]
    missing = None
    if over:
        missing = "n/a (%s: %.0f MiB, over the 16 MiB file cap)" % (
            os.path.relpath(over[0], pdir), os.path.getsize(over[0]) / MIB)
    cmds = [
        Cmd("dialdiff diff", [dialdiff, "--dialogues", os.path.join(pdir, "dialogues"),
                             "diff", "1", "2"], cwd=pdir,
            missing=missing),
        Cmd("dialdiff --format json diff", [dialdiff, "--dialogues",
                                            os.path.join(pdir, "dialogues"),
                                            "--format", "json",
                                            "diff", "1", "2"], cwd=pdir,
            missing=missing),
        Cmd("python3 peers/diff_peer.py", [sys.executable,
                                           os.path.join(PEERS, "diff_peer.py"),
                                           a, b]),
        Cmd("jq -f peers/diff_peer.jq", ["jq", "-n", "-f",
                                         os.path.join(PEERS, "diff_peer.jq"),
                                         a, b]),
        Cmd("parse_floor (2 rounds)", [floor, a, b]),
        Cmd("parse_floor (2 rounds + taxonomy)", [floor, a, b, tax]),
    ]
    if scaling:
        cmds = [cmds[0], cmds[2], cmds[4]]
    log("diff: %d items a round" % items)
    if not missing:
        problem = diff_counts(dialdiff, pdir, jq=not scaling)
        if problem:
            for c in cmds:
                c.error = c.error or "not timed: " + problem
            raise SystemExit("run.py: " + problem)
        log("  dialdiff, the python peer and the jq peer agree on the counts")
    measure(cmds, runs)
    return cmds


def publish(lines, path):
    """Print the report and keep a copy in path."""
    text = "\n".join(lines) + "\n"
    print(text)
    with open(path, "w") as f:
        f.write(text)


def build_paths(build):
    """The binary, the parse floor and the data folder under build."""
    return (os.path.abspath(os.path.join(build, "dialdiff")),
            os.path.abspath(os.path.join(build, "bench", "parse_floor")),
            os.path.abspath(os.path.join(build, "bench")))


def main_bench(args):
    dialdiff, floor, data = build_paths(args.build)
    have_log = has_command(dialdiff, "log")
    have_check = has_command(dialdiff, "check")
    load0 = loadavg()
    t0 = time.monotonic()

    logc = bench_log(dialdiff, data, args.runs, have_log)
    checkc, nfiles = bench_check(dialdiff, data, args.runs, have_check)
    diffc = bench_diff(dialdiff, floor, data, args.runs)

    t = Targets()
    full, head, patch = logc[0], logc[1], logc[2]
    t.ratio("log ≤ 1.0× git log -p", full, patch, 1.0)
    t.ratio("log memory flat: peak RSS over 5,000 commits ≤ 1.5× over 1,000",
            Peak(full), Peak(head), 1.5)
    t.ratio("check ≤ 0.5× jq empty", checkc[0], checkc[1], 0.5)
    # the Python peer stays in the table, for reference; its target
    # (4× faster) was withdrawn with the one-path JSON reader
    dd, fl = diffc[0], diffc[4]
    t.ratio("diff ≤ 3.0× the bare-parse floor (2 rounds)", dd, fl, 3.0)
    t.value("diff peak RSS ≤ 100 MiB", dd, lambda c: max(c.rss) / MIB, 100,
            "MiB")

    out = []
    out.append("## dialdiff benchmarks\n")
    out.append("Machine: %s.  " % machine())
    out.append("Load average %s before, %s after; %d timed runs per command "
               "(interleaved, after a warm-up run), %.0f s in all.  %s.\n" % (
                   load0, loadavg(), args.runs, time.monotonic() - t0,
                   versions(dialdiff)))
    out.append("### log: 5,000 commits (50 series × 20 rounds × 3 sections × 15 items)\n")
    out.append(HEAD)
    out += [row(c, full) for c in logc]
    out.append("\n### check: %d round files\n" % nfiles)
    out.append(HEAD)
    out += [row(c, checkc[0]) for c in checkc]
    out.append("\n### diff: two rounds of 50,000 items (explicit ids, 80% shared), "
               "taxonomy of 60,000 entries\n")
    out.append(HEAD)
    out += [row(c, dd) for c in diffc]
    out.append("\n### Targets (ratios of medians from the same run)\n")
    out.append(t.table())
    out.append("\nThe status is judged on wall time, as the targets are "
               "written; the ratio of median CPU times (user + system, GNU "
               "time, 10 ms resolution) is shown beside it because on a busy "
               "machine it moves less from run to run.")
    publish(out, os.path.join(data, "results.md"))


class Peak:
    """A view of a command whose "median" is its peak RSS, for ratios."""

    def __init__(self, c):
        self.c = c
        self.missing, self.error = c.missing, c.error

    def usable(self):
        return self.c.usable()

    def median(self):
        return max(self.c.rss)


# ----------------------------------------------------------------------
# Scaling


def growth_rows(points, refs):
    """points: [(size, Cmd)]; refs: {size: the reference Cmd}.  The time
    per unit, the growth from the previous size relative to linear (1.00 =
    linear), and the ratio to the reference measured in the same run."""
    lines, prev = [], None
    for n, c in points:
        if not c.usable():
            lines.append((n, c.missing or "failed (%s)" % c.error, "", "", "",
                          ""))
            prev = None
            continue
        m = c.median()
        g = ""
        if prev:
            g = "%.2f" % ((m / prev[1]) / (n / prev[0]))
        ref = refs.get(n)
        r = "%.2f×" % (m / ref.median()) if ref is not None and ref.usable() else ""
        lines.append((n, fmt_s(m), "%.1f" % (max(c.rss) / MIB),
                      "%.2f" % (m / n * 1e6), g, r))
        prev = (n, m)
    return lines


def main_scaling(args):
    dialdiff, floor, data = build_paths(args.build)
    have_log = has_command(dialdiff, "log")
    load0 = loadavg()
    t0 = time.monotonic()
    out = ["## dialdiff scaling\n",
           "Machine: %s.  " % machine()]

    logs = []
    for n in args.log_sizes:
        rdir = repo(data, n)
        c = Cmd("dialdiff --format json log", [dialdiff, "-C", rdir, "--format",
                                                "json", "log"],
                missing=None if have_log else "n/a (command not built)")
        g = Cmd("git log -p", ["git", "-C", rdir, "log", "-p", "--",
                               "dialogues/"])
        log("scaling log: %d commits" % n)
        measure([c, g], args.runs)
        logs.append((n, c, g))

    diffs = []
    for n in args.diff_sizes:
        cmds = bench_diff(dialdiff, floor, data, args.runs, n, scaling=True)
        diffs.append((n, cmds))

    out.append("Load average %s before, %s after; %d timed runs per command, "
               "%.0f s in all.\n" % (load0, loadavg(), args.runs,
                                     time.monotonic() - t0))
    for title, series, unit, refs, refname in (
            ("log by commits", [("dialdiff log", [(n, c) for n, c, g in logs]),
                                ("git log -p", [(n, g) for n, c, g in logs])],
             "commit", {n: g for n, c, g in logs}, "git log -p"),
            ("diff by items a round",
             [(name, [(n, cmds[i]) for n, cmds in diffs])
              for i, name in ((0, "dialdiff diff"),
                              (2, "parse_floor (2 rounds)"),
                              (1, "python3 peers/diff_peer.py"))],
             "item", {n: cmds[2] for n, cmds in diffs}, "the floor")):
        out.append("\n### %s\n" % title)
        out.append("| command | size | median s | peak RSS MiB | µs per %s "
                   "| growth vs linear | ÷ %s |\n|---|---:|---:|---:|---:|---:|---:|"
                   % (unit, refname))
        for name, pts in series:
            for n, m, rss, per, g, r in growth_rows(pts, refs):
                out.append("| %s | %d | %s | %s | %s | %s | %s |" % (
                    name, n, m, rss, per, g, r))
    out.append("\n\"growth vs linear\" is (t(n) / t(previous n)) / (n / previous n): "
               "1.00 is linear growth, above 1 faster than linear.  The last "
               "column is the ratio to the reference at the same size, from "
               "the same run: flat means the same growth as the reference.")
    publish(out, os.path.join(data, "scaling.md"))


def sizes(s):
    return [int(x) for x in s.split(",") if x]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(TOP, "build"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scaling", action="store_true")
    ap.add_argument("--log-sizes", type=sizes, default=[1000, 5000, 20000])
    # 75,000 is about the largest pair whose files fit the 16 MiB cap;
    # 500,000 does not fit, and shows as n/a for dialdiff.
    ap.add_argument("--diff-sizes", type=sizes,
                    default=[5000, 20000, 50000, 75000, 500000])
    args = ap.parse_args()
    if args.runs < 1:
        sys.exit("run.py: --runs must be at least 1")
    for tool, pkg in (("git", "git"), ("jq", "jq"), (TIME, "time")):
        if subprocess.run(["sh", "-c", "command -v " + tool],
                          stdout=subprocess.DEVNULL).returncode:
            sys.exit("run.py: %s is needed (apt-get install %s)" % (tool, pkg))
    os.makedirs(os.path.join(args.build, "bench"), exist_ok=True)
    if args.scaling:
        main_scaling(args)
    else:
        main_bench(args)


if __name__ == "__main__":
    main()
