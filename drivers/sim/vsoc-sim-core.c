// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-sim: the virtual board's system bus.
 *
 * A "vsoc,sim" DT node stands for the SoC's peripheral bus. Its children
 * are IP blocks; each gets its registers, interrupt lines and DMA from a
 * register-level model (see include/vsoc/sim.h). The block's platform
 * device is created only while its model is registered, and destroyed
 * (its driver unbound) before the model goes away.
 */
#include <linux/debugfs.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/slab.h>
#include <linux/wait.h>

#include <vsoc/compat.h>
#include <vsoc/sim.h>

#include "vsoc-sim-priv.h"

/*
 * Serialises boards, models and blocks coming and going. Block devices
 * are created (and their drivers probed) without it, so that a probe may
 * load modules and register models; see vsoc_sim_add_devices().
 */
static DEFINE_MUTEX(vsoc_sim_lock);
static LIST_HEAD(vsoc_sim_boards);
static LIST_HEAD(vsoc_sim_models);
static struct dentry *vsoc_sim_debugfs_root;
/* Bumped, under the lock, each time a device creation ends. */
static unsigned long vsoc_sim_add_gen;
static DECLARE_WAIT_QUEUE_HEAD(vsoc_sim_add_wq);

/* The block's node name ("dummy@0"): its regmap's and debugfs dir's name. */
static const char *vsoc_sim_block_name(const struct vsoc_sim_block *blk)
{
	return kbasename(of_node_full_name(blk->np));
}

void *vsoc_sim_block_priv(const struct vsoc_sim_block *blk)
{
	return blk->priv;
}
EXPORT_SYMBOL_GPL(vsoc_sim_block_priv);

void vsoc_sim_block_set_priv(struct vsoc_sim_block *blk, void *priv)
{
	blk->priv = priv;
}
EXPORT_SYMBOL_GPL(vsoc_sim_block_set_priv);

u32 vsoc_sim_block_size(const struct vsoc_sim_block *blk)
{
	return blk->size;
}
EXPORT_SYMBOL_GPL(vsoc_sim_block_size);

struct dentry *vsoc_sim_block_debugfs(const struct vsoc_sim_block *blk)
{
	return blk->debugfs;
}
EXPORT_SYMBOL_GPL(vsoc_sim_block_debugfs);

struct device_node *vsoc_sim_block_of_node(const struct vsoc_sim_block *blk)
{
	return blk->np;
}
EXPORT_SYMBOL_GPL(vsoc_sim_block_of_node);

/**
 * vsoc_sim_irq_set() - drive an interrupt line of a block
 * @blk: the block
 * @index: the line, in the order of the block's DT "interrupts"
 * @level: true while the block asserts the line
 *
 * Lines are level triggered: a model calls this whenever its interrupt
 * condition may have changed, including after the driver acknowledged a
 * cause. While the level is high the interrupt stays pending and is
 * delivered again each time the line is unmasked (after every run of the
 * handler), so a cause raised during the driver's handler is never lost;
 * a line that drops before delivery is not delivered at all.
 *
 * Context: any; does not sleep.
 * Return: 0 or -EINVAL for a line the block does not have.
 */
int vsoc_sim_irq_set(struct vsoc_sim_block *blk, unsigned int index,
		     bool level)
{
	if (index >= blk->nr_irqs)
		return -EINVAL;
	vsoc_sim_irq_line_set(blk->sim->irq, blk->hwirqs[index], level);
	return 0;
}
EXPORT_SYMBOL_GPL(vsoc_sim_irq_set);

static int vsoc_sim_reg_read(void *ctx, unsigned int reg, unsigned int *val)
{
	struct vsoc_sim_block *blk = ctx;

	return blk->model->reg_read(blk, reg, val);
}

static int vsoc_sim_reg_write(void *ctx, unsigned int reg, unsigned int val)
{
	struct vsoc_sim_block *blk = ctx;

	return blk->model->reg_write(blk, reg, val);
}

