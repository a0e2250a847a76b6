// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the vsoc-vdec driver without a block: the control
 * checks, the sizes, and the words each codec writes, read back from a
 * regmap whose registers are an array.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/regmap.h>

#include "vsoc-vdec.h"

/* --- controls --- */

static struct v4l2_ctrl_fwht_params vsoc_vdec_test_fwht(void)
{
	/* What vicodec writes for a YUV 4:2:0 stream: three components. */
	return (struct v4l2_ctrl_fwht_params) {
		.version = V4L2_FWHT_VERSION,
		.width = 640,
		.height = 480,
		.flags = V4L2_FWHT_FL_PIXENC_YUV | V4L2_FWHT_FL_I_FRAME |
			 FIELD_PREP(V4L2_FWHT_FL_COMPONENTS_NUM_MSK, 2),
	};
}

static void vsoc_vdec_fwht_yuv420_accepted(struct kunit *test)
{
	struct v4l2_ctrl_fwht_params p = vsoc_vdec_test_fwht();

	KUNIT_EXPECT_EQ(test, vsoc_vdec_try_fwht_params(&p), 0);
	p.flags &= ~V4L2_FWHT_FL_I_FRAME;
	p.flags |= V4L2_FWHT_FL_IS_INTERLACED | V4L2_FWHT_FL_LUMA_IS_UNCOMPRESSED;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_try_fwht_params(&p), 0);
}

static void vsoc_vdec_fwht_unsupported_refused(struct kunit *test)
{
	const u32 bad[] = {
		/* RGB */
		FIELD_PREP(V4L2_FWHT_FL_PIXENC_MSK, 2) |
			FIELD_PREP(V4L2_FWHT_FL_COMPONENTS_NUM_MSK, 2),
		/* HSV */
		FIELD_PREP(V4L2_FWHT_FL_PIXENC_MSK, 3) |
			FIELD_PREP(V4L2_FWHT_FL_COMPONENTS_NUM_MSK, 2),
		/* grey: one component */
		V4L2_FWHT_FL_PIXENC_YUV,
		/* four components: alpha */
		V4L2_FWHT_FL_PIXENC_YUV |
			FIELD_PREP(V4L2_FWHT_FL_COMPONENTS_NUM_MSK, 3),
		V4L2_FWHT_FL_PIXENC_YUV | V4L2_FWHT_FL_ALPHA_IS_UNCOMPRESSED |
			FIELD_PREP(V4L2_FWHT_FL_COMPONENTS_NUM_MSK, 2),
		/* 4:2:2 and 4:4:4 */
		V4L2_FWHT_FL_PIXENC_YUV | V4L2_FWHT_FL_CHROMA_FULL_HEIGHT |
			FIELD_PREP(V4L2_FWHT_FL_COMPONENTS_NUM_MSK, 2),
		V4L2_FWHT_FL_PIXENC_YUV | V4L2_FWHT_FL_CHROMA_FULL_WIDTH |
			V4L2_FWHT_FL_CHROMA_FULL_HEIGHT |
			FIELD_PREP(V4L2_FWHT_FL_COMPONENTS_NUM_MSK, 2),
	};
	struct v4l2_ctrl_fwht_params p = vsoc_vdec_test_fwht();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		p.flags = bad[i];
		KUNIT_EXPECT_EQ_MSG(test, vsoc_vdec_try_fwht_params(&p), -EINVAL,
				    "flags %#x", bad[i]);
	}
}

static void vsoc_vdec_mpeg2_420_only(struct kunit *test)
{
	struct v4l2_ctrl_mpeg2_sequence seq = {
		.horizontal_size = 720,
		.vertical_size = 576,
		.chroma_format = 1,
	};

	KUNIT_EXPECT_EQ(test, vsoc_vdec_try_mpeg2_sequence(&seq), 0);
	seq.chroma_format = 2;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_try_mpeg2_sequence(&seq), -EINVAL);
	seq.chroma_format = 3;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_try_mpeg2_sequence(&seq), -EINVAL);
}

