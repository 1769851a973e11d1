#!/usr/bin/env bash
# t022-report-html: the HTML class report renders in a real headless
# browser (Debian's chromium): the rendered DOM has the three SVG charts
# with their bars and the escaped <script> reply as text (no script runs),
# and a screenshot is a PNG of the page, not a blank one (more than one
# colour, counted by decoding the PNG with python's zlib).
# Skips (exit 0, with a message) only when chromium is not installed.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "SKIP t022-report-html: chromium is not installed (apt-get install chromium)"
    exit 0
fi
. tests/cli/classdb.sh

run "$CRMSIM" --db "$DB" report --html "$TMP/report.html"
[ "$RC" -eq 0 ] || fail "report --html exited $RC: $(first "$ERR")"

# chromium ARGS...: headless, sandbox-less, no network services, own profile.
chromium_run() {
    timeout -k 5 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$TMP/chr" "$@" 2>"$TMP/chromium.err"
}

chromium_run --dump-dom "file://$TMP/report.html" >"$TMP/dom.html" ||
    fail "chromium --dump-dom failed: $(tail -n 3 "$TMP/chromium.err")"
python3 - "$TMP/dom.html" <<'PY' || fail "the rendered DOM lacks the charts or shows the reply unescaped"
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
    def handle_data(self, data):
        self.text.append(data)
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
assert p.tags.count("svg") >= 3 + 1, p.tags.count("svg")   # three charts and the step bars
assert p.tags.count("rect") >= 10, p.tags.count("rect")
assert "script" not in p.tags, "a script element was rendered"
text = "".join(p.text)
assert "<script>alert(1)</script>这不归我管" in text, "the reply is not shown as text"
for want in ["班级报告", "分数分布", "各情景的评分项", "最常见的禁忌语", "必做步骤的遗漏"]:
    assert want in text, want
PY

chromium_run --screenshot="$TMP/shot.png" --window-size=1200,1600 --hide-scrollbars \
    "file://$TMP/report.html" >/dev/null ||
    fail "chromium --screenshot failed: $(tail -n 3 "$TMP/chromium.err")"
[ -s "$TMP/shot.png" ] || fail "no screenshot written"
python3 - "$TMP/shot.png" <<'PY' || fail "the screenshot is not a rendered page"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype in (2, 6), (depth, ctype)
        bpp = 3 if ctype == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
assert (w, h) == (1200, 1600), (w, h)
stride = w * bpp + 1
colours = set()
# Sample every 8th row: the filter byte differs per row, so unfilter fully.
prev = bytearray(w * bpp)
for y in range(h):
    f, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
    for i in range(len(line)):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 8 == 0:
        for x in range(0, w, 4):
            colours.add(bytes(line[x * bpp:x * bpp + 3]))
    prev = line
assert len(colours) > 50, f"only {len(colours)} colours: a blank page?"
# The bars are drawn in the chart colours: some red-orange (#e0614f) pixels.
assert any(abs(c[0] - 0xe0) < 6 and abs(c[1] - 0x61) < 6 and abs(c[2] - 0x4f) < 6 for c in colours), \
    "no chart bars in the screenshot"
PY
exit 0