/* Map one interrupt line of a block and make it the block's own. */
static int vsoc_sim_block_claim_irq(struct vsoc_sim_block *blk,
				    unsigned int i)
{
	struct vsoc_sim *sim = blk->sim;
	struct irq_data *d;
	unsigned int hwirq;
	int virq;

	virq = of_irq_get(blk->np, i);
	if (virq <= 0)
		return virq ? virq : -EINVAL;
	d = irq_get_irq_data(virq);
	/* A model can drive only the board's own lines. */
	if (d->domain != vsoc_sim_irq_domain(sim->irq)) {
		dev_err(sim->dev, "%pOF: interrupt %u is not a line of this board\n",
			blk->np, i);
		return -EINVAL;
	}
	hwirq = irqd_to_hwirq(d);
	/*
	 * A line has one driver: two models driving one level would
	 * override each other, and the mapping would go with the first
	 * block removed.
	 */
	if (sim->line_owner[hwirq]) {
		dev_err(sim->dev, "%pOF: interrupt line %u is already used by %pOF; lines cannot be shared\n",
			blk->np, hwirq, sim->line_owner[hwirq]);
		return -EBUSY;
	}
	sim->line_owner[hwirq] = blk->np;
	blk->virqs[i] = virq;
	blk->hwirqs[i] = hwirq;
	blk->nr_irqs++;
	return 0;
}

static int vsoc_sim_block_irqs(struct vsoc_sim_block *blk)
{
	struct of_phandle_args args;
	unsigned int i, n = 0;
	int ret;

	/* of_irq_count() is not exported; this is what it does. */
	while (!of_irq_parse_one(blk->np, n, &args)) {
		of_node_put(args.np);
		n++;
	}
	if (!n)
		return 0;
	blk->virqs = kcalloc(n, sizeof(*blk->virqs), GFP_KERNEL);
	blk->hwirqs = kcalloc(n, sizeof(*blk->hwirqs), GFP_KERNEL);
	if (!blk->virqs || !blk->hwirqs)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		ret = vsoc_sim_block_claim_irq(blk, i);
		if (ret)
			return ret;
	}
	return 0;
}

/* Give back what vsoc_sim_block_create() took; the device is gone. */
static void vsoc_sim_block_free(struct vsoc_sim_block *blk)
{
	unsigned int i;

	vsoc_sim_gpio_block_detach(blk);
	for (i = 0; i < blk->nr_irqs; i++) {
		vsoc_sim_irq_line_set(blk->sim->irq, blk->hwirqs[i], false);
		irq_dispose_mapping(blk->virqs[i]);
		blk->sim->line_owner[blk->hwirqs[i]] = NULL;
	}
	kfree(blk->hwirqs);
	kfree(blk->virqs);
	if (blk->precious)
		kfree(blk->precious->yes_ranges);
	kfree(blk->precious);
	if (blk->pdev)
		put_device(&blk->pdev->dev);
	of_node_put(blk->np);
	kfree(blk);
}

/* Write range @i of an array of struct regmap_range being built. */
static void vsoc_sim_range_set(void *ranges, unsigned int i, u32 min, u32 max)
{
	const struct regmap_range range = regmap_reg_range(min, max);

	memcpy(ranges + i * sizeof(range), &range, sizeof(range));
}

/*
 * Walk the registers the model calls precious and, if @ranges is given,
 * write their runs there. Return: the number of runs.
 */
static unsigned int vsoc_sim_precious_scan(struct vsoc_sim_block *blk,
					   void *ranges)
{
	unsigned int n = 0;
	bool run = false, cur;
	u64 off, start = 0;

	for (off = 0; off <= blk->size; off += 4, run = cur) {
		cur = off < blk->size && blk->model->reg_precious(blk, off);
		if (cur && !run)
			start = off;
		if (!cur && run) {
			if (ranges)
				vsoc_sim_range_set(ranges, n, start, off - 4);
			n++;
		}
	}
	return n;
}