static void vsoc_vdec_sizes(struct kunit *test)
{
	struct v4l2_pix_format pix = { .width = 720, .height = 574 };

	/* Steps of 2 from the minimum, clamped. */
	KUNIT_EXPECT_EQ(test, vsoc_vdec_bound_dim(721, 16, 1920), 722U);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_bound_dim(1, 16, 1920), 16U);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_bound_dim(5000, 16, 1920), 1920U);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_bound_dim(20, 17, 1921), 21U);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_bound_dim(1921, 16, 1921), 1920U);

	vsoc_vdec_fill_dst_size(&pix);
	KUNIT_EXPECT_EQ(test, pix.bytesperline, 768U);
	KUNIT_EXPECT_EQ(test, pix.sizeimage, 768U * 576 * 3 / 2);
}

/*
 * A 320x240 key frame in @f. The control is 1.3 KiB (its probabilities):
 * the tests keep it off the stack (KASAN's redzones would push their
 * frames over the limit).
 */
static void vsoc_vdec_test_vp8(struct v4l2_ctrl_vp8_frame *f)
{
	*f = (struct v4l2_ctrl_vp8_frame) {
		.width = 320,
		.height = 240,
		.version = 0,
		.num_dct_parts = 1,
		.first_part_size = 1000,
		.first_part_header_bits = 600,
		.coder_state = { .range = 200, .value = 17, .bit_count = 3 },
		.flags = V4L2_VP8_FRAME_FLAG_KEY_FRAME,
	};
}

static void vsoc_vdec_vp8_frame_checks(struct kunit *test)
{
	static const struct vsoc_vdec_hw_caps caps = {
		.min_width = 16, .min_height = 16,
		.max_width = 4096, .max_height = 4096,
		.max_bs_size = SZ_8M,
	};
	const struct v4l2_pix_format fmt = { .width = 320, .height = 240 };
	struct v4l2_ctrl_vp8_frame *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, f);
	vsoc_vdec_test_vp8(f);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_vp8_check_frame(f, &caps, &fmt), 0);
	/* Smaller than the format is fine (the buffers are large enough). */
	f->width = 97;
	f->height = 61;
	f->version = 3;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_vp8_check_frame(f, &caps, &fmt), 0);

	vsoc_vdec_test_vp8(f);
	f->width = 321;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_vp8_check_frame(f, &caps, &fmt), -EINVAL);
	vsoc_vdec_test_vp8(f);
	f->height = 8;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_vp8_check_frame(f, &caps, &fmt), -EINVAL);
	vsoc_vdec_test_vp8(f);
	f->version = 4;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_vp8_check_frame(f, &caps, &fmt), -EINVAL);
	vsoc_vdec_test_vp8(f);
	f->first_part_size = 0;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_vp8_check_frame(f, &caps, &fmt), -EINVAL);
	vsoc_vdec_test_vp8(f);
	f->first_part_size = SZ_8M + 1;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_vp8_check_frame(f, &caps, &fmt), -EINVAL);
	vsoc_vdec_test_vp8(f);
	f->first_part_header_bits = 8001;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_vp8_check_frame(f, &caps, &fmt), -EINVAL);
}

#if IS_ENABLED(CONFIG_V4L2_H264)
static const struct vsoc_vdec_hw_caps vsoc_vdec_test_caps = {
	.min_width = 16, .min_height = 16,
	.max_width = 4096, .max_height = 4096,
	.max_bs_size = SZ_8M,
};

/* A 1280x720 High profile SPS (45 MB rows). */
static struct v4l2_ctrl_h264_sps vsoc_vdec_test_sps(void)
{
	return (struct v4l2_ctrl_h264_sps) {
		.profile_idc = 100,
		.chroma_format_idc = 1,
		.log2_max_frame_num_minus4 = 0,
		.max_num_ref_frames = 4,
		.pic_width_in_mbs_minus1 = 79,
		.pic_height_in_map_units_minus1 = 44,
		.flags = V4L2_H264_SPS_FLAG_FRAME_MBS_ONLY |
			 V4L2_H264_SPS_FLAG_DIRECT_8X8_INFERENCE,
	};
}

