#!/usr/bin/env python3
"""csvcheck.py KIND CSV JSON [LANG] - a CSV output of dialdiff against its JSON.
   csvcheck.py sheet CSV CSV-EXCEL   - csv-excel against csv.

An oracle for the e2e tests, independent of dialdiff's renderers: the CSV
(KIND: list, timeline, diff, review or log) is read with Python's csv
module, and every row must be the one the JSON document of the same
command gives, in the same order (docs/formats.md, "csv").  The file must
be UTF-8 without a byte order mark, with CRLF line ends and fields quoted
only where RFC 4180 needs it: writing the rows back with csv.writer
(QUOTE_MINIMAL, CRLF) gives the same bytes.  LANG (en, the default, or zh)
is the --lang of the CSV.  Prints "ROWS COLUMNS" (data rows, columns of
the header), for sheet the number of cells guarded; exits 1 with the
first difference.
"""
import csv
import io
import json
import sys


def fail(msg):
    print("csvcheck: " + msg, file=sys.stderr)
    sys.exit(1)


def text(t, lang):
    """A label in lang, falling back to the other language, as dialdiff."""
    if not t:
        return ""
    other = "zh" if lang == "en" else "en"
    return t.get(lang) or t.get(other) or ""


def s(v):
    if v is None:
        return ""
    if v is True or v is False:
        return "true" if v else "false"
    return str(v)


DIFF_COLS = ["series", "section", "entry", "classified", "status", "changes",
             "from_round", "to_round", "old_label", "new_label", "old_action",
             "new_action", "old_note", "new_note"]


def diff_rows(d, lang, no_from=False, no_to=False):
    to, fr = d["to"], d["from"]
    series = to["series"] if not no_to else fr["series"]
    for sec in d["sections"]:
        for kind, items in (("added", sec["added"]),
                            ("dropped", sec["dropped"]),
                            ("kept", sec["kept"])):
            for it in items:
                if kind == "kept":
                    status = "changed" if it["changes"] else "unchanged"
                    old = (it.get("from_label"), it.get("from_action"),
                           it.get("from_note"))
                    new = (it.get("label"), it.get("action"), it.get("note"))
                elif kind == "added":
                    status = kind
                    old = (None, None, None)
                    new = (it.get("label"), it.get("action"), it.get("note"))
                else:
                    status = kind
                    old = (it.get("label"), it.get("action"), it.get("note"))
                    new = (None, None, None)
                yield [s(series), sec["id"], it["id"], s(it["classified"]),
                       status, ";".join(it.get("changes", [])),
                       "" if no_from else s(fr["round"]),
                       "" if no_to else s(to["round"]),
                       text(old[0], lang) if old[0] else "",
                       text(new[0], lang) if new[0] else "",
                       s(old[1]), s(new[1]), s(old[2]), s(new[2])]


def file_rows(lead, files, lang):
    for f in files:
        head = lead + [f["path"], s(f.get("old_path")), f["status"]]
        if "diff" not in f:
            yield head + ["" if c != "status" else "error" for c in DIFF_COLS]
            continue
        no_from = f["status"] == "added" and "baseline" not in f
        no_to = f["status"] == "deleted"
        for r in diff_rows(f["diff"], lang, no_from, no_to):
            yield head + r


def expected(kind, doc, lang):
    if kind == "list":
        ids = []
        for se in doc["series"]:
            for r in se["rounds"]:
                for k in r["counts"]:
                    if k not in ids:
                        ids.append(k)
        header = ["series", "round", "date", "title", "path"] + \
            ["counts." + k for k in ids]
        rows = [[se["id"], s(r["round"]), s(r["date"]), text(r["title"], lang),
                 r["path"]] + [s(r["counts"].get(k)) for k in ids]
                for se in doc["series"] for r in se["rounds"]]
        return header, rows
    if kind == "timeline":
        header = ["series", "section", "entry", "classified", "name", "round",
                  "date", "present", "action"]
        rows = []
        for sec in doc["sections"]:
            for e in sec["entries"]:
                for r in doc["rounds"]:
                    n = r["round"]
                    rows.append([doc["series"]["id"], sec["id"], e["id"],
                                 s(e["classified"]), text(e["name"], lang),
                                 s(n), s(r["date"]),
                                 s(n in e["present"]),
                                 s(e["actions"].get(str(n)))])
        return header, rows
    if kind == "diff":
        diffs = doc["diffs"] if doc["schema"] == "dialdiff/diffs@1" else [doc]
        return DIFF_COLS, [r for d in diffs for r in diff_rows(d, lang)]
    if kind == "review":
        header = ["from_rev", "to_rev", "path", "old_path", "file_status"]
        lead = [s(doc["from_rev"]), s(doc["to_rev"])]
        return header + DIFF_COLS, list(file_rows(lead, doc["files"], lang))
    if kind == "log":
        header = ["commit", "author_name", "author_email", "date", "subject",
                  "path", "old_path", "file_status"]
        rows = []
        for c in doc["commits"]:
            lead = [c["id"], c["author"]["name"], c["author"]["email"],
                    c["date"], c["subject"]]
            rows += file_rows(lead, c["files"], lang)
        return header + DIFF_COLS, rows
    fail("unknown kind " + kind)


def sheet(plain_path, excel_path):
    """csv-excel against csv: a byte order mark, then the same table but
    for a ' before each cell that starts with = + - @ TAB or CR."""
    raw = open(excel_path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("csv-excel: no byte order mark")
    with open(plain_path, encoding="utf-8", newline="") as f:
        plain = list(csv.reader(f, strict=True))
    with open(excel_path, encoding="utf-8-sig", newline="") as f:
        excel = list(csv.reader(f, strict=True))
    if len(plain) != len(excel):
        fail("csv-excel: %d rows, csv %d" % (len(excel), len(plain)))
    guarded = 0
    for p, e in zip(plain, excel):
        if len(p) != len(e):
            fail("csv-excel: row %r, csv %r" % (e, p))
        for a, b in zip(p, e):
            if a[:1] and a[0] in "=+-@\t\r":
                if b != "'" + a:
                    fail("csv-excel: %r not guarded: %r" % (a, b))
                guarded += 1
            elif a != b:
                fail("csv-excel: %r, csv %r" % (b, a))
    print(guarded)


def main():
    if sys.argv[1] == "sheet":
        return sheet(sys.argv[2], sys.argv[3])
    kind, csv_path, json_path = sys.argv[1:4]
    lang = sys.argv[4] if len(sys.argv) > 4 else "en"
    raw = open(csv_path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        fail("the CSV starts with a byte order mark")
    data = raw.decode("utf-8")	# strict: raises on anything not UTF-8
    got = list(csv.reader(io.StringIO(data, newline=""), strict=True))
    back = io.StringIO(newline="")
    csv.writer(back, lineterminator="\r\n").writerows(got)
    if back.getvalue() != data:
        fail("not minimal RFC 4180 (CRLF, quotes only where needed):\n"
             + repr(data[:300]) + "\n" + repr(back.getvalue()[:300]))
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    header, rows = expected(kind, doc, lang)
    if not got:
        fail("no header row")
    if got[0] != header:
        fail("header %r, want %r" % (got[0], header))
    for i, (g, w) in enumerate(zip(got[1:], rows)):
        if g != w:
            fail("row %d:\n  got  %r\n  want %r" % (i + 1, g, w))
    if len(got) - 1 != len(rows):
        fail("%d rows, want %d" % (len(got) - 1, len(rows)))
    print(len(rows), len(header))


if __name__ == "__main__":
    main()