/*
 * The registers the model calls precious (reads with side effects, FIFO
 * ports), as the regmap's precious_table: the precious_reg callback of a
 * regmap is given the board device, not the block. The model is asked
 * about each register after its create(), twice.
 */
static int vsoc_sim_block_precious(struct vsoc_sim_block *blk)
{
	unsigned int n;
	void *ranges;

	if (!blk->model->reg_precious)
		return 0;
	n = vsoc_sim_precious_scan(blk, NULL);
	if (!n)
		return 0;
	ranges = kcalloc(n, sizeof(const struct regmap_range), GFP_KERNEL);
	if (!ranges)
		return -ENOMEM;
	/* A model that answers differently the second time is broken. */
	if (vsoc_sim_precious_scan(blk, ranges) != n) {
		kfree(ranges);
		return -EINVAL;
	}
	blk->precious = kmemdup(&(const struct regmap_access_table) {
					.yes_ranges = ranges,
					.n_yes_ranges = n,
				}, sizeof(*blk->precious), GFP_KERNEL);
	if (!blk->precious) {
		kfree(ranges);
		return -ENOMEM;
	}
	return 0;
}

/*
 * The block's registers, offered on the board device under the block's
 * node name; see vsoc_regmap_get(). Accesses may come from any context
 * (drivers poke registers under spinlocks), hence fast_io.
 */
static struct regmap *vsoc_sim_block_regmap(struct vsoc_sim_block *blk)
{
	const struct regmap_config cfg = {
		.name = vsoc_sim_block_name(blk),
		.reg_bits = 32,
		.val_bits = 32,
		.reg_stride = 4,
		.max_register = blk->size - 4,
		.reg_read = vsoc_sim_reg_read,
		.reg_write = vsoc_sim_reg_write,
		.fast_io = true,
		.cache_type = REGCACHE_NONE,
		.precious_table = blk->precious,
	};

	return regmap_init(blk->sim->dev, NULL, blk, &cfg);
}

/*
 * Tear a block down: its driver is unbound and its device unregistered
 * first, then the debugfs files and registers the model offers go, and
 * the model is stopped and freed last. The device structure stays valid
 * until the model is gone, so late DMA of a model cannot touch freed
 * memory of the device.
 */
static void vsoc_sim_block_destroy(struct vsoc_sim_block *blk)
{
	lockdep_assert_held(&vsoc_sim_lock);

	list_del(&blk->list);
	if (blk->pdev)
		of_platform_device_destroy(&blk->pdev->dev, NULL);
	debugfs_remove_recursive(blk->debugfs);
	regmap_exit(blk->regmap);
	/* No gpio_changed() once destroy() began. */
	vsoc_sim_gpio_block_detach(blk);
	blk->model->destroy(blk);
	vsoc_sim_block_free(blk);
}