static void vsoc_vdec_h264_sps_checks(struct kunit *test)
{
	const struct v4l2_pix_format fmt = { .width = 1280, .height = 720 };
	const struct v4l2_pix_format cropped = { .width = 1270, .height = 705 };
	struct v4l2_ctrl_h264_sps sps = vsoc_vdec_test_sps();
	static const u8 ok_profiles[] = { 66, 77, 100 };
	static const u8 bad_profiles[] = { 0, 44, 88, 110, 122, 244 };
	unsigned int i;

	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_check_sps(&sps, &vsoc_vdec_test_caps, &fmt), 0);
	/* A format cropped inside the last macroblocks still fits. */
	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_check_sps(&sps, &vsoc_vdec_test_caps, &cropped), 0);
	for (i = 0; i < ARRAY_SIZE(ok_profiles); i++) {
		sps.profile_idc = ok_profiles[i];
		KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_check_sps(&sps, &vsoc_vdec_test_caps,
							       &fmt), 0);
	}
	for (i = 0; i < ARRAY_SIZE(bad_profiles); i++) {
		sps.profile_idc = bad_profiles[i];
		KUNIT_EXPECT_EQ_MSG(test, vsoc_vdec_h264_check_sps(&sps, &vsoc_vdec_test_caps,
								   &fmt), -EINVAL,
				    "profile %u", bad_profiles[i]);
	}

	/* Interlaced, 4:2:2, 10 bits, lossless, too large: refused. */
	sps = vsoc_vdec_test_sps();
	sps.flags &= ~V4L2_H264_SPS_FLAG_FRAME_MBS_ONLY;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_check_sps(&sps, &vsoc_vdec_test_caps, &fmt), -EINVAL);
	sps = vsoc_vdec_test_sps();
	sps.chroma_format_idc = 2;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_check_sps(&sps, &vsoc_vdec_test_caps, &fmt), -EINVAL);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_try_sps(&sps), -EINVAL);
	sps = vsoc_vdec_test_sps();
	sps.bit_depth_luma_minus8 = 2;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_check_sps(&sps, &vsoc_vdec_test_caps, &fmt), -EINVAL);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_try_sps(&sps), -EINVAL);
	sps = vsoc_vdec_test_sps();
	sps.flags |= V4L2_H264_SPS_FLAG_QPPRIME_Y_ZERO_TRANSFORM_BYPASS;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_check_sps(&sps, &vsoc_vdec_test_caps, &fmt), -EINVAL);
	sps = vsoc_vdec_test_sps();
	sps.pic_height_in_map_units_minus1 = 45;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_check_sps(&sps, &vsoc_vdec_test_caps, &fmt), -EINVAL);
	/* The control's default (all zero) stays settable. */
	memset(&sps, 0, sizeof(sps));
	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_try_sps(&sps), 0);
}

static void vsoc_vdec_h264_pps_checks(struct kunit *test)
{
	struct v4l2_ctrl_h264_pps pps = { .weighted_bipred_idc = 2 };

	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_check_pps(&pps), 0);
	pps.num_slice_groups_minus1 = 1;	/* FMO */
	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_check_pps(&pps), -EINVAL);
	pps.num_slice_groups_minus1 = 0;
	pps.weighted_bipred_idc = 3;
	KUNIT_EXPECT_EQ(test, vsoc_vdec_h264_check_pps(&pps), -EINVAL);
}
#endif

static struct kunit_case vsoc_vdec_ctrl_cases[] = {
#if IS_ENABLED(CONFIG_V4L2_H264)
	KUNIT_CASE(vsoc_vdec_h264_sps_checks),
	KUNIT_CASE(vsoc_vdec_h264_pps_checks),
#endif
	KUNIT_CASE(vsoc_vdec_vp8_frame_checks),
	KUNIT_CASE(vsoc_vdec_fwht_yuv420_accepted),
	KUNIT_CASE(vsoc_vdec_fwht_unsupported_refused),
	KUNIT_CASE(vsoc_vdec_mpeg2_420_only),
	KUNIT_CASE(vsoc_vdec_sizes),
	{ }
};

static struct kunit_suite vsoc_vdec_ctrl_suite = {
	.name = "vsoc-vdec-ctrls",
	.test_cases = vsoc_vdec_ctrl_cases,
};

