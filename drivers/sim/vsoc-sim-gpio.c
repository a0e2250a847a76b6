// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-sim: the board's GPIO lines.
 *
 * The board is a gpio-controller. Its lines are wires between a consumer
 * (a regulator-gpio, an SFP cage driver) and the model of the block the
 * line is named after in "gpio-line-names" ("<block node name>:<signal>").
 * Per line the board keeps its direction, the level the consumer drives
 * (an output) and the level the model drives (an input; the line's pull
 * while the model has not driven it). The model hears of every change the
 * consumer makes through its gpio_changed() callback, and a change of the
 * level of an input line raises the edge interrupt the consumer asked for,
 * from an irq_sim domain: the test kernel has no GPIOLIB_IRQCHIP.
 *
 * Locking: @lock guards the line state and is never held while calling
 * out. @notify_lock serialises each consumer change with its callback, so
 * that the model hears of the changes in the order they happened; it is
 * taken before @lock and no API a model calls takes it.
 */
#include <linux/gpio/driver.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_sim.h>
#include <linux/irqdomain.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/pinctrl/pinconf-generic.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include <vsoc/compat.h>
#include <vsoc/sim.h>

#include "vsoc-sim-priv.h"

/* Without gpiolib or irq_sim a board has no lines: see the end. */
#if IS_ENABLED(CONFIG_GPIOLIB) && IS_ENABLED(CONFIG_IRQ_SIM)

/* Lines of a board without "ngpios", and the most a board may have. */
#define VSOC_SIM_GPIO_DEFAULT	32
#define VSOC_SIM_GPIO_MAX	1024

/**
 * struct vsoc_sim_gpio_line - one board GPIO line
 * @name: its name in "gpio-line-names", or NULL
 * @owner: the block whose model drives and watches the line, or NULL
 * @live: @owner's model hears of consumer changes (its create() is done)
 * @missed: the consumer changed the line while @owner was not @live
 * @out: the consumer drives the line (an output)
 * @out_level: the level the consumer drives, or last drove
 * @in_level: the level the model drives
 * @driven: the model drove the line since it got it; else the pull counts
 * @pull_up: the consumer asked for a pull-up (else pull-down)
 */
struct vsoc_sim_gpio_line {
	const char *name;
	struct vsoc_sim_block *owner;
	bool live;
	bool missed;
	bool out;
	bool out_level;
	bool in_level;
	bool driven;
	bool pull_up;
};

/**
 * struct vsoc_sim_gpio - the GPIO lines of one board
 * @gc: the gpio_chip consumers see
 * @domain: irq_sim domain of the lines' edge interrupts, hwirq = line
 * @irq_fwnode: the name of @domain
 * @lock: guards @lines
 * @notify_lock: orders consumer changes and their gpio_changed() calls
 * @ngpio: number of lines
 * @lines: the lines
 */
struct vsoc_sim_gpio {
	struct gpio_chip gc;
	struct irq_domain *domain;
	struct fwnode_handle *irq_fwnode;
	spinlock_t lock; /* see the head of the file */
	spinlock_t notify_lock; /* see the head of the file */
	unsigned int ngpio;
	struct vsoc_sim_gpio_line lines[];
};

/* The level the consumer reads on an input line. Under @lock. */
static bool vsoc_sim_gpio_in(const struct vsoc_sim_gpio_line *l)
{
	return l->driven ? l->in_level : l->pull_up;
}

/* The line's level, whoever drives it. Under @lock. */
static bool vsoc_sim_gpio_level(const struct vsoc_sim_gpio_line *l)
{
	return l->out ? l->out_level : vsoc_sim_gpio_in(l);
}

/*
 * An input line went to @level: raise the interrupt if the consumer asked
 * for that edge. irq_sim drops it while the interrupt is masked (disabled
 * or not requested). Called without @lock.
 */
