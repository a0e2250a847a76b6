// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the board GPIO lines and of precious registers: a DT
 * overlay (vsoc-sim-gpio-kunit.dtso) adds a second board with two blocks
 * and a consumer node, whose lines the suite requests as any driver would.
 */
#include <kunit/of.h>
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/gpio/consumer.h>
#include <linux/interrupt.h>
#include <linux/mman.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/pinctrl/pinconf-generic.h>
#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#include <vsoc/sim.h>

#include "vsoc-sim-priv.h"

#define GPIO_BOARD	"/vsoc-sim-gpio-kunit"
/* The board's lines, and their index in the consumer's "test-gpios". */
#define LINE_OUT	0
#define LINE_IN		1
#define LINE_B		2
#define LINE_UNNAMED	3
#define LINE_ABSENT	4
#define LINE_PULLED	5
#define NR_LINES	8
#define IDX_OUT		0
#define IDX_IN		1
#define IDX_B		2
#define IDX_PULLED	3
/* The model's FIFO port: registers 0x4 and 0x8. */
#define REG_FIFO	0x4
#define REG_FIFO_END	0x8
/* How long an interrupt may take to come (irq_work), or not to come. */
#define IRQ_WAIT	msecs_to_jiffies(1000)
#define NO_IRQ_WAIT_MS	50

/**
 * struct gpio_test - what the suite's model and interrupt handler saw
 * @a: block kunit-gpio-a@0, while it exists
 * @b: block kunit-gpio-b@100, while it exists
 * @create_lookup: vsoc_sim_gpio_lookup(a, "out") from within create()
 * @lock: guards the fields of the last gpio_changed() call
 * @changed: gpio_changed() calls
 * @line: line of the last call
 * @level: level of the last call
 * @get: what vsoc_sim_gpio_get() said within the last call
 * @irqs: interrupts handled
 * @wq: woken by each interrupt
 * @fifo_reads: model reads of the precious registers
 * @reads: model reads of the others
 * @board: the test board's node
 * @consumer: the consumer node
 */
struct gpio_test {
	struct vsoc_sim_block *a;
	struct vsoc_sim_block *b;
	int create_lookup;
	spinlock_t lock; /* see above */
	unsigned int changed;
	unsigned int line;
	bool level;
	int get;
	atomic_t irqs;
	wait_queue_head_t wq;
	atomic_t fifo_reads;
	atomic_t reads;
	struct device_node *board;
	struct device_node *consumer;
};

/* The model has no context of its own; one test runs at a time. */
static struct gpio_test *gt;

static bool gpio_test_is(struct vsoc_sim_block *blk, const char *name)
{
	return !strcmp(kbasename(of_node_full_name(blk->np)), name);
}

static int gpio_model_create(struct vsoc_sim_block *blk)
{
	if (gpio_test_is(blk, "kunit-gpio-a@0")) {
		gt->create_lookup = vsoc_sim_gpio_lookup(blk, "out");
		WRITE_ONCE(gt->a, blk);
	} else {
		WRITE_ONCE(gt->b, blk);
	}
	return 0;
}

static void gpio_model_destroy(struct vsoc_sim_block *blk)
{
	if (blk == gt->a)
		WRITE_ONCE(gt->a, NULL);
	else
		WRITE_ONCE(gt->b, NULL);
}

static int gpio_model_read(struct vsoc_sim_block *blk, unsigned int off,
			   unsigned int *val)
{
	if (off >= REG_FIFO && off <= REG_FIFO_END)
		atomic_inc(&gt->fifo_reads);
	else
		atomic_inc(&gt->reads);
	*val = off;
	return 0;
}

static int gpio_model_write(struct vsoc_sim_block *blk, unsigned int off,
			    unsigned int val)
{
	return 0;
}

static bool gpio_model_precious(struct vsoc_sim_block *blk, unsigned int off)
{
	return off >= REG_FIFO && off <= REG_FIFO_END;
}