/* Everything of a block but its device, which vsoc_sim_add_devices() makes. */
static int vsoc_sim_block_create(struct vsoc_sim *sim, struct device_node *np,
				 const struct vsoc_sim_model *model)
{
	struct vsoc_sim_block *blk;
	u32 reg[2];
	int ret;

	lockdep_assert_held(&vsoc_sim_lock);

	ret = of_property_read_u32_array(np, "reg", reg, ARRAY_SIZE(reg));
	if (ret || !reg[1] || reg[1] % 4) {
		dev_err(sim->dev, "%pOF: needs \"reg\" = <offset size>, size a non-zero multiple of 4\n",
			np);
		return -EINVAL;
	}
	/* dma_to_phys() is the direct mapping: no IOMMU is modelled. */
	if (of_property_present(np, "iommus")) {
		dev_err(sim->dev, "%pOF: the board has no IOMMU; a block behind one is not supported\n",
			np);
		return -EINVAL;
	}

	blk = kzalloc(sizeof(*blk), GFP_KERNEL);
	if (!blk)
		return -ENOMEM;
	blk->sim = sim;
	blk->model = model;
	blk->np = of_node_get(np);
	blk->size = reg[1];

	ret = vsoc_sim_block_irqs(blk);
	if (ret) {
		dev_err(sim->dev, "%pOF: bad interrupts: %d\n", np, ret);
		goto err_free;
	}

	/* Its GPIO lines: the model may look them up in create(). */
	vsoc_sim_gpio_block_attach(blk);
	blk->debugfs = debugfs_create_dir(vsoc_sim_block_name(blk), sim->debugfs);
	ret = model->create(blk);
	if (ret) {
		dev_err(sim->dev, "%pOF: model failed: %d\n", np, ret);
		goto err_debugfs;
	}

	ret = vsoc_sim_block_precious(blk);
	if (ret) {
		dev_err(sim->dev, "%pOF: model's precious registers: %d\n",
			np, ret);
		goto err_model;
	}
	blk->regmap = vsoc_sim_block_regmap(blk);
	if (IS_ERR(blk->regmap)) {
		ret = PTR_ERR(blk->regmap);
		goto err_model;
	}

	list_add_tail(&blk->list, &sim->blocks);
	/* Consumers' changes reach the model from now on. */
	vsoc_sim_gpio_block_start(blk);
	dev_dbg(sim->dev, "%pOF: block up, model %s\n", np, model->compatible);
	return 0;

err_model:
	/* The files point at the model state: they go first. */
	debugfs_remove_recursive(blk->debugfs);
	vsoc_sim_gpio_block_detach(blk);
	model->destroy(blk);
	goto err_free;
err_debugfs:
	debugfs_remove_recursive(blk->debugfs);
err_free:
	vsoc_sim_block_free(blk);
	return ret;
}

static bool vsoc_sim_has_block(struct vsoc_sim *sim, struct device_node *np)
{
	struct vsoc_sim_block *blk;

	list_for_each_entry(blk, &sim->blocks, list)
		if (blk->np == np)
			return true;
	return false;
}

/*
 * Create the blocks of @sim that @model (or any model, if NULL) serves;
 * their devices come with the next vsoc_sim_add_devices().
 */
static void vsoc_sim_populate(struct vsoc_sim *sim,
			      const struct vsoc_sim_model *model)
{
	const struct vsoc_sim_model *m;
	struct device_node *np;

	lockdep_assert_held(&vsoc_sim_lock);

	for_each_available_child_of_node(sim->dev->of_node, np) {
		if (vsoc_sim_has_block(sim, np))
			continue;
		list_for_each_entry(m, &vsoc_sim_models, list) {
			if (model && m != model)
				continue;
			if (of_device_is_compatible(np, m->compatible)) {
				/* A broken node must not keep the others down. */
				vsoc_sim_block_create(sim, np, m);
				break;
			}
		}
	}
}

/* A block that waits for its device; marked as being added. */
static struct vsoc_sim_block *vsoc_sim_claim_deviceless(void)
{
	struct vsoc_sim_block *blk;
	struct vsoc_sim *sim;

	lockdep_assert_held(&vsoc_sim_lock);

	list_for_each_entry(sim, &vsoc_sim_boards, list)
		list_for_each_entry(blk, &sim->blocks, list)
			if (!blk->pdev && !blk->adding && !blk->failed &&
			    !blk->dying) {
				blk->adding = true;
				return blk;
			}
	return NULL;
}

/*
 * Create the devices of blocks that have none, without the board lock:
 * creating a device probes its driver, which may load modules or
 * register models. A block being added is not freed (removal waits for
 * it), so it can be used after the lock was dropped.
 */
