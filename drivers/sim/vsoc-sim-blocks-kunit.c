// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the blocks of the running board: a DT overlay
 * (vsoc-sim-blocks-kunit.dtso) adds nodes under the "vsoc,sim" node, and
 * the models registered here serve them, the way model modules do.
 */
#include <kunit/of.h>
#include <kunit/test.h>
#include <linux/dma-direct.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include <vsoc/sim.h>

#include "vsoc-sim-priv.h"

#define BLOCK(name)	"/vsoc-sim/" name

/**
 * struct blocks_test - what the suite's models saw
 * @created: blocks created
 * @destroyed: blocks destroyed
 * @late_buf: memory a model writes while it is destroyed, or NULL
 * @late_addr: its bus address
 * @late_ret: what that write returned
 * @inner_ret: what registering a model from a probe returned
 */
struct blocks_test {
	atomic_t created;
	atomic_t destroyed;
	u8 *late_buf;
	dma_addr_t late_addr;
	int late_ret;
	int inner_ret;
};

/* The models have no context of their own; one test runs at a time. */
static struct blocks_test *bt;

static const u8 blocks_late_pattern[] = "late DMA";

static int blocks_model_create(struct vsoc_sim_block *blk)
{
	atomic_inc(&bt->created);
	return 0;
}

/* A model whose engine still writes memory while it is being stopped. */
static void blocks_model_destroy(struct vsoc_sim_block *blk)
{
	atomic_inc(&bt->destroyed);
	if (bt->late_buf)
		bt->late_ret = vsoc_sim_dma_write(blk, bt->late_addr,
						  blocks_late_pattern,
						  sizeof(blocks_late_pattern));
}

static int blocks_model_read(struct vsoc_sim_block *blk, unsigned int off,
			     unsigned int *val)
{
	*val = 0;
	return 0;
}

static int blocks_model_write(struct vsoc_sim_block *blk, unsigned int off,
			      unsigned int val)
{
	return 0;
}

#define BLOCKS_MODEL(compat) {				\
	.compatible = compat,				\
	.create = blocks_model_create,			\
	.destroy = blocks_model_destroy,		\
	.reg_read = blocks_model_read,			\
	.reg_write = blocks_model_write,		\
}

static struct vsoc_sim_model blocks_line_model = BLOCKS_MODEL("vsoc,kunit-line");
static struct vsoc_sim_model blocks_outer_model = BLOCKS_MODEL("vsoc,kunit-outer");
static struct vsoc_sim_model blocks_inner_model = BLOCKS_MODEL("vsoc,kunit-inner");

/*
 * The probe of kunit-outer runs while vsoc_sim_model_register() creates
 * its device: registering another model there must not deadlock.
 */
static int blocks_outer_probe(struct platform_device *pdev)
{
	bt->inner_ret = vsoc_sim_model_register(&blocks_inner_model);
	return 0;
}

static const struct of_device_id blocks_outer_of_match[] = {
	{ .compatible = "vsoc,kunit-outer" },
	{ }
};

static struct platform_driver blocks_outer_driver = {
	.probe = blocks_outer_probe,
	.driver = {
		.name = "vsoc-sim-kunit-outer",
		.of_match_table = blocks_outer_of_match,
	},
};

/* The platform device of a node, if it has one; the caller puts it. */
static struct platform_device *blocks_pdev(struct kunit *test,
					   const char *path)
{
	struct device_node *np = of_find_node_by_path(path);

	KUNIT_ASSERT_NOT_NULL_MSG(test, np, "no node %s", path);
	of_node_put_kunit(test, np);
	return of_find_device_by_node(np);
}

static bool blocks_has_device(struct kunit *test, const char *path)
{
	struct platform_device *pdev = blocks_pdev(test, path);

	if (!pdev)
		return false;
	put_device(&pdev->dev);
	return true;
}

static void blocks_driver_unregister(void *drv)
{
	platform_driver_unregister(drv);
}

static void blocks_unregister(void *model)
{
	vsoc_sim_model_unregister(model);
}

static void blocks_register(struct kunit *test, struct vsoc_sim_model *m)
{
	KUNIT_ASSERT_EQ(test, vsoc_sim_model_register(m), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, blocks_unregister,
							m), 0);
}

