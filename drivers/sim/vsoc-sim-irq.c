// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-sim: the board's interrupt controller.
 *
 * Models drive level-triggered lines: a line stays asserted until the
 * model lowers it, whatever the CPU does. The controller keeps the level
 * of each line and the mask the IRQ core sets; a line that is high and
 * unmasked is delivered from an irq_work (hard interrupt context), and
 * handled with the core's level flow (mask and ack, handler, unmask).
 * Unmasking a line that is still high delivers it again, so a cause a
 * model raises while the handler runs on another CPU, after the handler
 * acknowledged the previous one, is never lost; a line that drops before
 * it is delivered is not delivered at all.
 */
#include <linux/bitmap.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/irqdomain.h>
#include <linux/slab.h>

#include <vsoc/compat.h>

#include "vsoc-sim-priv.h"

/**
 * struct vsoc_sim_irq - the interrupt controller of one board
 * @domain: its interrupt domain, hwirq = line number
 * @work: delivers high, unmasked lines
 * @nr: number of lines
 * @level: lines a model drives high
 * @masked: lines the IRQ core masked (all, until a handler is requested)
 */
struct vsoc_sim_irq {
	struct irq_domain *domain;
	struct irq_work work;
	unsigned int nr;
	unsigned long *level;
	unsigned long *masked;
};

static void vsoc_sim_irq_deliver(struct irq_work *work)
{
	struct vsoc_sim_irq *si = container_of(work, struct vsoc_sim_irq, work);
	unsigned int hwirq;

	for_each_set_bit(hwirq, si->level, si->nr) {
		if (test_bit(hwirq, si->masked))
			continue;
		/* Masks the line; unmasking re-checks its level. */
		generic_handle_domain_irq(si->domain, hwirq);
	}
}

static void vsoc_sim_irq_mask(struct irq_data *d)
{
	struct vsoc_sim_irq *si = irq_data_get_irq_chip_data(d);

	set_bit(irqd_to_hwirq(d), si->masked);
}

static void vsoc_sim_irq_unmask(struct irq_data *d)
{
	struct vsoc_sim_irq *si = irq_data_get_irq_chip_data(d);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	clear_bit(hwirq, si->masked);
	/* Pairs with the barrier in vsoc_sim_irq_line_set(). */
	smp_mb__after_atomic();
	if (test_bit(hwirq, si->level))
		irq_work_queue(&si->work);
}

static int vsoc_sim_irq_set_type(struct irq_data *d, unsigned int type)
{
	/* Lines are level-triggered and active high, nothing else. */
	return type == IRQ_TYPE_LEVEL_HIGH ? IRQ_SET_MASK_OK : -EINVAL;
}

static int vsoc_sim_irq_get_state(struct irq_data *d,
				  enum irqchip_irq_state which, bool *state)
{
	struct vsoc_sim_irq *si = irq_data_get_irq_chip_data(d);

	if (which != IRQCHIP_STATE_PENDING)
		return -EINVAL;
	*state = test_bit(irqd_to_hwirq(d), si->level);
	return 0;
}

static struct irq_chip vsoc_sim_irq_chip = {
	.name = "vsoc-sim",
	.irq_mask = vsoc_sim_irq_mask,
	.irq_unmask = vsoc_sim_irq_unmask,
	.irq_set_type = vsoc_sim_irq_set_type,
	.irq_get_irqchip_state = vsoc_sim_irq_get_state,
	.flags = IRQCHIP_SKIP_SET_WAKE,
};

static int vsoc_sim_irq_map(struct irq_domain *domain, unsigned int virq,
			    irq_hw_number_t hwirq)
{
	struct vsoc_sim_irq *si = domain->host_data;

	irq_set_chip_data(virq, si);
	irq_set_chip_and_handler(virq, &vsoc_sim_irq_chip, handle_level_irq);
	irq_set_noprobe(virq);
	return irq_set_irq_type(virq, IRQ_TYPE_LEVEL_HIGH);
}

static void vsoc_sim_irq_unmap(struct irq_domain *domain, unsigned int virq)
{
	irq_set_chip_and_handler(virq, NULL, NULL);
	irq_set_chip_data(virq, NULL);
}

static const struct irq_domain_ops vsoc_sim_irq_domain_ops = {
	.map = vsoc_sim_irq_map,
	.unmap = vsoc_sim_irq_unmap,
	.xlate = irq_domain_xlate_onecell,
};

/**
 * vsoc_sim_irq_create() - make a board's interrupt controller
 * @fwnode: the firmware node the domain is found by (the board's DT node)
 * @nr: number of lines
 *
 * Return: the controller, or an ERR_PTR().
 */
struct vsoc_sim_irq *
vsoc_sim_irq_create(struct fwnode_handle *fwnode, unsigned int nr)
{
	struct vsoc_sim_irq *si;

	si = kzalloc(sizeof(*si), GFP_KERNEL);
	if (!si)
		return ERR_PTR(-ENOMEM);
	si->nr = nr;
	init_irq_work(&si->work, vsoc_sim_irq_deliver);
	si->level = bitmap_zalloc(nr, GFP_KERNEL);
	si->masked = bitmap_alloc(nr, GFP_KERNEL);
	if (!si->level || !si->masked)
		goto err;
	bitmap_fill(si->masked, nr);

	si->domain = irq_domain_create_linear(fwnode, nr,
					      &vsoc_sim_irq_domain_ops, si);
	if (!si->domain)
		goto err;
	return si;

err:
	bitmap_free(si->masked);
	bitmap_free(si->level);
	kfree(si);
	return ERR_PTR(-ENOMEM);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sim_irq_create);

/**
 * vsoc_sim_irq_remove() - remove an interrupt controller
 * @si: the controller; every mapping of its domain must be disposed of
 */
void vsoc_sim_irq_remove(struct vsoc_sim_irq *si)
{
	/*
	 * A delivery queued before the last line went may still run, and
	 * it uses the domain. With every mapping gone no line can be
	 * unmasked or raised again, so nothing queues it after this.
	 */
	irq_work_sync(&si->work);
	irq_domain_remove(si->domain);
	bitmap_free(si->masked);
	bitmap_free(si->level);
	kfree(si);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sim_irq_remove);

/**
 * vsoc_sim_irq_domain() - the interrupt domain of a controller
 * @si: the controller
 *
 * Return: the domain; hwirq numbers are line numbers.
 */
struct irq_domain *vsoc_sim_irq_domain(struct vsoc_sim_irq *si)
{
	return si->domain;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sim_irq_domain);

/**
 * vsoc_sim_irq_line_set() - drive a line
 * @si: the controller
 * @hwirq: the line
 * @level: true to assert it, false to release it
 *
 * Context: any; does not sleep.
 */
void vsoc_sim_irq_line_set(struct vsoc_sim_irq *si, unsigned int hwirq,
			   bool level)
{
	if (WARN_ON_ONCE(hwirq >= si->nr))
		return;
	if (!level) {
		clear_bit(hwirq, si->level);
		return;
	}
	set_bit(hwirq, si->level);
	/* Pairs with the barrier in vsoc_sim_irq_unmask(). */
	smp_mb__after_atomic();
	if (!test_bit(hwirq, si->masked))
		irq_work_queue(&si->work);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sim_irq_line_set);
