// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the vsoc-vdec model: register semantics, the job checks
 * and what each codec's job reads (Documentation/vsoc-vdec-regs.rst).
 */
#include <kunit/test.h>
#include <linux/bitfield.h>

#include <vsoc/compat.h>
#include <vsoc/vdec-regs.h>

#include "core/vdec-core-check.h"
#include "vdec-model.h"

static struct vdec_model_regs *regs_new(struct kunit *test)
{
	struct vdec_model_regs *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, r);
	vdec_model_reset(r);
	return r;
}

static u32 rd(struct kunit *test, struct vdec_model_regs *r, unsigned int off)
{
	u32 val = 0xdeadbeef;

	KUNIT_EXPECT_EQ(test, vdec_model_read(r, off, &val), 0);
	return val;
}

static void wr(struct kunit *test, struct vdec_model_regs *r,
	       unsigned int off, u32 val, enum vdec_model_action want)
{
	enum vdec_model_action action;

	KUNIT_EXPECT_EQ(test, vdec_model_write(r, off, val, &action), 0);
	KUNIT_EXPECT_EQ(test, action, want);
}

static void vdec_model_identity(struct kunit *test)
{
	struct vdec_model_regs *r = regs_new(test);
	u32 caps;

	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_ID), VSOC_VDEC_ID_VALUE);
	wr(test, r, VSOC_VDEC_ID, 0, VDEC_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_ID), VSOC_VDEC_ID_VALUE);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_VERSION), 0x100U);
	caps = rd(test, r, VSOC_VDEC_CAPS);
	KUNIT_EXPECT_EQ(test, FIELD_GET(VSOC_VDEC_CAPS_CODECS, caps), 0xfU);
	KUNIT_EXPECT_EQ(test, FIELD_GET(VSOC_VDEC_CAPS_FORMATS, caps), 0x3U);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_MAX_SIZE), 0x10001000U);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_MIN_SIZE), 0x00100010U);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_MAX_BS_SIZE), (u32)SZ_8M);
	/* Reserved offsets read as zero and ignore writes. */
	wr(test, r, 0x03c, 0x1234, VDEC_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, rd(test, r, 0x03c), 0U);
	KUNIT_EXPECT_EQ(test, rd(test, r, 0x0ffc), 0U);
}

static void vdec_model_job_regs_and_table(struct kunit *test)
{
	struct vdec_model_regs *r = regs_new(test);

	wr(test, r, VSOC_VDEC_PIC_SIZE, 0x00480040, VDEC_MODEL_NONE);
	wr(test, r, VSOC_VDEC_PARAM(63), 0xcafe, VDEC_MODEL_NONE);
	wr(test, r, VSOC_VDEC_TABLE + 8, 0x04030201, VDEC_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_PIC_SIZE), 0x00480040U);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_PARAM(63)), 0xcafeU);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_TABLE + 8), 0x04030201U);
	/* Table bytes are little-endian in their word. */
	KUNIT_EXPECT_EQ(test, r->job.table[8], 1);
	KUNIT_EXPECT_EQ(test, r->job.table[11], 4);
}

static void vdec_model_irq_is_level_and_w1c(struct kunit *test)
{
	struct vdec_model_regs *r = regs_new(test);

	wr(test, r, VSOC_VDEC_KICK, VSOC_VDEC_KICK_START, VDEC_MODEL_START);
	vdec_model_job_end(r, 0, 12);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_IRQ_STATUS), VSOC_VDEC_IRQ_DONE);
	KUNIT_EXPECT_FALSE(test, vdec_model_irq_line(r));
	wr(test, r, VSOC_VDEC_IRQ_ENABLE, 0xffffffff, VDEC_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_IRQ_ENABLE), VSOC_VDEC_IRQ_ALL);
	KUNIT_EXPECT_TRUE(test, vdec_model_irq_line(r));
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_DECODED), 12U);
	wr(test, r, VSOC_VDEC_IRQ_STATUS, VSOC_VDEC_IRQ_ERROR, VDEC_MODEL_NONE);
	KUNIT_EXPECT_TRUE(test, vdec_model_irq_line(r));
	wr(test, r, VSOC_VDEC_IRQ_STATUS, VSOC_VDEC_IRQ_DONE, VDEC_MODEL_NONE);
	KUNIT_EXPECT_FALSE(test, vdec_model_irq_line(r));
}

