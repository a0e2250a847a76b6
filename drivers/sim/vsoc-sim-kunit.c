// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of vsoc-sim: DMA address logic and the model registry.
 */
#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/mm.h>

#include <vsoc/compat.h>
#include <vsoc/sim.h>

#include "vsoc-sim-priv.h"

static void vsoc_sim_dma_chunk_page_aligned(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, vsoc_sim_dma_chunk(0x40000000, 3 * PAGE_SIZE),
			(size_t)PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, vsoc_sim_dma_chunk(0x40000000, 100), (size_t)100);
}

static void vsoc_sim_dma_chunk_crosses_page(struct kunit *test)
{
	u64 addr = 0x40000000 + PAGE_SIZE - 16;

	KUNIT_EXPECT_EQ(test, vsoc_sim_dma_chunk(addr, 64), (size_t)16);
	KUNIT_EXPECT_EQ(test, vsoc_sim_dma_chunk(addr + 16, 48), (size_t)48);
}

static void vsoc_sim_dma_range_inside_mask(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, vsoc_sim_dma_range_valid(0x1000, 0x1000,
							 DMA_BIT_MASK(32)));
	KUNIT_EXPECT_TRUE(test, vsoc_sim_dma_range_valid(0xfffff000, 0x1000,
							 DMA_BIT_MASK(32)));
}

static void vsoc_sim_dma_range_rejects(struct kunit *test)
{
	/* Empty, one byte past the mask, and wrapping around 2^64. */
	KUNIT_EXPECT_FALSE(test, vsoc_sim_dma_range_valid(0x1000, 0,
							  DMA_BIT_MASK(64)));
	KUNIT_EXPECT_FALSE(test, vsoc_sim_dma_range_valid(0xfffff000, 0x1001,
							  DMA_BIT_MASK(32)));
	KUNIT_EXPECT_FALSE(test, vsoc_sim_dma_range_valid(U64_MAX - 1, 4,
							  DMA_BIT_MASK(64)));
}

static struct kunit_case vsoc_sim_dma_cases[] = {
	KUNIT_CASE(vsoc_sim_dma_chunk_page_aligned),
	KUNIT_CASE(vsoc_sim_dma_chunk_crosses_page),
	KUNIT_CASE(vsoc_sim_dma_range_inside_mask),
	KUNIT_CASE(vsoc_sim_dma_range_rejects),
	{ }
};

static struct kunit_suite vsoc_sim_dma_suite = {
	.name = "vsoc-sim-dma",
	.test_cases = vsoc_sim_dma_cases,
};

kunit_test_suite(vsoc_sim_dma_suite);

/*
 * A model no board node asks for: registering it creates no block, so the
 * callbacks are never called.
 */
static int kunit_model_create(struct vsoc_sim_block *blk)
{
	return -ENODEV;
}

static void kunit_model_destroy(struct vsoc_sim_block *blk)
{
}

static int kunit_model_read(struct vsoc_sim_block *blk, unsigned int off,
			    unsigned int *val)
{
	return -EIO;
}

static int kunit_model_write(struct vsoc_sim_block *blk, unsigned int off,
			     unsigned int val)
{
	return -EIO;
}

#define KUNIT_MODEL(compat) {				\
	.compatible = compat,				\
	.create = kunit_model_create,			\
	.destroy = kunit_model_destroy,			\
	.reg_read = kunit_model_read,			\
	.reg_write = kunit_model_write,			\
}

/* Register a model expected to be refused; never leave it registered. */
static int vsoc_sim_model_try(struct vsoc_sim_model *m)
{
	int ret = vsoc_sim_model_register(m);

	if (!ret)
		vsoc_sim_model_unregister(m);
	return ret;
}

static void vsoc_sim_model_register_unregister(struct kunit *test)
{
	struct vsoc_sim_model m = KUNIT_MODEL("vsoc,kunit-unused");

	KUNIT_ASSERT_EQ(test, vsoc_sim_model_register(&m), 0);
	vsoc_sim_model_unregister(&m);
	/* Gone for good: the compatible can be taken again. */
	KUNIT_ASSERT_EQ(test, vsoc_sim_model_register(&m), 0);
	vsoc_sim_model_unregister(&m);
}

static void vsoc_sim_model_duplicate(struct kunit *test)
{
	struct vsoc_sim_model a = KUNIT_MODEL("vsoc,kunit-dup");
	struct vsoc_sim_model b = KUNIT_MODEL("vsoc,kunit-dup");

	KUNIT_ASSERT_EQ(test, vsoc_sim_model_register(&a), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sim_model_try(&b), -EBUSY);
	vsoc_sim_model_unregister(&a);
}

static void vsoc_sim_model_incomplete(struct kunit *test)
{
	struct vsoc_sim_model m = KUNIT_MODEL("vsoc,kunit-incomplete");

	m.reg_write = NULL;
	KUNIT_EXPECT_EQ(test, vsoc_sim_model_try(&m), -EINVAL);
	m = (struct vsoc_sim_model)KUNIT_MODEL(NULL);
	KUNIT_EXPECT_EQ(test, vsoc_sim_model_try(&m), -EINVAL);
}

static struct kunit_case vsoc_sim_model_cases[] = {
	KUNIT_CASE(vsoc_sim_model_register_unregister),
	KUNIT_CASE(vsoc_sim_model_duplicate),
	KUNIT_CASE(vsoc_sim_model_incomplete),
	{ }
};

static struct kunit_suite vsoc_sim_model_suite = {
	.name = "vsoc-sim-models",
	.test_cases = vsoc_sim_model_cases,
};

kunit_test_suite(vsoc_sim_model_suite);

MODULE_DESCRIPTION("KUnit tests of the vsoc virtual board");
MODULE_LICENSE("GPL");
VSOC_IMPORT_NS_KUNIT();
