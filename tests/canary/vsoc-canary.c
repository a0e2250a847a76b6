// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-canary: provokes, on request, each kind of kernel splat the
 * virtual board's harness claims to catch, so that tests/groups/harness.sh
 * can prove every detector of tests/board/splat.sh fires. Test-only: not
 * in modules.mk nor dkms.conf, loaded only by the harness tests.
 *
 * Write an action's name to /sys/kernel/debug/vsoc-canary/trigger:
 *
 *   warn        WARN()
 *   dump-stack  a bare stack dump, no other report
 *   leak        leak a few kmalloc'd objects (kmemleak)
 *   lockdep     take two mutexes A then B, later B then A (a circular
 *               dependency for lockdep; no real deadlock, one thread)
 *   nonstatic   lock a spinlock in kzalloc'd memory that was never
 *               initialised with spin_lock_init() (a non-static key)
 *   irq         an interrupt no handler claims, raised until the core
 *               disables the line ("nobody cared") or 20 s pass
 *
 * With init_fail=1 loading fails, as a broken module's would.
 */

#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_sim.h>
#include <linux/irqdomain.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static bool init_fail;
module_param(init_fail, bool, 0444);
MODULE_PARM_DESC(init_fail, "fail to load (-ENODEV)");

static struct dentry *canary_dir;

static int canary_warn(void)
{
	WARN(1, "vsoc-canary: WARN on request\n");
	return 0;
}

static int canary_dump_stack(void)
{
	pr_info("vsoc-canary: stack dump on request\n");
	dump_stack();
	return 0;
}

#define CANARY_LEAKS		8
#define CANARY_LEAK_SIZE	512

static int canary_leak(void)
{
	void *p;
	int i;

	/* Several objects: a stale copy of one pointer may keep it alive. */
	for (i = 0; i < CANARY_LEAKS; i++) {
		p = kmalloc(CANARY_LEAK_SIZE, GFP_KERNEL);
		if (!p)
			return -ENOMEM;
		memset(p, 0xa5, CANARY_LEAK_SIZE);
	}
	pr_info("vsoc-canary: leaked %d objects of %d bytes\n",
		CANARY_LEAKS, CANARY_LEAK_SIZE);
	return 0;
}

static DEFINE_MUTEX(canary_lock_a);
static DEFINE_MUTEX(canary_lock_b);

static int canary_lockdep(void)
{
	mutex_lock(&canary_lock_a);
	mutex_lock(&canary_lock_b);
	mutex_unlock(&canary_lock_b);
	mutex_unlock(&canary_lock_a);

	mutex_lock(&canary_lock_b);
	mutex_lock(&canary_lock_a);
	mutex_unlock(&canary_lock_a);
	mutex_unlock(&canary_lock_b);
	return 0;
}

static int canary_nonstatic(void)
{
	spinlock_t *lock; /* uninitialised on purpose */

	lock = kzalloc(sizeof(*lock), GFP_KERNEL);
	if (!lock)
		return -ENOMEM;
	/* The bug on purpose: no spin_lock_init(lock). */
	spin_lock(lock);
	spin_unlock(lock);
	kfree(lock);
	return 0;
}

static atomic_t canary_irq_calls = ATOMIC_INIT(0);

static irqreturn_t canary_irq_handler(int irq, void *data)
{
	atomic_inc(&canary_irq_calls);
	return IRQ_NONE;
}

static bool canary_irq_off(unsigned int virq)
{
	return irqd_irq_disabled(irq_get_irq_data(virq));
}

static int canary_irq(void)
{
	struct fwnode_handle *fwnode;
	struct irq_domain *domain;
	unsigned long end = jiffies + 20 * HZ;
	unsigned int virq;
	int seen, ret;

	fwnode = irq_domain_alloc_named_fwnode("vsoc-canary");
	if (!fwnode)
		return -ENOMEM;
	domain = irq_domain_create_sim(fwnode, 1);
	if (IS_ERR(domain)) {
		ret = PTR_ERR(domain);
		goto free_fwnode;
	}
	virq = irq_create_mapping(domain, 0);
	if (!virq) {
		ret = -ENXIO;
		goto remove_domain;
	}
	ret = request_irq(virq, canary_irq_handler, 0, "vsoc-canary",
			  &canary_irq_calls);
	if (ret)
		goto dispose;

	/* One interrupt at a time: raise it, wait until it was handled. */
	while (!canary_irq_off(virq) && time_before(jiffies, end)) {
		seen = atomic_read(&canary_irq_calls);
		ret = irq_set_irqchip_state(virq, IRQCHIP_STATE_PENDING, true);
		if (ret)
			break;
		while (atomic_read(&canary_irq_calls) == seen &&
		       !canary_irq_off(virq) && time_before(jiffies, end))
			cpu_relax();
		cond_resched();
	}
	pr_info("vsoc-canary: irq %u: %d unhandled interrupts, line %s\n",
		virq, atomic_read(&canary_irq_calls),
		canary_irq_off(virq) ? "disabled" : "still enabled");

	free_irq(virq, &canary_irq_calls);
dispose:
	irq_dispose_mapping(virq);
remove_domain:
	irq_domain_remove_sim(domain);
free_fwnode:
	irq_domain_free_fwnode(fwnode);
	return ret;
}

static const struct {
	const char *name;
	int (*run)(void);
} canary_actions[] = {
	{ "warn", canary_warn },
	{ "dump-stack", canary_dump_stack },
	{ "leak", canary_leak },
	{ "lockdep", canary_lockdep },
	{ "nonstatic", canary_nonstatic },
	{ "irq", canary_irq },
};

static ssize_t canary_trigger_write(struct file *file, const char __user *ubuf,
				    size_t len, loff_t *ppos)
{
	char buf[32];
	size_t i;
	int ret;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';

	for (i = 0; i < ARRAY_SIZE(canary_actions); i++) {
		if (!sysfs_streq(buf, canary_actions[i].name))
			continue;
		pr_info("vsoc-canary: %s\n", canary_actions[i].name);
		ret = canary_actions[i].run();
		return ret ? ret : len;
	}
	return -EINVAL;
}

static const struct file_operations canary_trigger_fops = {
	.owner = THIS_MODULE,
	.write = canary_trigger_write,
	.llseek = noop_llseek,
};

static int __init canary_init(void)
{
	if (init_fail) {
		pr_err("vsoc-canary: failing to load, as asked (init_fail)\n");
		return -ENODEV;
	}
	canary_dir = debugfs_create_dir("vsoc-canary", NULL);
	debugfs_create_file("trigger", 0200, canary_dir, NULL,
			    &canary_trigger_fops);
	return 0;
}
module_init(canary_init);

static void __exit canary_exit(void)
{
	debugfs_remove_recursive(canary_dir);
}
module_exit(canary_exit);

MODULE_DESCRIPTION("vsoc harness canary: provokes kernel splats on request");
MODULE_LICENSE("GPL");
