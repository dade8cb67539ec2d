#!/usr/bin/python3
"""Regenerates the subset fonts of the PDF exporter (src/pdf/fonts/*.otf).

Source: Debian's fonts-noto-cjk (.ttc collections, which pdf-lib cannot read). We take the
Simplified Chinese face of Noto Serif CJK and Noto Sans CJK. The serif face (all the clerk's text)
keeps
  通用规范汉字表 8105 字 (src/pdf/fonts/charset/tongyong-8105.txt)
  ∪ GB 2312 (every character of the 'gb2312' codec: 6763 hanzi and 682 symbols)
  ∪ ASCII ∪ Latin-1 ∪ CJK punctuation, full-width forms, circled numbers (note markers).
The sans face draws only fixed headings and labels: it keeps the characters of
src/pdf/fonts/charset/sans-used.txt (written by scripts/sans-charset.ts) and a few symbol ranges.
Only the GSUB features fontkit applies by default are kept (pdf-lib draws the glyphs fontkit picks);
GPOS is dropped (pdf-lib ignores positioning),
and so are the CFF stem hints (printing at 600 dpi does not need them; the files get 16 % smaller).
Subroutines are expanded (the file then compresses 3 % smaller), and the serif face is redrawn on a
grid of 256 units per em instead of 1000 (compressed 30 % smaller; see rescale()).

The files are saved brotli-compressed (.otf.br; serif 4.66 → 2.18 MB, gzip would give 2.75): they
are embedded in the single HTML file, where every megabyte costs start-up time (src/pdf/font-files.ts
unpacks them on the first export, with fontkit's own brotli decoder).

Needs Debian's python3-fonttools, python3-brotli and fonts-noto-cjk:
  apt-get install python3-fonttools python3-brotli fonts-noto-cjk
Run from the repository root:  /usr/bin/python3 scripts/make-fonts.py [serif] [sans]
The output is committed, so `npm install` alone gives a working app; rerun only to change the set.
"""

import io
import os
import sys
import time

import brotli
from fontTools import subset
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTCollection, TTFont, scaleUpem

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, 'src', 'pdf', 'fonts')
CHARSET_8105 = os.path.join(OUT_DIR, 'charset', 'tongyong-8105.txt')
NOTO_DIR = '/usr/share/fonts/opentype/noto'

SANS_USED = os.path.join(OUT_DIR, 'charset', 'sans-used.txt')

FONTS = [
    # (role, collection, face name, output file, units per em: None keeps the font's 1000)
    ('serif', 'NotoSerifCJK-Regular.ttc', 'Noto Serif CJK SC', 'NotoSerifCJKsc-Regular.subset.otf', 256),
    ('sans', 'NotoSansCJK-Regular.ttc', 'Noto Sans CJK SC', 'NotoSansCJKsc-Regular.subset.otf', None),
]

# Ranges of symbols a report may contain besides hanzi (the font keeps those it has).
SYMBOL_RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1: × ÷ ° ± · § ¥
    (0x2010, 0x205E),  # general punctuation: — ‘ ’ “ ” … ‰ ′ ″ ※
    (0x2100, 0x214F),  # letterlike: ℃ №
    (0x2160, 0x217F),  # Roman numerals Ⅰ–Ⅻ
    (0x2190, 0x2199),  # arrows
    (0x2460, 0x24FF),  # ① … ⑳ ⑴ ⒈ (footnote markers)
    (0x2E3A, 0x2E3B),  # ⸺ ⸻
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。〃〇《》「」『』【】〔〕〖〗
    (0x3220, 0x3243),  # ㈠ … ㈩
    (0x3251, 0x325F),  # ㉑ … ㉟ (footnote markers past ⑳)
    (0x32B1, 0x32BF),  # ㊱ … ㊿
    (0xFF01, 0xFF5E),  # full-width forms: ，：；！？（）％
    (0xFFE0, 0xFFE6),  # ￠ ￡ ￢ ￣ ￤ ￥
]

# The sans (黑体) face draws only fixed text of the template and the layout, never the clerk's:
# the characters scripts/sans-charset.ts found drawn in sans, plus these ranges.
SANS_RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x2010, 0x205E),  # general punctuation
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF01, 0xFF5E),  # full-width forms
]

KEPT_FEATURES = ['ccmp', 'locl', 'rlig', 'calt', 'clig', 'liga', 'rclt']


def gb2312_codepoints():
    points = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                points.add(ord(bytes([high, low]).decode('gb2312')))
            except UnicodeDecodeError:
                pass
    return points


def tongyong_codepoints():
    with open(CHARSET_8105, encoding='utf-8') as f:
        chars = [line.strip() for line in f if line.strip() and not line.startswith('#')]
    if len(chars) != 8105 or len(set(chars)) != 8105 or any(len(c) != 1 for c in chars):
        sys.exit(f'{CHARSET_8105}: expected 8105 distinct characters, got {len(set(chars))}')
    return {ord(c) for c in chars}