static void vdec_model_busy_writes_are_ignored(struct kunit *test)
{
	struct vdec_model_regs *r = regs_new(test);

	wr(test, r, VSOC_VDEC_BS_SIZE, 100, VDEC_MODEL_NONE);
	wr(test, r, VSOC_VDEC_KICK, VSOC_VDEC_KICK_START, VDEC_MODEL_START);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_STATUS), VSOC_VDEC_STATUS_BUSY);
	wr(test, r, VSOC_VDEC_BS_SIZE, 200, VDEC_MODEL_NONE);
	wr(test, r, VSOC_VDEC_TABLE, 1, VDEC_MODEL_NONE);
	/* A second KICK does not start a second job. */
	wr(test, r, VSOC_VDEC_KICK, VSOC_VDEC_KICK_START, VDEC_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_BS_SIZE), 100U);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_TABLE), 0U);
	vdec_model_job_end(r, 0, 1);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_STATUS), 0U);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_IRQ_STATUS), VSOC_VDEC_IRQ_ERROR);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_ERROR), VSOC_VDEC_ERROR_BUSY_WRITE);
	/* The next job starts clean. */
	wr(test, r, VSOC_VDEC_KICK, VSOC_VDEC_KICK_START, VDEC_MODEL_START);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_ERROR), 0U);
	vdec_model_job_end(r, 0, 1);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_ERROR), 0U);
}

static void vdec_model_reset_keeps_busy(struct kunit *test)
{
	struct vdec_model_regs *r = regs_new(test);

	wr(test, r, VSOC_VDEC_IRQ_ENABLE, VSOC_VDEC_IRQ_ALL, VDEC_MODEL_NONE);
	wr(test, r, VSOC_VDEC_CODEC, 1, VDEC_MODEL_NONE);
	wr(test, r, VSOC_VDEC_KICK, VSOC_VDEC_KICK_START, VDEC_MODEL_START);
	wr(test, r, VSOC_VDEC_CTRL, VSOC_VDEC_CTRL_RESET, VDEC_MODEL_RESET);
	/* BUSY stays until the engine has stopped; the rest is reset. */
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_STATUS), VSOC_VDEC_STATUS_BUSY);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_IRQ_ENABLE), 0U);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_VDEC_CODEC), 0U);
	/* A write of CTRL without RESET does nothing. */
	wr(test, r, VSOC_VDEC_CTRL, 0, VDEC_MODEL_NONE);
}

static void set(struct vdec_model_job *job, unsigned int off, u32 val)
{
	job->regs[(off - VDEC_MODEL_JOB_BASE) / 4] = val;
}

/* A valid 64x48 NV12 FWHT I-frame job. */
static void job_fwht(struct vdec_model_job *job, u32 flags)
{
	memset(job, 0, sizeof(*job));
	set(job, VSOC_VDEC_CODEC, VSOC_VDEC_CODEC_FWHT);
	set(job, VSOC_VDEC_PIC_SIZE, FIELD_PREP(VSOC_VDEC_SIZE_WIDTH, 64) |
				     FIELD_PREP(VSOC_VDEC_SIZE_HEIGHT, 48));
	set(job, VSOC_VDEC_OUT_FMT, VSOC_VDEC_FMT_NV12);
	set(job, VSOC_VDEC_STRIDE, 64);
	set(job, VSOC_VDEC_OUT_LUMA_LO, 0x10000);
	set(job, VSOC_VDEC_OUT_CHROMA_LO, 0x10000 + 64 * 48);
	set(job, VSOC_VDEC_BS_SIZE, 1000);
	set(job, VSOC_VDEC_FWHT_FLAGS, flags);
}

