// SPDX-License-Identifier: GPL-2.0
/*
 * vdec-fuzz: Request API stress and fuzz tool for V4L2 stateless decoders
 * (FWHT, MPEG-2, VP8 and H.264), written for vsoc-vdec and usable against
 * visl.
 *
 * Every request is one OUTPUT buffer plus the codec's controls; every
 * request must complete (a poll() timeout on the request is a hang), and
 * bad input must be refused before the request runs. Results are printed
 * as "PASS name" or "FAIL name: reason" lines; the status is non-zero on
 * any failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <linux/media.h>
#include <linux/types.h>
#include <linux/videodev2.h>

#define VF_MAX_CTX	8
#define VF_NUM_OUT	2
#define VF_NUM_CAP	4
#define VF_MAX_SEGS	4096
#define VF_BOGUS_TS	0x8000000000000000ULL
#define VF_FWHT_HDR_LEN	44
/* the uapi's masks use GENMASK(), which userspace lacks */
#define VF_FWHT_COMP_MSK	(7U << V4L2_FWHT_FL_COMPONENTS_NUM_OFFSET)
#define VF_FWHT_PIXENC_MSK	(3U << V4L2_FWHT_FL_PIXENC_OFFSET)
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

enum vf_codec { VF_FWHT, VF_MPEG2, VF_VP8, VF_H264 };

/* Every control a request may carry; which ones it sets is a mask. */
struct vf_params {
	struct v4l2_ctrl_mpeg2_sequence seq;
	struct v4l2_ctrl_mpeg2_picture pic;
	struct v4l2_ctrl_mpeg2_quantisation quant;
	struct v4l2_ctrl_fwht_params fwht;
	struct v4l2_ctrl_vp8_frame vp8;
	struct v4l2_ctrl_h264_sps sps;
	struct v4l2_ctrl_h264_pps pps;
	struct v4l2_ctrl_h264_scaling_matrix sm;
	struct v4l2_ctrl_h264_decode_params dec;
};

/* One picture of a sample stream: its slice data and parsed controls. */
struct vf_seg {
	size_t off, len;
	bool parsed;
	struct vf_params p;
};

struct vf_map {
	void *mem;
	size_t len;
	__u64 ts;		/* timestamp of its last decode, 0 if none */
};

struct vf_ctx {
	unsigned int id;
	enum vf_codec codec;
	int vfd;
	int req_fd;
	__u32 out_type, cap_type;
	__u32 width, height, sizeimage, cap_fourcc;
	struct vf_map out[VF_NUM_OUT], cap[VF_NUM_CAP];
	unsigned int n_out, n_cap;
	int cap_queued;		/* index of the CAPTURE buffer queued, or -1 */
	unsigned int cap_next;
	/* the request in flight */
	bool busy;
	bool ref_missing;
	bool hold;		/* its OUTPUT buffer holds the CAPTURE buffer */
	int release;		/* held CAPTURE buffer it gives back first, or -1 */
	__u64 release_ts;
	/* V4L2_BUF_FLAG_M2M_HOLD_CAPTURE_BUF: field pictures into one buffer */
	bool can_hold;
	int held;		/* CAPTURE buffer the driver holds, or -1 */
	__u64 held_ts;
	__u64 ts, next_ts;
	struct timespec start;
	unsigned int remaining;
	/* decode mode: the last two reference pictures */
	__u64 ref_old, ref_new;
};

struct vf_opts {
	enum vf_codec codec;
	const char *driver;
	const char *video, *media;
	const char *input;
	const char *dump;
	unsigned long n;
	unsigned long long seed;
	unsigned int timeout_ms;
	unsigned int contexts;
	__u32 width, height;
	__u32 cap_fourcc;
	bool strict, verbose;
	bool churn;		/* contexts: close some while their request runs */
	bool mixed;		/* contexts of both codecs */
};

static struct vf_opts opt = {
	.codec = VF_MPEG2,
	.driver = "vsoc-vdec",
	.n = 1000,
	.timeout_ms = 5000,
	.contexts = 4,
	.cap_fourcc = V4L2_PIX_FMT_NV12,
};

static bool mplane;
static int media_fd = -1;
static unsigned char *sample;
static size_t sample_len;
static struct vf_seg segs[VF_MAX_SEGS];
static unsigned int n_segs;
static unsigned int failures;
static unsigned long st_requests, st_done, st_error, st_hung, st_refused;
static unsigned long st_missing_ref_done, st_held, st_flush, st_abandoned;
static __u64 rng_state;

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: vdec-fuzz [options] MODE\n"
		"Request API stress and fuzz tool for V4L2 stateless decoders.\n"
		"\n"
		"Modes:\n"
		"  fuzz      N requests with random or mutated payloads and random valid\n"
		"            controls; each must complete (DONE or ERROR), none may hang\n"
		"  invalid   bad controls and malformed requests must be refused before\n"
		"            they run, and a valid request must still complete afterwards\n"
		"  contexts  K file handles with their own formats and request loops,\n"
		"            interleaved (N requests in all); all must complete\n"
		"  decode    decode the sample (-i) as it is: every frame must be DONE\n"
		"            (MPEG-2 elementary stream, or FWHT frames with their headers\n"
		"            as v4l2-ctl --stream-to-hdr writes them)\n"
		"\n"
		"Options:\n"
		"  -c CODEC    fwht, mpeg2 (default), vp8 (fuzz and contexts modes;\n"
		"              an IVF sample) or h264 (fuzz and contexts; an Annex B\n"
		"              sample, windows of which are the payloads);\n"
		"              contexts also takes both:\n"
		"              even contexts FWHT, odd ones MPEG-2\n"
		"  -D DRIVER   find the nodes of this driver (default vsoc-vdec; e.g. visl)\n"
		"  -d DEV      the video node (default: found by driver name)\n"
		"  -m DEV      the media node (default: found by driver name)\n"
		"  -n N        number of requests (default 1000)\n"
		"  -s SEED     random seed (default: from the clock; printed)\n"
		"  -i FILE     sample stream: seeds the fuzzer's payloads, input of decode\n"
		"  -w WxH      coded size (default: the sample's, else 64x64)\n"
		"  -f FOURCC   CAPTURE format, NV12 (default) or NV21\n"
		"  -k K        contexts for the contexts mode (default 4, at most %d)\n"
		"  -t MS       request timeout in ms (default 5000); a timeout is a hang\n"
		"  -o FILE     decode: write the decoded frames to FILE\n"
		"  -S          strict: a request whose reference matches no CAPTURE\n"
		"              buffer must end with V4L2_BUF_FLAG_ERROR\n"
		"  -x          contexts: close a context now and then while its request\n"
		"              runs (video or request fd first) and open a new one\n"
		"  -v          verbose\n"
		"  -h          this help\n"
		"\n"
		"Output: one 'PASS name' or 'FAIL name: reason' line per result and a\n"
		"summary line; the exit status is 1 on any failure, 2 on bad arguments.\n",
		VF_MAX_CTX);
}

static void pass(const char *name)
{
	printf("PASS %s\n", name);
	fflush(stdout);
}

