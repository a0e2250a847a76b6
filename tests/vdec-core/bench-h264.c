// SPDX-License-Identifier: GPL-2.0
/*
 * H.264 decode core benchmark: bench-h264 [FILE.h264 [N]]
 *
 * Decodes the Annex B stream N times (default 3) with the core, driven
 * by h264-parse.h, and prints frames per second; when ffmpeg is on the
 * PATH, also decodes it with "ffmpeg -threads 1" the same number of times
 * and prints the ratio of the times (core / ffmpeg, CPU time). The
 * default file is the 720p stream of tests/vdec/h264-streams.sh in
 * $VDEC_H264_STREAMS or /tmp/vsoc-h264-streams.
 */
#include <sys/resource.h>
#include <unistd.h>
#include "vdec-test.h"
#include "h264-parse.h"

static double cpu_seconds(int who)
{
	struct rusage ru;

	getrusage(who, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	       ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	const char *dir = getenv("VDEC_H264_STREAMS");
	char def[512], cmd[1024], tmp[64];
	const char *path = argc > 1 ? argv[1] : def;
	int n = argc > 2 ? atoi(argv[2]) : 3, i, fd;
	u32 frames = 0, errors = 0;
	double t0, t, tf;
	FILE *f;
	u8 *es;
	u32 len;

	snprintf(def, sizeof(def), "%s/bench-1280x720.h264",
		 dir ? dir : "/tmp/vsoc-h264-streams");
	es = vdec_test_load(path, &len);
	if (!es) {
		fprintf(stderr, "bench-h264: no %s (tests/vdec/h264-streams.sh makes it)\n",
			path);
		return 2;
	}

	t0 = cpu_seconds(RUSAGE_SELF);
	for (i = 0; i < n; i++) {
		struct h264_host *h = calloc(1, sizeof(*h));

		frames += h264_host_run(h, es, len);
		errors += h->errors;
		free(h);
	}
	t = cpu_seconds(RUSAGE_SELF) - t0;
	printf("vdec-core h264: %u frames in %.3f s: %.1f frames/s (%u errors)\n",
	       frames, t, frames / t, errors);
	if (system("command -v ffmpeg >/dev/null 2>&1"))
		return errors ? 1 : 0;
	/*
	 * ffmpeg's raw H.264 input cannot seek, so -stream_loop would decode
	 * the stream once: it gets the stream N times over in one file (each
	 * copy starts with its IDR picture, as the core's passes do).
	 */
	snprintf(tmp, sizeof(tmp), "/tmp/bench-h264.XXXXXX");
	fd = mkstemp(tmp);
	if (fd < 0)
		return 1;
	f = fdopen(fd, "wb");
	for (i = 0; f && i < n; i++)
		if (fwrite(es, 1, len, f) != (size_t)len)
			break;
	if (!f || i < n || fclose(f)) {
		unlink(tmp);
		return 1;
	}
	snprintf(cmd, sizeof(cmd),
		 "ffmpeg -nostdin -loglevel error -threads 1 -i '%s' -f null - 2>/dev/null",
		 tmp);
	t0 = cpu_seconds(RUSAGE_CHILDREN);
	i = system(cmd);
	tf = cpu_seconds(RUSAGE_CHILDREN) - t0;
	unlink(tmp);
	if (i)
		return 1;
	printf("ffmpeg -threads 1: %.3f s: %.1f frames/s; ratio vdec-core/ffmpeg %.2f\n",
	       tf, frames / tf, t / tf);
	free(es);
	return errors ? 1 : 0;
}
