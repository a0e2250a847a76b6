// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the board's interrupt controller: level semantics as a
 * driver sees them, with a model whose causes are acknowledged by a
 * write-1-to-clear in the handler.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include "vsoc-sim-priv.h"

#define IRQ_TEST_LINES		4
#define IRQ_TEST_HWIRQ		2
#define IRQ_TEST_RAISERS	2
#define IRQ_TEST_HAMMER		2000

struct irq_test;

/* Raises causes from one CPU. */
struct irq_test_raiser {
	struct work_struct work;
	struct irq_test *t;
	unsigned int count;
};

/**
 * struct irq_test - a controller with one mapped line and a tiny model
 * @si: the controller
 * @fwnode: its firmware node
 * @virq: the mapped line
 * @lock: the model's lock: its causes and the line's level change together
 * @causes: causes pending in the model (an IRQ_STATUS register)
 * @reraise: causes the handler raises itself, after acknowledging
 * @delay_us: time the handler spends after acknowledging
 * @handled: causes handled
 * @calls: handler runs
 * @spurious: handler runs that found no cause
 * @raisers: one per CPU for the hammer test
 */
struct irq_test {
	struct vsoc_sim_irq *si;
	struct fwnode_handle *fwnode;
	unsigned int virq;
	spinlock_t lock; /* the model's state */
	unsigned int causes;
	unsigned int reraise;
	unsigned int delay_us;
	atomic_t handled;
	atomic_t calls;
	atomic_t spurious;
	struct irq_test_raiser raisers[IRQ_TEST_RAISERS];
};

static void irq_test_raise(struct irq_test *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->lock, flags);
	t->causes++;
	vsoc_sim_irq_line_set(t->si, IRQ_TEST_HWIRQ, true);
	spin_unlock_irqrestore(&t->lock, flags);
}

/* What a driver's W1C of every pending cause does to the model. */
static unsigned int irq_test_ack(struct irq_test *t)
{
	unsigned long flags;
	unsigned int n;

	spin_lock_irqsave(&t->lock, flags);
	n = t->causes;
	t->causes = 0;
	vsoc_sim_irq_line_set(t->si, IRQ_TEST_HWIRQ, false);
	spin_unlock_irqrestore(&t->lock, flags);
	return n;
}

static irqreturn_t irq_test_handler(int irq, void *data)
{
	struct irq_test *t = data;
	unsigned int n = irq_test_ack(t);

	atomic_inc(&t->calls);
	if (!n) {
		atomic_inc(&t->spurious);
		return IRQ_NONE;
	}
	/* A new cause after the acknowledge, before the handler returns. */
	if (t->reraise) {
		t->reraise--;
		irq_test_raise(t);
	}
	if (t->delay_us)
		udelay(t->delay_us);
	atomic_add(n, &t->handled);
	return IRQ_HANDLED;
}

static bool irq_test_wait_handled(struct irq_test *t, int want)
{
	unsigned long end = jiffies + 10 * HZ;

	while (atomic_read(&t->handled) < want && time_before(jiffies, end))
		usleep_range(500, 1000);
	return atomic_read(&t->handled) == want;
}

static bool irq_test_line_pending(struct irq_test *t)
{
	bool state = false;

	irq_get_irqchip_state(t->virq, IRQCHIP_STATE_PENDING, &state);
	return state;
}

static int irq_test_init(struct kunit *test)
{
	struct irq_test *t;
	int ret;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	spin_lock_init(&t->lock);

	t->fwnode = irq_domain_alloc_named_fwnode("vsoc-sim-kunit-irq");
	KUNIT_ASSERT_NOT_NULL(test, t->fwnode);
	t->si = vsoc_sim_irq_create(t->fwnode, IRQ_TEST_LINES);
	if (IS_ERR(t->si)) {
		irq_domain_free_fwnode(t->fwnode);
		KUNIT_FAIL(test, "cannot create the controller: %ld",
			   PTR_ERR(t->si));
		return PTR_ERR(t->si);
	}
	t->virq = irq_create_mapping(vsoc_sim_irq_domain(t->si), IRQ_TEST_HWIRQ);
	ret = t->virq ? request_irq(t->virq, irq_test_handler, 0,
				    "vsoc-sim-kunit", t) : -EINVAL;
	if (ret) {
		if (t->virq)
			irq_dispose_mapping(t->virq);
		vsoc_sim_irq_remove(t->si);
		irq_domain_free_fwnode(t->fwnode);
		KUNIT_FAIL(test, "cannot map and request a line: %d", ret);
		return ret;
	}
	test->priv = t;
	return 0;
}

static void irq_test_exit(struct kunit *test)
{
	struct irq_test *t = test->priv;

	if (!t)
		return;
	free_irq(t->virq, t);
	irq_dispose_mapping(t->virq);
	vsoc_sim_irq_remove(t->si);
	irq_domain_free_fwnode(t->fwnode);
}