static void fail(const char *name, const char *fmt, ...)
{
	va_list ap;

	failures++;
	printf("FAIL %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

static void info(const char *fmt, ...)
{
	va_list ap;

	if (!opt.verbose)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
}

/* xorshift64*: reproducible from the seed, good enough for fuzzing */
static __u64 rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static unsigned int rnd_below(unsigned int n)
{
	return n ? (unsigned int)(rnd() % n) : 0;
}

static const char *codec_name(void)
{
	if (opt.mixed)
		return "mixed";
	switch (opt.codec) {
	case VF_FWHT:
		return "fwht";
	case VF_VP8:
		return "vp8";
	case VF_H264:
		return "h264";
	default:
		return "mpeg2";
	}
}

static __u32 codec_fourcc(enum vf_codec codec)
{
	switch (codec) {
	case VF_FWHT:
		return V4L2_PIX_FMT_FWHT_STATELESS;
	case VF_VP8:
		return V4L2_PIX_FMT_VP8_FRAME;
	case VF_H264:
		return V4L2_PIX_FMT_H264_SLICE;
	default:
		return V4L2_PIX_FMT_MPEG2_SLICE;
	}
}

static double elapsed(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* ---- sample streams ---- */

static int read_sample(const char *path)
{
	struct stat st;
	ssize_t r;
	size_t got = 0;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &st)) {
		fprintf(stderr, "vdec-fuzz: %s: %s\n", path, strerror(errno));
		return -1;
	}
	sample_len = st.st_size;
	sample = malloc(sample_len + 1);
	if (!sample)
		return -1;
	while (got < sample_len) {
		r = read(fd, sample + got, sample_len - got);
		if (r <= 0)
			break;
		got += r;
	}
	close(fd);
	sample_len = got;
	return 0;
}

struct vf_bits {
	const unsigned char *p;
	size_t len, pos;	/* pos in bits */
};

static unsigned int get_bits(struct vf_bits *b, unsigned int n)
{
	unsigned int v = 0;

	while (n--) {
		unsigned int bit = 0;

		if (b->pos / 8 < b->len)
			bit = (b->p[b->pos / 8] >> (7 - b->pos % 8)) & 1;
		v = v << 1 | bit;
		b->pos++;
	}
	return v;
}

static void get_matrix(struct vf_bits *b, __u8 *m)
{
	unsigned int i;

	for (i = 0; i < 64; i++)
		m[i] = get_bits(b, 8);
}

/* MPEG-2's default intra matrix in zigzag order (ISO/IEC 13818-2 7.3.1) */
static const __u8 mpeg2_default_intra[64] = {
	8, 16, 16, 19, 16, 19, 22, 22, 22, 22, 22, 22, 26, 24, 26, 27,
	27, 27, 26, 26, 26, 26, 27, 27, 27, 29, 29, 29, 34, 34, 34, 29,
	29, 29, 27, 27, 29, 29, 32, 32, 34, 34, 37, 38, 37, 35, 35, 34,
	35, 38, 38, 40, 40, 40, 48, 48, 46, 46, 56, 56, 58, 69, 69, 83,
};

static void mpeg2_default_quant(struct v4l2_ctrl_mpeg2_quantisation *q)
{
	memcpy(q->intra_quantiser_matrix, mpeg2_default_intra, 64);
	memset(q->non_intra_quantiser_matrix, 16, 64);
	memcpy(q->chroma_intra_quantiser_matrix, mpeg2_default_intra, 64);
	memset(q->chroma_non_intra_quantiser_matrix, 16, 64);
}

static bool is_slice_code(unsigned char c)
{
	return c >= 0x01 && c <= 0xaf;
}

/*
 * Split an MPEG-2 elementary stream into pictures: each segment is the
 * slice data of one picture (from its first slice start code to the next
 * start code that is not a slice), with the headers in force for it.
 */
static void parse_mpeg2(void)
{
	struct vf_params cur;
	struct vf_seg *seg = NULL;
	size_t i;

	memset(&cur, 0, sizeof(cur));
	cur.seq.chroma_format = 1;
	mpeg2_default_quant(&cur.quant);
	for (i = 0; i + 3 < sample_len; i++) {
		struct vf_bits b;
		unsigned char code;

		if (sample[i] || sample[i + 1] || sample[i + 2] != 1)
			continue;
		code = sample[i + 3];
		b.p = sample + i + 4;
		b.len = sample_len - i - 4;
		b.pos = 0;
		if (is_slice_code(code)) {
			if (!seg && n_segs < VF_MAX_SEGS &&
			    cur.pic.picture_coding_type) {
				seg = &segs[n_segs++];
				seg->off = i;
				seg->parsed = true;
				seg->p = cur;
			}
			continue;
		}
		if (seg) {
			seg->len = i - seg->off;
			seg = NULL;
		}
		switch (code) {
		case 0xb3:	/* sequence header */
			cur.seq.horizontal_size = get_bits(&b, 12);
			cur.seq.vertical_size = get_bits(&b, 12);
			get_bits(&b, 4 + 4 + 18 + 1);
			cur.seq.vbv_buffer_size = get_bits(&b, 10);
			get_bits(&b, 1);
			mpeg2_default_quant(&cur.quant);
			if (get_bits(&b, 1)) {
				get_matrix(&b, cur.quant.intra_quantiser_matrix);
				memcpy(cur.quant.chroma_intra_quantiser_matrix,
				       cur.quant.intra_quantiser_matrix, 64);
			}
			if (get_bits(&b, 1)) {
				get_matrix(&b, cur.quant.non_intra_quantiser_matrix);
				memcpy(cur.quant.chroma_non_intra_quantiser_matrix,
				       cur.quant.non_intra_quantiser_matrix, 64);
			}
			break;
		case 0xb5:	/* extension */
			switch (get_bits(&b, 4)) {
			case 1:	/* sequence extension */
				cur.seq.profile_and_level_indication = get_bits(&b, 8);
				cur.seq.flags = get_bits(&b, 1) ?
						V4L2_MPEG2_SEQ_FLAG_PROGRESSIVE : 0;
				cur.seq.chroma_format = get_bits(&b, 2);
				cur.seq.horizontal_size |= get_bits(&b, 2) << 12;
				cur.seq.vertical_size |= get_bits(&b, 2) << 12;
				get_bits(&b, 12 + 1);
				cur.seq.vbv_buffer_size |= get_bits(&b, 8) << 10;
				break;
			case 3:	/* quant matrix extension */
				if (get_bits(&b, 1))
					get_matrix(&b, cur.quant.intra_quantiser_matrix);
				if (get_bits(&b, 1))
					get_matrix(&b, cur.quant.non_intra_quantiser_matrix);
				if (get_bits(&b, 1))
					get_matrix(&b, cur.quant.chroma_intra_quantiser_matrix);
				if (get_bits(&b, 1))
					get_matrix(&b, cur.quant.chroma_non_intra_quantiser_matrix);
				break;
			case 8:	/* picture coding extension */
				cur.pic.f_code[0][0] = get_bits(&b, 4);
				cur.pic.f_code[0][1] = get_bits(&b, 4);
				cur.pic.f_code[1][0] = get_bits(&b, 4);
				cur.pic.f_code[1][1] = get_bits(&b, 4);
				cur.pic.intra_dc_precision = get_bits(&b, 2);
				cur.pic.picture_structure = get_bits(&b, 2);
				cur.pic.flags = 0;
				if (get_bits(&b, 1))
					cur.pic.flags |= V4L2_MPEG2_PIC_FLAG_TOP_FIELD_FIRST;
				if (get_bits(&b, 1))
					cur.pic.flags |= V4L2_MPEG2_PIC_FLAG_FRAME_PRED_DCT;
				if (get_bits(&b, 1))
					cur.pic.flags |= V4L2_MPEG2_PIC_FLAG_CONCEALMENT_MV;
				if (get_bits(&b, 1))
					cur.pic.flags |= V4L2_MPEG2_PIC_FLAG_Q_SCALE_TYPE;
				if (get_bits(&b, 1))
					cur.pic.flags |= V4L2_MPEG2_PIC_FLAG_INTRA_VLC;
				if (get_bits(&b, 1))
					cur.pic.flags |= V4L2_MPEG2_PIC_FLAG_ALT_SCAN;
				if (get_bits(&b, 1))
					cur.pic.flags |= V4L2_MPEG2_PIC_FLAG_REPEAT_FIRST;
				get_bits(&b, 1);
				if (get_bits(&b, 1))
					cur.pic.flags |= V4L2_MPEG2_PIC_FLAG_PROGRESSIVE;
				break;
			}
			break;
		case 0x00:	/* picture header */
			get_bits(&b, 10);
			cur.pic.picture_coding_type = get_bits(&b, 3);
			/* MPEG-1 defaults, replaced by the coding extension */
			cur.pic.picture_structure = V4L2_MPEG2_PIC_FRAME;
			memset(cur.pic.f_code, 15, sizeof(cur.pic.f_code));
			break;
		}
	}
	if (seg)
		seg->len = sample_len - seg->off;
}

static __u32 be32(const unsigned char *p)
{
	return (__u32)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

/* FWHT frames: a struct fwht_cframe_hdr (magic, then big-endian fields) each. */
static void parse_fwht(void)
{
	size_t i = 0;

	while (i + VF_FWHT_HDR_LEN <= sample_len && n_segs < VF_MAX_SEGS) {
		const unsigned char *h = sample + i;
		struct vf_seg *seg;
		__u32 size;

		if (be32(h) != 0x4f4f4f4f || be32(h + 4) != 0xffffffff) {
			i++;
			continue;
		}
		size = be32(h + 40);
		if (size > sample_len - i - VF_FWHT_HDR_LEN)
			break;
		seg = &segs[n_segs++];
		memset(seg, 0, sizeof(*seg));
		seg->off = i + VF_FWHT_HDR_LEN;
		seg->len = size;
		seg->parsed = true;
		seg->p.fwht.version = be32(h + 8);
		seg->p.fwht.width = be32(h + 12);
		seg->p.fwht.height = be32(h + 16);
		seg->p.fwht.flags = be32(h + 20);
		seg->p.fwht.colorspace = be32(h + 24);
		seg->p.fwht.xfer_func = be32(h + 28);
		seg->p.fwht.ycbcr_enc = be32(h + 32);
		seg->p.fwht.quantization = be32(h + 36);
		i = seg->off + size;
	}
}

static __u32 le32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (__u32)p[3] << 24;
}

/*
 * VP8 in IVF: a 32-byte file header ("DKIF", header size at 6), then
 * frames of a 12-byte header (size, timestamp) each. The frame tag gives
 * the key frame flag, version, show flag and first partition size, a key
 * frame's header the size; the rest of each request's control is random.
 */
static void parse_ivf(void)
{
	size_t i;

	if (sample_len < 32 || memcmp(sample, "DKIF", 4))
		return;
	i = sample[6] | sample[7] << 8;
	while (i + 12 <= sample_len && n_segs < VF_MAX_SEGS) {
		__u32 size = le32(sample + i), tag;
		const unsigned char *f = sample + i + 12;
		struct v4l2_ctrl_vp8_frame *v;
		struct vf_seg *seg;

		if (size < 3 || size > sample_len - i - 12)
			break;
		seg = &segs[n_segs++];
		memset(seg, 0, sizeof(*seg));
		seg->off = i + 12;
		seg->len = size;
		seg->parsed = true;
		v = &seg->p.vp8;
		tag = f[0] | f[1] << 8 | f[2] << 16;
		v->flags = tag & 1 ? 0 : V4L2_VP8_FRAME_FLAG_KEY_FRAME;
		v->version = (tag >> 1) & 7;
		if (tag & 0x10)
			v->flags |= V4L2_VP8_FRAME_FLAG_SHOW_FRAME;
		v->first_part_size = tag >> 5;
		if (!(tag & 1) && size >= 10) {
			v->width = (f[6] | f[7] << 8) & 0x3fff;
			v->height = (f[8] | f[9] << 8) & 0x3fff;
		}
		i = seg->off + size;
	}
}

static void load_sample(void)
{
	unsigned int i;

	if (opt.codec == VF_MPEG2)
		parse_mpeg2();
	else if (opt.codec == VF_VP8)
		parse_ivf();
	else if (opt.codec == VF_FWHT)
		parse_fwht();
	if (!n_segs) {
		/* any bytes: each request takes a window of the file */
		segs[0].off = 0;
		segs[0].len = sample_len;
		segs[0].parsed = false;
		n_segs = 1;
		return;
	}
	if (!opt.width) {
		if (opt.codec == VF_MPEG2) {
			opt.width = segs[0].p.seq.horizontal_size;
			opt.height = segs[0].p.seq.vertical_size;
		} else if (opt.codec == VF_VP8) {
			opt.width = segs[0].p.vp8.width;
			opt.height = segs[0].p.vp8.height;
		} else {
			opt.width = segs[0].p.fwht.width;
			opt.height = segs[0].p.fwht.height;
		}
	}
	info("sample: %u pictures, %ux%u\n", n_segs, opt.width, opt.height);
	for (i = 0; i < n_segs && opt.verbose; i++) {
		const struct vf_params *p = &segs[i].p;
		const __u8 *fc = &p->pic.f_code[0][0];

		if (opt.codec == VF_VP8)
			info("  frame %u: %zu bytes, flags %#llx, first partition %u\n", i,
			     segs[i].len, (unsigned long long)p->vp8.flags,
			     p->vp8.first_part_size);
		else if (opt.codec == VF_MPEG2)
			info("  picture %u: %zu bytes, type %u, structure %u, f_code %u %u %u %u\n",
			     i, segs[i].len, p->pic.picture_coding_type,
			     p->pic.picture_structure, fc[0], fc[1], fc[2], fc[3]);
		else
			info("  frame %u: %zu bytes, %ux%u, flags %#x\n", i, segs[i].len,
			     p->fwht.width, p->fwht.height, p->fwht.flags);
	}
}

/* ---- device discovery ---- */

static int find_video(char *path, size_t len)
{
	unsigned int i;

	for (i = 0; i < 64; i++) {
		struct v4l2_capability cap;
		int fd;

		snprintf(path, len, "/dev/video%u", i);
		fd = open(path, O_RDWR | O_NONBLOCK);
		if (fd < 0)
			continue;
		memset(&cap, 0, sizeof(cap));
		if (!ioctl(fd, VIDIOC_QUERYCAP, &cap) &&
		    !strcmp((char *)cap.driver, opt.driver)) {
			close(fd);
			return 0;
		}
		close(fd);
	}
	return -1;
}

static int find_media(char *path, size_t len)
{
	unsigned int i;

	for (i = 0; i < 64; i++) {
		struct media_device_info mdi;
		int fd;

		snprintf(path, len, "/dev/media%u", i);
		fd = open(path, O_RDWR);
		if (fd < 0)
			continue;
		memset(&mdi, 0, sizeof(mdi));
		if (!ioctl(fd, MEDIA_IOC_DEVICE_INFO, &mdi) &&
		    !strcmp(mdi.driver, opt.driver)) {
			close(fd);
			return 0;
		}
		close(fd);
	}
	return -1;
}

/* ---- buffers ---- */

static void buf_init(struct v4l2_buffer *b, struct v4l2_plane *pl, __u32 type,
		     unsigned int index)
{
	memset(b, 0, sizeof(*b));
	memset(pl, 0, sizeof(*pl));
	b->type = type;
	b->memory = V4L2_MEMORY_MMAP;
	b->index = index;
	if (mplane) {
		b->m.planes = pl;
		b->length = 1;
	}
}

static __u32 buf_bytesused(const struct v4l2_buffer *b)
{
	return mplane ? b->m.planes[0].bytesused : b->bytesused;
}

static __u64 buf_ts(const struct v4l2_buffer *b)
{
	return (__u64)b->timestamp.tv_sec * 1000000000ULL + b->timestamp.tv_usec * 1000ULL;
}

static int map_bufs(struct vf_ctx *c, __u32 type, struct vf_map *m, unsigned int *n,
		    unsigned int want)
{
	struct v4l2_requestbuffers rb;
	unsigned int i;

	memset(&rb, 0, sizeof(rb));
	rb.count = want;
	rb.type = type;
	rb.memory = V4L2_MEMORY_MMAP;
	if (ioctl(c->vfd, VIDIOC_REQBUFS, &rb))
		return -errno;
	if (rb.count < want)
		return -ENOMEM;
	*n = want;
	if (type == c->out_type)
		c->can_hold = rb.capabilities & V4L2_BUF_CAP_SUPPORTS_M2M_HOLD_CAPTURE_BUF;
	if (!(rb.capabilities & V4L2_BUF_CAP_SUPPORTS_REQUESTS) &&
	    type == c->out_type)
		return -EOPNOTSUPP;
	for (i = 0; i < want; i++) {
		struct v4l2_buffer b;
		struct v4l2_plane pl;
		__u32 off;

		buf_init(&b, &pl, type, i);
		if (ioctl(c->vfd, VIDIOC_QUERYBUF, &b))
			return -errno;
		m[i].len = mplane ? pl.length : b.length;
		off = mplane ? pl.m.mem_offset : b.m.offset;
		m[i].mem = mmap(NULL, m[i].len, PROT_READ | PROT_WRITE, MAP_SHARED, c->vfd, off);
		if (m[i].mem == MAP_FAILED)
			return -errno;
		m[i].ts = 0;
	}
	return 0;
}

static int set_fmt(struct vf_ctx *c, __u32 type, __u32 fourcc, __u32 w, __u32 h)
{
	struct v4l2_format f;

	memset(&f, 0, sizeof(f));
	f.type = type;
	if (mplane) {
		f.fmt.pix_mp.pixelformat = fourcc;
		f.fmt.pix_mp.width = w;
		f.fmt.pix_mp.height = h;
		f.fmt.pix_mp.num_planes = 1;
	} else {
		f.fmt.pix.pixelformat = fourcc;
		f.fmt.pix.width = w;
		f.fmt.pix.height = h;
	}
	if (ioctl(c->vfd, VIDIOC_S_FMT, &f))
		return -errno;
	if (type == c->out_type) {
		c->width = mplane ? f.fmt.pix_mp.width : f.fmt.pix.width;
		c->height = mplane ? f.fmt.pix_mp.height : f.fmt.pix.height;
		c->sizeimage = mplane ? f.fmt.pix_mp.plane_fmt[0].sizeimage : f.fmt.pix.sizeimage;
		if ((mplane ? f.fmt.pix_mp.pixelformat : f.fmt.pix.pixelformat) != fourcc)
			return -EINVAL;
	} else {
		c->cap_fourcc = mplane ? f.fmt.pix_mp.pixelformat : f.fmt.pix.pixelformat;
	}
	return 0;
}

/* Close a context, its request fd first or its video fd first. */
static void ctx_close_order(struct vf_ctx *c, bool video_first)
{
	unsigned int i;

	for (i = 0; i < c->n_out; i++)
		munmap(c->out[i].mem, c->out[i].len);
	for (i = 0; i < c->n_cap; i++)
		munmap(c->cap[i].mem, c->cap[i].len);
	if (video_first && c->vfd >= 0)
		close(c->vfd);
	if (c->req_fd >= 0)
		close(c->req_fd);
	if (!video_first && c->vfd >= 0)
		close(c->vfd);
	c->vfd = -1;
	c->req_fd = -1;
	c->n_out = 0;
	c->n_cap = 0;
}

static void ctx_close(struct vf_ctx *c)
{
	ctx_close_order(c, false);
}

/* Open a context: formats, buffers, streaming, its request. */
static int ctx_open(struct vf_ctx *c, unsigned int id, enum vf_codec codec, __u32 w, __u32 h,
		    const char *name)
{
	struct v4l2_capability cap;
	__u32 t;
	int ret;

	memset(c, 0, sizeof(*c));
	c->id = id;
	c->codec = codec;
	c->req_fd = -1;
	c->cap_queued = -1;
	c->held = -1;
	c->release = -1;
	c->next_ts = 1000ULL * (id + 1) * 1000000ULL;
	c->vfd = open(opt.video, O_RDWR | O_NONBLOCK);
	if (c->vfd < 0) {
		fail(name, "open %s: %s", opt.video, strerror(errno));
		return -1;
	}
	memset(&cap, 0, sizeof(cap));
	if (ioctl(c->vfd, VIDIOC_QUERYCAP, &cap)) {
		fail(name, "VIDIOC_QUERYCAP: %s", strerror(errno));
		goto err;
	}
	t = cap.device_caps;
	if (t & V4L2_CAP_VIDEO_M2M_MPLANE) {
		mplane = true;
		c->out_type = V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE;
		c->cap_type = V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE;
	} else if (t & V4L2_CAP_VIDEO_M2M) {
		mplane = false;
		c->out_type = V4L2_BUF_TYPE_VIDEO_OUTPUT;
		c->cap_type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	} else {
		fail(name, "%s is not a mem2mem device", opt.video);
		goto err;
	}
	ret = set_fmt(c, c->out_type, codec_fourcc(codec), w, h);
	if (ret) {
		fail(name, "OUTPUT format %.4s %ux%u: %s", (char *)&(__u32){ codec_fourcc(codec) },
		     w, h,
		     ret == -EINVAL ? "not supported" : strerror(-ret));
		goto err;
	}
	ret = set_fmt(c, c->cap_type, opt.cap_fourcc, c->width, c->height);
	if (ret) {
		fail(name, "CAPTURE format: %s", strerror(-ret));
		goto err;
	}
	if (c->cap_fourcc != opt.cap_fourcc)
		info("%s: CAPTURE format %.4s instead of %.4s\n", name,
		     (char *)&c->cap_fourcc, (char *)&opt.cap_fourcc);
	ret = map_bufs(c, c->out_type, c->out, &c->n_out, VF_NUM_OUT);
	if (ret) {
		fail(name, "OUTPUT buffers: %s", strerror(-ret));
		goto err;
	}
	ret = map_bufs(c, c->cap_type, c->cap, &c->n_cap, VF_NUM_CAP);
	if (ret) {
		fail(name, "CAPTURE buffers: %s", strerror(-ret));
		goto err;
	}
	if (ioctl(c->vfd, VIDIOC_STREAMON, &c->out_type) ||
	    ioctl(c->vfd, VIDIOC_STREAMON, &c->cap_type)) {
		fail(name, "VIDIOC_STREAMON: %s", strerror(errno));
		goto err;
	}
	if (ioctl(media_fd, MEDIA_IOC_REQUEST_ALLOC, &c->req_fd)) {
		fail(name, "MEDIA_IOC_REQUEST_ALLOC: %s", strerror(errno));
		c->req_fd = -1;
		goto err;
	}
	info("%s: %ux%u, OUTPUT sizeimage %u, %s%s\n", name, c->width, c->height,
	     c->sizeimage, mplane ? "mplane" : "single-plane",
	     c->can_hold ? ", can hold CAPTURE buffers" : "");
	return 0;
err:
	ctx_close(c);
	return -1;
}

/* ---- controls ---- */

enum {
	VF_C_SEQ = 1, VF_C_PIC = 2, VF_C_QUANT = 4, VF_C_FWHT = 8,
	VF_C_ALL_MPEG2 = 7, VF_C_VP8 = 16, VF_C_H264 = 32,
};

static unsigned int all_ctrls(const struct vf_ctx *c)
{
	switch (c->codec) {
	case VF_FWHT:
		return VF_C_FWHT;
	case VF_VP8:
		return VF_C_VP8;
	case VF_H264:
		return VF_C_H264;
	default:
		return VF_C_ALL_MPEG2;
	}
}

static int set_ctrls(struct vf_ctx *c, struct vf_params *p, unsigned int mask)
{
	struct v4l2_ext_controls ecs;
	struct v4l2_ext_control ec[6];
	unsigned int n = 0;

	memset(ec, 0, sizeof(ec));
	if (mask & VF_C_SEQ) {
		ec[n].id = V4L2_CID_STATELESS_MPEG2_SEQUENCE;
		ec[n].size = sizeof(p->seq);
		ec[n++].ptr = &p->seq;
	}
	if (mask & VF_C_PIC) {
		ec[n].id = V4L2_CID_STATELESS_MPEG2_PICTURE;
		ec[n].size = sizeof(p->pic);
		ec[n++].ptr = &p->pic;
	}
	if (mask & VF_C_QUANT) {
		ec[n].id = V4L2_CID_STATELESS_MPEG2_QUANTISATION;
		ec[n].size = sizeof(p->quant);
		ec[n++].ptr = &p->quant;
	}
	if (mask & VF_C_FWHT) {
		ec[n].id = V4L2_CID_STATELESS_FWHT_PARAMS;
		ec[n].size = sizeof(p->fwht);
		ec[n++].ptr = &p->fwht;
	}
	if (mask & VF_C_VP8) {
		ec[n].id = V4L2_CID_STATELESS_VP8_FRAME;
		ec[n].size = sizeof(p->vp8);
		ec[n++].ptr = &p->vp8;
	}
	if (mask & VF_C_H264) {
		ec[n].id = V4L2_CID_STATELESS_H264_SPS;
		ec[n].size = sizeof(p->sps);
		ec[n++].ptr = &p->sps;
		ec[n].id = V4L2_CID_STATELESS_H264_PPS;
		ec[n].size = sizeof(p->pps);
		ec[n++].ptr = &p->pps;
		ec[n].id = V4L2_CID_STATELESS_H264_SCALING_MATRIX;
		ec[n].size = sizeof(p->sm);
		ec[n++].ptr = &p->sm;
		ec[n].id = V4L2_CID_STATELESS_H264_DECODE_PARAMS;
		ec[n].size = sizeof(p->dec);
		ec[n++].ptr = &p->dec;
	}
	memset(&ecs, 0, sizeof(ecs));
	ecs.which = V4L2_CTRL_WHICH_REQUEST_VAL;
	ecs.request_fd = c->req_fd;
	ecs.count = n;
	ecs.controls = ec;
	return ioctl(c->vfd, VIDIOC_S_EXT_CTRLS, &ecs) ? -errno : 0;
}

/* A reference: a recent decode (not the buffer decoded into), or a bogus one. */
static __u64 pick_ref(struct vf_ctx *c, int dst, bool *missing)
{
	unsigned int i, k = rnd_below(c->n_cap);

	if (rnd_below(4)) {
		for (i = 0; i < c->n_cap; i++) {
			unsigned int j = (k + i) % c->n_cap;

			if ((int)j != dst && c->cap[j].ts)
				return c->cap[j].ts;
		}
	}
	*missing = true;
	return VF_BOGUS_TS | rnd();
}

static __u8 rnd_fcode(void)
{
	return 1 + rnd_below(9);
}

static __s8 rnd_s8(unsigned int mag)
{
	return (__s8)((int)rnd_below(2 * mag + 1) - (int)mag);
}

static void rnd_s8s(__s8 *v, unsigned int n, unsigned int mag)
{
	while (n--)
		*v++ = rnd_s8(mag);
}

/* A valid-looking VP8 frame control: in range, mostly not the stream's. */
static void random_vp8(struct vf_ctx *c, struct v4l2_ctrl_vp8_frame *f, int dst,
		       bool *needs_ref)
{
	bool missing = false;
	unsigned int i;

	f->width = c->width;
	f->height = c->height;
	f->flags = rnd() & 0x3e;
	if (rnd_below(2))
		f->flags |= V4L2_VP8_FRAME_FLAG_KEY_FRAME;
	f->version = rnd_below(4);
	f->num_dct_parts = 1 << rnd_below(4);
	f->first_part_size = 1 + rnd_below(c->sizeimage);
	f->first_part_header_bits = rnd_below(8 * f->first_part_size + 1);
	for (i = 0; i < f->num_dct_parts; i++)
		f->dct_part_sizes[i] = rnd_below(c->sizeimage);
	f->coder_state.range = 128 + rnd_below(128);
	f->coder_state.value = rnd_below(f->coder_state.range);
	f->coder_state.bit_count = rnd_below(8);
	f->prob_skip_false = rnd();
	f->prob_intra = rnd();
	f->prob_last = rnd();
	f->prob_gf = rnd();
	f->quant.y_ac_qi = rnd_below(128);
	f->quant.y_dc_delta = rnd_s8(15);
	f->quant.y2_dc_delta = rnd_s8(15);
	f->quant.y2_ac_delta = rnd_s8(15);
	f->quant.uv_dc_delta = rnd_s8(15);
	f->quant.uv_ac_delta = rnd_s8(15);
	f->segment.flags = rnd_below(16);
	rnd_s8s(f->segment.quant_update, 4, 127);
	rnd_s8s(f->segment.lf_update, 4, 63);
	for (i = 0; i < 3; i++)
		f->segment.segment_probs[i] = rnd();
	f->lf.level = rnd_below(64);
	f->lf.sharpness_level = rnd_below(8);
	f->lf.flags = rnd_below(8);
	rnd_s8s(f->lf.ref_frm_delta, 4, 63);
	rnd_s8s(f->lf.mb_mode_delta, 4, 63);
	for (i = 0; i < sizeof(f->entropy.coeff_probs); i++)
		(&f->entropy.coeff_probs[0][0][0][0])[i] = 1 + rnd_below(255);
	for (i = 0; i < 4; i++)
		f->entropy.y_mode_probs[i] = 1 + rnd_below(255);
	for (i = 0; i < 3; i++)
		f->entropy.uv_mode_probs[i] = 1 + rnd_below(255);
	for (i = 0; i < 2 * V4L2_VP8_MV_PROB_CNT; i++)
		(&f->entropy.mv_probs[0][0])[i] = 1 + rnd_below(255);
	if (f->flags & V4L2_VP8_FRAME_FLAG_KEY_FRAME)
		return;
	f->last_frame_ts = pick_ref(c, dst, &missing);
	f->golden_frame_ts = pick_ref(c, dst, &missing);
	f->alt_frame_ts = pick_ref(c, dst, &missing);
	*needs_ref = missing;
}

/* Valid-looking H.264 controls: the block's profiles, a DPB of recent decodes. */
static void random_h264(struct vf_ctx *c, struct vf_params *p, int dst, bool *needs_ref)
{
	static const __u8 profiles[] = { 66, 77, 100 };
	bool missing = false;
	unsigned int i, n;

	p->sps.profile_idc = profiles[rnd_below(3)];
	p->sps.level_idc = 30 + rnd_below(22);
	p->sps.chroma_format_idc = 1;
	p->sps.log2_max_frame_num_minus4 = rnd_below(13);
	p->sps.pic_order_cnt_type = rnd_below(3);
	p->sps.log2_max_pic_order_cnt_lsb_minus4 = rnd_below(13);
	p->sps.max_num_ref_frames = rnd_below(17);
	p->sps.pic_width_in_mbs_minus1 = (c->width + 15) / 16 - 1;
	p->sps.pic_height_in_map_units_minus1 = (c->height + 15) / 16 - 1;
	p->sps.flags = V4L2_H264_SPS_FLAG_FRAME_MBS_ONLY | (rnd() & 0x4c);
	p->pps.num_ref_idx_l0_default_active_minus1 = rnd_below(32);
	p->pps.num_ref_idx_l1_default_active_minus1 = rnd_below(32);
	p->pps.weighted_bipred_idc = rnd_below(3);
	p->pps.pic_init_qp_minus26 = (int)rnd_below(52) - 26;
	p->pps.pic_init_qs_minus26 = (int)rnd_below(52) - 26;
	p->pps.chroma_qp_index_offset = (int)rnd_below(25) - 12;
	p->pps.second_chroma_qp_index_offset = (int)rnd_below(25) - 12;
	p->pps.flags = rnd() & 0xff;
	for (i = 0; i < sizeof(p->sm); i++)
		((__u8 *)&p->sm)[i] = 1 + rnd_below(255);
	p->dec.nal_ref_idc = rnd_below(4);
	p->dec.frame_num = rnd_below(16);
	p->dec.top_field_order_cnt = rnd_below(64);
	p->dec.bottom_field_order_cnt = p->dec.top_field_order_cnt + rnd_below(2);
	if (rnd_below(3) == 0) {
		p->dec.flags = V4L2_H264_DECODE_PARAM_FLAG_IDR_PIC;
		return;
	}
	p->dec.flags = rnd_below(2) ? V4L2_H264_DECODE_PARAM_FLAG_PFRAME :
				      V4L2_H264_DECODE_PARAM_FLAG_BFRAME;
	n = rnd_below(5);
	for (i = 0; i < n; i++) {
		struct v4l2_h264_dpb_entry *e = &p->dec.dpb[i];

		e->reference_ts = pick_ref(c, dst, &missing);
		e->frame_num = rnd_below(16);
		e->pic_num = e->frame_num;
		e->fields = V4L2_H264_FRAME_REF;
		e->top_field_order_cnt = rnd_below(64);
		e->bottom_field_order_cnt = e->top_field_order_cnt;
		e->flags = V4L2_H264_DPB_ENTRY_FLAG_VALID | V4L2_H264_DPB_ENTRY_FLAG_ACTIVE;
		if (!rnd_below(8))
			e->flags |= V4L2_H264_DPB_ENTRY_FLAG_LONG_TERM;
	}
	*needs_ref = missing;
}

/* Valid but random controls for the context's format. */
static void random_params(struct vf_ctx *c, struct vf_params *p, int dst, bool *needs_ref)
{
	bool missing = false;
	unsigned int i;

	memset(p, 0, sizeof(*p));
	*needs_ref = false;
	if (c->codec == VF_VP8) {
		random_vp8(c, &p->vp8, dst, needs_ref);
		return;
	}
	if (c->codec == VF_H264) {
		random_h264(c, p, dst, needs_ref);
		return;
	}
	if (c->codec == VF_FWHT) {
		__u32 fl = V4L2_FWHT_FL_PIXENC_YUV | 2 << V4L2_FWHT_FL_COMPONENTS_NUM_OFFSET;

		if (rnd_below(2))
			fl |= V4L2_FWHT_FL_I_FRAME;
		if (!rnd_below(4))
			fl |= V4L2_FWHT_FL_LUMA_IS_UNCOMPRESSED;
		if (!rnd_below(4))
			fl |= V4L2_FWHT_FL_CB_IS_UNCOMPRESSED;
		if (!rnd_below(4))
			fl |= V4L2_FWHT_FL_CR_IS_UNCOMPRESSED;
		p->fwht.version = V4L2_FWHT_VERSION;
		p->fwht.width = c->width;
		p->fwht.height = c->height;
		p->fwht.flags = fl;
		p->fwht.colorspace = rnd_below(2) ? V4L2_COLORSPACE_REC709 : 0;
		p->fwht.backward_ref_ts = pick_ref(c, dst, &missing);
		*needs_ref = !(fl & V4L2_FWHT_FL_I_FRAME) && missing;
		return;
	}
	p->seq.horizontal_size = c->width;
	p->seq.vertical_size = c->height;
	p->seq.vbv_buffer_size = rnd_below(1 << 18);
	p->seq.profile_and_level_indication = rnd_below(2) ? 0x48 : 0x58;
	p->seq.chroma_format = 1;
	p->seq.flags = rnd_below(2) ? V4L2_MPEG2_SEQ_FLAG_PROGRESSIVE : 0;

	p->pic.picture_coding_type = 1 + rnd_below(3);
	p->pic.picture_structure = 1 + rnd_below(3);
	p->pic.intra_dc_precision = rnd_below(4);
	p->pic.flags = rnd() & 0xff;
	memset(p->pic.f_code, 15, sizeof(p->pic.f_code));
	if (p->pic.picture_coding_type != V4L2_MPEG2_PIC_CODING_TYPE_I) {
		p->pic.f_code[0][0] = rnd_fcode();
		p->pic.f_code[0][1] = rnd_fcode();
		p->pic.forward_ref_ts = pick_ref(c, dst, &missing);
	}
	if (p->pic.picture_coding_type == V4L2_MPEG2_PIC_CODING_TYPE_B) {
		p->pic.f_code[1][0] = rnd_fcode();
		p->pic.f_code[1][1] = rnd_fcode();
		p->pic.backward_ref_ts = pick_ref(c, dst, &missing);
	}
	*needs_ref = missing;
	for (i = 0; i < 64; i++) {
		p->quant.intra_quantiser_matrix[i] = 1 + rnd_below(255);
		p->quant.non_intra_quantiser_matrix[i] = 1 + rnd_below(255);
		p->quant.chroma_intra_quantiser_matrix[i] = 1 + rnd_below(255);
		p->quant.chroma_non_intra_quantiser_matrix[i] = 1 + rnd_below(255);
	}
}

/* ---- payloads ---- */

static size_t mutate(unsigned char *buf, size_t len, size_t max)
{
	unsigned int k, n = 1 + rnd_below(4);

	for (k = 0; k < n && len; k++) {
		size_t pos = rnd_below(len), cnt;

		switch (rnd_below(4)) {
		case 0:	/* bit flips */
			cnt = 1 + rnd_below(16);
			while (cnt--)
				buf[rnd_below(len)] ^= 1 << rnd_below(8);
			break;
		case 1:	/* truncation */
			len = 1 + rnd_below(len);
			break;
		case 2:	/* insertion */
			cnt = 1 + rnd_below(64);
			if (len + cnt > max)
				cnt = max - len;
			memmove(buf + pos + cnt, buf + pos, len - pos);
			for (; cnt; cnt--, len++)
				buf[pos + cnt - 1] = rnd();
			break;
		default: /* zeroed range */
			cnt = 1 + rnd_below(len - pos);
			memset(buf + pos, 0, cnt);
			break;
		}
	}
	return len;
}

/* Fill an OUTPUT buffer; return its payload size. */
static size_t make_payload(struct vf_ctx *c, unsigned char *buf, const struct vf_seg *seg)
{
	size_t len, max = c->sizeimage, i;

	if (!seg) {
		len = 1 + rnd_below(max);
		for (i = 0; i < len; i++)
			buf[i] = rnd();
		return len;
	}
	len = seg->len;
	if (seg->parsed) {
		if (len > max)
			len = max;
		memcpy(buf, sample + seg->off, len);
	} else {
		size_t off = rnd_below(seg->len);

		len = 1 + rnd_below(seg->len - off);
		if (len > max)
			len = max;
		memcpy(buf, sample + seg->off + off, len);
	}
	if (!len) {
		buf[0] = 0;
		len = 1;
	}
	return len;
}

/* ---- one request ---- */

static int qbuf_cap(struct vf_ctx *c)
{
	struct v4l2_buffer b;
	struct v4l2_plane pl;
	unsigned int idx = 0, i;

	if (c->cap_queued >= 0)
		return 0;
	/* round robin, but past the references the decode mode keeps */
	for (i = 0; i < c->n_cap; i++) {
		idx = (c->cap_next + i) % c->n_cap;
		if (!c->cap[idx].ts ||
		    (c->cap[idx].ts != c->ref_old && c->cap[idx].ts != c->ref_new))
			break;
	}
	c->cap_next = (idx + 1) % c->n_cap;
	buf_init(&b, &pl, c->cap_type, idx);
	if (ioctl(c->vfd, VIDIOC_QBUF, &b))
		return -errno;
	c->cap_queued = idx;
	return 0;
}

static int qbuf_out(struct vf_ctx *c, unsigned int idx, size_t len, __u64 ts, int req_fd,
		    __u32 flags)
{
	struct v4l2_buffer b;
	struct v4l2_plane pl;

	buf_init(&b, &pl, c->out_type, idx);
	if (mplane)
		pl.bytesused = len;
	else
		b.bytesused = len;
	b.timestamp.tv_sec = ts / 1000000000ULL;
	b.timestamp.tv_usec = ts % 1000000000ULL / 1000;
	b.flags = flags;
	if (req_fd >= 0) {
		b.flags |= V4L2_BUF_FLAG_REQUEST_FD;
		b.request_fd = req_fd;
	}
	return ioctl(c->vfd, VIDIOC_QBUF, &b) ? -errno : 0;
}

static int req_queue(struct vf_ctx *c)
{
	return ioctl(c->req_fd, MEDIA_REQUEST_IOC_QUEUE) ? -errno : 0;
}

static int req_reinit(struct vf_ctx *c)
{
	return ioctl(c->req_fd, MEDIA_REQUEST_IOC_REINIT) ? -errno : 0;
}

/* Dequeue a buffer of @type, waiting up to @ms; -EAGAIN if none came. */
static int dqbuf(struct vf_ctx *c, __u32 type, struct v4l2_buffer *b, struct v4l2_plane *pl,
		 unsigned int ms)
{
	struct timespec t0, nap = { .tv_nsec = 1000000 };

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		buf_init(b, pl, type, 0);
		if (!ioctl(c->vfd, VIDIOC_DQBUF, b))
			return 0;
		if (errno != EAGAIN)
			return -errno;
		if (elapsed(&t0) * 1000 >= ms)
			return -EAGAIN;
		nanosleep(&nap, NULL);
	}
}