/* Records the call; reading the line from here must not deadlock. */
static void gpio_model_changed(struct vsoc_sim_block *blk, unsigned int line,
			       bool level)
{
	int get = vsoc_sim_gpio_get(blk, line);
	unsigned long flags;

	spin_lock_irqsave(&gt->lock, flags);
	gt->changed++;
	gt->line = line;
	gt->level = level;
	gt->get = get;
	spin_unlock_irqrestore(&gt->lock, flags);
}

static struct vsoc_sim_model gpio_model = {
	.compatible = "vsoc,kunit-gpio",
	.create = gpio_model_create,
	.destroy = gpio_model_destroy,
	.reg_read = gpio_model_read,
	.reg_write = gpio_model_write,
	.reg_precious = gpio_model_precious,
	.gpio_changed = gpio_model_changed,
};

static void gpio_unregister(void *model)
{
	vsoc_sim_model_unregister(model);
}

static void gpio_register(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, vsoc_sim_model_register(&gpio_model), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, gpio_unregister,
							&gpio_model), 0);
	KUNIT_ASSERT_NOT_NULL(test, gt->a);
	KUNIT_ASSERT_NOT_NULL(test, gt->b);
}

/* Expect @n gpio_changed() calls so far, the last one for @line at @level. */
static void gpio_expect_changed(struct kunit *test, unsigned int n,
				unsigned int line, bool level)
{
	unsigned long flags;

	spin_lock_irqsave(&gt->lock, flags);
	KUNIT_EXPECT_EQ(test, gt->changed, n);
	if (n) {
		KUNIT_EXPECT_EQ(test, gt->line, line);
		KUNIT_EXPECT_EQ(test, gt->level, level);
		KUNIT_EXPECT_EQ(test, gt->get, (int)level);
	}
	spin_unlock_irqrestore(&gt->lock, flags);
}

static void gpio_put(void *desc)
{
	gpiod_put(desc);
}

/* Line @idx of the consumer node, requested with @flags. */
static struct gpio_desc *gpio_get(struct kunit *test, int idx,
				  enum gpiod_flags flags)
{
	struct gpio_desc *desc;

	desc = fwnode_gpiod_get_index(of_fwnode_handle(gt->consumer), "test",
				      idx, flags, "kunit");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, desc);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, gpio_put, desc),
			0);
	return desc;
}

static irqreturn_t gpio_test_irq(int irq, void *data)
{
	atomic_inc(&gt->irqs);
	wake_up(&gt->wq);
	return IRQ_HANDLED;
}

static void gpio_free_irq(void *irq)
{
	free_irq((uintptr_t)irq, gt);
}

/* Request the interrupt of @desc with trigger @flags. Return: the irq. */
static int gpio_request(struct kunit *test, struct gpio_desc *desc,
			unsigned long flags)
{
	int irq = gpiod_to_irq(desc);

	KUNIT_ASSERT_GT(test, irq, 0);
	KUNIT_ASSERT_EQ(test, request_irq(irq, gpio_test_irq, flags, "kunit",
					  gt), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, gpio_free_irq,
							(void *)(uintptr_t)irq),
			0);
	return irq;
}

/* Expect the interrupt count to reach @n, and to stay there. */
static void gpio_expect_irqs(struct kunit *test, int n)
{
	wait_event_timeout(gt->wq, atomic_read(&gt->irqs) >= n, IRQ_WAIT);
	msleep(NO_IRQ_WAIT_MS);
	KUNIT_EXPECT_EQ(test, atomic_read(&gt->irqs), n);
}

static int gpio_init(struct kunit *test)
{
	struct platform_device *pdev;
	bool bound;

	gt = kunit_kzalloc(test, sizeof(*gt), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, gt);
	spin_lock_init(&gt->lock);
	init_waitqueue_head(&gt->wq);
	gt->create_lookup = -EINPROGRESS;

	KUNIT_ASSERT_EQ(test, of_overlay_apply_kunit(test, vsoc_sim_gpio_kunit), 0);
	gt->board = of_find_node_by_path(GPIO_BOARD);
	KUNIT_ASSERT_NOT_NULL(test, gt->board);
	of_node_put_kunit(test, gt->board);
	gt->consumer = of_get_child_by_name(gt->board, "kunit-consumer");
	KUNIT_ASSERT_NOT_NULL(test, gt->consumer);
	of_node_put_kunit(test, gt->consumer);

	/* The overlay's board is created and probed as it is applied. */
	pdev = of_find_device_by_node(gt->board);
	bound = pdev && device_is_bound(&pdev->dev);
	if (pdev)
		put_device(&pdev->dev);
	KUNIT_ASSERT_TRUE_MSG(test, bound, "the test board is not bound");
	return 0;
}

