// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the vsoc-dummy model's register semantics.
 */
#include <kunit/test.h>

#include <vsoc/compat.h>
#include <vsoc/dummy-regs.h>

#include "dummy-model.h"

static u32 rd(struct kunit *test, struct dummy_model_regs *r, unsigned int off)
{
	u32 val = 0xdeadbeef;

	KUNIT_EXPECT_EQ(test, dummy_model_read(r, off, &val), 0);
	return val;
}

static void wr(struct kunit *test, struct dummy_model_regs *r,
	       unsigned int off, u32 val, enum dummy_model_action want)
{
	enum dummy_model_action action;

	KUNIT_EXPECT_EQ(test, dummy_model_write(r, off, val, &action), 0);
	KUNIT_EXPECT_EQ(test, action, want);
}

static void dummy_model_identity_is_read_only(struct kunit *test)
{
	struct dummy_model_regs r;

	dummy_model_reset(&r);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_ID), VSOC_DUMMY_ID_VALUE);
	wr(test, &r, VSOC_DUMMY_ID, 0, DUMMY_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_ID), VSOC_DUMMY_ID_VALUE);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_VERSION), 0x101U);
}

static void dummy_model_scratch_round_trip(struct kunit *test)
{
	struct dummy_model_regs r;

	dummy_model_reset(&r);
	wr(test, &r, VSOC_DUMMY_SCRATCH, 0xa5a55a5a, DUMMY_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_SCRATCH), 0xa5a55a5aU);
}

static void dummy_model_unmapped_offset(struct kunit *test)
{
	enum dummy_model_action action;
	struct dummy_model_regs r;
	u32 val;

	dummy_model_reset(&r);
	KUNIT_EXPECT_EQ(test, dummy_model_read(&r, 0x3c, &val), -EIO);
	KUNIT_EXPECT_EQ(test, dummy_model_write(&r, 0x0c, 1, &action), -EIO);
}

static void dummy_model_irq_is_level_and_w1c(struct kunit *test)
{
	struct dummy_model_regs r;

	dummy_model_reset(&r);
	wr(test, &r, VSOC_DUMMY_SWI, VSOC_DUMMY_SWI_TRIGGER, DUMMY_MODEL_NONE);
	/* Pending but masked: the line stays low. */
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_IRQ_STATUS),
			(u32)VSOC_DUMMY_IRQ_SWI);
	KUNIT_EXPECT_FALSE(test, dummy_model_irq_line(&r));

	wr(test, &r, VSOC_DUMMY_IRQ_ENABLE, 0xffffffff, DUMMY_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_IRQ_ENABLE),
			(u32)VSOC_DUMMY_IRQ_ALL);
	KUNIT_EXPECT_TRUE(test, dummy_model_irq_line(&r));

	/* Writing 0 clears nothing; writing the bit clears it. */
	wr(test, &r, VSOC_DUMMY_IRQ_STATUS, 0, DUMMY_MODEL_NONE);
	KUNIT_EXPECT_TRUE(test, dummy_model_irq_line(&r));
	wr(test, &r, VSOC_DUMMY_IRQ_STATUS, VSOC_DUMMY_IRQ_SWI, DUMMY_MODEL_NONE);
	KUNIT_EXPECT_FALSE(test, dummy_model_irq_line(&r));
}

static void dummy_model_dma_start_and_done(struct kunit *test)
{
	struct dummy_model_regs r;

	dummy_model_reset(&r);
	wr(test, &r, VSOC_DUMMY_DMA_SRC_LO, 0x40001000, DUMMY_MODEL_NONE);
	wr(test, &r, VSOC_DUMMY_DMA_SRC_HI, 0x1, DUMMY_MODEL_NONE);
	wr(test, &r, VSOC_DUMMY_DMA_LEN, 4096, DUMMY_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, r.dma_src, 0x140001000ULL);

	wr(test, &r, VSOC_DUMMY_DMA_CTRL, VSOC_DUMMY_DMA_CTRL_START,
	   DUMMY_MODEL_START_DMA);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_DMA_STATUS),
			(u32)VSOC_DUMMY_DMA_STATUS_BUSY);

	/* Busy: parameters and a second START are ignored. */
	wr(test, &r, VSOC_DUMMY_DMA_LEN, 8, DUMMY_MODEL_NONE);
	wr(test, &r, VSOC_DUMMY_DMA_CTRL, VSOC_DUMMY_DMA_CTRL_START,
	   DUMMY_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, r.dma_len, 4096U);

	dummy_model_dma_done(&r, false);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_DMA_STATUS), 0U);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_IRQ_STATUS),
			(u32)VSOC_DUMMY_IRQ_DMA_DONE);
}

