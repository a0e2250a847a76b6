// SPDX-License-Identifier: GPL-2.0
/*
 * H.264 decode core unit test: parameter checks, and the streams of
 * tests/vdec/h264-streams.sh decoded the way a stateless decoder's user
 * drives the core (h264-parse.h), compared frame by frame with ffmpeg's
 * decode: every frame must be md5-identical. A stream that uses a feature
 * the core does not decode yet (VDEC_ERR_UNSUPPORTED) is reported as TODO.
 *
 * Streams: $VDEC_H264_STREAMS or /tmp/vsoc-h264-streams, generated there
 * when missing (needs ffmpeg with libx264). A stream whose name is listed
 * in $VDEC_H264_ONLY (comma separated prefixes) is the only one run.
 */
#include <dirent.h>
#include <sys/stat.h>
#include "vdec-test.h"
#include "vdec-core-check.h"
#include "h264-parse.h"

static int todo;

struct run {
	const u8 *ref;		/* ffmpeg's frames */
	u32 nref;
	u32 w, h;
	u32 out;
	u32 identical;
	char why[200];
};

static int on_frame(void *priv, const struct vdec_pic *p, u32 cx, u32 cy,
		    u32 w, u32 h)
{
	struct run *r = priv;
	const u8 *ref;
	u32 x, y, bad = 0, fx = 0, fy = 0;
	bool same = true;

	if (w != r->w || h != r->h) {
		snprintf(r->why, sizeof(r->why), "size %ux%u, ffmpeg %ux%u",
			 w, h, r->w, r->h);
		return 1;
	}
	if (r->out >= r->nref) {
		r->out++;
		return 0;
	}
	ref = r->ref + (size_t)r->out * w * h * 3 / 2;
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++)
			if (p->luma[(y + cy) * p->stride + x + cx] != ref[y * w + x]) {
				if (!bad++) {
					fx = x;
					fy = y;
				}
				same = false;
			}
	for (y = 0; y < h / 2; y++)
		for (x = 0; x < w; x++)
			if (p->chroma[(y + cy / 2) * p->stride + x + cx] !=
			    ref[w * h + y * w + x])
				same = false;
	if (getenv("H264_DEBUG"))
		printf("  frame %u: %s, %u luma diffs, first at %u,%u (mb %u,%u)\n",
		       r->out, same ? "same" : "DIFFERENT", bad, fx, fy,
		       fx / 16, fy / 16);
	if (same)
		r->identical++;
	else if (!r->why[0])
		snprintf(r->why, sizeof(r->why),
			 "frame %u differs (%u luma samples, first at %u,%u)",
			 r->out, bad, fx, fy);
	r->out++;
	return 0;
}

static void test_stream(const char *dir, const char *name)
{
	char path[512], tname[300], msg[300];
	struct run r = { 0 };
	struct h264_host *h = calloc(1, sizeof(*h));
	u32 len, rlen, w = 0, hh = 0, n = 0;
	u8 *es, *ref;
	FILE *f;

	snprintf(tname, sizeof(tname), "h264-stream %s", name);
	snprintf(path, sizeof(path), "%s/%s.size", dir, name);
	f = fopen(path, "r");
	if (!f || fscanf(f, "%u %u %u", &w, &hh, &n) != 3) {
		vdec_test_result(false, tname, "no .size");
		if (f)
			fclose(f);
		free(h);
		return;
	}
	fclose(f);
	snprintf(path, sizeof(path), "%s/%s.h264", dir, name);
	es = vdec_test_load(path, &len);
	snprintf(path, sizeof(path), "%s/%s.nv12", dir, name);
	ref = vdec_test_load(path, &rlen);
	if (!es || !ref) {
		vdec_test_result(false, tname, "cannot read stream or reference");
		goto out;
	}
	r.ref = ref;
	r.w = w;
	r.h = hh;
	r.nref = rlen / (w * hh * 3 / 2);
	h->out = on_frame;
	h->priv = &r;
	h264_host_run(h, es, len);
	if (!r.why[0] && h->errors)
		snprintf(r.why, sizeof(r.why), "%u of %u pictures: status %d",
			 h->errors, h->pictures, h->first_error);
	if (!r.why[0] && r.out != r.nref)
		snprintf(r.why, sizeof(r.why), "%u frames, ffmpeg %u", r.out,
			 r.nref);
	if (h->errors && h->first_error == VDEC_ERR_UNSUPPORTED) {
		/* a feature the core does not decode yet: listed, not failed */
		printf("TODO %s: VDEC_ERR_UNSUPPORTED (%u/%u frames identical)\n",
		       tname, r.identical, r.nref);
		todo++;
	} else if (r.why[0]) {
		snprintf(msg, sizeof(msg), "%s; %u/%u frames identical", r.why,
			 r.identical, r.nref);
		vdec_test_result(false, tname, msg);
	} else {
		snprintf(msg, sizeof(msg), "%u frames, all md5-identical", r.out);
		vdec_test_result(true, tname, msg);
	}
out:
	free(es);
	free(ref);
	free(h);
}