/* A block has the lines named after it, and no other. */
static void vsoc_sim_gpio_lookup_ownership(struct kunit *test)
{
	gpio_register(test);

	KUNIT_EXPECT_EQ(test, gt->create_lookup, LINE_OUT);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_lookup(gt->a, "out"), LINE_OUT);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_lookup(gt->a, "in"), LINE_IN);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_lookup(gt->a, "pulled"), LINE_PULLED);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_lookup(gt->b, "in"), LINE_B);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_lookup(gt->a, "nope"), -ENOENT);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_lookup(gt->b, "out"), -ENOENT);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_lookup(gt->a, "x"), -ENOENT);

	/* Another block's line, an unnamed one, an absent block's one. */
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_get(gt->a, LINE_B), -EPERM);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_B, true), -EPERM);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_get(gt->b, LINE_IN), -EPERM);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_get(gt->a, LINE_UNNAMED), -EPERM);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_ABSENT, true), -EPERM);
	/* Lines the board does not have. */
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_get(gt->a, NR_LINES), -EINVAL);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, UINT_MAX, true), -EINVAL);

	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_get(gt->a, LINE_IN), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->b, LINE_B, true), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_get(gt->b, LINE_B), 1);

	/* Lines go with the blocks and come back with them. */
	kunit_release_action(test, gpio_unregister, &gpio_model);
	KUNIT_EXPECT_NULL(test, gt->a);
	gpio_register(test);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_lookup(gt->b, "in"), LINE_B);
	/* The new block's line starts at its pull again. */
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_get(gt->b, LINE_B), 0);
}

/* The model sees the level the consumer drives, once per change. */
static void vsoc_sim_gpio_consumer_output(struct kunit *test)
{
	struct gpio_desc *out;

	gpio_register(test);
	out = gpio_get(test, IDX_OUT, GPIOD_OUT_LOW);
	/* Input to output is a change, even at the same level. */
	gpio_expect_changed(test, 1, LINE_OUT, false);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_get(gt->a, LINE_OUT), 0);

	gpiod_set_value(out, 1);
	gpio_expect_changed(test, 2, LINE_OUT, true);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_get(gt->a, LINE_OUT), 1);
	gpiod_set_value(out, 1);
	gpio_expect_changed(test, 2, LINE_OUT, true);
	gpiod_set_value(out, 0);
	gpio_expect_changed(test, 3, LINE_OUT, false);

	/* What the model drives does not override an output. */
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_OUT, true), 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(out), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_get(gt->a, LINE_OUT), 0);
	gpio_expect_changed(test, 3, LINE_OUT, false);
}

/* The consumer sees the level the model drives. */
static void vsoc_sim_gpio_model_input(struct kunit *test)
{
	struct gpio_desc *in;

	gpio_register(test);
	in = gpio_get(test, IDX_IN, GPIOD_IN);
	/* Already an input: no change. */
	gpio_expect_changed(test, 0, 0, false);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 0);

	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_IN, true), 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 1);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_get(gt->a, LINE_IN), 1);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_IN, false), 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 0);
	/* The model's own changes are not told back to it. */
	gpio_expect_changed(test, 0, 0, false);
}

/* Which edges raise the interrupt of an input line, for @flags. */
static void gpio_edges(struct kunit *test, struct gpio_desc *in,
		       unsigned long flags, int rise, int fall)
{
	int irq, n;

	atomic_set(&gt->irqs, 0);
	irq = gpio_request(test, in, flags);
	n = rise;
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_IN, true), 0);
	gpio_expect_irqs(test, n);
	/* The same level again is no edge. */
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_IN, true), 0);
	gpio_expect_irqs(test, n);
	n += fall;
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_IN, false), 0);
	gpio_expect_irqs(test, n);
	kunit_release_action(test, gpio_free_irq, (void *)(uintptr_t)irq);
}