/*
 * Queue request @c->ts: controls @p (@mask), OUTPUT payload @len in buffer
 * 0. Returns 0 when queued, or the first failing step's -errno in *@step.
 */
static int submit(struct vf_ctx *c, struct vf_params *p, unsigned int mask, size_t len,
		  const char **step)
{
	int ret;

	*step = "VIDIOC_S_EXT_CTRLS";
	if (mask) {
		ret = set_ctrls(c, p, mask);
		if (ret)
			return ret;
	}
	*step = "VIDIOC_QBUF(CAPTURE)";
	ret = qbuf_cap(c);
	if (ret)
		return ret;
	*step = "VIDIOC_QBUF(OUTPUT)";
	ret = qbuf_out(c, 0, len, c->ts, c->req_fd,
		       c->hold ? V4L2_BUF_FLAG_M2M_HOLD_CAPTURE_BUF : 0);
	if (ret)
		return ret;
	*step = "MEDIA_REQUEST_IOC_QUEUE";
	ret = req_queue(c);
	if (ret)
		return ret;
	c->busy = true;
	clock_gettime(CLOCK_MONOTONIC, &c->start);
	st_requests++;
	return 0;
}

/* Check CAPTURE buffer @b, just dequeued: 1 DONE, 0 ERROR, -1 failure. */
static int check_cap(struct vf_ctx *c, const char *name, const struct v4l2_buffer *b, int idx,
		     __u64 ts)
{
	if ((int)b->index != idx) {
		fail(name, "CAPTURE buffer %u returned, want %d (request %llu)", b->index, idx,
		     (unsigned long long)ts);
		return -1;
	}
	if (buf_ts(b) != ts) {
		fail(name, "CAPTURE timestamp %llu, want %llu (not copied from OUTPUT)",
		     (unsigned long long)buf_ts(b), (unsigned long long)ts);
		return -1;
	}
	c->cap[idx].ts = ts;
	if (b->flags & V4L2_BUF_FLAG_ERROR) {
		st_error++;
		return 0;
	}
	st_done++;
	return 1;
}