static int blocks_init(struct kunit *test)
{
	struct device_node *board;
	struct platform_device *pdev;
	bool bound;

	board = of_find_compatible_node(NULL, NULL, "vsoc,sim");
	if (!board)
		kunit_skip(test, "no vsoc,sim board in the device tree");
	pdev = of_find_device_by_node(board);
	of_node_put(board);
	bound = pdev && device_is_bound(&pdev->dev);
	if (pdev)
		put_device(&pdev->dev);
	KUNIT_ASSERT_TRUE_MSG(test, bound, "the vsoc,sim board is not bound");

	bt = kunit_kzalloc(test, sizeof(*bt), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, bt);
	KUNIT_ASSERT_EQ(test, of_overlay_apply_kunit(test, vsoc_sim_blocks_kunit), 0);
	return 0;
}

/*
 * Two blocks naming one line: the one created second (which one depends
 * on the order of the nodes) is refused, the other works.
 */
static void vsoc_sim_blocks_lines_not_shared(struct kunit *test)
{
	bool a, b;
	int round;

	/* Twice: removing the blocks gives their lines back. */
	for (round = 0; round < 2; round++) {
		blocks_register(test, &blocks_line_model);
		a = blocks_has_device(test, BLOCK("kunit-a@1000"));
		b = blocks_has_device(test, BLOCK("kunit-b@1100"));
		KUNIT_EXPECT_TRUE_MSG(test, a != b, "a %d, b %d", a, b);
		KUNIT_EXPECT_TRUE(test, blocks_has_device(test, BLOCK("kunit-c@1200")));
		KUNIT_EXPECT_EQ(test, atomic_read(&bt->created), 2 * (round + 1));
		kunit_release_action(test, blocks_unregister, &blocks_line_model);
		KUNIT_EXPECT_FALSE(test, blocks_has_device(test, BLOCK("kunit-a@1000")));
		KUNIT_EXPECT_FALSE(test, blocks_has_device(test, BLOCK("kunit-b@1100")));
		KUNIT_EXPECT_EQ(test, atomic_read(&bt->destroyed), 2 * (round + 1));
	}
}

static void vsoc_sim_blocks_no_iommu(struct kunit *test)
{
	blocks_register(test, &blocks_line_model);
	KUNIT_EXPECT_FALSE(test, blocks_has_device(test, BLOCK("kunit-d@1300")));
}

static void vsoc_sim_blocks_probe_registers_model(struct kunit *test)
{
	struct platform_device *pdev;

	KUNIT_ASSERT_EQ(test, platform_driver_register(&blocks_outer_driver), 0);
	/* Actions run last-in first-out: the driver goes last. */
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							blocks_driver_unregister,
							&blocks_outer_driver), 0);
	bt->inner_ret = -EINPROGRESS;
	blocks_register(test, &blocks_outer_model);

	KUNIT_ASSERT_EQ(test, bt->inner_ret, 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, blocks_unregister,
							&blocks_inner_model), 0);
	pdev = blocks_pdev(test, BLOCK("kunit-outer@2000"));
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	KUNIT_EXPECT_TRUE(test, device_is_bound(&pdev->dev));
	put_device(&pdev->dev);
	KUNIT_EXPECT_TRUE(test, blocks_has_device(test, BLOCK("kunit-inner@2100")));
}

/* A model stopped after its device was removed still reaches memory. */
static void vsoc_sim_blocks_late_dma(struct kunit *test)
{
	struct platform_device *pdev;

	bt->late_buf = kunit_kzalloc(test, sizeof(blocks_late_pattern),
				     GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, bt->late_buf);
	bt->late_ret = -EINPROGRESS;

	blocks_register(test, &blocks_inner_model);
	pdev = blocks_pdev(test, BLOCK("kunit-inner@2100"));
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	bt->late_addr = phys_to_dma(&pdev->dev, virt_to_phys(bt->late_buf));
	put_device(&pdev->dev);

	kunit_release_action(test, blocks_unregister, &blocks_inner_model);
	KUNIT_EXPECT_FALSE(test, blocks_has_device(test, BLOCK("kunit-inner@2100")));
	KUNIT_EXPECT_EQ(test, bt->late_ret, 0);
	KUNIT_EXPECT_MEMEQ(test, bt->late_buf, blocks_late_pattern,
			   sizeof(blocks_late_pattern));
}

static struct kunit_case vsoc_sim_blocks_cases[] = {
	KUNIT_CASE(vsoc_sim_blocks_lines_not_shared),
	KUNIT_CASE(vsoc_sim_blocks_no_iommu),
	KUNIT_CASE(vsoc_sim_blocks_probe_registers_model),
	KUNIT_CASE(vsoc_sim_blocks_late_dma),
	{ }
};

static struct kunit_suite vsoc_sim_blocks_suite = {
	.name = "vsoc-sim-blocks",
	.init = blocks_init,
	.test_cases = vsoc_sim_blocks_cases,
};

kunit_test_suite(vsoc_sim_blocks_suite);