/* --- register programming --- */

#define VSOC_VDEC_TEST_NREGS	(VSOC_VDEC_REG_SIZE / 4)

/**
 * struct vsoc_vdec_test_regs - a register file that remembers writes
 * @val: register values by offset / 4
 * @written: the register was written
 * @map: regmap over @val
 */
struct vsoc_vdec_test_regs {
	u32 val[VSOC_VDEC_TEST_NREGS];
	bool written[VSOC_VDEC_TEST_NREGS];
	struct regmap *map;
};

static int vsoc_vdec_test_read(void *ctx, unsigned int reg, unsigned int *val)
{
	struct vsoc_vdec_test_regs *r = ctx;

	*val = r->val[reg / 4];
	return 0;
}

static int vsoc_vdec_test_write(void *ctx, unsigned int reg, unsigned int val)
{
	struct vsoc_vdec_test_regs *r = ctx;

	r->val[reg / 4] = val;
	r->written[reg / 4] = true;
	return 0;
}

static const struct regmap_config vsoc_vdec_test_regmap_config = {
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = VSOC_VDEC_REG_SIZE - 4,
	.reg_read = vsoc_vdec_test_read,
	.reg_write = vsoc_vdec_test_write,
};

static int vsoc_vdec_regs_init(struct kunit *test)
{
	struct vsoc_vdec_test_regs *r;

	r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	r->map = regmap_init(NULL, NULL, r, &vsoc_vdec_test_regmap_config);
	KUNIT_ASSERT_FALSE(test, IS_ERR(r->map));
	test->priv = r;
	return 0;
}

static void vsoc_vdec_regs_exit(struct kunit *test)
{
	struct vsoc_vdec_test_regs *r = test->priv;

	regmap_exit(r->map);
}

static u32 reg(struct kunit *test, unsigned int off)
{
	struct vsoc_vdec_test_regs *r = test->priv;

	KUNIT_EXPECT_TRUE_MSG(test, r->written[off / 4], "%#x not written", off);
	return r->val[off / 4];
}

static void vsoc_vdec_common_words(struct kunit *test)
{
	static const struct vsoc_vdec_codec codec = {
		.hw_codec = VSOC_VDEC_CODEC_MPEG2,
	};
	struct vsoc_vdec_test_regs *r = test->priv;
	struct vsoc_vdec_run run = {
		.codec = &codec,
		.width = 720,
		.height = 576,
		.out_fmt = VSOC_VDEC_FMT_NV21,
		.stride = 768,
		.out = { .luma = 0x123456000ULL, .chroma = 0x123456000ULL + 768 * 576 },
		.bs_addr = 0x80001000,
		.bs_size = 4321,
	};
	unsigned int i;

	run.refs[1] = (struct vsoc_vdec_pic_addr) { 0x40000000, 0x40100000 };
	KUNIT_ASSERT_EQ(test, vsoc_vdec_program_common(r->map, &run), 0);

	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_CODEC), (u32)VSOC_VDEC_CODEC_MPEG2);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_PIC_SIZE), 720U | 576U << 16);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_OUT_FMT), (u32)VSOC_VDEC_FMT_NV21);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_STRIDE), 768U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_OUT_LUMA_LO), 0x23456000U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_OUT_LUMA_HI), 0x1U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_OUT_CHROMA_LO),
			0x23456000U + 768 * 576);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_OUT_CHROMA_HI), 0x1U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_BS_ADDR_LO), 0x80001000U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_BS_ADDR_HI), 0U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_BS_SIZE), 4321U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_REF_LUMA_LO(1)), 0x40000000U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_REF_CHROMA_LO(1)), 0x40100000U);
	/* Unused slots are cleared, not left from an earlier job. */
	for (i = 0; i < VSOC_VDEC_NUM_REFS; i++) {
		if (i == 1)
			continue;
		KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_REF_LUMA_LO(i)), 0U);
		KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_REF_CHROMA_HI(i)), 0U);
	}
	/* Programming never starts the block. */
	KUNIT_EXPECT_FALSE(test, r->written[VSOC_VDEC_KICK / 4]);
}

