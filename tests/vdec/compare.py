#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Compare two NV12 files frame by frame.

Usage: compare.py --size WxH [--stride-a S --lines-a L] [--stride-b S
--lines-b L] [--min-psnr DB] A B

Frames are W x H NV12; a file's lines may be padded (STRIDE bytes per
line, LINES luma lines, LINES / 2 chroma lines), only the W x H picture
is compared. Every frame must be identical or have a PSNR of at least
--min-psnr (default 50 dB) over all planes, and both files must hold the
same number of frames. Prints one line per frame that is not identical
and a summary; exit status 1 on any difference beyond the limit.
"""
import argparse
import math
import sys


def frames(path, w, h, stride, lines):
    size = stride * lines * 3 // 2
    with open(path, 'rb') as f:
        data = f.read()
    if len(data) % size:
        raise SystemExit(f'{path}: {len(data)} bytes is not a whole number of {size}-byte frames')
    for off in range(0, len(data), size):
        fr = data[off:off + size]
        y = b''.join(fr[r * stride:r * stride + w] for r in range(h))
        c0 = stride * lines
        c = b''.join(fr[c0 + r * stride:c0 + r * stride + w] for r in range((h + 1) // 2))
        yield y + c


def psnr(a, b):
    se = sum((x - y) * (x - y) for x, y in zip(a, b))
    if se == 0:
        return math.inf
    return 10 * math.log10(255 * 255 * len(a) / se)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--size', required=True)
    ap.add_argument('--stride-a', type=int)
    ap.add_argument('--lines-a', type=int)
    ap.add_argument('--stride-b', type=int)
    ap.add_argument('--lines-b', type=int)
    ap.add_argument('--min-psnr', type=float, default=50.0)
    ap.add_argument('a')
    ap.add_argument('b')
    o = ap.parse_args()
    w, h = (int(v) for v in o.size.split('x'))
    fa = list(frames(o.a, w, h, o.stride_a or w, o.lines_a or h))
    fb = list(frames(o.b, w, h, o.stride_b or w, o.lines_b or h))
    bad = 0
    same = 0
    worst = math.inf
    for i, (x, y) in enumerate(zip(fa, fb)):
        if x == y:
            same += 1
            continue
        p = psnr(x, y)
        worst = min(worst, p)
        if p < o.min_psnr:
            bad += 1
            print(f'frame {i}: PSNR {p:.2f} dB < {o.min_psnr} dB')
    if len(fa) != len(fb):
        print(f'frame count: {len(fa)} in {o.a}, {len(fb)} in {o.b}')
        bad += 1
    print(f'{len(fa)} frames: {same} identical, worst PSNR of the others '
          f'{"-" if worst == math.inf else f"{worst:.2f} dB"}')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
