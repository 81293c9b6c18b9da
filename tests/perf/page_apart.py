#!/usr/bin/env python3
"""How long the app takes to show a kept PDF's page when it is drawn apart: the app's program
started as a page drawer (`--draw-pdf-page`), given a one-page typed letter through a pipe, and
read back as a PNG 1,200 pixels wide. This is the whole cost the window waits for (start,
draw, end), to set beside the in-process figure of `cargo bench -p backend --bench attachments
-- "show page"`.

    python3 tests/perf/page_apart.py <app binary> [--runs N] [--json FILE]
"""
import argparse
import json
import statistics
import struct
import subprocess
import time


def letter_pdf():
    """A one-page A4 letter of 40 typed lines, with a correct cross-reference table."""
    lines = " ".join(
        f"BT /F1 11 Tf 72 {780 - 16 * n} Td (Line {n + 1} of a typed clinic letter, as a hospital sends it.) Tj ET"
        for n in range(40)
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(lines), lines.encode()),
    ]
    out = b"%PDF-1.7\n"
    offsets = []
    for i, o in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i + 1, o)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for at in offsets:
        out += b"%010d 00000 n \n" % at
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("app")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json")
    args = parser.parse_args()
    pdf = letter_pdf()
    request = b"SOPAGE1\n" + struct.pack(">IIQ", 0, 1200, len(pdf)) + pdf
    times = []
    for _ in range(args.runs + 1):
        started = time.perf_counter()
        done = subprocess.run([args.app, "--draw-pdf-page"], input=request, capture_output=True, check=True)
        times.append((time.perf_counter() - started) * 1000)
        if not done.stdout.startswith(b"OK"):
            raise SystemExit("the page drawer did not draw the page")
    times = times[1:]  # the first start warms the disk cache
    median = statistics.median(times)
    print(f"a typed letter's page drawn apart (start, draw 1,200 px wide, end): median {median:.1f} ms "
          f"(min {min(times):.1f}, max {max(times):.1f}; {args.runs} runs)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"median_ms": median, "runs_ms": times}, f, indent=1)


if __name__ == "__main__":
    main()
