#!/usr/bin/env python3
"""Rendering golden test: dawr-shape --png must match images/<case>.png.

Each case is an Arabic sentence written for this test (seed-like: the queue, a ticket
label, a phone number, an e-mail address, Arabic-Indic digits, harakat, brackets),
rendered by dawr-shape with the bundled fonts. A case passes when the image has the
golden's size and the pixels that differ by more than 10% of full scale number at most
TOLERANCE of the golden's ink pixels (plus a few): a missing, unjoined or moved
letter changes far more, while FreeType's anti-aliasing may drift between versions.
PNGs are decoded here (zlib, no ImageMagick, no pip packages).

UPDATE_GOLDEN=1 rewrites the goldens from the current output; look at every image
before committing it (README.md says what to look for).
Output of the last run: $DAWR_BUILD/tests/golden/txt/render-out/.
"""
import os
import struct
import zlib
import shutil
import subprocess
import sys

BUILD = os.environ.get("DAWR_BUILD", "build")
ASSETS = os.environ.get("DAWR_ASSETS", "assets")
HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "images")
OUT = os.path.join(BUILD, "tests", "golden", "txt", "render-out")
TOLERANCE = 0.005  # fraction of the golden's ink pixels
SLACK = 5  # pixels, for the smallest images
INK = 128  # a pixel is ink when its darkness is at least this (0..255)

FONTS = ["NotoSansArabic-Regular.ttf", "NotoSans-Regular.ttf",
         "NotoSansSymbols2-Regular.ttf"]

# name, options, text
CASES = [
    ("queue", ["--width", "0"],
     "يرجى الانتظار حتى يُنادى رقمك، ثم التوجه إلى الشباك."),
    ("mixed-line", ["--width", "0"],
     "تذكرتك A-017، هاتف 0551234567، بريد info@example.org، الانتظار ١٥ دقيقة."),
    ("procedure-wrapped", ["--width", "420"],
     "نستقبل المستفيد بلطف ونجيب عن أسئلته كلها، ونتأكد من اكتمال المستندات "
     "المطلوبة، ثم نحيل الطلب إلى لجنة البحث التي ترد بالقبول أو الرفض خلال أسبوعين."),
    ("digits-arab", ["--width", "0", "--digits", "arab"],
     "رقم التذكرة 17 والشباك 3 (الدور الآن 12)"),
    ("harakat-tatweel", ["--width", "0"],
     "لِلْمُسْتَفِيدِ حَقٌّ فِي الخِدمـــة، «طلب دعم مستفيد»"),
]


def render(shape, name, opts, text, path):
    args = [shape]
    for f in FONTS:
        args += ["--font", os.path.join(ASSETS, "fonts", f)]
    args += ["--size", "28", "--dir", "rtl"] + opts + ["--png", path, text]
    r = subprocess.run(args, capture_output=True, timeout=30)
    if r.returncode != 0 or not os.path.isfile(path):
        raise RuntimeError("dawr-shape failed on %s (%d): %s"
                           % (name, r.returncode, r.stderr.decode()[:300]))


def read_png(path):
    """Decodes a non-interlaced 8-bit PNG to (width, height, darkness rows), where
    darkness is 0 for paper and 255 for full ink whatever the colour type."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("%s: not a PNG" % path)
    pos, idat, hdr = 8, [], None
    while pos < len(data):
        n, = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
    w, h, depth, ctype, _, _, interlace = hdr
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if depth != 8 or channels is None or interlace:
        raise ValueError("%s: unsupported PNG (depth %d, type %d)" % (path, depth, ctype))
    raw, bpp, stride = zlib.decompress(b"".join(idat)), channels, w * channels
    rows, prev = [], bytearray(stride)
    for y in range(h):
        ft, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ft == 1:
                line[x] = (line[x] + a) & 255
            elif ft == 2:
                line[x] = (line[x] + b) & 255
            elif ft == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        gray = line[0::channels] if channels < 3 else bytes(
            (line[i] * 299 + line[i + 1] * 587 + line[i + 2] * 114) // 1000
            for i in range(0, stride, channels))
        alpha = line[channels - 1::channels] if channels in (2, 4) else None
        if alpha is not None:  # ink on transparent paper: coverage is the alpha
            rows.append(bytes(alpha))
        else:
            rows.append(bytes(gray))
    # Dark ink on light paper or light ink on dark paper: darkness is ink.
    corner = rows[0][0] if rows and rows[0] else 0
    if ctype in (0, 2) and corner > 127:
        rows = [bytes(255 - v for v in r) for r in rows]
    return w, h, rows


def differing(ra, rb, w, h, dx, dy):
    """Pixels differing by more than 10% when @ra is moved by (dx, dy) over @rb;
    pixels moved out of the image count as differing if they were ink."""
    n = 0
    for y in range(h):
        sy = y - dy
        row_b = rb[y]
        row_a = ra[sy] if 0 <= sy < h else None
        for x in range(w):
            sx = x - dx
            p = row_a[sx] if row_a is not None and 0 <= sx < w else 0
            if abs(p - row_b[x]) > 25:
                n += 1
    return n


def compare(a, b):
    """(differing pixels, ink pixels of b, size of a, size of b, shift).

    The image may be shifted by one pixel as a whole (where alignment rounds a
    half pixel is not what this test is about); a letter or word that moves,
    appears or disappears still differs."""
    wa, ha, ra = read_png(a)
    wb, hb, rb = read_png(b)
    if (wa, ha) != (wb, hb):
        return None, 0, (wa, ha), (wb, hb), None
    ink = sum(1 for r in rb for v in r if v >= INK)
    best = None
    for dy in (0, -1, 1):
        for dx in (0, -1, 1):
            n = differing(ra, rb, wb, hb, dx, dy)
            if best is None or n < best[0]:
                best = (n, (dx, dy))
            if n == 0:
                return 0, ink, (wa, ha), (wb, hb), (dx, dy)
    return best[0], ink, (wa, ha), (wb, hb), best[1]


def main():
    shape = os.path.join(BUILD, "tools", "dawr-shape")
    if not os.access(shape, os.X_OK):
        print("FAIL: %s not built" % shape)
        return 1
    os.makedirs(OUT, exist_ok=True)
    update = os.environ.get("UPDATE_GOLDEN") == "1"
    failures = 0
    for name, opts, text in CASES:
        out = os.path.join(OUT, name + ".png")
        gold = os.path.join(GOLDEN, name + ".png")
        render(shape, name, opts, text, out)
        if update:
            shutil.copyfile(out, gold)
            print("updated %s" % gold)
            continue
        if not os.path.isfile(gold):
            print("FAIL %s: no golden %s (UPDATE_GOLDEN=1 to create)" % (name, gold))
            failures += 1
            continue
        diff, ink, sa, sb, shift = compare(out, gold)
        if diff is None:
            print("FAIL %s: size %s, golden %s (%s)" % (name, sa, sb, out))
            failures += 1
            continue
        limit = int(ink * TOLERANCE) + SLACK
        if ink < 200:
            print("FAIL %s: the golden has only %d ink pixels" % (name, ink))
            failures += 1
            continue
        status = "ok" if diff <= limit else "FAIL"
        print("%s %s: %d pixels differ (limit %d; %d ink pixels, %dx%d; shifted %+d,%+d)"
              % (status, name, diff, limit, ink, sb[0], sb[1], shift[0], shift[1]))
        if diff > limit:
            failures += 1
            print("  output: %s" % out)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