static void vdec_model_job_check_common(struct kunit *test)
{
	struct vdec_model_job *job = kunit_kzalloc(test, sizeof(*job), GFP_KERNEL);
	struct vdec_model_layout lay;
	static const struct { unsigned int off; u32 val; } bad[] = {
		{ VSOC_VDEC_CODEC, 4 },
		{ VSOC_VDEC_CODEC, 99 },
		{ VSOC_VDEC_PIC_SIZE, 0x00300008 },	/* 8 wide */
		{ VSOC_VDEC_PIC_SIZE, 0x10010040 },	/* 4097 high */
		{ VSOC_VDEC_OUT_FMT, 2 },
		{ VSOC_VDEC_OUT_FMT, 0xffffffff },
		{ VSOC_VDEC_STRIDE, 32 },
		{ VSOC_VDEC_STRIDE, 96 },
		{ VSOC_VDEC_STRIDE, 0x100000 },
		{ VSOC_VDEC_BS_SIZE, 0 },
		{ VSOC_VDEC_BS_SIZE, SZ_8M + 1 },
		{ VSOC_VDEC_OUT_LUMA_LO, 0x10010 },
		{ VSOC_VDEC_OUT_CHROMA_LO, 0x10001 },
	};
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, job);
	job_fwht(job, VSOC_VDEC_FWHT_FL_I_FRAME);
	KUNIT_EXPECT_EQ(test, vdec_model_job_check(job, &lay), 0U);
	KUNIT_EXPECT_EQ(test, lay.luma_size, 64U * 48);
	KUNIT_EXPECT_EQ(test, lay.refs, 0U);
	KUNIT_EXPECT_FALSE(test, lay.read_out);

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		job_fwht(job, VSOC_VDEC_FWHT_FL_I_FRAME);
		set(job, bad[i].off, bad[i].val);
		KUNIT_EXPECT_EQ_MSG(test, vdec_model_job_check(job, &lay),
				    VSOC_VDEC_ERROR_PARAM, "case %u", i);
	}

	/* A P-frame reads slot 0, which must be aligned too. */
	job_fwht(job, 0);
	KUNIT_EXPECT_EQ(test, vdec_model_job_check(job, &lay), 0U);
	KUNIT_EXPECT_EQ(test, lay.refs, BIT(VSOC_VDEC_FWHT_REF));
	set(job, VSOC_VDEC_REF_LUMA_LO(0), 0x20004);
	KUNIT_EXPECT_EQ(test, vdec_model_job_check(job, &lay), VSOC_VDEC_ERROR_PARAM);
	/* Unused slots are not checked. */
	job_fwht(job, VSOC_VDEC_FWHT_FL_I_FRAME);
	set(job, VSOC_VDEC_REF_LUMA_LO(0), 0x20004);
	KUNIT_EXPECT_EQ(test, vdec_model_job_check(job, &lay), 0U);
}

static void vdec_model_job_check_mpeg2(struct kunit *test)
{
	struct vdec_model_job *job = kunit_kzalloc(test, sizeof(*job), GFP_KERNEL);
	static const struct { u32 type, structure, refs; bool read_out; } c[] = {
		{ 1, 3, 0, false },
		{ 2, 3, BIT(0), false },
		{ 3, 3, BIT(0) | BIT(1), false },
		{ 1, 1, 0, true },
		{ 2, 2, BIT(0), true },
	};
	struct vdec_model_layout lay;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, job);
	for (i = 0; i < ARRAY_SIZE(c); i++) {
		job_fwht(job, 0);
		set(job, VSOC_VDEC_CODEC, VSOC_VDEC_CODEC_MPEG2);
		set(job, VSOC_VDEC_MPEG2_PIC,
		    FIELD_PREP(VSOC_VDEC_MPEG2_PIC_CODING_TYPE, c[i].type) |
		    FIELD_PREP(VSOC_VDEC_MPEG2_PIC_STRUCTURE, c[i].structure));
		KUNIT_EXPECT_EQ_MSG(test, vdec_model_job_check(job, &lay), 0U,
				    "case %u", i);
		KUNIT_EXPECT_EQ_MSG(test, lay.refs, c[i].refs, "case %u", i);
		KUNIT_EXPECT_EQ_MSG(test, lay.read_out, c[i].read_out, "case %u", i);
	}
}