static void vsoc_vdec_fwht_words(struct kunit *test)
{
	struct vsoc_vdec_test_regs *r = test->priv;
	struct v4l2_ctrl_fwht_params p = vsoc_vdec_test_fwht();
	struct vsoc_vdec_run run = { .fwht.params = &p };

	p.flags |= V4L2_FWHT_FL_IS_INTERLACED | V4L2_FWHT_FL_CB_IS_UNCOMPRESSED;
	KUNIT_ASSERT_EQ(test, vsoc_vdec_fwht_program(r->map, &run), 0);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_FWHT_VERSION), (u32)V4L2_FWHT_VERSION);
	/* Bit for bit. */
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_FWHT_FLAGS), p.flags);
	KUNIT_EXPECT_EQ(test, FIELD_GET(VSOC_VDEC_FWHT_FL_PIXENC,
					reg(test, VSOC_VDEC_FWHT_FLAGS)),
			(u32)VSOC_VDEC_FWHT_PIXENC_YUV);
}

static void vsoc_vdec_mpeg2_words(struct kunit *test)
{
	struct vsoc_vdec_test_regs *r = test->priv;
	struct v4l2_ctrl_mpeg2_sequence seq = {
		.horizontal_size = 720,
		.vertical_size = 576,
		.chroma_format = 1,
		.flags = V4L2_MPEG2_SEQ_FLAG_PROGRESSIVE,
	};
	struct v4l2_ctrl_mpeg2_picture pic = {
		.picture_coding_type = V4L2_MPEG2_PIC_CODING_TYPE_B,
		.picture_structure = V4L2_MPEG2_PIC_BOTTOM_FIELD,
		.intra_dc_precision = 2,
		.f_code = { { 1, 2 }, { 3, 15 } },
		.flags = V4L2_MPEG2_PIC_FLAG_TOP_FIELD_FIRST |
			 V4L2_MPEG2_PIC_FLAG_Q_SCALE_TYPE |
			 V4L2_MPEG2_PIC_FLAG_ALT_SCAN,
	};
	struct v4l2_ctrl_mpeg2_quantisation q;
	struct vsoc_vdec_run run = {
		.mpeg2 = { .seq = &seq, .pic = &pic, .quant = &q },
		.second_field = true,
	};
	unsigned int i;
	u32 want;

	for (i = 0; i < 64; i++) {
		q.intra_quantiser_matrix[i] = i;
		q.non_intra_quantiser_matrix[i] = 64 + i;
		q.chroma_intra_quantiser_matrix[i] = 128 + i;
		q.chroma_non_intra_quantiser_matrix[i] = 192 + i;
	}
	KUNIT_ASSERT_EQ(test, vsoc_vdec_mpeg2_program(r->map, &run), 0);

	want = VSOC_VDEC_MPEG2_SEQ_PROGRESSIVE |
	       FIELD_PREP(VSOC_VDEC_MPEG2_SEQ_CHROMA_FORMAT, 1);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_MPEG2_SEQ), want);
	want = FIELD_PREP(VSOC_VDEC_MPEG2_PIC_CODING_TYPE, 3);
	want |= FIELD_PREP(VSOC_VDEC_MPEG2_PIC_DC_PRECISION, 2);
	want |= FIELD_PREP(VSOC_VDEC_MPEG2_PIC_STRUCTURE, 2);
	want |= VSOC_VDEC_MPEG2_PIC_TOP_FIELD_FIRST |
		VSOC_VDEC_MPEG2_PIC_Q_SCALE_TYPE | VSOC_VDEC_MPEG2_PIC_ALT_SCAN |
		VSOC_VDEC_MPEG2_PIC_SECOND_FIELD;
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_MPEG2_PIC), want);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_MPEG2_FCODE), 0xf321U);

	/* Zigzag order as given; byte i at bits 8 * (i % 4). */
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_MPEG2_QM_INTRA), 0x03020100U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_MPEG2_QM_INTRA + 60), 0x3f3e3d3cU);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_MPEG2_QM_NON_INTRA), 0x43424140U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_MPEG2_QM_CHROMA_INTRA + 4),
			0x87868584U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_MPEG2_QM_CHROMA_NON_INTRA + 60),
			0xfffefdfcU);
	KUNIT_EXPECT_FALSE(test, r->written[(VSOC_VDEC_MPEG2_QM_CHROMA_NON_INTRA + 64) / 4]);
}

