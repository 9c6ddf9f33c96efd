#!/usr/bin/env python3
"""Golden shaping test: txt's glyphs must equal hb-shape's, run by run.

For every case file in cases/ and every sentence of every seed file, the text is laid
out (no wrapping) by txt through two programs: dawr-shape (the debugging tool whose
text format is hb-shape's) and txt-dump (a test helper printing, per glyph, the font
and bidi level as well). The rule, explained in README.md:

  * dawr-shape's lines must equal txt-dump's (names, clusters, advances), so the tool
    prints what the engine laid out;
  * txt-dump's glyphs are cut into runs of one font and one bidi level; each run's
    substring is shaped by hb-shape on that run's font, in that run's direction,
    with the rest of the paragraph as context (--text-before/--text-after: harfbuzz
    keeps the same 5 characters of context txt gives it), with --utf8-clusters;
  * hb-shape's names, clusters (+ run start) and advances must equal the run's, glyph
    by glyph in visual order; offsets are compared too (harakat placement).

Usage: shape-golden.py [--cases-only | --seeds-only] [-v]
Env: DAWR_BUILD, DAWR_SRC, DAWR_ASSETS, DAWR_SEEDS (set by ctest). Exit 77 = skipped.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

BUILD = os.environ.get("DAWR_BUILD", "build")
SRC = os.environ.get("DAWR_SRC", ".")
ASSETS = os.environ.get("DAWR_ASSETS", os.path.join(SRC, "assets"))
SEEDS = os.environ.get("DAWR_SEEDS", "")
HERE = os.path.dirname(os.path.abspath(__file__))
VERBOSE = "-v" in sys.argv

DEFAULT_FONTS = ["NotoSansArabic-Regular.ttf", "NotoSans-Regular.ttf",
                 "NotoSansSymbols2-Regular.ttf"]


def find_binary(name):
    for sub in ("tools", "tests/golden/txt", ""):
        p = os.path.join(BUILD, sub, name)
        if os.path.isfile(p) and os.access(p, os.X_OK):
            return p
    return None


GLYPH_RE = re.compile(r"([^=|\[\]]+)=(\d+)(?:@(-?\d+),(-?\d+))?\+(-?\d+)(?:,-?\d+)?")


def parse_hb_line(line):
    """[name=cluster@dx,dy+adv|...] -> list of (name, cluster, adv, dx, dy)."""
    line = line.strip()
    if not (line.startswith("[") and line.endswith("]")):
        raise ValueError("not an hb-shape buffer: %r" % line)
    body = line[1:-1]
    if not body:
        return []
    out = []
    for item in body.split("|"):
        m = GLYPH_RE.fullmatch(item)
        if not m:
            raise ValueError("bad glyph %r in %r" % (item, line))
        name, cl, dx, dy, adv = m.groups()
        out.append((name, int(cl), int(adv), int(dx or 0), int(dy or 0)))
    return out


def txt_dump(dump, fonts, size, direction, paragraphs, digits="latn"):
    """Runs txt-dump on many paragraphs at once; returns one layout per paragraph."""
    args = [dump]
    for f in fonts:
        args += ["--font", f]
    args += ["--size", str(size), "--dir", direction, "--digits", digits]
    data = "".join(p + "\n" for p in paragraphs).encode()
    r = subprocess.run(args, input=data, capture_output=True, timeout=120)
    if r.returncode not in (0, 1):
        raise RuntimeError("txt-dump failed (%d): %s" % (r.returncode, r.stderr.decode()))
    layouts, cur = [], None
    for line in r.stdout.decode().splitlines():
        f = line.split(" ", 7)
        if f[0] == "P":
            cur = {"len": int(f[1]), "lines": [], "error": None}
        elif f[0] == "X":
            cur["error"] = line[2:]
        elif f[0] == "L":
            cur["lines"].append({"start": int(f[1]), "end": int(f[2]), "glyphs": []})
        elif f[0] == "G":
            cur["lines"][-1]["glyphs"].append({
                "font": int(f[1]), "level": int(f[2]), "cluster": int(f[3]),
                "adv": int(f[4]), "dx": int(f[5]), "dy": int(f[6]), "name": f[7]})
        elif f[0] == "E":
            layouts.append(cur)
    if len(layouts) != len(paragraphs):
        raise RuntimeError("txt-dump returned %d layouts for %d paragraphs"
                           % (len(layouts), len(paragraphs)))
    return layouts


def hb_shape(font, size, direction, text, before, after):
    args = ["hb-shape", "--font-size=%d" % size, "--utf8-clusters",
            "--direction=" + direction, "--font-file=" + font, "--text=" + text]
    if before:
        args.append("--text-before=" + before)
    if after:
        args.append("--text-after=" + after)
    r = subprocess.run(args, capture_output=True, timeout=30)
    if r.returncode != 0:
        raise RuntimeError("hb-shape failed: %s" % r.stderr.decode())
    return parse_hb_line(r.stdout.decode())


def runs_of(line):
    """Cuts a line's glyphs (visual order) into maximal runs of one font and level."""
    runs = []
    for g in line["glyphs"]:
        if runs and runs[-1][0]["font"] == g["font"] and runs[-1][0]["level"] == g["level"]:
            runs[-1].append(g)
        else:
            runs.append([g])
    return runs