static void dummy_model_dma_bad_length(struct kunit *test)
{
	struct dummy_model_regs r;

	dummy_model_reset(&r);
	wr(test, &r, VSOC_DUMMY_DMA_LEN, VSOC_DUMMY_DMA_LEN_MAX + 1,
	   DUMMY_MODEL_NONE);
	wr(test, &r, VSOC_DUMMY_DMA_CTRL, VSOC_DUMMY_DMA_CTRL_START,
	   DUMMY_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_DMA_STATUS),
			(u32)VSOC_DUMMY_DMA_STATUS_FAULT);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_IRQ_STATUS),
			(u32)VSOC_DUMMY_IRQ_DMA_ERR);
}

static void dummy_model_dma_abort(struct kunit *test)
{
	struct dummy_model_regs r;

	dummy_model_reset(&r);
	/* Nothing runs: ABORT does nothing. */
	wr(test, &r, VSOC_DUMMY_DMA_CTRL, VSOC_DUMMY_DMA_CTRL_ABORT,
	   DUMMY_MODEL_NONE);
	wr(test, &r, VSOC_DUMMY_DMA_LEN, 4096, DUMMY_MODEL_NONE);
	wr(test, &r, VSOC_DUMMY_DMA_CTRL, VSOC_DUMMY_DMA_CTRL_START,
	   DUMMY_MODEL_START_DMA);
	/* Asked once; still busy until the engine stopped. */
	wr(test, &r, VSOC_DUMMY_DMA_CTRL, VSOC_DUMMY_DMA_CTRL_ABORT |
	   VSOC_DUMMY_DMA_CTRL_START, DUMMY_MODEL_ABORT_DMA);
	wr(test, &r, VSOC_DUMMY_DMA_CTRL, VSOC_DUMMY_DMA_CTRL_ABORT,
	   DUMMY_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_DMA_STATUS),
			(u32)VSOC_DUMMY_DMA_STATUS_BUSY);

	dummy_model_dma_aborted(&r);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_DMA_STATUS),
			(u32)VSOC_DUMMY_DMA_STATUS_ABORTED);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_IRQ_STATUS), 0U);
	/* The engine takes a new transfer. */
	wr(test, &r, VSOC_DUMMY_DMA_CTRL, VSOC_DUMMY_DMA_CTRL_START,
	   DUMMY_MODEL_START_DMA);
	dummy_model_dma_done(&r, false);
	KUNIT_EXPECT_EQ(test, rd(test, &r, VSOC_DUMMY_DMA_STATUS), 0U);
}

static struct kunit_case dummy_model_cases[] = {
	KUNIT_CASE(dummy_model_identity_is_read_only),
	KUNIT_CASE(dummy_model_scratch_round_trip),
	KUNIT_CASE(dummy_model_unmapped_offset),
	KUNIT_CASE(dummy_model_irq_is_level_and_w1c),
	KUNIT_CASE(dummy_model_dma_start_and_done),
	KUNIT_CASE(dummy_model_dma_bad_length),
	KUNIT_CASE(dummy_model_dma_abort),
	{ }
};

static struct kunit_suite dummy_model_suite = {
	.name = "vsoc-dummy-model",
	.test_cases = dummy_model_cases,
};

kunit_test_suite(dummy_model_suite);

MODULE_DESCRIPTION("KUnit tests of the vsoc-dummy model");
MODULE_LICENSE("GPL");
VSOC_IMPORT_NS_KUNIT();