static void vsoc_sim_gpio_edge(struct vsoc_sim_gpio *g, unsigned int line,
			       bool level)
{
	unsigned int virq = irq_find_mapping(g->domain, line);
	unsigned int type;

	if (!virq)
		return;
	type = irq_get_trigger_type(virq);
	if (type & (level ? IRQ_TYPE_EDGE_RISING : IRQ_TYPE_EDGE_FALLING))
		irq_set_irqchip_state(virq, IRQCHIP_STATE_PENDING, true);
}

/*
 * Apply a consumer's change to a line and tell the line's model, in that
 * order for every change. @change updates the line under @lock and says
 * whether its direction or level changed.
 */
static void vsoc_sim_gpio_consumer(struct vsoc_sim_gpio *g, unsigned int line,
				   bool (*change)(struct vsoc_sim_gpio_line *l,
						  int arg),
				   int arg)
{
	struct vsoc_sim_gpio_line *l = &g->lines[line];
	struct vsoc_sim_block *blk = NULL;
	unsigned long flags;
	bool level;

	spin_lock_irqsave(&g->notify_lock, flags);
	spin_lock(&g->lock);
	if (change(l, arg) && l->owner) {
		if (l->live && l->owner->model->gpio_changed)
			blk = l->owner;
		else
			l->missed = true;
	}
	level = vsoc_sim_gpio_level(l);
	spin_unlock(&g->lock);
	/* The block cannot go: detaching it takes notify_lock. */
	if (blk)
		blk->model->gpio_changed(blk, line, level);
	spin_unlock_irqrestore(&g->notify_lock, flags);
}

static bool vsoc_sim_gpio_change_in(struct vsoc_sim_gpio_line *l, int unused)
{
	bool changed = l->out;

	l->out = false;
	return changed;
}

static bool vsoc_sim_gpio_change_out(struct vsoc_sim_gpio_line *l, int value)
{
	bool changed = !l->out || l->out_level != !!value;

	l->out = true;
	l->out_level = value;
	return changed;
}

/* gpiolib sets output lines only; the level is kept for any line. */
static bool vsoc_sim_gpio_change_set(struct vsoc_sim_gpio_line *l, int value)
{
	bool changed = l->out && l->out_level != !!value;

	l->out_level = value;
	return changed;
}

static int vsoc_sim_gpio_get_direction(struct gpio_chip *gc,
				       unsigned int offset)
{
	struct vsoc_sim_gpio *g = gpiochip_get_data(gc);

	return READ_ONCE(g->lines[offset].out) ? GPIO_LINE_DIRECTION_OUT :
						GPIO_LINE_DIRECTION_IN;
}

static int vsoc_sim_gpio_direction_input(struct gpio_chip *gc,
					 unsigned int offset)
{
	vsoc_sim_gpio_consumer(gpiochip_get_data(gc), offset,
			       vsoc_sim_gpio_change_in, 0);
	return 0;
}

static int vsoc_sim_gpio_direction_output(struct gpio_chip *gc,
					  unsigned int offset, int value)
{
	vsoc_sim_gpio_consumer(gpiochip_get_data(gc), offset,
			       vsoc_sim_gpio_change_out, value);
	return 0;
}

static VSOC_GPIO_SET_RET vsoc_sim_gpio_chip_set(struct gpio_chip *gc,
						unsigned int offset, int value)
{
	vsoc_sim_gpio_consumer(gpiochip_get_data(gc), offset,
			       vsoc_sim_gpio_change_set, value);
	return VSOC_GPIO_SET_OK;
}

static int vsoc_sim_gpio_chip_get(struct gpio_chip *gc, unsigned int offset)
{
	struct vsoc_sim_gpio *g = gpiochip_get_data(gc);
	unsigned long flags;
	bool level;

	spin_lock_irqsave(&g->lock, flags);
	level = vsoc_sim_gpio_level(&g->lines[offset]);
	spin_unlock_irqrestore(&g->lock, flags);
	return level;
}