static bool selected(const char *name)
{
	const char *only = getenv("VDEC_H264_ONLY");
	char buf[512], *tok, *save;

	if (!only)
		return true;
	snprintf(buf, sizeof(buf), "%s", only);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		if (!strncmp(name, tok, strlen(tok)))
			return true;
	return false;
}

static void test_streams(void)
{
	const char *dir = getenv("VDEC_H264_STREAMS");
	bool must = dir;
	char name[256];
	struct dirent *de;
	int found = 0;
	DIR *d;

	if (!dir)
		dir = "/tmp/vsoc-h264-streams";
	if (vdec_test_make_streams("h264-streams.sh", dir) < 0) {
		vdec_test_result(false, "h264-streams", "generation failed");
		return;
	}
	d = opendir(dir);
	if (!d) {
		if (must)
			vdec_test_result(false, "h264-streams", "no stream directory");
		else
			printf("SKIP h264 streams: no %s and no ffmpeg\n", dir);
		return;
	}
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);

		if (l < 6 || l >= sizeof(name) ||
		    strcmp(de->d_name + l - 5, ".h264"))
			continue;
		memcpy(name, de->d_name, l - 5);
		name[l - 5] = 0;
		found++;
		if (selected(name))
			test_stream(dir, name);
	}
	closedir(d);
	if (!found && must)
		vdec_test_result(false, "h264-streams", "no streams");
}

static void test_params(void)
{
	struct vdec_h264_params *p = calloc(1, sizeof(*p));
	struct vdec_h264_ref refs[VDEC_H264_DPB_SIZE] = { 0 };
	struct vdec_pic out = { 0 };
	static const u8 junk[] = { 0, 0, 1, 0x65, 0xff, 0xff, 0, 0, 1, 0x41 };
	bool ok = true;
	u32 n;

	out.width = 64;
	out.height = 48;
	out.stride = 64;
	out.luma = calloc(1, 64 * 48);
	out.chroma = calloc(1, 64 * 24);
	p->sps.chroma_format_idc = 1;
	p->sps.pic_width_in_mbs_minus1 = 3;
	p->sps.pic_height_in_map_units_minus1 = 2;
	p->sps.flags = VDEC_H264_SPS_FRAME_MBS_ONLY;
	p->annexb = true;
	ok &= vdec_h264_decode(p, junk, sizeof(junk), refs, &out, NULL, &n) ==
		VDEC_ERR_BITSTREAM;
	p->sps.pic_width_in_mbs_minus1 = 4;
	ok &= vdec_h264_decode(p, junk, sizeof(junk), refs, &out, NULL, &n) ==
		VDEC_ERR_PARAM;
	p->sps.pic_width_in_mbs_minus1 = 3;
	p->sps.chroma_format_idc = 2;
	ok &= vdec_h264_decode(p, junk, sizeof(junk), refs, &out, NULL, &n) ==
		VDEC_ERR_UNSUPPORTED;
	p->sps.chroma_format_idc = 1;
	p->flags = VDEC_H264_DEC_FIELD_PIC;
	ok &= vdec_h264_decode(p, junk, sizeof(junk), refs, &out, NULL, &n) ==
		VDEC_ERR_UNSUPPORTED;
	p->flags = 0;
	p->pps.num_slice_groups_minus1 = 1;
	ok &= vdec_h264_decode(p, junk, sizeof(junk), refs, &out, NULL, &n) ==
		VDEC_ERR_UNSUPPORTED;
	p->pps.num_slice_groups_minus1 = 0;
	ok &= vdec_h264_decode(p, junk, 0, refs, &out, NULL, &n) ==
		VDEC_ERR_BITSTREAM;
	free(out.luma);
	free(out.chroma);
	free(p);
	vdec_test_result(ok, "h264-params", NULL);
}

/* The core's self-checks (also run by KUnit, suite vsoc-vdec-core) */
static void test_checks(void)
{
	static const struct vdec_test_check checks[] = {
		{ "h264-cabac", vdec_check_h264_cabac },
		{ "h264-transforms", vdec_check_h264_transforms },
		{ "h264-pred", vdec_check_h264_pred },
		{ "h264-deblock", vdec_check_h264_deblock },
	};

	vdec_test_run_checks(checks, ARRAY_SIZE(checks));
}

int main(void)
{
	test_checks();
	test_params();
	test_streams();
	if (todo)
		printf("h264: %d streams TODO (features not decoded yet)\n", todo);
	return vdec_test_failures ? 1 : 0;
}