static int dq_cap(struct vf_ctx *c, const char *name, struct v4l2_buffer *b,
		  struct v4l2_plane *pl, int idx, __u64 ts)
{
	int ret = dqbuf(c, c->cap_type, b, pl, opt.timeout_ms);

	if (ret) {
		fail(name, "request %llu: DQBUF(CAPTURE): %s", (unsigned long long)ts,
		     strerror(-ret));
		return -1;
	}
	return check_cap(c, name, b, idx, ts);
}

/* Give back the held CAPTURE buffer with V4L2_DEC_CMD_FLUSH. */
static int flush(struct vf_ctx *c, const char *name)
{
	struct v4l2_decoder_cmd cmd;
	struct v4l2_buffer b;
	struct v4l2_plane pl;
	int idx = c->held;

	memset(&cmd, 0, sizeof(cmd));
	cmd.cmd = V4L2_DEC_CMD_FLUSH;
	if (ioctl(c->vfd, VIDIOC_DECODER_CMD, &cmd)) {
		fail(name, "VIDIOC_DECODER_CMD(FLUSH): %s", strerror(errno));
		return -1;
	}
	st_flush++;
	c->held = -1;
	return dq_cap(c, name, &b, &pl, idx, c->held_ts) < 0 ? -1 : 0;
}

