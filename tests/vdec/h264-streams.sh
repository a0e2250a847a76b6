#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# h264-streams.sh OUTDIR: generate the H.264 test streams (Annex B byte
# streams, NAME.h264) with the host's ffmpeg and libx264, each with
# ffmpeg's own decode as raw NV12 (NAME.nv12, cropped size) and its size
# (NAME.size: "W H FRAMES"). Idempotent: streams already there are kept.
# Some streams are libx264 output rewritten by h264-rewrite.py (POC types
# 1 and 0 with wrapping lsb, MMCO long-term references, reference list
# modification: what libx264 does not emit); their reference is ffmpeg's
# decode of the rewritten stream.
# Used by the host unit test (tests/vdec-core/h264-test.c) and the
# benchmark (bench-h264 OUTDIR/bench-1280x720.h264).
set -eu

out=${1:?usage: h264-streams.sh OUTDIR}
mkdir -p "$out"
command -v ffmpeg >/dev/null || { echo "h264-streams.sh: no ffmpeg" >&2; exit 1; }
command -v python3 >/dev/null || { echo "h264-streams.sh: no python3" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)

# ref NAME W H: ffmpeg's decode of NAME.h264.tmp, then publish both
ref() {
	ffmpeg -nostdin -hide_banner -loglevel error -y -threads 1 \
		-i "$out/$1.h264.tmp" -fps_mode passthrough \
		-f rawvideo -pix_fmt nv12 "$out/$1.nv12.tmp"
	n=$(( $(stat -c %s "$out/$1.nv12.tmp") / ($2 * $3 * 3 / 2) ))
	echo "$2 $3 $n" > "$out/$1.size"
	mv "$out/$1.nv12.tmp" "$out/$1.nv12"
	mv "$out/$1.h264.tmp" "$out/$1.h264"
}

have() {
	[ -s "$out/$1.h264" ] && [ -s "$out/$1.nv12" ] && [ -s "$out/$1.size" ]
}

# gen NAME SIZE FRAMES SOURCE PROFILE X264PARAMS [ffmpeg options...]
gen() {
	name=$1 size=$2 frames=$3 src=$4 profile=$5 x264=$6
	shift 6
	have "$name" && return 0
	case $src in
	testsrc2) lavfi="testsrc2=size=$size:rate=25" ;;
	mandel) lavfi="mandelbrot=size=$size:rate=25" ;;
	bars) lavfi="smptehdbars=size=$size:rate=25,scroll=h=0.01:v=0.005" ;;
	esac
	ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i "$lavfi" \
		-frames:v "$frames" -pix_fmt yuv420p -c:v libx264 \
		-profile:v "$profile" -x264-params "$x264" "$@" \
		-f h264 "$out/$name.h264.tmp"
	ref "$name" "${size%x*}" "${size#*x}"
}

# rw NAME MODE SOURCE: NAME is SOURCE rewritten by h264-rewrite.py MODE
rw() {
	have "$1" && return 0
	python3 "$here/h264-rewrite.py" identity "$out/$3.h264" /dev/null
	python3 "$here/h264-rewrite.py" "$2" "$out/$3.h264" "$out/$1.h264.tmp"
	read -r w h n < "$out/$3.size"
	ref "$1" "$w" "$h"
}

