#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# mpeg2-streams.sh OUTDIR: generate the MPEG-2 test streams (elementary
# streams, NAME.m2v) with the host's ffmpeg, each with ffmpeg's own
# decode as raw NV12 (NAME.nv12) and its size (NAME.size: "W H FRAMES").
# Idempotent: streams already there are kept. Used by the host unit test
# (tests/vdec-core/mpeg2-test.c) and the board test.
set -eu

out=${1:?usage: mpeg2-streams.sh OUTDIR}
mkdir -p "$out"
command -v ffmpeg >/dev/null || { echo "mpeg2-streams.sh: no ffmpeg" >&2; exit 1; }

# Custom matrices for -intra_matrix/-inter_matrix (a ramp: any order
# is fine for a test).
intra_m=8,16,19,22,26,27,29,34,16,16,22,24,27,29,34,37,19,22,26,27,29,34,34,38,22,22,26,27,29,34,37,40,22,26,27,29,32,35,40,48,26,27,29,32,35,40,48,58,26,27,29,34,38,46,56,69,27,29,35,38,46,56,69,83
inter_m=16,18,20,22,24,26,28,30,18,20,22,24,26,28,30,32,20,22,24,26,28,30,32,34,22,24,26,28,30,32,34,36,24,26,28,30,32,34,36,38,26,28,30,32,34,36,38,40,28,30,32,34,36,38,40,42,30,32,34,36,38,40,42,45

# ref NAME W H: ffmpeg's decode of NAME.m2v.tmp, then publish both
ref() {
	ffmpeg -nostdin -hide_banner -loglevel error -y -threads 1 \
		-i "$out/$1.m2v.tmp" -f rawvideo -pix_fmt nv12 "$out/$1.nv12.tmp"
	n=$(( $(stat -c %s "$out/$1.nv12.tmp") / ($2 * $3 * 3 / 2) ))
	echo "$2 $3 $n" > "$out/$1.size"
	mv "$out/$1.nv12.tmp" "$out/$1.nv12"
	mv "$out/$1.m2v.tmp" "$out/$1.m2v"
}

have() {
	[ -s "$out/$1.m2v" ] && [ -s "$out/$1.nv12" ] && [ -s "$out/$1.size" ]
}

# gen NAME SIZE FRAMES SOURCE [ffmpeg encoder options...]
gen() {
	name=$1 size=$2 frames=$3 src=$4
	shift 4
	have "$name" && return 0
	case $src in
	testsrc2) lavfi="testsrc2=size=$size:rate=25" ;;
	mandel) lavfi="mandelbrot=size=$size:rate=25" ;;
	bars) lavfi="smptehdbars=size=$size:rate=25,scroll=h=0.01:v=0.005" ;;
	esac
	ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i "$lavfi" \
		-frames:v "$frames" -pix_fmt yuv420p -c:v mpeg2video "$@" \
		-f mpeg2video "$out/$name.m2v.tmp"
	ref "$name" "${size%x*}" "${size#*x}"
}

gen i-176x144 176x144 5 testsrc2 -g 1 -q:v 3
gen p-176x144 176x144 12 testsrc2 -g 12 -bf 0 -q:v 4
gen b-200x120 200x120 16 testsrc2 -g 8 -bf 2 -q:v 4
gen longgop-352x288 352x288 30 mandel -g 300 -bf 2 -b:v 800k
gen cgop-352x288 352x288 20 testsrc2 -g 6 -bf 2 -flags +cgop -sc_threshold 1000000000 -q:v 5
gen ogop-352x288 352x288 20 bars -g 6 -bf 2 -q:v 5
gen ilace-top-720x576 720x576 8 testsrc2 -g 6 -bf 2 -flags +ildct+ilme -top 1 -q:v 4
gen ilace-bot-720x576 720x576 8 bars -g 6 -bf 2 -flags +ildct+ilme -top 0 -q:v 4
gen ilace-200x120 200x120 10 mandel -g 5 -bf 1 -flags +ildct+ilme -top 1 -alternate_scan 1 -q:v 3
gen altscan-352x288 352x288 10 testsrc2 -g 5 -bf 2 -alternate_scan 1 -q:v 4
gen matrix-176x144 176x144 10 testsrc2 -g 5 -bf 2 -intra_matrix "$intra_m" -inter_matrix "$inter_m" -q:v 4
gen nlq-176x144 176x144 10 mandel -g 5 -bf 2 -non_linear_quant 1 -qmax 28 -b:v 300k
gen ivlc-176x144 176x144 10 testsrc2 -g 5 -bf 2 -intra_vlc 1 -q:v 2
gen dc9-176x144 176x144 6 testsrc2 -g 3 -bf 1 -dc 9 -q:v 2
gen dc10-200x120 200x120 6 bars -g 3 -bf 1 -dc 10 -intra_vlc 1 -q:v 1
gen mixed-720x576 720x576 6 mandel -g 3 -bf 2 -flags +ildct+ilme -alternate_scan 1 -intra_vlc 1 -non_linear_quant 1 -qmax 28 -dc 9 -b:v 4M
gen bench-1280x720 1280x720 60 testsrc2 -g 15 -bf 2 -b:v 6M

# A second encoder when the host has it (mjpegtools): interlaced frame
# pictures with q_scale_type 1. (Its field-picture mode, -I 2, crashes in
# Debian 12's mjpegtools 2.1.0, so field pictures are tested synthetically.)
if command -v mpeg2enc >/dev/null && ! have mjpeg-ilace-352x288; then
	ffmpeg -nostdin -hide_banner -loglevel error -y \
		-f lavfi -i testsrc2=size=352x288:rate=25 -frames:v 12 \
		-vf setfield=tff -pix_fmt yuv420p -f yuv4mpegpipe - |
		mpeg2enc -v 0 -f 3 -I 1 -b 3000 -o "$out/mjpeg-ilace-352x288.m2v.tmp"
	ref mjpeg-ilace-352x288 352 288
fi