def fmt(glyphs):
    return "[" + "|".join("%s=%d%s+%d" % (n, c, ("@%d,%d" % (dx, dy)) if dx or dy else "", a)
                          for n, c, a, dx, dy in glyphs) + "]"


class Checker:
    def __init__(self, dawr_shape, dump):
        self.dawr_shape = dawr_shape
        self.dump = dump
        self.failures = []
        self.runs = 0
        self.items = 0
        self.boxes = set()  # characters no font has

    def fail(self, label, msg):
        self.failures.append("%s: %s" % (label, msg))

    def check(self, label, text, fonts, size, direction, layout, expect=(), digits="latn"):
        """Compares one laid-out paragraph with hb-shape run by run."""
        self.items += 1
        raw = text.encode()
        # With --digits arab txt shapes ٠-٩ where the text has 0-9 but keeps clusters
        # in the original text; the reference shapes the converted text and its
        # clusters are mapped back (each ASCII digit is 1 byte, its Arabic-Indic 2).
        shown, back = bytearray(), []
        for i, b in enumerate(raw):
            if digits == "arab" and 0x30 <= b <= 0x39:
                piece = chr(0x660 + b - 0x30).encode()
            else:
                piece = bytes([b])
            back += [i] * len(piece)
            shown += piece
        back.append(len(raw))
        fwd = {}
        for k, o in enumerate(back):
            fwd.setdefault(o, k)
        if layout["error"]:
            return self.fail(label, "txt: " + layout["error"])
        if not layout["lines"]:
            return self.fail(label, "no lines")
        # All clusters of the paragraph, to find where each run's text ends.
        clusters = sorted({g["cluster"] for ln in layout["lines"] for g in ln["glyphs"]})
        for ln in layout["lines"]:
            for run in runs_of(ln):
                self.runs += 1
                lo = min(g["cluster"] for g in run)
                hi = max(g["cluster"] for g in run)
                later = [c for c in clusters if c > hi]
                end = later[0] if later else len(raw)
                # Trailing characters that produced no glyph of any run (e.g. a
                # newline) would be outside every run; keep end inside the line.
                end = min(end, max(ln["end"], hi + 1))
                slo, send = fwd[lo], fwd[end]
                sub = bytes(shown[slo:send]).decode("utf-8", "replace")
                before = bytes(shown[:slo]).decode("utf-8", "replace")
                after = bytes(shown[send:]).decode("utf-8", "replace")
                rtl = run[0]["level"] % 2 == 1
                font = fonts[run[0]["font"]] if run[0]["font"] >= 0 else None
                if font is None:
                    self.fail(label, "glyph from a font not in the list")
                    continue
                ref = hb_shape(font, size, "rtl" if rtl else "ltr", sub, before, after)
                ref = [(n, back[c + slo], a, dx, dy) for n, c, a, dx, dy in ref]
                got = [(g["name"], g["cluster"], g["adv"], g["dx"], g["dy"]) for g in run]
                if got != ref:
                    self.fail(label, "run %r (%s, font %s, bytes %d-%d)\n    hb-shape: %s\n"
                              "    txt:      %s" % (sub, "rtl" if rtl else "ltr",
                                                  os.path.basename(font), lo, end,
                                                  fmt(ref), fmt(got)))
        # A box (.notdef) is acceptable only for a character no font of the list has:
        # otherwise font fallback missed it.
        for ln in layout["lines"]:
            for g in ln["glyphs"]:
                if g["name"] != ".notdef":
                    continue
                ch = raw[g["cluster"]:].decode("utf-8", "replace")[:1]
                covered = [os.path.basename(f) for f in fonts
                           if hb_shape(f, size, "ltr", ch, "", "")[0][0] != ".notdef"]
                if covered:
                    self.fail(label, "U+%04X at byte %d drawn as .notdef but %s has it"
                              % (ord(ch), g["cluster"], ", ".join(covered)))
                else:
                    self.boxes.add("U+%04X" % ord(ch))
        # expect NAME: some glyph has that name; NAME=CLUSTER: at that byte offset.
        names = [g["name"] for ln in layout["lines"] for g in ln["glyphs"]]
        pairs = ["%s=%d" % (g["name"], g["cluster"])
                 for ln in layout["lines"] for g in ln["glyphs"]]
        for e in expect:
            if e not in (pairs if "=" in e else names):
                self.fail(label, "expected glyph %s, got %s" % (e, " ".join(pairs)))
        if self.dawr_shape:
            self.check_tool(label, text, fonts, size, direction, layout, digits)

    def check_tool(self, label, text, fonts, size, direction, layout, digits="latn"):
        """dawr-shape must print, line by line, exactly what txt laid out."""
        args = [self.dawr_shape]
        for f in fonts:
            args += ["--font", f]
        args += ["--size", str(size), "--dir", direction, "--digits", digits]
        args += ["--", text] if text.startswith("-") else [text]
        r = subprocess.run(args, capture_output=True, timeout=30)
        if r.returncode != 0:
            return self.fail(label, "dawr-shape exit %d: %s" % (r.returncode,
                                                               r.stderr.decode()[:300]))
        out = [l for l in r.stdout.decode().splitlines() if l.strip()]
        want = [[(g["name"], g["cluster"], g["adv"]) for g in ln["glyphs"]]
                for ln in layout["lines"]]
        try:
            got = [[(n, c, a) for n, c, a, _, _ in parse_hb_line(l)] for l in out]
        except ValueError as e:
            return self.fail(label, "dawr-shape output: %s" % e)
        if got != want:
            self.fail(label, "dawr-shape prints\n    %s\n  but txt laid out\n    %s"
                      % ("\n    ".join(out),
                         "\n    ".join(fmt([(n, c, a, 0, 0) for n, c, a in w])
                                       for w in want)))