static void vsoc_vdec_vp8_words(struct kunit *test)
{
	struct vsoc_vdec_test_regs *r = test->priv;
	struct v4l2_ctrl_vp8_frame *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	struct vsoc_vdec_run run = {
		.vp8 = { .frame = f, .segmap = 0x234567000ULL },
	};
	unsigned int i;
	u8 *e;

	KUNIT_ASSERT_NOT_NULL(test, f);
	vsoc_vdec_test_vp8(f);
	e = (u8 *)&f->entropy;

	f->flags = V4L2_VP8_FRAME_FLAG_SHOW_FRAME |
		  V4L2_VP8_FRAME_FLAG_SIGN_BIAS_ALT;
	f->version = 2;
	f->num_dct_parts = 4;
	f->dct_part_sizes[0] = 11;
	f->dct_part_sizes[3] = 44;
	f->dct_part_sizes[4] = 55;	/* beyond num_dct_parts: not given */
	f->prob_skip_false = 1;
	f->prob_intra = 2;
	f->prob_last = 3;
	f->prob_gf = 4;
	f->quant = (struct v4l2_vp8_quantization) {
		.y_ac_qi = 127, .y_dc_delta = -15, .y2_dc_delta = 1,
		.y2_ac_delta = -1, .uv_dc_delta = 15, .uv_ac_delta = -2,
	};
	f->segment = (struct v4l2_vp8_segment) {
		.quant_update = { -100, 0, 5, 127 },
		.lf_update = { 63, -63, 1, -1 },
		.segment_probs = { 10, 20, 30 },
		.flags = V4L2_VP8_SEGMENT_FLAG_ENABLED |
			 V4L2_VP8_SEGMENT_FLAG_DELTA_VALUE_MODE,
	};
	f->lf = (struct v4l2_vp8_loop_filter) {
		.ref_frm_delta = { 1, 2, -3, -4 },
		.mb_mode_delta = { -5, 6, 7, -8 },
		.sharpness_level = 7,
		.level = 63,
		.flags = V4L2_VP8_LF_ADJ_ENABLE | V4L2_VP8_LF_FILTER_TYPE_SIMPLE,
	};
	for (i = 0; i < sizeof(f->entropy); i++)
		e[i] = i * 7;
	KUNIT_ASSERT_EQ(test, vsoc_vdec_vp8_program(r->map, &run), 0);

	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_FRAME),
			VSOC_VDEC_VP8_FL_SHOW_FRAME | VSOC_VDEC_VP8_FL_SIGN_BIAS_ALT |
			FIELD_PREP(VSOC_VDEC_VP8_FRAME_VERSION, 2) |
			FIELD_PREP(VSOC_VDEC_VP8_FRAME_DCT_PARTS, 4));
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_PROBS), 0x04030201U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_FIRST_PART_SIZE), 1000U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_HEADER_BITS), 600U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_CODER), 0x0311c8U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_QUANT), 0xff01f17fU);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_QUANT_UV), 0xfe0fU);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_SEG), 0x1e140a09U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_SEG_QUANT), 0x7f05009cU);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_SEG_LF), 0xff01c13fU);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_LF),
			63U | 7U << 8 | VSOC_VDEC_VP8_LF_ADJ_ENABLE |
			VSOC_VDEC_VP8_LF_SIMPLE);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_LF_REF_DELTA), 0xfcfd0201U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_LF_MODE_DELTA), 0xf80706fbU);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_DCT_PART_SIZE(0)), 11U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_DCT_PART_SIZE(3)), 44U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_DCT_PART_SIZE(4)), 0U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_SEGMAP_LO), 0x34567000U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_SEGMAP_HI), 0x2U);
	/* The probabilities byte for byte, in the control's layout. */
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_COEFF_PROBS), 0x150e0700U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_Y_MODE_PROBS),
			(u32)e[0x420] | e[0x421] << 8 | e[0x422] << 16 |
			(u32)e[0x423] << 24);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_VP8_COEFF_PROBS + 0x44c),
			(u32)e[0x44c] | e[0x44d] << 8 | e[0x44e] << 16 |
			(u32)e[0x44f] << 24);
	KUNIT_EXPECT_FALSE(test, r->written[(VSOC_VDEC_VP8_COEFF_PROBS +
					     VSOC_VDEC_VP8_PROBS_SIZE) / 4]);
}