/*
 * The request completed: dequeue OUTPUT and CAPTURE (a held CAPTURE
 * buffer it released first), reinit the request. Returns 1 for DONE, 0
 * for ERROR, 2 if the driver holds the CAPTURE buffer, -1 on failure.
 */
static int complete(struct vf_ctx *c, const char *name, unsigned char **frame, size_t *flen)
{
	struct v4l2_buffer b;
	struct v4l2_plane pl;
	int ret, done;

	c->busy = false;
	ret = dqbuf(c, c->out_type, &b, &pl, opt.timeout_ms);
	if (ret) {
		fail(name, "request %llu completed but DQBUF(OUTPUT): %s",
		     (unsigned long long)c->ts, strerror(-ret));
		return -1;
	}
	if (c->release >= 0) {
		/* a new frame's timestamp: m2m gave the held buffer back */
		if (dq_cap(c, name, &b, &pl, c->release, c->release_ts) < 0)
			return -1;
		c->release = -1;
	}
	if (c->hold) {
		/* m2m gives CAPTURE back before OUTPUT: if it is not there, it is held */
		c->hold = false;
		ret = dqbuf(c, c->cap_type, &b, &pl, 0);
		if (ret == -EAGAIN) {
			c->held = c->cap_queued;
			c->held_ts = c->ts;
			c->cap_queued = -1;
			st_held++;
			done = 2;
			goto reinit;
		}
		if (ret) {
			fail(name, "request %llu: DQBUF(CAPTURE): %s", (unsigned long long)c->ts,
			     strerror(-ret));
			return -1;
		}
		done = check_cap(c, name, &b, c->cap_queued, c->ts);
	} else {
		done = dq_cap(c, name, &b, &pl, c->cap_queued, c->ts);
	}
	if (done < 0)
		return -1;
	c->cap_queued = -1;
	if (frame) {
		*frame = c->cap[b.index].mem;
		*flen = buf_bytesused(&b);
	}
	if (done && c->ref_missing)
		st_missing_ref_done++;
reinit:
	ret = req_reinit(c);
	if (ret) {
		fail(name, "MEDIA_REQUEST_IOC_REINIT: %s", strerror(-ret));
		return -1;
	}
	return done;
}