static void vsoc_sim_add_devices(void)
{
	struct vsoc_sim_block *blk;
	struct platform_device *pdev;

	for (;;) {
		mutex_lock(&vsoc_sim_lock);
		blk = vsoc_sim_claim_deviceless();
		mutex_unlock(&vsoc_sim_lock);
		if (!blk)
			return;

		pdev = of_platform_device_create(blk->np, NULL, blk->sim->dev);

		mutex_lock(&vsoc_sim_lock);
		if (pdev) {
			get_device(&pdev->dev);
			WRITE_ONCE(blk->pdev, pdev);
		} else {
			dev_err(blk->sim->dev, "%pOF: cannot create device\n",
				blk->np);
			blk->failed = true;
		}
		blk->adding = false;
		vsoc_sim_add_gen++;
		mutex_unlock(&vsoc_sim_lock);
		wake_up_all(&vsoc_sim_add_wq);
	}
}

/* Is a block that is to be removed still being added? */
static bool vsoc_sim_dying_adding(struct vsoc_sim *only)
{
	struct vsoc_sim_block *blk;
	struct vsoc_sim *sim;

	list_for_each_entry(sim, &vsoc_sim_boards, list) {
		if (only && sim != only)
			continue;
		list_for_each_entry(blk, &sim->blocks, list)
			if (blk->dying && blk->adding)
				return true;
	}
	return false;
}

/*
 * With the lock held, wait until no dying block of @only (of any board if
 * NULL) is being added; the lock is dropped while waiting.
 */
static void vsoc_sim_wait_dying(struct vsoc_sim *only)
{
	unsigned long gen;

	lockdep_assert_held(&vsoc_sim_lock);

	while (vsoc_sim_dying_adding(only)) {
		gen = vsoc_sim_add_gen;
		mutex_unlock(&vsoc_sim_lock);
		wait_event(vsoc_sim_add_wq, READ_ONCE(vsoc_sim_add_gen) != gen);
		mutex_lock(&vsoc_sim_lock);
	}
}

/**
 * vsoc_sim_model_register() - make a model available to every board
 * @model: the model; stays registered until vsoc_sim_model_unregister()
 *
 * Blocks of existing boards with @model's compatible come up at once:
 * when this returns, their devices exist and drivers already loaded have
 * probed them. A driver's probe may itself register models.
 *
 * Return: 0, or -EINVAL for an incomplete model, -EBUSY when another
 * model already serves the compatible.
 */
int vsoc_sim_model_register(struct vsoc_sim_model *model)
{
	struct vsoc_sim_model *m;
	struct vsoc_sim *sim;

	if (!model->compatible || !model->create || !model->destroy ||
	    !model->reg_read || !model->reg_write)
		return -EINVAL;

	mutex_lock(&vsoc_sim_lock);
	list_for_each_entry(m, &vsoc_sim_models, list) {
		if (!strcmp(m->compatible, model->compatible)) {
			mutex_unlock(&vsoc_sim_lock);
			return -EBUSY;
		}
	}
	list_add_tail(&model->list, &vsoc_sim_models);
	list_for_each_entry(sim, &vsoc_sim_boards, list)
		vsoc_sim_populate(sim, model);
	mutex_unlock(&vsoc_sim_lock);

	vsoc_sim_add_devices();
	return 0;
}
EXPORT_SYMBOL_GPL(vsoc_sim_model_register);

/**
 * vsoc_sim_model_unregister() - withdraw a model
 * @model: a registered model
 *
 * Every block the model serves is removed first: its driver is unbound.
 * Must not be called from the probe of a block the model serves.
 */
void vsoc_sim_model_unregister(struct vsoc_sim_model *model)
{
	struct vsoc_sim_block *blk, *tmp;
	struct vsoc_sim *sim;

	mutex_lock(&vsoc_sim_lock);
	/* No new block of this model from here on. */
	list_del(&model->list);
	list_for_each_entry(sim, &vsoc_sim_boards, list)
		list_for_each_entry(blk, &sim->blocks, list)
			if (blk->model == model)
				blk->dying = true;
	vsoc_sim_wait_dying(NULL);
	list_for_each_entry(sim, &vsoc_sim_boards, list)
		list_for_each_entry_safe_reverse(blk, tmp, &sim->blocks, list)
			if (blk->model == model)
				vsoc_sim_block_destroy(blk);
	mutex_unlock(&vsoc_sim_lock);
}
EXPORT_SYMBOL_GPL(vsoc_sim_model_unregister);