static void vsoc_sim_gpio_edge_irqs(struct kunit *test)
{
	struct gpio_desc *in;

	gpio_register(test);
	in = gpio_get(test, IDX_IN, GPIOD_IN);
	gpio_edges(test, in, IRQF_TRIGGER_RISING, 1, 0);
	gpio_edges(test, in, IRQF_TRIGGER_FALLING, 0, 1);
	gpio_edges(test, in, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING, 1, 1);
}

/* No interrupt while masked or not requested; edges only. */
static void vsoc_sim_gpio_edge_irqs_masked(struct kunit *test)
{
	struct gpio_desc *in;
	int irq;

	gpio_register(test);
	in = gpio_get(test, IDX_IN, GPIOD_IN);

	/* Mapped, but nobody requested it. */
	KUNIT_ASSERT_GT(test, gpiod_to_irq(in), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_IN, true), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_IN, false), 0);
	gpio_expect_irqs(test, 0);

	/* Lines have edges, not levels. */
	KUNIT_EXPECT_NE(test, request_irq(gpiod_to_irq(in), gpio_test_irq,
					  IRQF_TRIGGER_HIGH, "kunit", gt), 0);

	irq = gpio_request(test, in, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING);
	disable_irq(irq);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_IN, true), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_IN, false), 0);
	gpio_expect_irqs(test, 0);
	/*
	 * The IRQ core masks the line at the first edge while disabled and
	 * replays it on enable_irq(), once; the next edge is dropped at the
	 * masked line.
	 */
	enable_irq(irq);
	gpio_expect_irqs(test, 1);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_IN, true), 0);
	gpio_expect_irqs(test, 2);
}

/* Direction changes reach the model; the consumer reads the right side. */
static void vsoc_sim_gpio_directions(struct kunit *test)
{
	struct gpio_desc *out;

	gpio_register(test);
	out = gpio_get(test, IDX_OUT, GPIOD_OUT_HIGH);
	gpio_expect_changed(test, 1, LINE_OUT, true);
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(out), 0);

	/* Input: the model's level, which it drove while it was an output. */
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_OUT, false), 0);
	KUNIT_EXPECT_EQ(test, gpiod_direction_input(out), 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(out), 1);
	gpio_expect_changed(test, 2, LINE_OUT, false);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(out), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_OUT, true), 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(out), 1);

	KUNIT_EXPECT_EQ(test, gpiod_direction_output(out, 0), 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_direction(out), 0);
	gpio_expect_changed(test, 3, LINE_OUT, false);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(out), 0);
}

/*
 * A line the model does not drive reads as its pull (the consumer asks
 * for a pull-up in the DT); when the block goes, it falls back to it.
 */
static void vsoc_sim_gpio_pull(struct kunit *test)
{
	struct gpio_desc *in;
	unsigned long down;

	gpio_register(test);
	in = gpio_get(test, IDX_PULLED, GPIOD_IN);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 1);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_get(gt->a, LINE_PULLED), 1);
	KUNIT_EXPECT_EQ(test, vsoc_sim_gpio_set(gt->a, LINE_PULLED, false), 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 0);

	gpio_request(test, in, IRQF_TRIGGER_RISING);
	kunit_release_action(test, gpio_unregister, &gpio_model);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 1);
	gpio_expect_irqs(test, 1);

	/* Pull-down: an edge too. */
	down = pinconf_to_config_packed(PIN_CONFIG_BIAS_PULL_DOWN, 1);
	KUNIT_EXPECT_EQ(test, gpiod_set_config(in, down), 0);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(in), 0);
	gpio_expect_irqs(test, 1);
}

/*
 * Is register @reg listed in the regmap debugfs "registers" text @buf
 * ("<reg>: <value>" lines, the register as wide as the highest one)?
 */