static int wait_req(struct vf_ctx *c, const char *name)
{
	struct pollfd pfd = { .fd = c->req_fd, .events = POLLPRI };
	int r;

	r = poll(&pfd, 1, opt.timeout_ms);
	if (r == 1 && (pfd.revents & POLLPRI))
		return 0;
	st_hung++;
	fail(name, "hang: request %llu did not complete within %u ms (poll %d, revents %#x)",
	     (unsigned long long)c->ts, opt.timeout_ms, r, r > 0 ? pfd.revents : 0);
	return -1;
}

/* Prepare and queue one fuzz request on @c. 0, 1 if refused, -1 on failure. */
static int fuzz_submit(struct vf_ctx *c, const char *name)
{
	struct vf_params p;
	const struct vf_seg *seg = NULL;
	const char *step;
	bool needs_ref, second = false;
	unsigned int mask;
	size_t len;
	int ret;

	c->ts = c->next_ts;
	c->next_ts += 1000;
	if (c->held >= 0) {
		switch (rnd_below(3)) {
		case 0:	/* the second field, into the held buffer */
			second = true;
			c->ts = c->held_ts;
			c->cap_queued = c->held;
			break;
		case 1:	/* a new frame: the held buffer comes back first */
			c->release = c->held;
			c->release_ts = c->held_ts;
			break;
		default:
			if (flush(c, name))
				return -1;
			break;
		}
		c->held = -1;
	}
	random_params(c, &p, c->cap_queued >= 0 ? c->cap_queued : (int)c->cap_next,
		      &needs_ref);
	if (n_segs && c->codec == opt.codec) {
		seg = &segs[rnd_below(n_segs)];
		if (seg->parsed && c->codec == VF_VP8) {
			/* the frame tag's values, the rest random */
			const struct v4l2_ctrl_vp8_frame *v = &seg->p.vp8;

			if (rnd_below(4)) {
				__u32 bits;

				p.vp8.flags = (p.vp8.flags & ~(__u64)0x05) | v->flags;
				p.vp8.version = v->version & 3;
				if (v->first_part_size)
					p.vp8.first_part_size = v->first_part_size;
				bits = 8 * p.vp8.first_part_size;
				if (p.vp8.first_part_header_bits > bits)
					p.vp8.first_part_header_bits = rnd_below(bits);
				if (v->flags & V4L2_VP8_FRAME_FLAG_KEY_FRAME)
					needs_ref = false;
			}
		} else if (seg->parsed && rnd_below(2)) {
			/* the stream's own controls, with our size and refs */
			__u64 f = p.pic.forward_ref_ts, bw = p.pic.backward_ref_ts;
			__u64 fr = p.fwht.backward_ref_ts;

			p = seg->p;
			p.pic.forward_ref_ts = f;
			p.pic.backward_ref_ts = bw;
			p.fwht.backward_ref_ts = fr;
			p.seq.horizontal_size = c->width;
			p.seq.vertical_size = c->height;
			p.fwht.width = c->width;
			p.fwht.height = c->height;
			needs_ref = false;
		}
	}
	if (c->codec == VF_MPEG2 && (second || (c->can_hold && !rnd_below(8)))) {
		/* a field picture, the first of its frame holding its buffer */
		p.pic.picture_structure = 1 + rnd_below(2);
		c->hold = !second || !rnd_below(4);
		if (second && p.pic.picture_coding_type != V4L2_MPEG2_PIC_CODING_TYPE_I &&
		    rnd_below(2))
			p.pic.forward_ref_ts = c->ts;	/* the first field */
		if (second)
			needs_ref = false;
	}
	len = make_payload(c, c->out[0].mem, seg);
	if (!seg || rnd_below(4))
		len = mutate(c->out[0].mem, len, c->sizeimage);
	c->ref_missing = needs_ref;
	mask = all_ctrls(c);
	if (c->codec == VF_MPEG2 && !rnd_below(4))
		/* the sequence and matrices of an earlier request hold */
		mask &= ~(rnd_below(2) ? VF_C_SEQ : VF_C_QUANT);
	ret = submit(c, &p, mask, len, &step);
	if (!ret)
		return 0;
	c->hold = false;
	if (second) {
		/* still held; a release stays pending for the next request */
		c->held = c->cap_queued;
		c->cap_queued = -1;
	}
	if (ret == -EINVAL || ret == -ENOENT) {
		/* refused: a valid request never should be, but it is clean */
		st_refused++;
		info("%s: request %llu refused by %s: %s\n", name,
		     (unsigned long long)c->ts, step, strerror(-ret));
		ret = req_reinit(c);
		if (!ret)
			return 1;
		step = "MEDIA_REQUEST_IOC_REINIT";
	}
	fail(name, "%s: %s", step, strerror(-ret));
	return -1;
}

static void summary(const struct timespec *t0)
{
	double s = elapsed(t0);

	printf("vdec-fuzz: %lu requests, %lu done, %lu error, %lu hung", st_requests,
	       st_done, st_error, st_hung);
	if (st_refused)
		printf(", %lu refused", st_refused);
	if (st_held)
		printf(", %lu held, %lu flushed", st_held, st_flush);
	if (st_abandoned)
		printf(", %lu abandoned", st_abandoned);
	printf(" (%.1f s, %.1f requests/s)\n", s, s > 0 ? st_requests / s : 0.0);
	fflush(stdout);
}

static bool check_fuzz_counts(const char *name)
{
	if (opt.strict && st_missing_ref_done) {
		fail(name, "%lu requests %s ended DONE, not ERROR", st_missing_ref_done,
		     "with a reference matching no CAPTURE buffer");
		return false;
	}
	if (st_requests && st_refused > st_requests) {
		fail(name, "%lu of %lu valid requests were refused", st_refused,
		     st_requests + st_refused);
		return false;
	}
	return true;
}

/* ---- modes ---- */

static int mode_fuzz(void)
{
	char name[64];
	struct timespec t0;
	struct vf_ctx c;
	unsigned long i;
	unsigned int f0 = failures;

	snprintf(name, sizeof(name), "%s-fuzz", codec_name());
	if (ctx_open(&c, 0, opt.codec, opt.width, opt.height, name))
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < opt.n; i++) {
		int r = fuzz_submit(&c, name);

		if (r < 0)
			break;
		if (r > 0)
			continue;
		if (wait_req(&c, name) || complete(&c, name, NULL, NULL) < 0)
			break;
		if (opt.verbose && (i + 1) % 100 == 0)
			summary(&t0);
	}
	summary(&t0);
	if (check_fuzz_counts(name) && failures == f0)
		pass(name);
	ctx_close(&c);
	return 0;
}

static int mode_contexts(void)
{
	struct vf_ctx c[VF_MAX_CTX];
	enum vf_codec codec[VF_MAX_CTX];
	__u32 w[VF_MAX_CTX], h[VF_MAX_CTX];
	char name[64];
	struct timespec t0;
	unsigned int k, open = 0, f0 = failures;
	unsigned long per = opt.n / opt.contexts;

	snprintf(name, sizeof(name), "%s-contexts%s", codec_name(), opt.churn ? "-churn" : "");
	for (k = 0; k < opt.contexts; k++) {
		/* each its own size: the coded size plus 0 or 16 each way */
		w[k] = opt.width + 16 * (k & 1);
		h[k] = opt.height + 16 * (k >> 1 & 1);
		codec[k] = opt.mixed ? (k & 1 ? VF_MPEG2 : VF_FWHT) : opt.codec;
		if (ctx_open(&c[k], k, codec[k], w[k], h[k], name))
			break;
		c[k].remaining = per + (k < opt.n % opt.contexts);
		open++;
	}
	if (open < opt.contexts) {
		while (open)
			ctx_close(&c[--open]);
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		struct pollfd pfd[VF_MAX_CTX];
		unsigned int busy = 0;
		int r;

		for (k = 0; k < opt.contexts; k++) {
			while (!c[k].busy && c[k].remaining) {
				c[k].remaining--;
				r = fuzz_submit(&c[k], name);
				if (r < 0)
					goto out;
				if (!c[k].busy || !opt.churn || rnd_below(16))
					continue;
				/* gone while its request runs; a new one instead */
				r = c[k].remaining;
				ctx_close_order(&c[k], rnd_below(2));
				st_abandoned++;
				if (ctx_open(&c[k], k, codec[k], w[k], h[k], name))
					goto out;
				c[k].remaining = r;
			}
			pfd[k].fd = c[k].busy ? c[k].req_fd : -1;
			pfd[k].events = POLLPRI;
			pfd[k].revents = 0;
			busy += c[k].busy;
		}
		if (!busy)
			break;
		r = poll(pfd, opt.contexts, 100);
		if (r < 0) {
			fail(name, "poll: %s", strerror(errno));
			goto out;
		}
		for (k = 0; k < opt.contexts; k++) {
			if (!c[k].busy)
				continue;
			if (pfd[k].revents & POLLPRI) {
				if (complete(&c[k], name, NULL, NULL) < 0)
					goto out;
			} else if (elapsed(&c[k].start) * 1000 > opt.timeout_ms) {
				st_hung++;
				fail(name, "hang: context %u: request %llu %s %u ms", k,
				     (unsigned long long)c[k].ts, "did not complete within",
				     opt.timeout_ms);
				goto out;
			}
		}
	}
out:
	summary(&t0);
	if (check_fuzz_counts(name) && failures == f0)
		pass(name);
	for (k = 0; k < opt.contexts; k++)
		ctx_close(&c[k]);
	return 0;
}