def read_case(path):
    """A case file: '#' comments, then 'key value' lines, the text on 'text'."""
    case = {"fonts": [], "size": 32, "dir": "rtl", "expect": [], "texts": [],
            "digits": "latn"}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            key, _, val = line.partition(" ")
            if key == "font":
                case["fonts"].append(os.path.join(ASSETS, "fonts", val))
            elif key == "size":
                case["size"] = int(val)
            elif key == "dir":
                case["dir"] = val
            elif key == "digits":
                case["digits"] = val
            elif key == "expect":
                case["expect"] += val.split()
            elif key == "text":
                case["texts"].append(val)
            else:
                raise ValueError("%s: unknown key %r" % (path, key))
    if not case["fonts"]:
        case["fonts"] = [os.path.join(ASSETS, "fonts", f) for f in DEFAULT_FONTS]
    if not case["texts"]:
        raise ValueError("%s: no text" % path)
    return case


SENTENCE_END = re.compile(r"(?<=[.،؛؟!:\n])")


def seed_sentences():
    out = []
    for path in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for i, s in enumerate(SENTENCE_END.split(text)):
            # Markdown heading marks and tabs are layout, not sentences.
            s = s.replace("\t", " ").strip().lstrip("#").strip()
            if s and any(ch.isalnum() for ch in s):
                out.append(("%s#%d" % (os.path.basename(path), i), s))
    return out


def main():
    if not shutil.which("hb-shape"):
        print("skip: hb-shape not installed")
        return 77
    dump = find_binary("txt-dump")
    dawr_shape = find_binary("dawr-shape")
    if not dump:
        print("FAIL: txt-dump not built in %s" % BUILD)
        return 1
    if not dawr_shape:
        print("FAIL: dawr-shape not built in %s" % BUILD)
        return 1
    chk = Checker(dawr_shape, dump)

    if "--seeds-only" not in sys.argv:
        for path in sorted(glob.glob(os.path.join(HERE, "cases", "*.txt"))):
            c = read_case(path)
            # Several texts in one case are laid out by one process, in order, so
            # later ones may come from txt's caches filled by earlier ones.
            lays = txt_dump(dump, c["fonts"], c["size"], c["dir"], c["texts"],
                            c["digits"])
            for i, (text, lay) in enumerate(zip(c["texts"], lays)):
                label = os.path.basename(path) + ("" if len(lays) == 1 else "#%d" % i)
                chk.check(label, text, c["fonts"], c["size"], c["dir"], lay,
                          c["expect"] if i == 0 else (), c["digits"])

    seeds_seen = 0
    if "--cases-only" not in sys.argv and SEEDS and os.path.isdir(SEEDS):
        fonts = [os.path.join(ASSETS, "fonts", f) for f in DEFAULT_FONTS]
        sents = seed_sentences()
        seeds_seen = len(sents)
        lays = txt_dump(dump, fonts, 32, "rtl", [s for _, s in sents])
        for (label, s), lay in zip(sents, lays):
            chk.check(label, s, fonts, 32, "rtl", lay)

    for f in chk.failures:
        print("FAIL " + f)
    if chk.boxes:
        print("characters no font has (drawn as .notdef): " + " ".join(sorted(chk.boxes)))
    print("%d texts (%d seed sentences), %d runs compared with hb-shape, %d failures"
          % (chk.items, seeds_seen, chk.runs, len(chk.failures)))
    if "--cases-only" not in sys.argv and seeds_seen == 0 and "--seeds-only" in sys.argv:
        return 77
    return 1 if chk.failures else 0


if __name__ == "__main__":
    sys.exit(main())