/*
 * Bias: a line the model leaves alone reads as its pull, low unless the
 * consumer asks for a pull-up. Changing it is an edge on an input line.
 */
static int vsoc_sim_gpio_set_config(struct gpio_chip *gc, unsigned int offset,
				    unsigned long config)
{
	struct vsoc_sim_gpio *g = gpiochip_get_data(gc);
	struct vsoc_sim_gpio_line *l = &g->lines[offset];
	bool before, after, edge, up;
	unsigned long flags;

	switch (pinconf_to_config_param(config)) {
	case PIN_CONFIG_BIAS_PULL_UP:
		up = true;
		break;
	case PIN_CONFIG_BIAS_PULL_DOWN:
	case PIN_CONFIG_BIAS_DISABLE:
		up = false;
		break;
	default:
		return -ENOTSUPP;
	}

	spin_lock_irqsave(&g->lock, flags);
	before = vsoc_sim_gpio_level(l);
	l->pull_up = up;
	after = vsoc_sim_gpio_level(l);
	edge = before != after && !l->out;
	spin_unlock_irqrestore(&g->lock, flags);
	if (edge)
		vsoc_sim_gpio_edge(g, offset, after);
	return 0;
}

/* May sleep: it creates the mapping, as gpiod_to_irq() allows. */
static int vsoc_sim_gpio_to_irq(struct gpio_chip *gc, unsigned int offset)
{
	struct vsoc_sim_gpio *g = gpiochip_get_data(gc);
	unsigned int virq = irq_create_mapping(g->domain, offset);

	return virq ? virq : -ENXIO;
}

/* A block's name ("mmc@3000"), which prefixes the names of its lines. */
static const char *vsoc_sim_gpio_block_name(const struct vsoc_sim_block *blk)
{
	return kbasename(of_node_full_name(blk->np));
}

/* Is @name "<block>:<signal>" for @blk (and @signal, if not NULL)? */
static bool vsoc_sim_gpio_name_is(const struct vsoc_sim_block *blk,
				  const char *name, const char *signal)
{
	const char *bname = vsoc_sim_gpio_block_name(blk);
	size_t len = strlen(bname);

	if (!name || strncmp(name, bname, len) || name[len] != ':')
		return false;
	return !signal || !strcmp(name + len + 1, signal);
}

/**
 * vsoc_sim_gpio_block_attach() - give a new block the lines named after it
 * @blk: the block, before its model's create()
 *
 * A line named "<block node name>:<signal>" becomes the block's; its
 * model hears of consumer changes only after vsoc_sim_gpio_block_start().
 */
void vsoc_sim_gpio_block_attach(struct vsoc_sim_block *blk)
{
	struct vsoc_sim_gpio *g = blk->sim->gpio;
	unsigned long flags;
	unsigned int i;

	if (!g)
		return;
	spin_lock_irqsave(&g->lock, flags);
	for (i = 0; i < g->ngpio; i++) {
		struct vsoc_sim_gpio_line *l = &g->lines[i];

		if (!l->owner && vsoc_sim_gpio_name_is(blk, l->name, NULL)) {
			l->owner = blk;
			l->live = false;
			l->missed = false;
		}
	}
	spin_unlock_irqrestore(&g->lock, flags);
}

/**
 * vsoc_sim_gpio_block_start() - let a block's model hear of its lines
 * @blk: the block, after its model's create()
 *
 * A change the consumer made while the model was being created is told
 * now, with the line's current level.
 */
