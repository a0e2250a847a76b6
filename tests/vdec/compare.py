#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Compare two NV12 files frame by frame.

Usage: compare.py --size WxH [--stride-a S --lines-a L --cstride-a C]
[--stride-b S --lines-b L --cstride-b C] [--layout-a K] [--layout-b K]
[--min-psnr DB] A B

Frames are W x H NV12; a file's lines may be padded (STRIDE bytes per
line, LINES luma lines, (LINES + 1) / 2 chroma lines of CSTRIDE bytes,
CSTRIDE defaulting to STRIDE), only the W x H picture is compared (chroma:
(W + 1) / 2 pairs by (H + 1) / 2 lines). --layout-X names a known layout
instead: "ffmpeg" (rawvideo: STRIDE W, LINES H, CSTRIDE W rounded up to
even) or "gst" (GStreamer's default NV12 video info: STRIDE and CSTRIDE W
rounded up to 4, LINES H rounded up to even). Every frame must be identical or have a PSNR of at least
--min-psnr (default 50 dB) over all planes, and both files must hold the
same number of frames. Prints one line per frame that is not identical
and a summary; exit status 1 on any difference beyond the limit.
"""
import argparse
import math
import sys


def layout(kind, w, h, stride, lines, cstride):
    if kind == 'ffmpeg':
        return w, h, (w + 1) // 2 * 2
    if kind == 'gst':
        s = (w + 3) // 4 * 4
        return s, (h + 1) // 2 * 2, ((w + 1) // 2 * 2 + 3) // 4 * 4
    stride = stride or w
    return stride, lines or h, cstride or stride


def frames(path, w, h, stride, lines, cstride):
    size = stride * lines + cstride * ((lines + 1) // 2)
    cw = (w + 1) // 2 * 2
    with open(path, 'rb') as f:
        data = f.read()
    if len(data) % size:
        raise SystemExit(f'{path}: {len(data)} bytes is not a whole number of {size}-byte frames')
    for off in range(0, len(data), size):
        fr = data[off:off + size]
        y = b''.join(fr[r * stride:r * stride + w] for r in range(h))
        c0 = stride * lines
        c = b''.join(fr[c0 + r * cstride:c0 + r * cstride + cw] for r in range((h + 1) // 2))
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
    ap.add_argument('--cstride-a', type=int)
    ap.add_argument('--cstride-b', type=int)
    ap.add_argument('--layout-a', choices=('ffmpeg', 'gst'))
    ap.add_argument('--layout-b', choices=('ffmpeg', 'gst'))
    ap.add_argument('--min-psnr', type=float, default=50.0)
    ap.add_argument('a')
    ap.add_argument('b')
    o = ap.parse_args()
    w, h = (int(v) for v in o.size.split('x'))
    fa = list(frames(o.a, w, h, *layout(o.layout_a, w, h, o.stride_a, o.lines_a, o.cstride_a)))
    fb = list(frames(o.b, w, h, *layout(o.layout_b, w, h, o.stride_b, o.lines_b, o.cstride_b)))
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