static void vsoc_sim_irq_is_level(struct kunit *test)
{
	struct irq_test *t = test->priv;

	KUNIT_EXPECT_TRUE(test, irqd_is_level_type(irq_get_irq_data(t->virq)));
	KUNIT_EXPECT_EQ(test, irq_get_trigger_type(t->virq),
			(u32)IRQ_TYPE_LEVEL_HIGH);
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(t->virq, IRQ_TYPE_EDGE_RISING),
			-EINVAL);
}

static void vsoc_sim_irq_delivers_once(struct kunit *test)
{
	struct irq_test *t = test->priv;

	irq_test_raise(t);
	KUNIT_EXPECT_TRUE(test, irq_test_wait_handled(t, 1));
	msleep(20);
	/* Acknowledged: the line dropped and is not delivered again. */
	KUNIT_EXPECT_EQ(test, atomic_read(&t->calls), 1);
	KUNIT_EXPECT_FALSE(test, irq_test_line_pending(t));
}

static void vsoc_sim_irq_raised_in_handler(struct kunit *test)
{
	struct irq_test *t = test->priv;

	t->reraise = 3;
	irq_test_raise(t);
	KUNIT_EXPECT_TRUE(test, irq_test_wait_handled(t, 4));
	KUNIT_EXPECT_EQ(test, atomic_read(&t->calls), 4);
	KUNIT_EXPECT_FALSE(test, irq_test_line_pending(t));
}

static void vsoc_sim_irq_held_while_disabled(struct kunit *test)
{
	struct irq_test *t = test->priv;

	disable_irq(t->virq);
	irq_test_raise(t);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->calls), 0);
	KUNIT_EXPECT_TRUE(test, irq_test_line_pending(t));
	enable_irq(t->virq);
	KUNIT_EXPECT_TRUE(test, irq_test_wait_handled(t, 1));
	KUNIT_EXPECT_EQ(test, atomic_read(&t->calls), 1);
}

static void vsoc_sim_irq_dropped_before_delivery(struct kunit *test)
{
	struct irq_test *t = test->priv;

	disable_irq(t->virq);
	irq_test_raise(t);
	/* Polled and acknowledged while disabled: nothing to deliver. */
	KUNIT_EXPECT_EQ(test, irq_test_ack(t), 1U);
	enable_irq(t->virq);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->calls), 0);
}

static void irq_test_raiser_work(struct work_struct *work)
{
	struct irq_test_raiser *r = container_of(work, struct irq_test_raiser,
						 work);
	unsigned int i;

	for (i = 0; i < r->count; i++) {
		irq_test_raise(r->t);
		udelay(i % 23);
	}
}

/*
 * Causes raised on several CPUs while the handler runs slowly on one of
 * them: each is acknowledged by some run of the handler, none is lost.
 */
static void vsoc_sim_irq_hammer(struct kunit *test)
{
	struct irq_test *t = test->priv;
	unsigned int cpu, n = 0;

	t->delay_us = 20;
	for_each_online_cpu(cpu) {
		struct irq_test_raiser *r = &t->raisers[n];

		r->t = t;
		r->count = IRQ_TEST_HAMMER;
		INIT_WORK(&r->work, irq_test_raiser_work);
		queue_work_on(cpu, system_highpri_wq, &r->work);
		if (++n == IRQ_TEST_RAISERS)
			break;
	}
	for (cpu = 0; cpu < n; cpu++)
		flush_work(&t->raisers[cpu].work);

	KUNIT_EXPECT_TRUE(test, irq_test_wait_handled(t, n * IRQ_TEST_HAMMER));
	KUNIT_EXPECT_EQ(test, atomic_read(&t->handled), n * IRQ_TEST_HAMMER);
	KUNIT_EXPECT_FALSE(test, irq_test_line_pending(t));
	kunit_info(test, "%d causes from %u CPUs in %d handler runs (%d spurious)\n",
		   atomic_read(&t->handled), n, atomic_read(&t->calls),
		   atomic_read(&t->spurious));
}

static struct kunit_case vsoc_sim_irq_cases[] = {
	KUNIT_CASE(vsoc_sim_irq_is_level),
	KUNIT_CASE(vsoc_sim_irq_delivers_once),
	KUNIT_CASE(vsoc_sim_irq_raised_in_handler),
	KUNIT_CASE(vsoc_sim_irq_held_while_disabled),
	KUNIT_CASE(vsoc_sim_irq_dropped_before_delivery),
	KUNIT_CASE(vsoc_sim_irq_hammer),
	{ }
};

static struct kunit_suite vsoc_sim_irq_suite = {
	.name = "vsoc-sim-irq",
	.init = irq_test_init,
	.exit = irq_test_exit,
	.test_cases = vsoc_sim_irq_cases,
};

kunit_test_suite(vsoc_sim_irq_suite);
