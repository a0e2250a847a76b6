#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vsoc-vdec, the stateless video decoder, end to end:
#  - its decode core on the host: unit tests (ASan, UBSan) and a bounded
#    fuzzing run of every codec (tests/vdec-core/);
#  - on the board: v4l2-compliance of the media and video devices, FWHT
#    streams encoded by vicodec decoded by vsoc-vdec and by vicodec's own
#    stateless decoder (tests/guest/vdec-fwht.sh), MPEG-2 streams made by
#    ffmpeg decoded by GStreamer's v4l2slmpeg2dec
#    (tests/guest/vdec-mpeg2.sh), VP8 streams made by ffmpeg and libvpx
#    decoded by v4l2slvp8dec (tests/guest/vdec-vp8.sh), H.264 streams
#    made by ffmpeg and x264 decoded by v4l2slh264dec
#    (tests/guest/vdec-h264.sh), each decoded frame then compared here
#    with ffmpeg's software decode of the same stream;
#  - bad input on the board: thousands of fuzzed requests per codec,
#    invalid controls and malformed requests, concurrent contexts
#    (tests/guest/vdec-fuzz.sh with tests/vdec/vdec-fuzz.c);
#  - faults: the model's hung block and bus error, null decode, driver
#    unbind and model unload during a decode (tests/guest/vdec-faults.sh).
# VSOC_FUZZ_SECONDS (default 10) bounds each fuzzer's run.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/board/common.sh"
. "$top/tests/lib.sh"

"$top/tests/board/deps.sh" board vdec || { t_fail deps "cannot install tools"; exit 0; }
work=$(mktemp -d "${TMPDIR:-/tmp}/vsoc-vdec.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- the decode core on the host ---
# The MPEG-2 streams and ffmpeg's decodes of them, made once per script
# and encoder versions.
key=$( { ffmpeg -version | head -n 1; dpkg-query -W mjpegtools; } |
	vsoc_key "$top/tests/vdec/mpeg2-streams.sh")
streams=$( (vsoc_cached "$VSOC_CACHE/vdec-streams/$key" "$top/tests/vdec/mpeg2-streams.sh") ) ||
	{ t_fail streams "cannot make the MPEG-2 test streams"; exit 0; }
# The VP8 streams (libvpx), the same way.
key=$(ffmpeg -version | head -n 1 | vsoc_key "$top/tests/vdec/vp8-streams.sh")
vp8streams=$( (vsoc_cached "$VSOC_CACHE/vdec-streams/vp8-$key" "$top/tests/vdec/vp8-streams.sh") ) ||
	{ t_fail streams "cannot make the VP8 test streams"; exit 0; }
key=$(ffmpeg -version | head -n 1 | vsoc_key "$top/tests/vdec/h264-streams.sh" "$top/tests/vdec/h264-rewrite.py")
h264streams=$( (vsoc_cached "$VSOC_CACHE/vdec-streams/h264-$key" "$top/tests/vdec/h264-streams.sh") ) ||
	{ t_fail streams "cannot make the H.264 test streams"; exit 0; }
# Each unit test prints "PASS name" or "FAIL name: why" per check.
core=$VSOC_CACHE/obj/vdec-core
if VDEC_MPEG2_STREAMS=$streams VDEC_VP8_STREAMS=$vp8streams \
	VDEC_H264_STREAMS=$h264streams make -s -C "$top/tests/vdec-core" O="$core" unit \
	>"$work/unit.log" 2>&1; then
	st=0
else
	st=1
fi
n=0
while read -r res name rest; do
	case $res in
	PASS) t_pass "core/${name%:}"; n=$((n + 1)) ;;
	FAIL) t_fail "core/${name%:}" "$rest"; n=$((n + 1)) ;;
	# The group hands the unit tests their streams: a skip is a failure,
	# and so is a stream whose features the core does not decode yet.
	SKIP) t_fail "core/${name%:}" "skipped: $rest"; n=$((n + 1)) ;;
	TODO) t_fail "core/${name%:}" "not decoded yet: $rest"; n=$((n + 1)) ;;
	esac
done <"$work/unit.log"
if [ $st -ne 0 ] || [ $n -eq 0 ]; then
	tail -n 30 "$work/unit.log" | sed 's/^/    | /'
	t_fail core-unit "the unit tests failed or reported nothing"
fi

for f in "$top"/tests/vdec-core/fuzz-*.c; do
	f=$(basename "$f" .c)
	t_check "core/$f" make -s -C "$top/tests/vdec-core" O="$core" \
		FUZZERS="$f" FUZZ_SECONDS="${VSOC_FUZZ_SECONDS:-10}" fuzz
done

# --- on the board ---
data=$work/data
mkdir -p "$data/out" "$data/streams"
cp "$streams"/*.m2v "$data/streams/"
# Every VP8 stream but the 720p benchmark one (tests/vdec/bench.sh's).
for s in "$vp8streams"/*.ivf; do
	case $s in */bench-*) continue ;; esac
	cp "$s" "$data/streams/"