/* VP8: key frames read nothing, inter frames the three references and the map. */
static void vdec_model_job_check_vp8(struct kunit *test)
{
	struct vdec_model_job *job = kunit_kzalloc(test, sizeof(*job), GFP_KERNEL);
	struct vdec_model_layout lay;

	KUNIT_ASSERT_NOT_NULL(test, job);
	job_fwht(job, 0);
	set(job, VSOC_VDEC_CODEC, VSOC_VDEC_CODEC_VP8);
	set(job, VSOC_VDEC_VP8_FRAME, VSOC_VDEC_VP8_FL_KEY_FRAME);
	set(job, VSOC_VDEC_VP8_SEGMAP_LO, 0x30001);
	set(job, VSOC_VDEC_VP8_SEGMAP_HI, 0x1);
	KUNIT_EXPECT_EQ(test, vdec_model_job_check(job, &lay), 0U);
	KUNIT_EXPECT_EQ(test, lay.refs, 0U);
	KUNIT_EXPECT_FALSE(test, lay.read_aux);
	/* 64x48: 4x3 macroblocks, a byte each, at any address. */
	KUNIT_EXPECT_EQ(test, lay.aux_size, 12U);
	KUNIT_EXPECT_EQ(test, lay.aux_addr, 0x100030001ULL);

	set(job, VSOC_VDEC_VP8_FRAME, VSOC_VDEC_VP8_FL_SHOW_FRAME);
	KUNIT_EXPECT_EQ(test, vdec_model_job_check(job, &lay), 0U);
	KUNIT_EXPECT_EQ(test, lay.refs, BIT(VSOC_VDEC_VP8_LAST_REF) |
			BIT(VSOC_VDEC_VP8_GOLDEN_REF) | BIT(VSOC_VDEC_VP8_ALT_REF));
	KUNIT_EXPECT_TRUE(test, lay.read_aux);
	KUNIT_EXPECT_FALSE(test, lay.read_out);
	set(job, VSOC_VDEC_REF_CHROMA_LO(VSOC_VDEC_VP8_ALT_REF), 0x20020);
	KUNIT_EXPECT_EQ(test, vdec_model_job_check(job, &lay), VSOC_VDEC_ERROR_PARAM);
}

/* H.264: the DPB's active entries are the slots read, with co-located data. */
static void vdec_model_job_check_h264(struct kunit *test)
{
	struct vdec_model_job *job = kunit_kzalloc(test, sizeof(*job), GFP_KERNEL);
	unsigned int dpb = VSOC_VDEC_H264_DPB - VSOC_VDEC_TABLE;
	struct vdec_model_layout lay;

	KUNIT_ASSERT_NOT_NULL(test, job);
	job_fwht(job, 0);
	set(job, VSOC_VDEC_CODEC, VSOC_VDEC_CODEC_H264);
	KUNIT_EXPECT_EQ(test, vdec_model_job_check(job, &lay), 0U);
	KUNIT_EXPECT_EQ(test, lay.refs, 0U);
	/* The register spec's room per macroblock holds the core's data. */
	KUNIT_EXPECT_GT(test, lay.coloc_size, 0U);
	KUNIT_EXPECT_LE(test, lay.coloc_size, 4U * 3 * VSOC_VDEC_H264_COLOC_MB_SIZE);
	/* Entry 0 valid only, entry 2 active, entry 15 active long-term. */
	job->table[dpb + 2] = 0x01;
	job->table[dpb + 2 * VSOC_VDEC_H264_DPB_ENTRY + 2] = 0x03;
	job->table[dpb + 15 * VSOC_VDEC_H264_DPB_ENTRY + 2] = 0x07;
	KUNIT_EXPECT_EQ(test, vdec_model_job_check(job, &lay), 0U);
	KUNIT_EXPECT_EQ(test, lay.refs, BIT(2) | BIT(15));
}

static void vdec_model_status_errors(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, vdec_model_status_error(VDEC_OK), 0U);
	KUNIT_EXPECT_EQ(test, vdec_model_status_error(VDEC_ERR_BITSTREAM),
			VSOC_VDEC_ERROR_BITSTREAM);
	KUNIT_EXPECT_EQ(test, vdec_model_status_error(VDEC_ERR_PARAM),
			VSOC_VDEC_ERROR_PARAM);
	KUNIT_EXPECT_EQ(test, vdec_model_status_error(VDEC_ERR_UNSUPPORTED),
			VSOC_VDEC_ERROR_UNSUPPORTED);
}