def wanted_codepoints():
    points = tongyong_codepoints() | gb2312_codepoints()
    for first, last in SYMBOL_RANGES:
        points.update(range(first, last + 1))
    return points


def sans_codepoints():
    with open(SANS_USED, encoding='utf-8') as f:
        points = {ord(c) for c in f.read() if not c.isspace()}
    for first, last in SANS_RANGES:
        points.update(range(first, last + 1))
    return points


def face(collection, name):
    fonts = TTCollection(os.path.join(NOTO_DIR, collection)).fonts
    for font in fonts:
        if font['name'].getDebugName(4) == name:
            return font
    sys.exit(f'{collection}: no face named {name}')


def rescale(font, upem):
    """Redraws every glyph on a grid of `upem` units per em (the font's own: 1000).

    Why: the serif font is most of the single HTML file, and coordinates on a coarser grid take fewer
    bytes (brotli: 3.08 MB at 1000, 2.57 at 500, 2.18 at 256). A unit is then 1/256 em: 0.017 mm at
    12 pt, and a point moves by at most half that, a fifth of a 600 dpi printer dot, so nothing changes
    on paper (pages compared at 1200 dpi; the reference images pass unchanged).
    fontTools' scale_upem scales every table, but it rounds the charstrings' relative moves one by one,
    so errors add up along a contour (a visible kink in 0 and 2 at 1200 dpi); here each glyph is
    redrawn from the original outline through a pen that rounds absolute points.
    """
    buffer = io.BytesIO()
    font.save(buffer)
    original = TTFont(io.BytesIO(buffer.getvalue()))
    scale = upem / original['head'].unitsPerEm
    # scale_upem divides the FontMatrix in place; without its own list it would change fontTools'
    # shared default, and the matrix would then be left out of every font saved afterwards.
    top = font['CFF '].cff.topDictIndex[0]
    top.FontMatrix = list(top.FontMatrix)
    scaleUpem.scale_upem(font, upem)
    source = original['CFF '].cff.topDictIndex[0].CharStrings
    advances = font['hmtx'].metrics
    for glyph_name in top.CharStrings.keys():
        target = top.CharStrings[glyph_name]
        pen = T2CharStringPen(advances[glyph_name][0], None)
        source[glyph_name].draw(TransformPen(pen, (scale, 0, 0, scale, 0, 0)))
        target.program = pen.getCharString(private=target.private, globalSubrs=target.globalSubrs).program
    if abs(top.FontMatrix[0] * upem - 1) > 1e-9:
        sys.exit(f'FontMatrix {top.FontMatrix} does not match {upem} units per em')


def make(collection, name, out_name, points, upem):
    started = time.time()
    font = face(collection, name)
    cmap = font.getBestCmap()
    missing_hanzi = sorted(p for p in points if 0x4E00 <= p <= 0x9FFF and p not in cmap)
    options = subset.Options()
    options.layout_features = KEPT_FEATURES
    options.name_IDs = ['*']
    options.name_languages = ['*']
    options.notdef_outline = True
    # Stem hints only help screen rasterizers at small sizes; without them the files are 16 % smaller.
    options.hinting = False
    options.desubroutinize = True
    # vhea/vmtx stay (4 bytes a glyph): without them fontkit parses each glyph's outline just to
    # compute its vertical metrics whenever an advance width is asked for, doubling the first export.
    options.drop_tables += ['BASE', 'VORG', 'GPOS']
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=points)
    subsetter.subset(font)
    if upem:
        rescale(font, upem)
    buffer = io.BytesIO()
    font.save(buffer)
    saved = TTFont(io.BytesIO(buffer.getvalue()))
    matrix = saved['CFF '].cff.topDictIndex[0].FontMatrix[0]
    if abs(matrix * saved['head'].unitsPerEm - 1) > 1e-9:
        sys.exit(f'{out_name}: FontMatrix {matrix} does not match {saved["head"].unitsPerEm} units per em')
    # Brotli at its best setting: the same input gives the same bytes.
    out = os.path.join(OUT_DIR, out_name + '.br')
    with open(out, 'wb') as f:
        f.write(brotli.compress(buffer.getvalue(), mode=brotli.MODE_FONT, quality=11, lgwin=24))
    kept = len(font.getBestCmap())
    print(
        f'{out_name}.br: {len(buffer.getvalue()) / 1e6:.2f} MB, brotli {os.path.getsize(out) / 1e6:.2f} MB, {kept} code points, '
        f'{len(missing_hanzi)} requested hanzi missing, {time.time() - started:.1f} s'
    )


def main():
    # Optional arguments name the roles to rebuild (serif, sans); default both.
    roles = sys.argv[1:] or [role for role, *_ in FONTS]
    for role, collection, name, out_name, upem in FONTS:
        if role not in roles:
            continue
        points = wanted_codepoints() if role == 'serif' else sans_codepoints()
        print(f'{role}: {len(points)} code points requested')
        make(collection, name, out_name, points, upem)


if __name__ == '__main__':
    main()