void vsoc_sim_gpio_block_start(struct vsoc_sim_block *blk)
{
	struct vsoc_sim_gpio *g = blk->sim->gpio;
	unsigned long flags;
	unsigned int i;
	bool tell, level;

	if (!g)
		return;
	spin_lock_irqsave(&g->notify_lock, flags);
	for (i = 0; i < g->ngpio; i++) {
		struct vsoc_sim_gpio_line *l = &g->lines[i];

		spin_lock(&g->lock);
		tell = l->owner == blk && l->missed;
		if (l->owner == blk) {
			l->live = true;
			l->missed = false;
		}
		level = vsoc_sim_gpio_level(l);
		spin_unlock(&g->lock);
		if (tell && blk->model->gpio_changed)
			blk->model->gpio_changed(blk, i, level);
	}
	spin_unlock_irqrestore(&g->notify_lock, flags);
}

/**
 * vsoc_sim_gpio_block_detach() - take a block's lines back
 * @blk: the block, before its model's destroy()
 *
 * No gpio_changed() of the block runs or starts once this returns. Its
 * input lines fall back to their pull, an edge for a consumer that
 * watches them (a module pulled out of its cage). Does nothing for a
 * block without lines, so it may be called twice.
 */
void vsoc_sim_gpio_block_detach(struct vsoc_sim_block *blk)
{
	struct vsoc_sim_gpio *g = blk->sim->gpio;
	unsigned long flags;
	unsigned int i;
	bool edge, level;

	if (!g)
		return;
	for (i = 0; i < g->ngpio; i++) {
		struct vsoc_sim_gpio_line *l = &g->lines[i];

		spin_lock_irqsave(&g->notify_lock, flags);
		spin_lock(&g->lock);
		edge = false;
		if (l->owner == blk) {
			level = vsoc_sim_gpio_in(l);
			l->owner = NULL;
			l->live = false;
			l->missed = false;
			l->driven = false;
			edge = !l->out && vsoc_sim_gpio_in(l) != level;
			level = vsoc_sim_gpio_in(l);
		}
		spin_unlock(&g->lock);
		spin_unlock_irqrestore(&g->notify_lock, flags);
		if (edge)
			vsoc_sim_gpio_edge(g, i, level);
	}
}

/* The line of @blk numbered @line. Return: 0, -EINVAL or -EPERM. */
static int vsoc_sim_gpio_check(struct vsoc_sim_gpio *g,
			       struct vsoc_sim_block *blk, unsigned int line)
{
	if (!g || line >= g->ngpio)
		return -EINVAL;
	return g->lines[line].owner == blk ? 0 : -EPERM;
}

/**
 * vsoc_sim_gpio_lookup() - find a block's board GPIO line by its signal
 * @blk: the block
 * @signal: the part of the line's name after "<block node name>:"
 *
 * Context: any; does not sleep. Works from the model's create() on.
 * Return: the line number, or -ENOENT when the board has no such line
 * (or no GPIO lines at all).
 */