done
for s in "$h264streams"/*.h264; do
	case $s in */bench-*) continue ;; esac
	cp "$s" "$data/streams/"
done

"$top/tests/vdec/build-tools.sh" "$VSOC_CACHE/obj/vdec-tools" >"$work/tools.log" 2>&1 &&
	cp "$VSOC_CACHE/obj/vdec-tools/vdec-fuzz" "$data/" ||
	{ sed 's/^/    | /' "$work/tools.log"; t_fail tools "cannot build vdec-fuzz"; }

# Two boards at a time (one per core): FWHT and compliance, then the
# fuzzing seeded by its stream; beside them MPEG-2, VP8, then the faults
# (hung block, bus error, unbind and unload during a decode). Each board's output
# is shown whole once both are done.
"$top/tests/board/modules.sh" >/dev/null || { t_fail modules "cannot build the modules"; exit 0; }
(
	"$top/tests/board/run-guest.sh" -s "$data" tests/guest/vdec-fwht.sh
	"$top/tests/board/run-guest.sh" -s "$data" tests/guest/vdec-h264.sh
	"$top/tests/board/run-guest.sh" -s "$data" tests/guest/vdec-fuzz.sh
) >"$work/fwht.log" 2>&1 &
(
	"$top/tests/board/run-guest.sh" -s "$data" tests/guest/vdec-mpeg2.sh
	"$top/tests/board/run-guest.sh" -s "$data" tests/guest/vdec-vp8.sh
	"$top/tests/board/run-guest.sh" -s "$data" tests/guest/vdec-faults.sh
) >"$work/mpeg2.log" 2>&1
wait
cat "$work/fwht.log" "$work/mpeg2.log"

# FWHT: vsoc-vdec's pictures must be vicodec's, bit for bit, and close
# to the source (a lossy codec).
fw=(--size 640x480)
if [ -s "$data/out/fwht-vsoc.nv12" ] && [ -s "$data/out/fwht-vicodec.nv12" ]; then
	t_check fwht-frames-vs-vicodec python3 "$top/tests/vdec/compare.py" \
		"${fw[@]}" --min-psnr inf "$data/out/fwht-vicodec.nv12" "$data/out/fwht-vsoc.nv12"
	t_check fwht-frames-vs-source python3 "$top/tests/vdec/compare.py" \
		"${fw[@]}" --min-psnr 30 "$data/out/fwht-src.nv12" "$data/out/fwht-vsoc.nv12"
else
	t_fail fwht-frames "no decoded FWHT frames"
fi

# Each stream GStreamer decoded on the board against ffmpeg's decode.
for s in "$streams"/*.m2v; do
	name=$(basename "$s" .m2v)
	out=$data/out/$name.nv12
	if [ ! -s "$out" ]; then
		t_fail "mpeg2-frames/$name" "no decoded output"
		continue
	fi
	read -r w h _ <"$streams/$name.size"
	t_check "mpeg2-frames/$name" python3 "$top/tests/vdec/compare.py" \
		--size "${w}x$h" "$streams/$name.nv12" "$out"
done

# VP8: GStreamer writes its default NV12 layout (lines of the width
# rounded up to 4), ffmpeg a tight one.
for s in "$data"/streams/*.ivf; do
	name=$(basename "$s" .ivf)
	out=$data/out/$name.nv12
	if [ ! -s "$out" ]; then
		t_fail "vp8-frames/$name" "no decoded output"
		continue
	fi
	read -r w h _ <"$vp8streams/$name.size"
	t_check "vp8-frames/$name" python3 "$top/tests/vdec/compare.py" \
		--size "${w}x$h" --layout-a ffmpeg --layout-b gst --min-psnr inf \
		"$vp8streams/$name.nv12" "$out"
done
# H.264: cropped pictures in both, in the same layouts as VP8.
for s in "$data"/streams/*.h264; do
	name=$(basename "$s" .h264)
	out=$data/out/$name.nv12
	read -r w h _ <"$h264streams/$name.size"
	set -- python3 "$top/tests/vdec/compare.py" --size "${w}x$h" \
		--layout-a ffmpeg --layout-b gst --min-psnr inf \
		"$h264streams/$name.nv12" "$out"
	if [ ! -s "$out" ]; then
		t_fail "h264-frames/$name" "no decoded output"
	else
		t_check "h264-frames/$name" "$@"
	fi
done
# FFmpeg's v4l2-request hwaccel: Debian's FFmpeg is built without it
# (Documentation/vsoc-vdec.rst); say so if the board's ever has it.
if [ -s "$data/out/ffmpeg-hwaccels" ]; then
	echo "board ffmpeg -hwaccels: $(tr '\n' ' ' <"$data/out/ffmpeg-hwaccels")"
fi
