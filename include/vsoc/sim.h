/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-sim: the model side of the vsoc virtual board.
 *
 * A hardware model registers a struct vsoc_sim_model for one DT compatible.
 * For every child node of a "vsoc,sim" device with that compatible the board
 * creates a block: a regmap (named after the node) that the block's driver
 * finds on its parent device, the block's interrupt lines in the board's
 * interrupt domain, DMA access to memory, and a debugfs directory. Only then
 * is the child platform device created, so a driver never sees a block whose
 * model is missing. Drivers never include this header.
 */
#ifndef _VSOC_SIM_H
#define _VSOC_SIM_H

#include <linux/device/driver.h>
#include <linux/list.h>
#include <linux/types.h>

struct dentry;
struct device_node;
struct vsoc_sim_block;

/**
 * struct vsoc_sim_model - a register-level model of one IP block
 * @compatible: DT compatible of the blocks this model implements
 * @create: set up the model state of a new block (may sleep); the block's
 *	driver may access registers as soon as this returns. Debugfs files
 *	it makes in vsoc_sim_block_debugfs() are removed before @destroy
 * @destroy: tear the model state down after the driver was unbound and
 *	the block's device unregistered; must stop all asynchronous work
 *	of the block (may sleep). DMA from that work still reaches memory
 *	until then, as a bus master not reset by its driver would
 * @reg_read: read a 32-bit register at byte offset @off; runs in atomic
 *	context and must not have side effects
 * @reg_write: write a 32-bit register at byte offset @off; runs in atomic
 *	context, may start asynchronous work and change interrupt lines
 * @reg_precious: optional; true for a register whose read has a side
 *	effect (a FIFO data port). The board keeps debugfs and the regmap's
 *	own readers away from it, and @reg_read may then have that effect.
 *	Asked once per register after @create (the answer must not change
 *	while the block exists)
 * @gpio_changed: optional; called when the consumer of one of the block's
 *	board GPIO lines (see vsoc_sim_gpio_lookup()) changes the level it
 *	drives or the line's direction; @level is the line's new level (the
 *	consumer's on an output, the model's on an input). Calls come in
 *	the order of the changes, one at a time per board, never during
 *	@create (a change made then is told right after it) nor once
 *	@destroy began. Atomic context, must not sleep; it may take the
 *	model's locks and call vsoc_sim_gpio_get(), vsoc_sim_gpio_set() and
 *	vsoc_sim_irq_set() (the board holds no lock those take), but must
 *	not act as a consumer of a board line (gpiod_*())
 * @list: private to vsoc-sim
 *
 * A registered model is in use until vsoc_sim_model_unregister(), which a
 * model module calls from its exit function: it removes the blocks first.
 * Block devices are created without the board's lock held, so a driver's
 * probe may load modules and register models.
 *
 * @off is always 32-bit aligned and inside the block's "reg" window.
 */
struct vsoc_sim_model {
	const char *compatible;
	int (*create)(struct vsoc_sim_block *blk);
	void (*destroy)(struct vsoc_sim_block *blk);
	int (*reg_read)(struct vsoc_sim_block *blk, unsigned int off,
			unsigned int *val);
	int (*reg_write)(struct vsoc_sim_block *blk, unsigned int off,
			 unsigned int val);
	bool (*reg_precious)(struct vsoc_sim_block *blk, unsigned int off);
	void (*gpio_changed)(struct vsoc_sim_block *blk, unsigned int line,
			     bool level);
	struct list_head list;
};

int vsoc_sim_model_register(struct vsoc_sim_model *model);
void vsoc_sim_model_unregister(struct vsoc_sim_model *model);

/**
 * module_vsoc_sim_model() - register a model for the life of its module
 * @__model: the struct vsoc_sim_model
 *
 * For a module that does nothing else in its init and exit.
 */
#define module_vsoc_sim_model(__model) \
	module_driver(__model, vsoc_sim_model_register, vsoc_sim_model_unregister)

void *vsoc_sim_block_priv(const struct vsoc_sim_block *blk);
void vsoc_sim_block_set_priv(struct vsoc_sim_block *blk, void *priv);
u32 vsoc_sim_block_size(const struct vsoc_sim_block *blk);
struct dentry *vsoc_sim_block_debugfs(const struct vsoc_sim_block *blk);
/* The block's DT node (model properties, its name), valid until @destroy. */
struct device_node *vsoc_sim_block_of_node(const struct vsoc_sim_block *blk);

int vsoc_sim_irq_set(struct vsoc_sim_block *blk, unsigned int index,
		     bool level);

