// SPDX-License-Identifier: GPL-2.0
/*
 * MPEG-2 decode core unit test: self-checks, parameter checks, and the
 * streams of tests/vdec/mpeg2-streams.sh decoded the way a stateless
 * decoder's user drives the core, compared frame by frame with ffmpeg's
 * decode (md5-identical or PSNR >= 50 dB).
 *
 * Streams: $VDEC_MPEG2_STREAMS or /tmp/vsoc-mpeg2-streams, generated
 * there when missing (needs ffmpeg).
 */
#include <dirent.h>
#include <math.h>
#include <sys/stat.h>
#include "vdec-test.h"
#include "vdec-core-check.h"
#include "mpeg2-parse.h"

struct frame {
	struct vdec_pic pic;
	int refs;
};

static struct frame *frame_new(u32 w, u32 h)
{
	struct frame *f = calloc(1, sizeof(*f));
	u32 stride = ALIGN(w, 16), lines = ALIGN(h, 16);

	f->pic.stride = stride;
	f->pic.width = w;
	f->pic.height = h;
	f->pic.luma = calloc(1, stride * lines);
	f->pic.chroma = calloc(1, stride * lines / 2);
	return f;
}

static void frame_put(struct frame *f)
{
	if (f && --f->refs <= 0) {
		free(f->pic.luma);
		free(f->pic.chroma);
		free(f);
	}
}

struct run {
	const u8 *ref;		/* ffmpeg's frames */
	u32 nref;
	u32 w, h;
	u32 out;		/* frames output so far */
	u32 identical;
	double min_psnr;
	int errors;
	char why[200];
	struct frame *fwd, *bwd, *cur;
	bool first_field_done;
};

static void output(struct run *r, struct frame *f)
{
	const struct vdec_pic *p = &f->pic;
	u32 fsize = r->w * r->h * 3 / 2, x, y;
	const u8 *ref;
	double sse = 0;
	bool same = true;
	int maxd = 0, mx = 0, my = 0;

	if (r->out >= r->nref) {
		r->out++;
		return;
	}
	ref = r->ref + (size_t)r->out * fsize;
	for (y = 0; y < r->h; y++)
		for (x = 0; x < r->w; x++) {
			int d = p->luma[y * p->stride + x] - ref[y * r->w + x];

			sse += d * d;
			same &= !d;
			if (abs(d) > maxd) {
				maxd = abs(d);
				mx = x;
				my = y;
			}
		}
	for (y = 0; y < r->h / 2; y++)
		for (x = 0; x < r->w; x++) {
			int d = p->chroma[y * p->stride + x] -
				ref[r->w * r->h + y * r->w + x];

			sse += d * d;
			same &= !d;
		}
	if (getenv("MPEG2_DEBUG"))
		printf("  frame %u: sse %.0f, luma max diff %d at %d,%d\n",
		       r->out, sse, maxd, mx, my);
	if (same) {
		r->identical++;
	} else {
		double psnr = 10 * log10(255.0 * 255 * fsize / sse);

		if (psnr < r->min_psnr)
			r->min_psnr = psnr;
		if (psnr < 50 && !r->why[0])
			snprintf(r->why, sizeof(r->why),
				 "frame %u PSNR %.2f dB", r->out, psnr);
	}
	r->out++;
}

static int on_picture(void *priv, const struct mpeg2_pic_info *pi)
{
	struct run *r = priv;
	struct mpeg2_pic_info q = *pi;
	const struct vdec_pic *fwd = NULL, *bwd = NULL;
	enum vdec_status st;
	bool field = pi->p.picture_structure != 3, second = false;
	u32 n;

	if (pi->width != r->w || pi->height != r->h) {
		snprintf(r->why, sizeof(r->why), "size %ux%u", pi->width,
			 pi->height);
		return 1;
	}
	if (field && r->first_field_done) {
		second = true;
	} else {
		r->cur = frame_new(r->w, r->h);
		r->cur->refs = 1;
	}
	q.p.second_field = second;
	if (pi->p.picture_coding_type == 3) {
		fwd = r->fwd ? &r->fwd->pic : &r->cur->pic;
		bwd = r->bwd ? &r->bwd->pic : fwd;
	} else if (pi->p.picture_coding_type == 2) {
		fwd = r->bwd ? &r->bwd->pic : &r->cur->pic;
	}
	st = vdec_mpeg2_decode(&q.p, q.slices, q.len, fwd, bwd, &r->cur->pic,
			       &n);
	if (st) {
		r->errors++;
		if (!r->why[0])
			snprintf(r->why, sizeof(r->why),
				 "picture type %d struct %d: status %d",
				 pi->p.picture_coding_type,
				 pi->p.picture_structure, st);
	}
	if (field && !second) {
		r->first_field_done = true;
		return 0;
	}
	r->first_field_done = false;
	if (pi->p.picture_coding_type == 3) {
		output(r, r->cur);
		frame_put(r->cur);
	} else {
		if (r->bwd)
			output(r, r->bwd);
		frame_put(r->fwd);
		r->fwd = r->bwd;
		r->bwd = r->cur;
	}
	r->cur = NULL;
	return 0;
}