#if IS_ENABLED(CONFIG_V4L2_H264)
static u8 vsoc_vdec_test_table_byte(struct kunit *test, unsigned int off)
{
	struct vsoc_vdec_test_regs *r = test->priv;

	return r->val[off / 4] >> (8 * (off % 4));
}

/* A DPB entry of a short-term frame reference. */
static void vsoc_vdec_test_dpb(struct v4l2_h264_dpb_entry *e, u16 frame_num,
			       s32 poc)
{
	e->reference_ts = 1000 * (frame_num + 1);
	e->frame_num = frame_num;
	e->pic_num = frame_num;
	e->fields = V4L2_H264_FRAME_REF;
	e->top_field_order_cnt = poc;
	e->bottom_field_order_cnt = poc;
	e->flags = V4L2_H264_DPB_ENTRY_FLAG_VALID | V4L2_H264_DPB_ENTRY_FLAG_ACTIVE;
}

/*
 * Words, DPB table and the initial lists of the kernel's builder: P by
 * descending PicNum then long-term, B by POC around the current picture.
 */
static void vsoc_vdec_h264_words(struct kunit *test)
{
	struct vsoc_vdec_test_regs *r = test->priv;
	struct v4l2_ctrl_h264_sps sps = vsoc_vdec_test_sps();
	struct v4l2_ctrl_h264_pps pps = {
		.pic_parameter_set_id = 3,
		.num_ref_idx_l0_default_active_minus1 = 2,
		.num_ref_idx_l1_default_active_minus1 = 1,
		.weighted_bipred_idc = 1,
		.pic_init_qp_minus26 = -3,
		.chroma_qp_index_offset = -2,
		.second_chroma_qp_index_offset = 4,
		.flags = V4L2_H264_PPS_FLAG_ENTROPY_CODING_MODE |
			 V4L2_H264_PPS_FLAG_TRANSFORM_8X8_MODE,
	};
	struct v4l2_ctrl_h264_scaling_matrix *sm;
	struct v4l2_ctrl_h264_decode_params *dec;
	s32 start_code = V4L2_STATELESS_H264_START_CODE_ANNEX_B;
	struct vsoc_vdec_run run = { };
	unsigned int dpb = VSOC_VDEC_H264_DPB;

	sm = kunit_kzalloc(test, sizeof(*sm), GFP_KERNEL);
	dec = kunit_kzalloc(test, sizeof(*dec), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sm);
	KUNIT_ASSERT_NOT_NULL(test, dec);
	sm->scaling_list_4x4[5][15] = 0x44;
	sm->scaling_list_8x8[5][63] = 0x88;
	/* Current: frame_num 4, POC 8; references fn 1 POC 4, fn 3 POC 12, fn 2 POC 0. */
	dec->frame_num = 4;
	dec->nal_ref_idc = 2;
	dec->top_field_order_cnt = 8;
	dec->bottom_field_order_cnt = 9;
	dec->flags = V4L2_H264_DECODE_PARAM_FLAG_BFRAME;
	vsoc_vdec_test_dpb(&dec->dpb[0], 1, 4);
	vsoc_vdec_test_dpb(&dec->dpb[1], 3, 12);
	vsoc_vdec_test_dpb(&dec->dpb[5], 2, 0);
	dec->dpb[7].flags = V4L2_H264_DPB_ENTRY_FLAG_VALID;	/* not a reference */
	run.h264.sps = &sps;
	run.h264.pps = &pps;
	run.h264.scaling = sm;
	run.h264.dec = dec;
	run.h264.start_code = &start_code;
	run.out_extra = 0x123450000ULL;
	run.ref_extra[5] = 0x67890000;
	KUNIT_ASSERT_EQ(test, vsoc_vdec_h264_program(r->map, &run), 0);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_OUT_COLOC_LO), 0x23450000U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_OUT_COLOC_HI), 0x1U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_REF_COLOC_LO(5)), 0x67890000U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_REF_COLOC_LO(4)), 0U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_REF_COLOC_HI(15)), 0U);

	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_SPS),
			100U | 1U << 8 | 4U << 20 | (u32)sps.flags << 25);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_SPS_SIZE), 79U | 44U << 16);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_PPS),
			3U | 2U << 16 | 1U << 21 | 1U << 26);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_PPS_QP), 0x04fe00fdU);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_PPS_FLAGS), 0x41U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_DEC),
			4U | 2U << 16 | VSOC_VDEC_H264_DEC_ANNEX_B);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_TOP_POC), 8U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_BOTTOM_POC), 9U);
	KUNIT_EXPECT_EQ(test, reg(test, VSOC_VDEC_H264_NUM_REFS), 3U);
	KUNIT_EXPECT_EQ(test, reg(test, dpb + VSOC_VDEC_H264_DPB_ENTRY), 3U | 0x3U << 16);
	KUNIT_EXPECT_EQ(test, reg(test, dpb + VSOC_VDEC_H264_DPB_ENTRY + 4), 12U);
	KUNIT_EXPECT_EQ(test, reg(test, dpb + 7 * VSOC_VDEC_H264_DPB_ENTRY), 0x1U << 16);
	/* P: PicNum 3, 2, 1 = entries 1, 5, 0. */
	KUNIT_EXPECT_EQ(test, vsoc_vdec_test_table_byte(test, VSOC_VDEC_H264_LIST_P), 1);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_test_table_byte(test, VSOC_VDEC_H264_LIST_P + 1), 5);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_test_table_byte(test, VSOC_VDEC_H264_LIST_P + 2), 0);
	/* B list 0: POC below 8 descending (4, 0), then above (12). */
	KUNIT_EXPECT_EQ(test, vsoc_vdec_test_table_byte(test, VSOC_VDEC_H264_LIST_B0), 0);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_test_table_byte(test, VSOC_VDEC_H264_LIST_B0 + 1), 5);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_test_table_byte(test, VSOC_VDEC_H264_LIST_B0 + 2), 1);
	/* B list 1: above first (12), then below descending (4, 0). */
	KUNIT_EXPECT_EQ(test, vsoc_vdec_test_table_byte(test, VSOC_VDEC_H264_LIST_B1), 1);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_test_table_byte(test, VSOC_VDEC_H264_LIST_B1 + 1), 0);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_test_table_byte(test, VSOC_VDEC_H264_LIST_B1 + 2), 5);
	/* Scaling lists, raster order as the control carries them. */
	KUNIT_EXPECT_EQ(test, vsoc_vdec_test_table_byte(test, VSOC_VDEC_H264_SCALING_4X4 + 95),
			0x44);
	KUNIT_EXPECT_EQ(test, vsoc_vdec_test_table_byte(test, VSOC_VDEC_H264_SCALING_8X8 + 383),
			0x88);
}
#endif

static struct kunit_case vsoc_vdec_regs_cases[] = {
#if IS_ENABLED(CONFIG_V4L2_H264)
	KUNIT_CASE(vsoc_vdec_h264_words),
#endif
	KUNIT_CASE(vsoc_vdec_vp8_words),
	KUNIT_CASE(vsoc_vdec_common_words),
	KUNIT_CASE(vsoc_vdec_fwht_words),
	KUNIT_CASE(vsoc_vdec_mpeg2_words),
	{ }
};

static struct kunit_suite vsoc_vdec_regs_suite = {
	.name = "vsoc-vdec-regs",
	.init = vsoc_vdec_regs_init,
	.exit = vsoc_vdec_regs_exit,
	.test_cases = vsoc_vdec_regs_cases,
};

kunit_test_suites(&vsoc_vdec_ctrl_suite, &vsoc_vdec_regs_suite);

MODULE_DESCRIPTION("KUnit tests of the vsoc-vdec driver");
MODULE_LICENSE("GPL");
VSOC_IMPORT_NS_KUNIT();