static void vsoc_sim_teardown(void *data)
{
	struct vsoc_sim_block *blk, *tmp;
	struct vsoc_sim *sim = data;

	mutex_lock(&vsoc_sim_lock);
	list_for_each_entry(blk, &sim->blocks, list)
		blk->dying = true;
	vsoc_sim_wait_dying(sim);
	list_for_each_entry_safe_reverse(blk, tmp, &sim->blocks, list)
		vsoc_sim_block_destroy(blk);
	list_del(&sim->list);
	debugfs_remove_recursive(sim->debugfs);
	mutex_unlock(&vsoc_sim_lock);
}

static void vsoc_sim_irq_release(void *data)
{
	vsoc_sim_irq_remove(data);
}

static int vsoc_sim_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct vsoc_sim *sim;
	int ret;

	sim = devm_kzalloc(dev, sizeof(*sim), GFP_KERNEL);
	if (!sim)
		return -ENOMEM;
	sim->dev = dev;
	INIT_LIST_HEAD(&sim->blocks);

	sim->irq = vsoc_sim_irq_create(dev_fwnode(dev), VSOC_SIM_NR_IRQS);
	if (IS_ERR(sim->irq))
		return dev_err_probe(dev, PTR_ERR(sim->irq),
				     "cannot create interrupt controller\n");
	ret = devm_add_action_or_reset(dev, vsoc_sim_irq_release, sim->irq);
	if (ret)
		return ret;
	/* Goes after the blocks (devres order): they own lines of it. */
	ret = vsoc_sim_gpio_create(sim);
	if (ret)
		return dev_err_probe(dev, ret, "cannot create GPIO lines\n");

	mutex_lock(&vsoc_sim_lock);
	sim->debugfs = debugfs_create_dir(dev_name(dev), vsoc_sim_debugfs_root);
	list_add_tail(&sim->list, &vsoc_sim_boards);
	vsoc_sim_populate(sim, NULL);
	mutex_unlock(&vsoc_sim_lock);
	/* Runs before the controller goes: blocks hold lines of it. */
	ret = devm_add_action_or_reset(dev, vsoc_sim_teardown, sim);
	if (ret)
		return ret;
	vsoc_sim_add_devices();
	return 0;
}

static const struct of_device_id vsoc_sim_of_match[] = {
	{ .compatible = "vsoc,sim" },
	{ }
};
MODULE_DEVICE_TABLE(of, vsoc_sim_of_match);

static struct platform_driver vsoc_sim_driver = {
	.probe = vsoc_sim_probe,
	.driver = {
		.name = "vsoc-sim",
		.of_match_table = vsoc_sim_of_match,
		/* Unbinding the board removes every block: tests do it. */
	},
};

static int __init vsoc_sim_init(void)
{
	int ret;

	vsoc_sim_debugfs_root = debugfs_create_dir("vsoc-sim", NULL);
	ret = platform_driver_register(&vsoc_sim_driver);
	if (ret)
		debugfs_remove_recursive(vsoc_sim_debugfs_root);
	return ret;
}
module_init(vsoc_sim_init);

static void __exit vsoc_sim_exit(void)
{
	platform_driver_unregister(&vsoc_sim_driver);
	debugfs_remove_recursive(vsoc_sim_debugfs_root);
}
module_exit(vsoc_sim_exit);

MODULE_DESCRIPTION("vsoc virtual board: register, interrupt and DMA plumbing of hardware models");
MODULE_LICENSE("GPL");
