#!/usr/bin/env python3
"""pngstat.py - what a screenshot shows, without image libraries.

    pngstat.py FILE.png [RRGGBB ...]

Decodes an 8-bit, non-interlaced PNG (greyscale, RGB, RGBA; what
Chromium writes) with zlib alone and prints, one per line:

    size WIDTHxHEIGHT
    colours N        distinct pixel values
    ink PERCENT      pixels that differ from the most common one
    has RRGGBB yes|no   for each colour asked about (each channel
                        within 3 of it: colour management may shift it)

Exit status 0, or 2 when the file is not a PNG this script can read.
"""
import struct
import sys
import zlib


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, head = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + n
    if not head:
        raise ValueError("no IHDR")
    width, height, depth, ctype, _, _, interlace = head
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if depth != 8 or interlace or not channels:
        raise ValueError("unsupported PNG (depth %d, colour type %d)" % (depth, ctype))
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        base = y * (stride + 1)
        ftype = raw[base]
        line = bytearray(raw[base + 1:base + 1 + stride])
        if ftype == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif ftype == 2:
            line = bytearray((x + p) & 0xFF for x, p in zip(line, prev))
        elif ftype == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                upleft = prev[i - channels] if i >= channels else 0
                line[i] = (line[i] + paeth(left, prev[i], upleft)) & 0xFF
        elif ftype != 0:
            raise ValueError("bad filter %d" % ftype)
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        width, height, channels, rows = decode(argv[1])
    except (OSError, ValueError, zlib.error, struct.error) as e:
        print("pngstat: %s: %s" % (argv[1], e), file=sys.stderr)
        return 2
    counts = {}
    for line in rows:
        for x in range(0, len(line), channels):
            px = line[x:x + channels]
            counts[px] = counts.get(px, 0) + 1
    rgb = set()
    for px in counts:
        if channels >= 3:
            rgb.add(px[:3].hex())
        else:
            rgb.add((px[:1] * 3).hex())
    top = max(counts.values())
    total = width * height
    print("size %dx%d" % (width, height))
    print("colours %d" % len(counts))
    print("ink %.1f" % (100.0 * (total - top) / total))
    seen = [bytes.fromhex(c) for c in rgb]
    for want in argv[2:]:
        w = bytes.fromhex(want)
        near = any(all(abs(a - b) <= 3 for a, b in zip(w, c)) for c in seen)
        print("has %s %s" % (want.lower(), "yes" if near else "no"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