static bool gpio_listed(const char *buf, unsigned int reg)
{
	unsigned int r, v;

	for (; buf && *buf; buf = strchr(buf, '\n'), buf = buf ? buf + 1 : NULL)
		if (sscanf(buf, "%x: %x", &r, &v) == 2 && r == reg)
			return v == reg;
	return false;
}

/*
 * The text of debugfs file @path. Read through user memory: the files of
 * regmap have no read_iter, which kernel_read() needs.
 */
static char *gpio_read_file(struct kunit *test, const char *path)
{
	ssize_t len = 0, n;
	unsigned long ubuf;
	struct file *f;
	loff_t pos = 0;
	char *buf;

	buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	ubuf = kunit_vm_mmap(test, NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
			     MAP_ANONYMOUS | MAP_PRIVATE, 0);
	KUNIT_ASSERT_FALSE(test, !ubuf || IS_ERR_VALUE(ubuf));
	f = filp_open(path, O_RDONLY, 0);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "cannot open %s: %ld", path,
			       PTR_ERR(f));
	while (f->f_op->read && len < PAGE_SIZE - 1) {
		n = f->f_op->read(f, (char __user *)ubuf + len,
				  PAGE_SIZE - 1 - len, &pos);
		if (n <= 0)
			break;
		len += n;
	}
	filp_close(f, NULL);
	KUNIT_ASSERT_GT(test, len, 0);
	KUNIT_ASSERT_EQ(test, copy_from_user(buf, (void __user *)ubuf, len), 0);
	return buf;
}

/* Reads of the registers the model calls precious come from drivers only. */
static void vsoc_sim_gpio_precious_regs(struct kunit *test)
{
	struct platform_device *pdev;
	struct regmap *map;
	char path[128];
	unsigned int val;
	char *buf;

	gpio_register(test);
	pdev = of_find_device_by_node(gt->board);
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	map = dev_get_regmap(&pdev->dev, "kunit-gpio-a@0");
	snprintf(path, sizeof(path),
		 "/sys/kernel/debug/regmap/%s-kunit-gpio-a@0/registers",
		 dev_name(&pdev->dev));
	put_device(&pdev->dev);
	KUNIT_ASSERT_NOT_NULL(test, map);

	KUNIT_EXPECT_EQ(test, regmap_read(map, REG_FIFO, &val), 0);
	KUNIT_EXPECT_EQ(test, val, REG_FIFO);
	KUNIT_EXPECT_EQ(test, atomic_read(&gt->fifo_reads), 1);

	buf = gpio_read_file(test, path);
	/* The other registers are listed, the FIFO port is not even read. */
	KUNIT_EXPECT_TRUE_MSG(test, gpio_listed(buf, 0x0), "%s", buf);
	KUNIT_EXPECT_TRUE_MSG(test, gpio_listed(buf, 0xc), "%s", buf);
	KUNIT_EXPECT_FALSE_MSG(test, gpio_listed(buf, REG_FIFO), "%s", buf);
	KUNIT_EXPECT_FALSE_MSG(test, gpio_listed(buf, REG_FIFO_END), "%s", buf);
	KUNIT_EXPECT_GT(test, atomic_read(&gt->reads), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&gt->fifo_reads), 1);
}

static struct kunit_case vsoc_sim_gpio_cases[] = {
	KUNIT_CASE(vsoc_sim_gpio_lookup_ownership),
	KUNIT_CASE(vsoc_sim_gpio_consumer_output),
	KUNIT_CASE(vsoc_sim_gpio_model_input),
	KUNIT_CASE(vsoc_sim_gpio_edge_irqs),
	KUNIT_CASE(vsoc_sim_gpio_edge_irqs_masked),
	KUNIT_CASE(vsoc_sim_gpio_directions),
	KUNIT_CASE(vsoc_sim_gpio_pull),
	KUNIT_CASE(vsoc_sim_gpio_precious_regs),
	{ }
};

static struct kunit_suite vsoc_sim_gpio_suite = {
	.name = "vsoc-sim-gpio",
	.init = gpio_init,
	.test_cases = vsoc_sim_gpio_cases,
};

kunit_test_suite(vsoc_sim_gpio_suite);
