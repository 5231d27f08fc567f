#!/usr/bin/env python3
"""Checks that PNG files are valid and not blank, with the standard library only.

usage: png_check.py [--min-colors N] [--min-ink F] FILE...

For each file: the signature, every chunk's CRC, IHDR, the IDAT stream inflated
and unfiltered (8-bit grey, grey+alpha, RGB, RGBA or palette), then two
measures of what is on it: the number of distinct colours, and the "ink", the
fraction of pixels that differ from the most common colour (the background).
A screenshot of an empty or unstyled page, or a figure that failed to draw,
has one colour or almost no ink.  Prints one line per file; exit status 0 when
every file passes, 1 otherwise.
"""
import struct
import sys
import zlib
from collections import Counter

SIG = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != SIG:
        raise ValueError("not a PNG (bad signature)")
    pos, ihdr, idat, plte = 8, None, [], None
    while pos < len(data):
        if pos + 8 > len(data):
            raise ValueError("truncated chunk header")
        length, ctype = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length or pos + 12 + length > len(data):
            raise ValueError("truncated %s chunk" % ctype.decode("latin-1"))
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        if zlib.crc32(ctype + body) & 0xFFFFFFFF != crc:
            raise ValueError("bad CRC in %s chunk" % ctype.decode("latin-1"))
        if ctype == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif ctype == b"PLTE":
            plte = body
        elif ctype == b"IDAT":
            idat.append(body)
        elif ctype == b"IEND":
            break
        pos += 12 + length
    if not ihdr:
        raise ValueError("no IHDR chunk")
    if not idat:
        raise ValueError("no IDAT chunk")
    w, h, depth, ctype, _, _, interlace = ihdr
    if w == 0 or h == 0:
        raise ValueError("empty image (%dx%d)" % (w, h))
    if depth != 8 or ctype not in CHANNELS or interlace:
        # valid, but not a layout this checker unfilters: judge it by its size
        return w, h, None, None
    bpp = CHANNELS[ctype]
    raw = zlib.decompress(b"".join(idat))
    stride = w * bpp
    if len(raw) < h * (stride + 1):
        raise ValueError("image data too short")
    prev = bytearray(stride)
    rows = []
    for y in range(h):
        ft = raw[y * (stride + 1)]
        cur = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if ft == 1:
            for i in range(bpp, stride):
                cur[i] = (cur[i] + cur[i - bpp]) & 255
        elif ft == 2:
            cur = bytearray((a + b) & 255 for a, b in zip(cur, prev))
        elif ft == 3:
            for i in range(stride):
                left = cur[i - bpp] if i >= bpp else 0
                cur[i] = (cur[i] + ((left + prev[i]) >> 1)) & 255
        elif ft == 4:
            for i in range(stride):
                a = cur[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                cur[i] = (cur[i] + pred) & 255
        elif ft != 0:
            raise ValueError("bad filter type %d in row %d" % (ft, y))
        rows.append(bytes(cur))
        prev = cur
    return w, h, bpp, rows


def measure(w, h, bpp, rows):
    """Distinct colours and the ink, over every pixel."""
    counts = Counter()
    for r in rows:
        counts.update(r[i:i + bpp] for i in range(0, w * bpp, bpp))
    total = w * h
    background = counts.most_common(1)[0][1]
    return len(counts), 1.0 - background / total


def main(argv):
    min_colors, min_ink, files = 8, 0.005, []
    i = 0
    while i < len(argv):
        if argv[i] == "--min-colors":
            min_colors = int(argv[i + 1])
            i += 2
        elif argv[i] == "--min-ink":
            min_ink = float(argv[i + 1])
            i += 2
        else:
            files.append(argv[i])
            i += 1
    if not files:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    failed = 0
    for path in files:
        try:
            w, h, bpp, rows = read_png(path)
        except (OSError, ValueError, zlib.error, struct.error) as e:
            print("FAIL %s: %s" % (path, e))
            failed += 1
            continue
        if rows is None:
            print("ok   %s: %dx%d (not unfiltered: bit depth or interlace)" % (path, w, h))
            continue
        colors, ink = measure(w, h, bpp, rows)
        verdict = colors >= min_colors and ink >= min_ink
        print("%s %s: %dx%d, %d colours, %.1f%% ink (not background)" %
              ("ok  " if verdict else "FAIL", path, w, h, colors, 100 * ink))
        failed += not verdict
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
