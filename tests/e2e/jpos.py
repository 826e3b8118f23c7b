#!/usr/bin/env python3
"""jpos.py FILE POINTER [--key] - where a JSON value starts, as "LINE COLUMN".

An oracle for the e2e tests, independent of dialdiff's own scanner: a
small recursive-descent walk of the (valid) JSON text that records the
1-based line and column (in characters) of every value, and of every
member name, by JSON Pointer (RFC 6901: "/topics/crime-categories/0/label",
"" for the root).  With --key, the position of the member name instead of
its value.  The first member wins when a key is repeated.
"""
import json
import sys


def positions(text):
    values, keys = {}, {}
    i, line, col = 0, 1, 1
    n = len(text)

    def advance(k):
        nonlocal i, line, col
        for _ in range(k):
            if text[i] == "\n":
                line, col = line + 1, 1
            else:
                col += 1
            i += 1

    def ws():
        while i < n and text[i] in " \t\r\n":
            advance(1)

    def string():
        advance(1)
        while text[i] != '"':
            advance(2 if text[i] == "\\" else 1)
        start = i
        advance(1)
        return start

    def value(ptr):
        ws()
        values.setdefault(ptr, (line, col))
        c = text[i]
        if c == "{":
            advance(1)
            ws()
            if text[i] == "}":
                advance(1)
                return
            while True:
                ws()
                kpos = (line, col)
                k0 = i
                string()
                name = json.loads(text[k0:i])
                esc = name.replace("~", "~0").replace("/", "~1")
                keys.setdefault(ptr + "/" + esc, kpos)
                ws()
                advance(1)  # ':'
                value(ptr + "/" + esc)
                ws()
                if text[i] == ",":
                    advance(1)
                    continue
                advance(1)  # '}'
                return
        if c == "[":
            advance(1)
            ws()
            if text[i] == "]":
                advance(1)
                return
            k = 0
            while True:
                value("%s/%d" % (ptr, k))
                k += 1
                ws()
                if text[i] == ",":
                    advance(1)
                    continue
                advance(1)  # ']'
                return
        if c == '"':
            string()
            return
        while i < n and text[i] not in ",]} \t\r\n":
            advance(1)

    value("")
    return values, keys


def main():
    args = [a for a in sys.argv[1:] if a != "--key"]
    with open(args[0], encoding="utf-8") as f:
        values, keys = positions(f.read())
    where = keys if "--key" in sys.argv else values
    if args[1] not in where:
        sys.exit("jpos: no %s at %s" % ("key" if "--key" in sys.argv
                                        else "value", args[1]))
    print("%d %d" % where[args[1]])


if __name__ == "__main__":
    main()