static struct kunit_case vdec_model_cases[] = {
	KUNIT_CASE(vdec_model_identity),
	KUNIT_CASE(vdec_model_job_regs_and_table),
	KUNIT_CASE(vdec_model_irq_is_level_and_w1c),
	KUNIT_CASE(vdec_model_busy_writes_are_ignored),
	KUNIT_CASE(vdec_model_reset_keeps_busy),
	KUNIT_CASE(vdec_model_job_check_common),
	KUNIT_CASE(vdec_model_job_check_mpeg2),
	KUNIT_CASE(vdec_model_job_check_vp8),
	KUNIT_CASE(vdec_model_job_check_h264),
	KUNIT_CASE(vdec_model_status_errors),
	{}
};

static struct kunit_suite vdec_model_suite = {
	.name = "vsoc-vdec-model",
	.test_cases = vdec_model_cases,
};

/* The decode core's self-checks, in the kernel build of the core. */
static void vdec_core_check(struct kunit *test,
			    int (*check)(char *msg, size_t len))
{
	char *msg = kunit_kzalloc(test, 256, GFP_KERNEL);
	int fails;

	KUNIT_ASSERT_NOT_NULL(test, msg);
	fails = check(msg, 256);
	kunit_info(test, "%s\n", msg);
	KUNIT_EXPECT_EQ_MSG(test, fails, 0, "%s", msg);
}

static void vdec_core_idct_ieee1180(struct kunit *test)
{
	vdec_core_check(test, vdec_check_idct_ieee1180);
}

static void vdec_core_bit_reader(struct kunit *test)
{
	vdec_core_check(test, vdec_check_bits);
}

static void vdec_core_mpeg2_motion_compensation(struct kunit *test)
{
	vdec_core_check(test, vdec_check_mpeg2_mc);
}

static void vdec_core_vp8_bool_decoder(struct kunit *test)
{
	vdec_core_check(test, vdec_check_vp8_bool);
}

static void vdec_core_vp8_transforms(struct kunit *test)
{
	vdec_core_check(test, vdec_check_vp8_transforms);
}

static void vdec_core_vp8_intra_prediction(struct kunit *test)
{
	vdec_core_check(test, vdec_check_vp8_pred);
}

static void vdec_core_vp8_loop_filter(struct kunit *test)
{
	vdec_core_check(test, vdec_check_vp8_loop_filter);
}

static void vdec_core_h264_cabac_engine(struct kunit *test)
{
	vdec_core_check(test, vdec_check_h264_cabac);
}

static void vdec_core_h264_transforms(struct kunit *test)
{
	vdec_core_check(test, vdec_check_h264_transforms);
}

static void vdec_core_h264_intra_prediction(struct kunit *test)
{
	vdec_core_check(test, vdec_check_h264_pred);
}

static void vdec_core_h264_deblocking(struct kunit *test)
{
	vdec_core_check(test, vdec_check_h264_deblock);
}

static struct kunit_case vdec_core_cases[] = {
	KUNIT_CASE(vdec_core_idct_ieee1180),
	KUNIT_CASE(vdec_core_bit_reader),
	KUNIT_CASE(vdec_core_mpeg2_motion_compensation),
	KUNIT_CASE(vdec_core_vp8_bool_decoder),
	KUNIT_CASE(vdec_core_vp8_transforms),
	KUNIT_CASE(vdec_core_vp8_intra_prediction),
	KUNIT_CASE(vdec_core_vp8_loop_filter),
	KUNIT_CASE(vdec_core_h264_cabac_engine),
	KUNIT_CASE(vdec_core_h264_transforms),
	KUNIT_CASE(vdec_core_h264_intra_prediction),
	KUNIT_CASE(vdec_core_h264_deblocking),
	{}
};

static struct kunit_suite vdec_core_suite = {
	.name = "vsoc-vdec-core",
	.test_cases = vdec_core_cases,
};

kunit_test_suites(&vdec_model_suite, &vdec_core_suite);

MODULE_DESCRIPTION("KUnit tests of the vsoc-vdec model");
MODULE_LICENSE("GPL");
VSOC_IMPORT_NS_KUNIT();
