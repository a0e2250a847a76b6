// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of vsoc-sim's DMA address logic.
 */
#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/mm.h>

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

MODULE_DESCRIPTION("KUnit tests of the vsoc virtual board");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