/* A valid intra request that must complete (DONE or ERROR): recovery. */
static int recovers(struct vf_ctx *c, const char *name)
{
	struct vf_params p;
	const char *step;
	bool needs_ref;
	size_t len, i;
	int ret;

	c->ts = c->next_ts;
	c->next_ts += 1000;
	random_params(c, &p, c->cap_queued, &needs_ref);
	p.pic.picture_coding_type = V4L2_MPEG2_PIC_CODING_TYPE_I;
	memset(p.pic.f_code, 15, sizeof(p.pic.f_code));
	p.pic.picture_structure = V4L2_MPEG2_PIC_FRAME;
	p.fwht.flags |= V4L2_FWHT_FL_I_FRAME;
	len = c->sizeimage < 256 ? c->sizeimage : 256;
	for (i = 0; i < len; i++)
		((unsigned char *)c->out[0].mem)[i] = rnd();
	c->ref_missing = false;
	ret = submit(c, &p, all_ctrls(c), len, &step);
	if (ret) {
		fail(name, "afterwards a valid request fails: %s: %s", step, strerror(-ret));
		return -1;
	}
	if (wait_req(c, name))
		return -1;
	return complete(c, name, NULL, NULL) < 0 ? -1 : 0;
}

/* Did a request run? A CAPTURE buffer came back. */
static bool ran(struct vf_ctx *c)
{
	struct v4l2_buffer b;
	struct v4l2_plane pl;

	if (dqbuf(c, c->cap_type, &b, &pl, 200))
		return false;
	c->cap_queued = -1;
	return true;
}

/* Refused cleanly: no buffer left in the request, nothing ran. */
static bool refused_cleanly(struct vf_ctx *c, const char *name, const char *step, int ret,
			    bool enoent_ok)
{
	int r;

	if (!ret) {
		fail(name, "the request was queued");
		return false;
	}
	if (ret != -EINVAL && !(enoent_ok && ret == -ENOENT)) {
		fail(name, "%s: %s, want EINVAL%s", step, strerror(-ret),
		     enoent_ok ? " or ENOENT" : "");
		return false;
	}
	r = req_reinit(c);
	if (r) {
		fail(name, "MEDIA_REQUEST_IOC_REINIT after the refusal: %s", strerror(-r));
		return false;
	}
	if (ran(c)) {
		fail(name, "refused by %s, but a CAPTURE buffer came back", step);
		return false;
	}
	return true;
}

enum vf_bad_kind {
	VF_BAD_CHROMA_422, VF_BAD_CHROMA_444, VF_BAD_TYPE_0, VF_BAD_TYPE_D,
	VF_BAD_STRUCTURE_0, VF_BAD_FCODE_0, VF_BAD_SEQ_WIDTH, VF_BAD_SEQ_HEIGHT,
	VF_BAD_RGB, VF_BAD_HSV, VF_BAD_COMP_1, VF_BAD_COMP_4, VF_BAD_444,
	VF_BAD_422, VF_BAD_VERSION_2, VF_BAD_VERSION_4, VF_BAD_WIDTH, VF_BAD_HEIGHT,
};

struct vf_bad {
	const char *name;
	enum vf_codec codec;
	enum vf_bad_kind kind;
};

static const struct vf_bad bad_ctrls[] = {
	{ "chroma-format-2", VF_MPEG2, VF_BAD_CHROMA_422 },
	{ "chroma-format-3", VF_MPEG2, VF_BAD_CHROMA_444 },
	{ "coding-type-0", VF_MPEG2, VF_BAD_TYPE_0 },
	{ "coding-type-4", VF_MPEG2, VF_BAD_TYPE_D },
	{ "structure-0", VF_MPEG2, VF_BAD_STRUCTURE_0 },
	{ "f-code-0", VF_MPEG2, VF_BAD_FCODE_0 },
	{ "width-mismatch", VF_MPEG2, VF_BAD_SEQ_WIDTH },
	{ "height-mismatch", VF_MPEG2, VF_BAD_SEQ_HEIGHT },
	{ "pixenc-rgb", VF_FWHT, VF_BAD_RGB },
	{ "pixenc-hsv", VF_FWHT, VF_BAD_HSV },
	{ "components-1", VF_FWHT, VF_BAD_COMP_1 },
	{ "components-4", VF_FWHT, VF_BAD_COMP_4 },
	{ "chroma-444", VF_FWHT, VF_BAD_444 },
	{ "chroma-422", VF_FWHT, VF_BAD_422 },
	{ "version-2", VF_FWHT, VF_BAD_VERSION_2 },
	{ "version-4", VF_FWHT, VF_BAD_VERSION_4 },
	{ "width-mismatch", VF_FWHT, VF_BAD_WIDTH },
	{ "height-mismatch", VF_FWHT, VF_BAD_HEIGHT },
};

static void make_bad(struct vf_ctx *c, struct vf_params *p, enum vf_bad_kind kind)
{
	__u32 *fl = &p->fwht.flags;

	switch (kind) {
	case VF_BAD_CHROMA_422:
		p->seq.chroma_format = 2;
		break;
	case VF_BAD_CHROMA_444:
		p->seq.chroma_format = 3;
		break;
	case VF_BAD_TYPE_0:
		p->pic.picture_coding_type = 0;
		break;
	case VF_BAD_TYPE_D:
		p->pic.picture_coding_type = V4L2_MPEG2_PIC_CODING_TYPE_D;
		break;
	case VF_BAD_STRUCTURE_0:
		p->pic.picture_structure = 0;
		break;
	case VF_BAD_FCODE_0:
		/* a P picture whose forward f_code is used, and 0 */
		p->pic.picture_coding_type = V4L2_MPEG2_PIC_CODING_TYPE_P;
		p->pic.f_code[0][0] = 0;
		p->pic.f_code[0][1] = 1;
		break;
	case VF_BAD_SEQ_WIDTH:
		p->seq.horizontal_size = c->width + 16;
		break;
	case VF_BAD_SEQ_HEIGHT:
		p->seq.vertical_size = c->height + 16;
		break;
	case VF_BAD_RGB:
		*fl = (*fl & ~VF_FWHT_PIXENC_MSK) | V4L2_FWHT_FL_PIXENC_RGB;
		break;
	case VF_BAD_HSV:
		*fl = (*fl & ~VF_FWHT_PIXENC_MSK) | V4L2_FWHT_FL_PIXENC_HSV;
		break;
	case VF_BAD_COMP_1:
		*fl &= ~VF_FWHT_COMP_MSK;
		break;
	case VF_BAD_COMP_4:
		*fl = (*fl & ~VF_FWHT_COMP_MSK) |
		      3 << V4L2_FWHT_FL_COMPONENTS_NUM_OFFSET;
		break;
	case VF_BAD_444:
		*fl |= V4L2_FWHT_FL_CHROMA_FULL_WIDTH | V4L2_FWHT_FL_CHROMA_FULL_HEIGHT;
		break;
	case VF_BAD_422:
		*fl |= V4L2_FWHT_FL_CHROMA_FULL_HEIGHT;
		break;
	case VF_BAD_VERSION_2:
		p->fwht.version = 2;
		break;
	case VF_BAD_VERSION_4:
		p->fwht.version = V4L2_FWHT_VERSION + 1;
		break;
	case VF_BAD_WIDTH:
		p->fwht.width = c->width + 16;
		break;
	case VF_BAD_HEIGHT:
		p->fwht.height = c->height + 16;
		break;
	}
}

/* One invalid-controls case: refused by S_EXT_CTRLS or at QUEUE, then recovery. */
static void invalid_ctrl(struct vf_ctx *c, const struct vf_bad *bad)
{
	struct vf_params p;
	const char *step;
	char name[64];
	bool needs_ref;
	unsigned int f0 = failures;
	int ret;

	snprintf(name, sizeof(name), "%s-invalid-%s", codec_name(), bad->name);
	c->ts = c->next_ts;
	c->next_ts += 1000;
	random_params(c, &p, c->cap_next, &needs_ref);
	make_bad(c, &p, bad->kind);
	ret = submit(c, &p, all_ctrls(c), 1 + rnd_below(c->sizeimage), &step);
	if (!ret) {
		int r = wait_req(c, name) ? -1 : complete(c, name, NULL, NULL);

		if (r >= 0)
			fail(name, "the request was queued and ran (CAPTURE %s)",
			     r ? "DONE" : "ERROR");
		return;
	}
	if (!refused_cleanly(c, name, step, ret, strcmp(step, "VIDIOC_S_EXT_CTRLS")))
		return;
	info("%s: refused by %s: %s\n", name, step, strerror(-ret));
	if (!recovers(c, name) && failures == f0)
		pass(name);
}

static void invalid_no_ctrls(struct vf_ctx *c)
{
	const char *step;
	char name[64];
	unsigned int f0 = failures;
	int ret;

	snprintf(name, sizeof(name), "%s-invalid-no-controls", codec_name());
	c->ts = c->next_ts;
	c->next_ts += 1000;
	ret = submit(c, NULL, 0, 1 + rnd_below(c->sizeimage), &step);
	if (!ret) {
		int r = wait_req(c, name) ? -1 : complete(c, name, NULL, NULL);

		if (r >= 0)
			fail(name, "the request was queued and ran (CAPTURE %s)",
			     r ? "DONE" : "ERROR");
		return;
	}
	if (refused_cleanly(c, name, step, ret, true) && !recovers(c, name) && failures == f0)
		pass(name);
}

static void invalid_two_outputs(struct vf_ctx *c)
{
	struct vf_params p;
	char name[64];
	const char *step = "VIDIOC_S_EXT_CTRLS";
	bool needs_ref;
	unsigned int f0 = failures;
	int ret;

	snprintf(name, sizeof(name), "%s-invalid-two-outputs", codec_name());
	c->ts = c->next_ts;
	c->next_ts += 1000;
	random_params(c, &p, c->cap_next, &needs_ref);
	ret = set_ctrls(c, &p, all_ctrls(c));
	if (!ret) {
		step = "VIDIOC_QBUF(CAPTURE)";
		ret = qbuf_cap(c);
	}
	if (!ret) {
		step = "VIDIOC_QBUF(OUTPUT)";
		ret = qbuf_out(c, 0, 1 + rnd_below(c->sizeimage), c->ts, c->req_fd, 0);
	}
	if (ret) {
		fail(name, "%s: %s", step, strerror(-ret));
		req_reinit(c);
		return;
	}
	/* the second buffer may be refused at QBUF already */
	ret = qbuf_out(c, 1, 1 + rnd_below(c->sizeimage), c->ts + 1000, c->req_fd, 0);
	c->next_ts += 1000;
	if (ret) {
		step = "VIDIOC_QBUF(second OUTPUT)";
		if (ret == -EINVAL || ret == -EBUSY)
			ret = -EINVAL;
	} else {
		step = "MEDIA_REQUEST_IOC_QUEUE";
		ret = req_queue(c);
		if (!ret) {
			c->busy = true;
			st_requests++;
			if (!wait_req(c, name)) {
				complete(c, name, NULL, NULL);
				/* the second OUTPUT buffer */
				ran(c);
			}
			fail(name, "the request was queued");
			return;
		}
	}
	if (refused_cleanly(c, name, step, ret, false) && !recovers(c, name) && failures == f0)
		pass(name);
}

