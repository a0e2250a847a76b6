#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# vp8-streams.sh OUTDIR: generate the VP8 test streams (IVF, NAME.ivf)
# with the host's ffmpeg and libvpx, each with ffmpeg's own decode as raw
# NV12 (NAME.nv12, shown frames only) and its size (NAME.size: "W H
# FRAMES"; odd sizes have chroma planes of rounded-up size). Idempotent: streams already there are kept. Used by the host
# unit test (tests/vdec-core/vp8-test.c) and benchmark.
set -eu

out=${1:?usage: vp8-streams.sh OUTDIR}
mkdir -p "$out"
command -v ffmpeg >/dev/null || { echo "vp8-streams.sh: no ffmpeg" >&2; exit 1; }

# ref NAME W H: ffmpeg's decode of NAME.ivf.tmp, then publish both
ref() {
	ffmpeg -nostdin -hide_banner -loglevel error -y -threads 1 \
		-i "$out/$1.ivf.tmp" -fps_mode passthrough \
		-f rawvideo -pix_fmt nv12 "$out/$1.nv12.tmp"
	n=$(( $(stat -c %s "$out/$1.nv12.tmp") / ($2 * $3 + ($2 + 1) / 2 * 2 * (($3 + 1) / 2)) ))
	echo "$2 $3 $n" > "$out/$1.size"
	mv "$out/$1.nv12.tmp" "$out/$1.nv12"
	mv "$out/$1.ivf.tmp" "$out/$1.ivf"
}

have() {
	[ -s "$out/$1.ivf" ] && [ -s "$out/$1.nv12" ] && [ -s "$out/$1.size" ]
}

# gen NAME SIZE FRAMES SOURCE [ffmpeg encoder options...]
gen() {
	name=$1 size=$2 frames=$3 src=$4
	shift 4
	have "$name" && return 0
	w=${size%x*} h=${size#*x}
	case $src in
	# testsrc2 makes even sizes only: crop for odd ones
	testsrc2) lavfi="testsrc2=size=$(( (w + 1) / 2 * 2 ))x$(( (h + 1) / 2 * 2 )):rate=25,crop=$w:$h:0:0:exact=1" ;;
	mandel) lavfi="mandelbrot=size=$size:rate=25" ;;
	bars) lavfi="smptehdbars=size=$size:rate=25,scroll=h=0.01:v=0.005" ;;
	esac
	case $name in
	2pass-*)
		# libvpx makes hidden altref frames in two-pass encodes only
		ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi \
			-i "$lavfi" -frames:v "$frames" -pix_fmt yuv420p \
			-c:v libvpx "$@" -pass 1 -passlogfile "$out/$name" \
			-f null -
		set -- "$@" -pass 2 -passlogfile "$out/$name" ;;
	esac
	ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i "$lavfi" \
		-frames:v "$frames" -pix_fmt yuv420p -c:v libvpx "$@" \
		-f ivf "$out/$name.ivf.tmp"
	rm -f "$out/$name"-*.log
	ref "$name" "$w" "$h"
}

gen intra-176x144 176x144 4 testsrc2 -g 1 -b:v 400k
gen plain-176x144 176x144 20 testsrc2 -g 30 -b:v 300k -auto-alt-ref 0 -lag-in-frames 0
gen mandel-352x288 352x288 20 mandel -g 10 -b:v 600k -auto-alt-ref 0 -lag-in-frames 0
gen altref-352x288 352x288 30 bars -g 60 -b:v 500k -auto-alt-ref 1 -lag-in-frames 16
gen 2pass-altref-352x288 352x288 40 bars -g 100 -b:v 400k -auto-alt-ref 1 -lag-in-frames 16 -arnr-maxframes 7 -arnr-strength 3
gen 2pass-golden-320x240 320x240 40 testsrc2 -g 200 -b:v 150k -auto-alt-ref 1 -lag-in-frames 25
gen golden-320x240 320x240 30 testsrc2 -g 100 -b:v 200k -auto-alt-ref 1 -lag-in-frames 8 -arnr-maxframes 5
gen odd-97x61 97x61 15 testsrc2 -g 8 -b:v 150k
gen odd-33x17 33x17 10 mandel -g 5 -b:v 50k
gen slices-352x288 352x288 12 testsrc2 -g 6 -b:v 800k -slices 4
gen slices8-640x360 640x360 6 bars -g 3 -b:v 1500k -slices 8
gen rt-seg-320x240 320x240 30 testsrc2 -g 60 -deadline realtime -cpu-used 8 -error-resilient 1 -b:v 250k
gen static-thresh-320x240 320x240 20 bars -g 30 -static-thresh 400 -b:v 200k
gen sharp-176x144 176x144 12 mandel -g 6 -sharpness 5 -b:v 150k
gen lowq-176x144 176x144 12 testsrc2 -g 6 -qmin 50 -qmax 63 -crf 56 -b:v 100k
gen hiq-176x144 176x144 8 testsrc2 -g 4 -qmin 0 -qmax 4 -crf 2 -b:v 2M
gen profile1-176x144 176x144 12 testsrc2 -g 6 -profile:v 1 -b:v 200k
gen profile2-176x144 176x144 12 mandel -g 6 -profile:v 2 -b:v 200k
gen profile3-176x144 176x144 12 bars -g 6 -profile:v 3 -b:v 200k
gen bench-1280x720 1280x720 60 testsrc2 -g 60 -b:v 3M
