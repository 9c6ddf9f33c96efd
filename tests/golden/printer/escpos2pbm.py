#!/usr/bin/env python3
"""Decodes an ESC/POS ticket job (ESC @, GS v 0 bands, ESC d, GS V) into a PBM image,
so the golden test compares what the printer is sent, not only the PNG of the virtual
printer. PBM P4 rows are MSB-first with 1 = black, the same as GS v 0 data.

    escpos2pbm.py JOB.bin OUT.pbm
"""
import sys

data = open(sys.argv[1], "rb").read()
rows, stride, i = bytearray(), None, 0
height = 0
while i < len(data):
    if data[i:i + 2] == b"\x1b@":
        i += 2
    elif data[i:i + 2] == b"\x1bd":
        i += 3
    elif data[i:i + 3] == b"\x1dVB":
        i += 4
    elif data[i:i + 4] == b"\x1dv0\x00":
        xb = data[i + 4] | data[i + 5] << 8
        yb = data[i + 6] | data[i + 7] << 8
        if stride not in (None, xb) or i + 8 + xb * yb > len(data):
            sys.exit("escpos2pbm: bad band at offset %d" % i)
        stride = xb
        rows += data[i + 8:i + 8 + xb * yb]
        height += yb
        i += 8 + xb * yb
    else:
        sys.exit("escpos2pbm: unknown command at offset %d: %s" % (i, data[i:i + 4].hex()))
if stride is None:
    sys.exit("escpos2pbm: no raster data")
with open(sys.argv[2], "wb") as f:
    f.write(b"P4\n%d %d\n" % (stride * 8, height))
    f.write(rows)