static void invalid_no_output(struct vf_ctx *c)
{
	struct vf_params p;
	char name[64];
	bool needs_ref;
	unsigned int f0 = failures;
	int ret;

	snprintf(name, sizeof(name), "%s-invalid-no-output", codec_name());
	random_params(c, &p, c->cap_next, &needs_ref);
	ret = set_ctrls(c, &p, all_ctrls(c));
	if (!ret)
		ret = qbuf_cap(c);
	if (ret) {
		fail(name, "setting up: %s", strerror(-ret));
		req_reinit(c);
		return;
	}
	ret = req_queue(c);
	if (!ret) {
		fail(name, "a request without an OUTPUT buffer was queued");
		req_reinit(c);
		return;
	}
	if (ret != -ENOENT) {
		fail(name, "MEDIA_REQUEST_IOC_QUEUE: %s, want ENOENT", strerror(-ret));
		req_reinit(c);
		return;
	}
	if (refused_cleanly(c, name, "MEDIA_REQUEST_IOC_QUEUE", ret, true) &&
	    !recovers(c, name) && failures == f0)
		pass(name);
}

static int mode_invalid(void)
{
	struct vf_ctx c;
	struct timespec t0;
	unsigned int i;

	if (ctx_open(&c, 0, opt.codec, opt.width, opt.height, "invalid"))
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < ARRAY_SIZE(bad_ctrls) && !st_hung; i++)
		if (bad_ctrls[i].codec == opt.codec)
			invalid_ctrl(&c, &bad_ctrls[i]);
	if (!st_hung)
		invalid_no_ctrls(&c);
	if (!st_hung)
		invalid_two_outputs(&c);
	if (!st_hung)
		invalid_no_output(&c);
	summary(&t0);
	ctx_close(&c);
	return 0;
}

/* Decode the sample as it is: every frame DONE. */
static int mode_decode(void)
{
	char name[64];
	struct timespec t0;
	struct vf_ctx c;
	unsigned int i, f0 = failures, crc = 2166136261u;
	unsigned char *copy = NULL;
	FILE *dump = NULL;

	snprintf(name, sizeof(name), "%s-decode", codec_name());
	if (!n_segs || !segs[0].parsed) {
		fail(name, "no %s frames in %s", codec_name(), opt.input ? opt.input : "(no -i)");
		return -1;
	}
	if (ctx_open(&c, 0, opt.codec, opt.width, opt.height, name))
		return -1;
	if (opt.dump) {
		dump = fopen(opt.dump, "w");
		if (!dump) {
			fail(name, "%s: %s", opt.dump, strerror(errno));
			ctx_close(&c);
			return -1;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n_segs && i < opt.n; i++) {
		struct vf_params p = segs[i].p;
		unsigned char *frame;
		const char *step;
		size_t len = segs[i].len, flen, k;
		int ret;

		if (len > c.sizeimage) {
			fail(name, "frame %u: %zu bytes, OUTPUT sizeimage %u", i, len,
			     c.sizeimage);
			break;
		}
		memcpy(c.out[0].mem, sample + segs[i].off, len);
		c.ts = c.next_ts;
		c.next_ts += 1000;
		if (c.codec == VF_FWHT) {
			p.fwht.backward_ref_ts = c.ref_new;
			c.ref_new = c.ts;
		} else if (p.pic.picture_coding_type == V4L2_MPEG2_PIC_CODING_TYPE_B) {
			p.pic.forward_ref_ts = c.ref_old;
			p.pic.backward_ref_ts = c.ref_new;
		} else {
			p.pic.forward_ref_ts = c.ref_new;
			p.pic.backward_ref_ts = c.ref_new;
			c.ref_old = c.ref_new;
			c.ref_new = c.ts;
		}
		c.ref_missing = false;
		ret = submit(&c, &p, all_ctrls(&c), len, &step);
		if (ret) {
			fail(name, "frame %u: %s: %s", i, step, strerror(-ret));
			break;
		}
		if (wait_req(&c, name))
			break;
		ret = complete(&c, name, &frame, &flen);
		if (ret < 0)
			break;
		if (!ret) {
			fail(name, "frame %u (%zu bytes) decoded with V4L2_BUF_FLAG_ERROR", i, len);
			break;
		}
		/* a copy: 9p cannot write from a V4L2 mapping (EFAULT) */
		copy = realloc(copy, flen);
		if (!copy) {
			fail(name, "out of memory");
			break;
		}
		memcpy(copy, frame, flen);
		for (k = 0; k < flen; k++)
			crc = (crc ^ copy[k]) * 16777619u;
		if (dump && fwrite(copy, 1, flen, dump) != flen) {
			fail(name, "%s: %s", opt.dump, strerror(errno));
			break;
		}
	}
	summary(&t0);
	printf("vdec-fuzz: decoded %lu of %u frames, %ux%u %.4s, fnv1a %08x\n", st_done, n_segs,
	       c.width, c.height, (char *)&c.cap_fourcc, crc);
	free(copy);
	if (dump && fclose(dump))
		fail(name, "%s: %s", opt.dump, strerror(errno));
	if (failures == f0)
		pass(name);
	ctx_close(&c);
	return 0;
}

int main(int argc, char **argv)
{
	static char vpath[32], mpath[32];
	char name[64];
	const char *mode;
	int o;

	opt.seed = (unsigned long long)time(NULL) ^ ((unsigned long long)getpid() << 32);
	while ((o = getopt(argc, argv, "c:D:d:m:n:s:i:w:f:k:t:o:Sxvh")) != -1) {
		switch (o) {
		case 'c':
			if (!strcmp(optarg, "fwht")) {
				opt.codec = VF_FWHT;
			} else if (!strcmp(optarg, "mpeg2")) {
				opt.codec = VF_MPEG2;
			} else if (!strcmp(optarg, "vp8")) {
				opt.codec = VF_VP8;
			} else if (!strcmp(optarg, "h264")) {
				opt.codec = VF_H264;
			} else if (!strcmp(optarg, "both")) {
				opt.mixed = true;
			} else {
				fprintf(stderr, "vdec-fuzz: unknown codec '%s'\n", optarg);
				return 2;
			}
			break;
		case 'D':
			opt.driver = optarg;
			break;
		case 'd':
			opt.video = optarg;
			break;
		case 'm':
			opt.media = optarg;
			break;
		case 'n':
			opt.n = strtoul(optarg, NULL, 0);
			break;
		case 's':
			opt.seed = strtoull(optarg, NULL, 0);
			break;
		case 'i':
			opt.input = optarg;
			break;
		case 'w':
			if (sscanf(optarg, "%ux%u", &opt.width, &opt.height) != 2 ||
			    !opt.width || !opt.height) {
				fprintf(stderr, "vdec-fuzz: bad size '%s'\n", optarg);
				return 2;
			}
			break;
		case 'f':
			if (!strcasecmp(optarg, "nv12")) {
				opt.cap_fourcc = V4L2_PIX_FMT_NV12;
			} else if (!strcasecmp(optarg, "nv21")) {
				opt.cap_fourcc = V4L2_PIX_FMT_NV21;
			} else {
				fprintf(stderr, "vdec-fuzz: unknown format '%s'\n", optarg);
				return 2;
			}
			break;
		case 'k':
			opt.contexts = strtoul(optarg, NULL, 0);
			if (!opt.contexts || opt.contexts > VF_MAX_CTX) {
				fprintf(stderr, "vdec-fuzz: -k takes 1 to %d\n", VF_MAX_CTX);
				return 2;
			}
			break;
		case 't':
			opt.timeout_ms = strtoul(optarg, NULL, 0);
			break;
		case 'o':
			opt.dump = optarg;
			break;
		case 'S':
			opt.strict = true;
			break;
		case 'x':
			opt.churn = true;
			break;
		case 'v':
			opt.verbose = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc - 1) {
		usage(stderr);
		return 2;
	}
	mode = argv[optind];
	if (opt.mixed && strcmp(mode, "contexts")) {
		fprintf(stderr, "vdec-fuzz: -c both is for the contexts mode\n");
		return 2;
	}
	if ((opt.codec == VF_VP8 || opt.codec == VF_H264) && strcmp(mode, "fuzz") &&
	    strcmp(mode, "contexts")) {
		fprintf(stderr, "vdec-fuzz: -c %s is for the fuzz and contexts modes\n",
			codec_name());
		return 2;
	}
	rng_state = opt.seed ? opt.seed : 1;
	printf("vdec-fuzz: %s %s, seed %llu\n", codec_name(), mode, opt.seed);
	snprintf(name, sizeof(name), "%s-%s", codec_name(), mode);

	if (opt.input && read_sample(opt.input))
		return 1;
	if (opt.input)
		load_sample();
	if (!opt.width) {
		opt.width = 64;
		opt.height = 64;
	}
	if (!opt.video) {
		if (find_video(vpath, sizeof(vpath))) {
			fail(name, "no video node of driver '%s'", opt.driver);
			return 1;
		}
		opt.video = vpath;
	}
	if (!opt.media) {
		if (find_media(mpath, sizeof(mpath))) {
			fail(name, "no media node of driver '%s'", opt.driver);
			return 1;
		}
		opt.media = mpath;
	}
	info("video %s, media %s\n", opt.video, opt.media);
	media_fd = open(opt.media, O_RDWR);
	if (media_fd < 0) {
		fail(name, "open %s: %s", opt.media, strerror(errno));
		return 1;
	}

	if (!strcmp(mode, "fuzz")) {
		mode_fuzz();
	} else if (!strcmp(mode, "invalid")) {
		mode_invalid();
	} else if (!strcmp(mode, "contexts")) {
		mode_contexts();
	} else if (!strcmp(mode, "decode")) {
		mode_decode();
	} else {
		fprintf(stderr, "vdec-fuzz: unknown mode '%s'\n", mode);
		usage(stderr);
		return 2;
	}
	close(media_fd);
	return failures ? 1 : 0;
}