static void test_stream(const char *dir, const char *name)
{
	char path[512], tname[300], msg[300];
	struct run r = { .min_psnr = 1e9 };
	u32 len, rlen, w = 0, h = 0, n = 0;
	u8 *es, *ref;
	FILE *f;
	int pics;

	snprintf(tname, sizeof(tname), "mpeg2-stream %s", name);
	snprintf(path, sizeof(path), "%s/%s.size", dir, name);
	f = fopen(path, "r");
	if (!f || fscanf(f, "%u %u %u", &w, &h, &n) != 3) {
		vdec_test_result(false, tname, "no .size");
		if (f)
			fclose(f);
		return;
	}
	fclose(f);
	snprintf(path, sizeof(path), "%s/%s.m2v", dir, name);
	es = vdec_test_load(path, &len);
	snprintf(path, sizeof(path), "%s/%s.nv12", dir, name);
	ref = vdec_test_load(path, &rlen);
	if (!es || !ref) {
		vdec_test_result(false, tname, "cannot read stream or reference");
		goto out;
	}
	r.ref = ref;
	r.nref = rlen / (w * h * 3 / 2);
	r.w = w;
	r.h = h;
	pics = mpeg2_parse(es, len, on_picture, &r);
	if (pics >= 0 && r.bwd)
		output(&r, r.bwd);
	frame_put(r.fwd);
	frame_put(r.bwd);
	if (r.cur)
		frame_put(r.cur);
	if (!r.why[0] && r.out != r.nref)
		snprintf(r.why, sizeof(r.why), "%u frames, ffmpeg %u", r.out,
			 r.nref);
	if (r.why[0]) {
		vdec_test_result(false, tname, r.why);
	} else {
		if (r.identical == r.out)
			snprintf(msg, sizeof(msg), "%u frames, all md5-identical",
				 r.out);
		else
			snprintf(msg, sizeof(msg),
				 "%u frames, %u identical, min PSNR %.2f dB",
				 r.out, r.identical, r.min_psnr);
		vdec_test_result(true, tname, msg);
	}
out:
	free(es);
	free(ref);
}

/*
 * Field pictures on real data: ffmpeg only codes frame pictures, but the
 * slices of a progressive intra frame picture W x H are also valid slices
 * of an intra field picture of a W x 2H frame. Decode each I picture of
 * the all-intra stream as the top field, then as the bottom field, and
 * compare each field with ffmpeg's decode of the frame.
 */
struct field_run {
	struct run r;
	struct frame *f;
	double min_psnr;
	int bad;
};

static double field_psnr(struct field_run *fr, int parity)
{
	const struct vdec_pic *p = &fr->f->pic;
	u32 w = fr->r.w, h = fr->r.h, x, y;
	const u8 *ref = fr->r.ref + (size_t)fr->r.out * w * h * 3 / 2;
	double sse = 0;

	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			int d = p->luma[(2 * y + parity) * p->stride + x] -
				ref[y * w + x];

			sse += d * d;
		}
	for (y = 0; y < h / 2; y++)
		for (x = 0; x < w; x++) {
			int d = p->chroma[(2 * y + parity) * p->stride + x] -
				ref[w * h + y * w + x];

			sse += d * d;
		}
	return sse ? 10 * log10(255.0 * 255 * w * h * 3 / 2 / sse) : 99;
}

static int on_field_picture(void *priv, const struct mpeg2_pic_info *pi)
{
	struct field_run *fr = priv;
	struct vdec_mpeg2_params p = pi->p;
	int parity;
	u32 n;

	if (p.picture_coding_type != 1 || fr->r.out >= fr->r.nref)
		return 1;
	memset(fr->f->pic.luma, 0, fr->f->pic.stride * ALIGN(2 * fr->r.h, 16));
	for (parity = 0; parity < 2; parity++) {
		p.picture_structure = 1 + parity;
		p.second_field = parity;
		if (vdec_mpeg2_decode(&p, pi->slices, pi->len, NULL, NULL,
				      &fr->f->pic, &n) ||
		    n != DIV_ROUND_UP(fr->r.w, 16) * DIV_ROUND_UP(fr->r.h, 16))
			fr->bad++;
		/* the first field must survive the second */
		fr->min_psnr = min(fr->min_psnr, field_psnr(fr, 0));
	}
	fr->min_psnr = min(fr->min_psnr, field_psnr(fr, 1));
	fr->r.out++;
	return 0;
}