int vsoc_sim_dma_read(struct vsoc_sim_block *blk, dma_addr_t addr,
		      void *buf, size_t len);
int vsoc_sim_dma_write(struct vsoc_sim_block *blk, dma_addr_t addr,
		       const void *buf, size_t len);

/*
 * Board GPIO lines: the board is a gpio-controller whose lines are named
 * in its "gpio-line-names"; a line named "<block node name>:<signal>"
 * (e.g. "mmc@3000:vqmmc-1v8") belongs to that block's model from the
 * block's creation (before @create) to its removal (before @destroy). A
 * consumer (a regulator-gpio, an SFP cage) uses the line as any GPIO; the
 * model sees the level the consumer drives on an output line and drives
 * the level of an input line, which interrupts on the edges the consumer
 * requested. All three may be called in atomic context. Without gpiolib
 * or irq_sim in the kernel they return -ENODEV.
 */
int vsoc_sim_gpio_lookup(struct vsoc_sim_block *blk, const char *signal);
int vsoc_sim_gpio_get(struct vsoc_sim_block *blk, unsigned int line);
int vsoc_sim_gpio_set(struct vsoc_sim_block *blk, unsigned int line,
		      bool level);

/*
 * An I2C bus on two of a block's board GPIO lines (SCL, SDA), with the
 * model's targets on it: the consumer is the kernel's i2c-gpio (open
 * drain, emulated by gpiolib), and the board plays the pull-ups and the
 * targets. See Documentation/vsoc-sim.rst, "I2C buses on GPIO lines".
 */
struct vsoc_sim_i2c_bus;

/**
 * enum vsoc_sim_i2c_event - what a target hears of a transfer
 * @VSOC_SIM_I2C_WRITE_REQUESTED: its address came with the write bit;
 *	return 0 to ACK it, an error to NACK it
 * @VSOC_SIM_I2C_WRITE_RECEIVED: the controller wrote the byte in *@val;
 *	return 0 to ACK it, an error to NACK it (the controller should
 *	then stop; further bytes are not given to the target)
 * @VSOC_SIM_I2C_READ_REQUESTED: the controller is about to read a byte
 *	(its address came with the read bit, or the controller ACKed the
 *	previous byte): store it in *@val. An error on the address NACKs
 *	the address; on a later byte the target sends 0xff (it leaves SDA
 *	alone)
 * @VSOC_SIM_I2C_READ_PROCESSED: the byte the target gave was clocked
 *	out; *@val is 1 if the controller ACKed it (it wants another), 0 if
 *	it NACKed it (the last one). The return value is ignored
 * @VSOC_SIM_I2C_STOP: a STOP ended the transfers the target took part in
 *	since the previous STOP (repeated STARTs are not told); *@val is 0,
 *	the return value ignored
 */
enum vsoc_sim_i2c_event {
	VSOC_SIM_I2C_WRITE_REQUESTED,
	VSOC_SIM_I2C_WRITE_RECEIVED,
	VSOC_SIM_I2C_READ_REQUESTED,
	VSOC_SIM_I2C_READ_PROCESSED,
	VSOC_SIM_I2C_STOP,
};

/**
 * struct vsoc_sim_i2c_target_ops - an I2C target's side of the bus
 * @event: one step of a transfer (see enum vsoc_sim_i2c_event), with the
 *	@priv given to vsoc_sim_i2c_target_add(). Called from the model's
 *	gpio_changed() (vsoc_sim_i2c_bus_line_changed()), with the bus's
 *	lock held: atomic context, must not sleep nor call vsoc_sim_i2c_*()
 */
struct vsoc_sim_i2c_target_ops {
	int (*event)(void *priv, enum vsoc_sim_i2c_event event, u8 *val);
};

/* Targets one bus carries at most. */
#define VSOC_SIM_I2C_MAX_TARGETS	8

struct vsoc_sim_i2c_bus *vsoc_sim_i2c_bus_create(struct vsoc_sim_block *blk,
						 const char *scl,
						 const char *sda);
void vsoc_sim_i2c_bus_destroy(struct vsoc_sim_i2c_bus *bus);
bool vsoc_sim_i2c_bus_line_changed(struct vsoc_sim_i2c_bus *bus,
				   unsigned int line, bool level);
int vsoc_sim_i2c_target_add(struct vsoc_sim_i2c_bus *bus, u8 addr,
			    const struct vsoc_sim_i2c_target_ops *ops,
			    void *priv);
int vsoc_sim_i2c_target_remove(struct vsoc_sim_i2c_bus *bus, u8 addr);

#endif /* _VSOC_SIM_H */