int vsoc_sim_gpio_lookup(struct vsoc_sim_block *blk, const char *signal)
{
	struct vsoc_sim_gpio *g = blk->sim->gpio;
	unsigned long flags;
	unsigned int i;
	int ret = -ENOENT;

	if (!g || !signal)
		return -ENOENT;
	spin_lock_irqsave(&g->lock, flags);
	for (i = 0; i < g->ngpio; i++) {
		if (g->lines[i].owner == blk &&
		    vsoc_sim_gpio_name_is(blk, g->lines[i].name, signal)) {
			ret = i;
			break;
		}
	}
	spin_unlock_irqrestore(&g->lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(vsoc_sim_gpio_lookup);

/**
 * vsoc_sim_gpio_get() - the level of one of a block's lines
 * @blk: the block
 * @line: a line of the block (see vsoc_sim_gpio_lookup())
 *
 * Context: any; does not sleep.
 * Return: the level the consumer drives on an output line, or else the
 * level the model drives (the line's pull until the model drove it): 0
 * or 1. -EINVAL for a line the board does not have, -EPERM for a line
 * that is not the block's.
 */
int vsoc_sim_gpio_get(struct vsoc_sim_block *blk, unsigned int line)
{
	struct vsoc_sim_gpio *g = blk->sim->gpio;
	unsigned long flags;
	int ret;

	ret = vsoc_sim_gpio_check(g, blk, line);
	if (ret)
		return ret;
	spin_lock_irqsave(&g->lock, flags);
	/* Checked again: the owner changes under the lock only. */
	ret = g->lines[line].owner == blk ?
	      vsoc_sim_gpio_level(&g->lines[line]) : -EPERM;
	spin_unlock_irqrestore(&g->lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(vsoc_sim_gpio_get);

/**
 * vsoc_sim_gpio_set() - drive one of a block's lines
 * @blk: the block
 * @line: a line of the block (see vsoc_sim_gpio_lookup())
 * @level: the level the model drives
 *
 * The consumer reads @level while the line is an input; a change raises
 * the edge interrupt the consumer requested on the line, if any. On an
 * output line the level is kept for when the consumer makes it an input
 * (no interrupt then). The model's gpio_changed() is not called.
 *
 * Context: any; does not sleep.
 * Return: 0, -EINVAL for a line the board does not have, -EPERM for a
 * line that is not the block's.
 */
int vsoc_sim_gpio_set(struct vsoc_sim_block *blk, unsigned int line,
		      bool level)
{
	struct vsoc_sim_gpio *g = blk->sim->gpio;
	struct vsoc_sim_gpio_line *l;
	unsigned long flags;
	bool edge;
	int ret;

	ret = vsoc_sim_gpio_check(g, blk, line);
	if (ret)
		return ret;
	l = &g->lines[line];
	spin_lock_irqsave(&g->lock, flags);
	if (l->owner != blk) {
		spin_unlock_irqrestore(&g->lock, flags);
		return -EPERM;
	}
	edge = !l->out && vsoc_sim_gpio_in(l) != level;
	l->in_level = level;
	l->driven = true;
	spin_unlock_irqrestore(&g->lock, flags);
	if (edge)
		vsoc_sim_gpio_edge(g, line, level);
	return 0;
}
EXPORT_SYMBOL_GPL(vsoc_sim_gpio_set);

/* Does @name hold GPIO specifiers ("gpios", "reset-gpios", "gpio")? */
static bool vsoc_sim_gpio_prop(const char *name)
{
	size_t len = strlen(name);

	/* "snps,nr-gpios" and the like are counts, not specifiers. */
	if (len >= 8 && !strcmp(name + len - 8, "nr-gpios"))
		return false;
	return !strcmp(name, "gpios") || !strcmp(name, "gpio") ||
	       (len > 6 && !strcmp(name + len - 6, "-gpios")) ||
	       (len > 5 && !strcmp(name + len - 5, "-gpio"));
}

/* Does property @prop of @np name a line of @board? */
static bool vsoc_sim_gpio_uses(struct device_node *np, const char *prop,
			       struct device_node *board)
{
	struct of_phandle_args args;
	int i, n;

	n = of_count_phandle_with_args(np, prop, "#gpio-cells");
	for (i = 0; i < n; i++) {
		if (of_parse_phandle_with_args(np, prop, "#gpio-cells", i,
					       &args))
			continue;
		of_node_put(args.np);
		if (args.np == board)
			return true;
	}
	return false;
}

static bool vsoc_sim_gpio_below(struct device_node *np,
				struct device_node *board)
{
	for (np = np->parent; np; np = np->parent)
		if (np == board)
			return true;
	return false;
}

/**
 * vsoc_sim_gpio_link_consumers() - unbind the board's consumers before it
 * @dev: the board, being probed
 *
 * fw_devlink makes a consumer of a board line (the regulator-gpio of
 * mmc@3000) a consumer of the board's device, so that unbinding the board
 * unbinds the consumer first. But when its deferred probe timeout passes
 * while the board has no driver (vsoc-sim loaded late in a slow boot), it
 * relaxes that link to one that orders nothing, and unbinding the board
 * would then pull the lines from under the consumer. The board makes the
 * links itself, for the platform devices whose DT nodes (outside the
 * board) name its lines: a consumer is unbound before the board and
 * probed again once it is back.
 */
static void vsoc_sim_gpio_link_consumers(struct device *dev)
{
	struct device_node *board = dev->of_node, *np;
	struct platform_device *pdev;
	struct property *pp;

	for (np = of_find_all_nodes(NULL); np; np = of_find_all_nodes(np)) {
		if (np == board || vsoc_sim_gpio_below(np, board))
			continue;
		for_each_property_of_node(np, pp)
			if (vsoc_sim_gpio_prop(pp->name) &&
			    vsoc_sim_gpio_uses(np, pp->name, board))
				break;
		if (!pp)
			continue;
		pdev = of_find_device_by_node(np);
		if (!pdev)
			continue;
		/*
		 * Kept while both devices exist (a later probe finds it), and
		 * no longer fw_devlink's to drop: no DL_FLAG_INFERRED.
		 */
		if (!device_link_add(&pdev->dev, dev,
				     DL_FLAG_AUTOPROBE_CONSUMER))
			dev_warn(dev, "%pOF: cannot link the GPIO consumer; unbind it before the board\n",
				 np);
		/*
		 * fw_devlink relaxes its links to a supplier with no driver at
		 * its deferred probe timeout (a board module loaded late), and
		 * the link the board then takes over lacks the auto-probe of
		 * the consumer: a consumer unbound with the board would not
		 * come back. Attaching it here defers it until the board is
		 * bound, then the deferred probe brings it up.
		 */
		if (!device_is_bound(&pdev->dev) && device_attach(&pdev->dev) < 0)
			dev_dbg(dev, "%pOF: consumer not attached\n", np);
		put_device(&pdev->dev);
	}
}

/* The names of the lines, copied: the DT may go first (an overlay). */
static int vsoc_sim_gpio_names(struct device *dev, struct vsoc_sim_gpio *g)
{
	const char *name;
	unsigned int i;

	for (i = 0; i < g->ngpio; i++) {
		if (of_property_read_string_index(dev->of_node,
						  "gpio-line-names", i, &name))
			break;
		if (!*name)
			continue;
		g->lines[i].name = devm_kstrdup(dev, name, GFP_KERNEL);
		if (!g->lines[i].name)
			return -ENOMEM;
	}
	return 0;
}

static void vsoc_sim_gpio_free_fwnode(void *fwnode)
{
	irq_domain_free_fwnode(fwnode);
}

/* Mappings made by to_irq() go before the domain; no consumer is left. */
static void vsoc_sim_gpio_dispose(void *data)
{
	struct vsoc_sim_gpio *g = data;
	unsigned int i, virq;

	for (i = 0; i < g->ngpio; i++) {
		virq = irq_find_mapping(g->domain, i);
		if (virq)
			irq_dispose_mapping(virq);
	}
}

/* The irq_sim domain of the lines' edges, named "<board>-gpio". */
static int vsoc_sim_gpio_irqs(struct device *dev, struct vsoc_sim_gpio *g)
{
	char *name;
	int ret;

	/*
	 * Not the board's node: that one finds the board's own interrupt
	 * controller, for the blocks' "interrupts".
	 */
	name = devm_kasprintf(dev, GFP_KERNEL, "%s-gpio", dev_name(dev));
	if (!name)
		return -ENOMEM;
	g->irq_fwnode = irq_domain_alloc_named_fwnode(name);
	if (!g->irq_fwnode)
		return -ENOMEM;
	ret = devm_add_action_or_reset(dev, vsoc_sim_gpio_free_fwnode,
				       g->irq_fwnode);
	if (ret)
		return ret;
	g->domain = devm_irq_domain_create_sim(dev, g->irq_fwnode, g->ngpio);
	if (IS_ERR(g->domain))
		return PTR_ERR(g->domain);
	return devm_add_action_or_reset(dev, vsoc_sim_gpio_dispose, g);
}

/**
 * vsoc_sim_gpio_create() - give a board its GPIO lines
 * @sim: the board, being probed
 *
 * A board node without "gpio-controller" has no lines. Everything is
 * device-managed: the lines go after the blocks, which own some.
 *
 * Return: 0 or a negative error code.
 */
int vsoc_sim_gpio_create(struct vsoc_sim *sim)
{
	struct device *dev = sim->dev;
	struct vsoc_sim_gpio *g;
	u32 n = VSOC_SIM_GPIO_DEFAULT;
	int ret;

	if (!of_property_read_bool(dev->of_node, "gpio-controller"))
		return 0;
	of_property_read_u32(dev->of_node, "ngpios", &n);
	if (!n || n > VSOC_SIM_GPIO_MAX)
		return dev_err_probe(dev, -EINVAL,
				     "ngpios must be 1 to %u\n",
				     VSOC_SIM_GPIO_MAX);

	g = devm_kzalloc(dev, struct_size(g, lines, n), GFP_KERNEL);
	if (!g)
		return -ENOMEM;
	g->ngpio = n;
	spin_lock_init(&g->lock);
	spin_lock_init(&g->notify_lock);
	ret = vsoc_sim_gpio_names(dev, g);
	if (ret)
		return ret;
	ret = vsoc_sim_gpio_irqs(dev, g);
	if (ret)
		return ret;

	g->gc.label = dev_name(dev);
	/*
	 * No parent nor owner: gpiolib would pin the module of the parent's
	 * driver while a line is requested, and the regulator on line 0
	 * would keep vsoc-sim from unloading. Consumers are unbound before
	 * the board instead (vsoc_sim_gpio_link_consumers()), and probe
	 * again when it comes back. The node finds the chip.
	 */
	g->gc.fwnode = dev_fwnode(dev);
	g->gc.base = -1;
	g->gc.ngpio = n;
	g->gc.can_sleep = false;
	g->gc.get_direction = vsoc_sim_gpio_get_direction;
	g->gc.direction_input = vsoc_sim_gpio_direction_input;
	g->gc.direction_output = vsoc_sim_gpio_direction_output;
	g->gc.get = vsoc_sim_gpio_chip_get;
	g->gc.set = vsoc_sim_gpio_chip_set;
	g->gc.set_config = vsoc_sim_gpio_set_config;
	g->gc.to_irq = vsoc_sim_gpio_to_irq;
	ret = devm_gpiochip_add_data(dev, &g->gc, g);
	if (ret)
		return ret;
	sim->gpio = g;
	vsoc_sim_gpio_link_consumers(dev);
	return 0;
}

#else /* !(CONFIG_GPIOLIB && CONFIG_IRQ_SIM) */

int vsoc_sim_gpio_create(struct vsoc_sim *sim)
{
	return 0;
}

void vsoc_sim_gpio_block_attach(struct vsoc_sim_block *blk)
{
}

void vsoc_sim_gpio_block_start(struct vsoc_sim_block *blk)
{
}

void vsoc_sim_gpio_block_detach(struct vsoc_sim_block *blk)
{
}

int vsoc_sim_gpio_lookup(struct vsoc_sim_block *blk, const char *signal)
{
	return -ENODEV;
}
EXPORT_SYMBOL_GPL(vsoc_sim_gpio_lookup);

int vsoc_sim_gpio_get(struct vsoc_sim_block *blk, unsigned int line)
{
	return -ENODEV;
}
EXPORT_SYMBOL_GPL(vsoc_sim_gpio_get);

int vsoc_sim_gpio_set(struct vsoc_sim_block *blk, unsigned int line,
		      bool level)
{
	return -ENODEV;
}
EXPORT_SYMBOL_GPL(vsoc_sim_gpio_set);

#endif /* CONFIG_GPIOLIB && CONFIG_IRQ_SIM */
