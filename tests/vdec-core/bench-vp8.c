// SPDX-License-Identifier: GPL-2.0
/*
 * VP8 decode core benchmark: bench-vp8 [FILE.ivf [N]]
 *
 * Decodes the IVF stream N times (default 10) with the core and prints
 * frames per second; when ffmpeg is on the PATH, also decodes it with
 * "ffmpeg -threads 1" the same number of times and prints the ratio of
 * the times (core / ffmpeg, user CPU time). Without FILE: the 720p
 * stream of tests/vdec/vp8-streams.sh ($VDEC_VP8_STREAMS or
 * /tmp/vsoc-vp8-streams).
 */
#include <time.h>
#include <sys/resource.h>
#include "vdec-test.h"
#include "vp8-parse.h"

static double cpu_seconds(int who)
{
	struct rusage ru;

	getrusage(who, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	       ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static u32 decode_all(const u8 *buf, u32 len, u32 *errors)
{
	struct vp8_parser ps;
	struct vdec_pic pics[4];
	int last = -1, golden = -1, alt = -1, i;
	struct ivf f;
	const u8 *fr;
	u32 size, frames = 0, n;

	memset(&ps, 0, sizeof(ps));
	memset(pics, 0, sizeof(pics));
	if (!ivf_open(&f, buf, len))
		return 0;
	while ((fr = ivf_next(&f, &size))) {
		int cur = 0;

		if (vp8_parse_frame(&ps, fr, size)) {
			(*errors)++;
			break;
		}
		if (!pics[0].luma)
			for (i = 0; i < 4; i++) {
				pics[i].width = ps.width;
				pics[i].height = ps.height;
				pics[i].stride = ALIGN(ps.width, 16);
				pics[i].luma = calloc(1, pics[i].stride *
						      ALIGN(ps.height, 16));
				pics[i].chroma = calloc(1, pics[i].stride *
							ALIGN(ps.height, 16) / 2);
			}
		while (cur == last || cur == golden || cur == alt)
			cur++;
		if (vdec_vp8_decode(&ps.p, fr, size,
				    last >= 0 ? &pics[last] : NULL,
				    golden >= 0 ? &pics[golden] : NULL,
				    alt >= 0 ? &pics[alt] : NULL, &pics[cur], &n))
			(*errors)++;
		vp8p_update_refs(&ps, cur, &last, &golden, &alt);
		frames++;
	}
	for (i = 0; i < 4; i++) {
		free(pics[i].luma);
		free(pics[i].chroma);
	}
	vp8p_free(&ps);
	return frames;
}

int main(int argc, char **argv)
{
	const char *dir = getenv("VDEC_VP8_STREAMS");
	int n = argc > 2 ? atoi(argv[2]) : 10, i;
	char path[512], cmd[1024];
	u32 frames = 0, errors = 0;
	double t0, t, tf;
	u8 *buf;
	u32 len;

	snprintf(path, sizeof(path), "%s/bench-1280x720.ivf",
		 dir ? dir : "/tmp/vsoc-vp8-streams");
	buf = vdec_test_load(argc > 1 ? argv[1] : path, &len);
	if (!buf) {
		fprintf(stderr, "bench-vp8: no %s\n", argc > 1 ? argv[1] : path);
		return 2;
	}

	t0 = cpu_seconds(RUSAGE_SELF);
	for (i = 0; i < n; i++)
		frames += decode_all(buf, len, &errors);
	t = cpu_seconds(RUSAGE_SELF) - t0;
	printf("vp8 vdec-core: %u frames in %.3f s: %.1f frames/s (%u errors)\n",
	       frames, t, frames / t, errors);
	if (system("command -v ffmpeg >/dev/null 2>&1"))
		return errors ? 1 : 0;
	snprintf(cmd, sizeof(cmd),
		 "ffmpeg -nostdin -loglevel error -threads 1 -stream_loop %d -i '%s' -f null - 2>/dev/null",
		 n - 1, argc > 1 ? argv[1] : path);
	t0 = cpu_seconds(RUSAGE_CHILDREN);
	if (system(cmd))
		return 1;
	tf = cpu_seconds(RUSAGE_CHILDREN) - t0;
	printf("vp8 ffmpeg -threads 1: %.3f s: %.1f frames/s; ratio vdec-core/ffmpeg %.2f\n",
	       tf, frames / tf, t / tf);
	return errors ? 1 : 0;
}