# Baseline (CAVLC): intra, then P with one and several references
gen i-base-176x144 176x144 3 testsrc2 baseline keyint=1:qp=26
gen i-base-nodbk-176x144 176x144 2 testsrc2 baseline keyint=1:qp=30:no-deblock=1
gen i-base-lowqp-176x144 176x144 2 mandel baseline keyint=1:qp=8
gen i-base-highqp-176x144 176x144 2 bars baseline keyint=1:qp=48
gen p-base-176x144 176x144 10 testsrc2 baseline keyint=30:qp=26:ref=1
gen p-base-refs-352x288 352x288 12 bars baseline keyint=30:crf=24:ref=4
gen p-base-slices-352x288 352x288 8 mandel baseline keyint=4:crf=22:ref=2:slices=3
gen p-base-odd-200x120 200x120 8 testsrc2 baseline keyint=5:crf=26:ref=2
gen p-base-1280x720 1280x720 12 testsrc2 baseline keyint=30:bitrate=4000:ref=3
# CAVLC with the Main and High tools: B frames, weights, 8x8 transform
gen b-cavlc-352x288 352x288 12 testsrc2 main keyint=30:crf=24:ref=3:bframes=2:cabac=0:direct=spatial
gen b-cavlc-temporal-352x288 352x288 12 mandel main keyint=30:crf=24:ref=3:bframes=2:cabac=0:direct=temporal
gen weightp-cavlc-352x288 352x288 10 bars main keyint=30:crf=24:ref=3:bframes=0:cabac=0:weightp=2
gen i8x8-cavlc-352x288 352x288 3 testsrc2 high keyint=1:crf=22:cabac=0:8x8dct=1
gen p8x8-cavlc-352x288 352x288 10 mandel high keyint=30:crf=22:cabac=0:bframes=0:8x8dct=1:ref=2
gen cqm-cavlc-352x288 352x288 8 testsrc2 high keyint=30:crf=22:cabac=0:bframes=0:cqm=jvt
# Main (CABAC), B frames
gen i-main-176x144 176x144 3 testsrc2 main keyint=1:qp=26
gen p-main-352x288 352x288 10 bars main keyint=30:crf=24:ref=3:bframes=0
gen b-main-352x288 352x288 16 testsrc2 main keyint=30:crf=24:ref=3:bframes=2:b-pyramid=none:direct=spatial
gen b-temporal-352x288 352x288 16 mandel main keyint=30:crf=24:ref=3:bframes=3:b-pyramid=normal:direct=temporal
gen b-pyramid-352x288 352x288 20 testsrc2 main keyint=12:crf=26:ref=4:bframes=3:b-pyramid=normal:direct=spatial
gen weightp-352x288 352x288 12 bars main keyint=30:crf=24:ref=3:bframes=0:weightp=2
gen weightb-352x288 352x288 12 testsrc2 main keyint=30:crf=24:ref=2:bframes=2:weightb=1
# High: 8x8 transform and intra 8x8, scaling matrices, CAVLC 8x8
gen high-352x288 352x288 12 mandel high keyint=30:crf=22:ref=3:bframes=2:8x8dct=1
gen high-cqm-352x288 352x288 10 testsrc2 high keyint=30:crf=22:ref=2:bframes=2:cqm=jvt
gen high-cavlc-352x288 352x288 10 bars high keyint=30:crf=22:bframes=1:cabac=0:8x8dct=1
gen high-slices-odd-360x200 360x200 10 testsrc2 high keyint=30:crf=24:bframes=2:slices=4
gen bench-1280x720 1280x720 60 testsrc2 high keyint=30:bitrate=4000:bframes=3
# Rewritten (CAVLC sources, 40 frames): POC type 1 and 0 with a wrapping
# lsb, MaxFrameNum 16; MMCO 1-6 and long-term references (MMCO 5 with
# each POC type); list modification of short- and long-term entries in P
# and B slices
gen rw-p-cavlc-352x288 352x288 40 testsrc2 baseline keyint=20:scenecut=0:crf=24:ref=3:slices=2
gen rw-b-cavlc-352x288 352x288 40 mandel main keyint=250:scenecut=0:crf=24:ref=3:bframes=2:b-pyramid=none:cabac=0:direct=spatial:weightp=0:slices=2
rw poc1-p-cavlc-352x288 poc1 rw-p-cavlc-352x288
rw poc0wrap-p-cavlc-352x288 poc0-wrap rw-p-cavlc-352x288
rw mmco-p-cavlc-352x288 mmco rw-p-cavlc-352x288
rw mmco-poc1-p-cavlc-352x288 poc1-delta+mmco rw-p-cavlc-352x288
rw reorder-poc0-p-cavlc-352x288 poc0-wrap+mmco-reorder rw-p-cavlc-352x288
rw poc1delta-b-cavlc-352x288 poc1-delta rw-b-cavlc-352x288
rw poc0wrap-b-cavlc-352x288 poc0-wrap rw-b-cavlc-352x288
rw mmco-b-cavlc-352x288 mmco rw-b-cavlc-352x288
rw reorder-b-cavlc-352x288 mmco-reorder rw-b-cavlc-352x288