static void test_field_intra(const char *dir)
{
	char path[512], msg[200];
	struct field_run fr = { .min_psnr = 99 };
	u32 len, rlen;
	u8 *es, *ref;

	snprintf(path, sizeof(path), "%s/i-176x144.m2v", dir);
	es = vdec_test_load(path, &len);
	snprintf(path, sizeof(path), "%s/i-176x144.nv12", dir);
	ref = vdec_test_load(path, &rlen);
	if (!es || !ref) {
		vdec_test_result(false, "mpeg2-field-intra", "no i-176x144 stream");
		goto out;
	}
	fr.r.w = 176;
	fr.r.h = 144;
	fr.r.ref = ref;
	fr.r.nref = rlen / (176 * 144 * 3 / 2);
	fr.f = frame_new(176, 288);
	mpeg2_parse(es, len, on_field_picture, &fr);
	snprintf(msg, sizeof(msg), "%u frames as 2 fields each, min PSNR %.2f dB%s",
		 fr.r.out, fr.min_psnr, fr.bad ? ", decode errors" : "");
	vdec_test_result(!fr.bad && fr.r.out == fr.r.nref && fr.min_psnr >= 50,
			 "mpeg2-field-intra", msg);
	fr.f->refs = 1;
	frame_put(fr.f);
out:
	free(es);
	free(ref);
}

static void test_streams(void)
{
	const char *dir = getenv("VDEC_MPEG2_STREAMS");
	char name[256];
	struct dirent *de;
	DIR *d;

	if (!dir)
		dir = "/tmp/vsoc-mpeg2-streams";
	if (vdec_test_make_streams("mpeg2-streams.sh", dir) < 0) {
		vdec_test_result(false, "mpeg2-streams", "generation failed");
		return;
	}
	d = opendir(dir);
	if (!d) {
		printf("SKIP mpeg2 streams: no %s and no ffmpeg\n", dir);
		return;
	}
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);

		if (l < 5 || l >= sizeof(name) ||
		    strcmp(de->d_name + l - 4, ".m2v"))
			continue;
		memcpy(name, de->d_name, l - 4);
		name[l - 4] = 0;
		test_stream(dir, name);
	}
	closedir(d);
	test_field_intra(dir);
}

static void test_params(void)
{
	struct vdec_mpeg2_params p = { .chroma_format = 1,
				       .picture_coding_type = 1,
				       .picture_structure = 3 };
	struct frame *f = frame_new(64, 48);
	static const u8 junk[] = { 0, 0, 1, 1, 0xff, 0xff, 0, 0, 1, 0xb3 };
	enum vdec_status st;
	u32 n;
	bool ok = true;

	st = vdec_mpeg2_decode(&p, junk, sizeof(junk), NULL, NULL, &f->pic,
			       &n);
	ok &= st == VDEC_ERR_BITSTREAM;
	p.chroma_format = 2;
	ok &= vdec_mpeg2_decode(&p, junk, sizeof(junk), NULL, NULL, &f->pic,
				&n) == VDEC_ERR_UNSUPPORTED;
	p.chroma_format = 1;
	p.picture_coding_type = 2;
	p.f_code[0][0] = 1;
	p.f_code[0][1] = 1;
	ok &= vdec_mpeg2_decode(&p, junk, sizeof(junk), NULL, NULL, &f->pic,
				&n) == VDEC_ERR_PARAM;
	p.picture_coding_type = 4;
	ok &= vdec_mpeg2_decode(&p, junk, sizeof(junk), NULL, NULL, &f->pic,
				&n) == VDEC_ERR_PARAM;
	p.picture_coding_type = 1;
	p.picture_structure = 0;
	ok &= vdec_mpeg2_decode(&p, junk, sizeof(junk), NULL, NULL, &f->pic,
				&n) == VDEC_ERR_PARAM;
	f->refs = 1;
	frame_put(f);
	vdec_test_result(ok, "mpeg2-params", NULL);
}

int main(void)
{
	static const struct vdec_test_check checks[] = {
		{ "idct-ieee1180", vdec_check_idct_ieee1180 },
		{ "bits", vdec_check_bits },
		{ "mpeg2-mc", vdec_check_mpeg2_mc },
	};

	vdec_test_run_checks(checks, ARRAY_SIZE(checks));
	test_params();
	test_streams();
	return vdec_test_failures ? 1 : 0;
}
