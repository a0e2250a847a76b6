// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-sim: an I2C bus on two board GPIO lines, with targets played by a
 * model (an SFP module's EEPROMs behind its cage).
 *
 * The controller is a consumer of the lines, the kernel's i2c-gpio: it
 * drives them open drain, which gpiolib emulates on the board's lines (the
 * board has no open-drain configuration): a 1 makes the line an input, a
 * 0 an output driving low. The bus holds the level the model drives on
 * both lines high (the pull-up resistors) and pulls SDA low for the
 * targets; so the level the consumer reads on an input SDA is the
 * targets', and the wire is the AND of both sides.
 *
 * The model passes the consumer's changes of the two lines on from its
 * gpio_changed(); the bus decodes them edge by edge, as the I2C-bus
 * specification (NXP UM10204) has them: START and repeated START (SDA
 * falling while SCL is high), STOP (SDA rising while SCL is high), eight
 * data bits sampled on the rising edges of SCL, and the ninth clock, for
 * which the receiver pulls SDA low to ACK. A target changes SDA only while SCL
 * is low, right after its falling edge, as the specification has it.
 *
 * Locking: @lock of a bus guards its state and targets, and is held while
 * a target's event() runs; the board's own locks are not held by it
 * (vsoc_sim_gpio_set() and vsoc_sim_gpio_get() take the line lock only).
 */
#include <linux/bits.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include <vsoc/sim.h>

/* The highest 7-bit address. */
#define VSOC_SIM_I2C_ADDR_MAX	0x7f

/**
 * enum vsoc_sim_i2c_state - where the bus is in a transfer
 * @VSOC_SIM_I2C_IDLE: no transfer for a target of the bus: waits for a
 *	START (the bus is free, or the address or a byte was NACKed)
 * @VSOC_SIM_I2C_ADDR: receiving the address byte, and its ninth clock
 * @VSOC_SIM_I2C_WRITING: receiving bytes for the addressed target
 * @VSOC_SIM_I2C_READING: sending bytes of the addressed target
 */
enum vsoc_sim_i2c_state {
	VSOC_SIM_I2C_IDLE,
	VSOC_SIM_I2C_ADDR,
	VSOC_SIM_I2C_WRITING,
	VSOC_SIM_I2C_READING,
};

/**
 * struct vsoc_sim_i2c_slot - a target on the bus
 * @ops: its operations, NULL for a free slot
 * @priv: given to @ops
 * @addr: its 7-bit address
 * @involved: it was addressed since the last STOP
 */
struct vsoc_sim_i2c_slot {
	const struct vsoc_sim_i2c_target_ops *ops;
	void *priv;
	u8 addr;
	bool involved;
};

/**
 * struct vsoc_sim_i2c_bus - an I2C bus on two board GPIO lines
 * @blk: the block whose lines they are
 * @scl: board line of SCL
 * @sda: board line of SDA
 * @lock: guards the rest
 * @line_sda: level of the SDA line as the board has it (the consumer's on
 *	an output, the level the bus drives on an input)
 * @target_sda: level the targets drive on SDA (false: pulled low)
 * @bus_scl: level of SCL on the wire
 * @bus_sda: level of SDA on the wire, @line_sda AND @target_sda
 * @state: where the transfer is
 * @nbits: bits of the current byte clocked so far (0 to 8)
 * @ack_slot: in the ninth clock of a byte
 * @acked: the controller ACKed the byte just read (its ninth clock)
 * @read: the address byte asked for a read
 * @byte: the byte being received, or the one being sent
 * @active: slot of the addressed target, or -1
 * @slot: the targets
 */
struct vsoc_sim_i2c_bus {
	struct vsoc_sim_block *blk;
	unsigned int scl;
	unsigned int sda;
	spinlock_t lock; /* see above */
	bool line_sda;
	bool target_sda;
	bool bus_scl;
	bool bus_sda;
	enum vsoc_sim_i2c_state state;
	unsigned int nbits;
	bool ack_slot;
	bool acked;
	bool read;
	u8 byte;
	int active;
	struct vsoc_sim_i2c_slot slot[VSOC_SIM_I2C_MAX_TARGETS];
};

/* Back to waiting for a START, leaving SDA alone. Under @lock. */
static void vsoc_sim_i2c_idle(struct vsoc_sim_i2c_bus *bus)
{
	bus->state = VSOC_SIM_I2C_IDLE;
	bus->active = -1;
	bus->ack_slot = false;
	bus->nbits = 0;
}

/*
 * The targets drive SDA to @level (released if true). Done while SCL is
 * low, or by a target leaving the bus: never a START or STOP. Under @lock.
 */
static void vsoc_sim_i2c_drive(struct vsoc_sim_i2c_bus *bus, bool level)
{
	int line;

	if (bus->target_sda == level)
		return;
	bus->target_sda = level;
	vsoc_sim_gpio_set(bus->blk, bus->sda, level);
	/* The consumer's level on an output, ours on an input. */
	line = vsoc_sim_gpio_get(bus->blk, bus->sda);
	bus->line_sda = line < 0 ? level : line;
	bus->bus_sda = bus->line_sda && bus->target_sda;
}

/* Tell the addressed target @event. Return: what it said. Under @lock. */
static int vsoc_sim_i2c_event(struct vsoc_sim_i2c_bus *bus,
			      enum vsoc_sim_i2c_event event, u8 *val)
{
	struct vsoc_sim_i2c_slot *s;

	if (bus->active < 0)
		return -ENODEV;
	s = &bus->slot[bus->active];
	return s->ops->event(s->priv, event, val);
}

/* A START or repeated START: an address byte follows. Under @lock. */
static void vsoc_sim_i2c_start(struct vsoc_sim_i2c_bus *bus)
{
	vsoc_sim_i2c_idle(bus);
	bus->state = VSOC_SIM_I2C_ADDR;
	bus->byte = 0;
}

/* A STOP: the targets addressed since the last one hear of it. */
static void vsoc_sim_i2c_stop(struct vsoc_sim_i2c_bus *bus)
{
	unsigned int i;
	u8 val = 0;

	vsoc_sim_i2c_idle(bus);
	for (i = 0; i < VSOC_SIM_I2C_MAX_TARGETS; i++) {
		struct vsoc_sim_i2c_slot *s = &bus->slot[i];

		if (s->ops && s->involved)
			s->ops->event(s->priv, VSOC_SIM_I2C_STOP, &val);
		s->involved = false;
	}
}

/*
 * The eighth bit of the address byte is in: ACK it if a target has the
 * address and takes the transfer, else leave SDA high (NACK) and sit the
 * transfer out. Under @lock.
 */
static void vsoc_sim_i2c_address(struct vsoc_sim_i2c_bus *bus)
{
	u8 addr = bus->byte >> 1, val = 0;
	unsigned int i;

	bus->read = bus->byte & 1;
	for (i = 0; i < VSOC_SIM_I2C_MAX_TARGETS; i++)
		if (bus->slot[i].ops && bus->slot[i].addr == addr)
			break;
	if (i == VSOC_SIM_I2C_MAX_TARGETS) {
		vsoc_sim_i2c_idle(bus);
		return;
	}
	bus->active = i;
	if (vsoc_sim_i2c_event(bus, bus->read ? VSOC_SIM_I2C_READ_REQUESTED :
					     VSOC_SIM_I2C_WRITE_REQUESTED,
			       &val)) {
		vsoc_sim_i2c_idle(bus);
		return;
	}
	bus->slot[i].involved = true;
	bus->byte = val;
	bus->ack_slot = true;
	vsoc_sim_i2c_drive(bus, false);
}

/* A data byte is in: the target ACKs or NACKs it. Under @lock. */
static void vsoc_sim_i2c_received(struct vsoc_sim_i2c_bus *bus)
{
	u8 val = bus->byte;

	if (vsoc_sim_i2c_event(bus, VSOC_SIM_I2C_WRITE_RECEIVED, &val)) {
		vsoc_sim_i2c_idle(bus);
		return;
	}
	bus->ack_slot = true;
	vsoc_sim_i2c_drive(bus, false);
}

/* Start sending @val: its MSB goes on SDA now, SCL being low. */
static void vsoc_sim_i2c_send(struct vsoc_sim_i2c_bus *bus, u8 val)
{
	bus->state = VSOC_SIM_I2C_READING;
	bus->byte = val;
	bus->nbits = 0;
	bus->ack_slot = false;
	vsoc_sim_i2c_drive(bus, val & BIT(7));
}

/*
 * The controller's ninth clock of a byte it read is over: if it ACKed,
 * the target gives the next byte; if not, the transfer is over until a
 * STOP or repeated START. Under @lock.
 */
static void vsoc_sim_i2c_read_acked(struct vsoc_sim_i2c_bus *bus)
{
	u8 val = bus->acked;

	vsoc_sim_i2c_event(bus, VSOC_SIM_I2C_READ_PROCESSED, &val);
	if (!bus->acked) {
		vsoc_sim_i2c_idle(bus);
		return;
	}
	val = 0xff;
	if (vsoc_sim_i2c_event(bus, VSOC_SIM_I2C_READ_REQUESTED, &val))
		val = 0xff;
	vsoc_sim_i2c_send(bus, val);
}

/* SCL rose: the receiver samples SDA. Under @lock. */
static void vsoc_sim_i2c_scl_rose(struct vsoc_sim_i2c_bus *bus)
{
	switch (bus->state) {
	case VSOC_SIM_I2C_ADDR:
	case VSOC_SIM_I2C_WRITING:
		if (!bus->ack_slot && bus->nbits < 8) {
			bus->byte = bus->byte << 1 | bus->bus_sda;
			bus->nbits++;
		}
		break;
	case VSOC_SIM_I2C_READING:
		if (bus->ack_slot)
			bus->acked = !bus->bus_sda;
		else if (bus->nbits < 8)
			bus->nbits++;
		break;
	case VSOC_SIM_I2C_IDLE:
		break;
	}
}

/* SCL fell: the transmitter may change SDA for the next bit. Under @lock. */
static void vsoc_sim_i2c_scl_fell(struct vsoc_sim_i2c_bus *bus)
{
	switch (bus->state) {
	case VSOC_SIM_I2C_ADDR:
		if (!bus->ack_slot) {
			if (bus->nbits == 8)
				vsoc_sim_i2c_address(bus);
		} else if (bus->read) {
			vsoc_sim_i2c_send(bus, bus->byte);
		} else {
			bus->state = VSOC_SIM_I2C_WRITING;
			bus->ack_slot = false;
			bus->nbits = 0;
			bus->byte = 0;
			vsoc_sim_i2c_drive(bus, true);
		}
		break;
	case VSOC_SIM_I2C_WRITING:
		if (bus->ack_slot) {
			bus->ack_slot = false;
			bus->nbits = 0;
			bus->byte = 0;
			vsoc_sim_i2c_drive(bus, true);
		} else if (bus->nbits == 8) {
			vsoc_sim_i2c_received(bus);
		}
		break;
	case VSOC_SIM_I2C_READING:
		if (bus->ack_slot) {
			vsoc_sim_i2c_read_acked(bus);
		} else if (bus->nbits == 8) {
			/* The controller's turn: it ACKs or not. */
			bus->ack_slot = true;
			bus->acked = false;
			vsoc_sim_i2c_drive(bus, true);
		} else {
			vsoc_sim_i2c_drive(bus, bus->byte & BIT(7 - bus->nbits));
		}
		break;
	case VSOC_SIM_I2C_IDLE:
		break;
	}
}

/**
 * vsoc_sim_i2c_bus_line_changed() - pass a consumer's line change on
 * @bus: the bus, or NULL
 * @line: the line the model's gpio_changed() was called for
 * @level: the level it was called with
 *
 * A model with a bus calls this from its gpio_changed() for every change
 * it is told of; the bus decodes the changes of its two lines and calls
 * its targets. A change of direction without a change of level is no
 * edge.
 *
 * Context: gpio_changed(): atomic; the caller must not hold a lock that
 * the targets' event() takes.
 * Return: true if @line is one of the bus's (the change is used up).
 */
bool vsoc_sim_i2c_bus_line_changed(struct vsoc_sim_i2c_bus *bus,
				   unsigned int line, bool level)
{
	unsigned long flags;
	bool sda;
	int now;

	if (!bus || (line != bus->scl && line != bus->sda))
		return false;
	spin_lock_irqsave(&bus->lock, flags);
	if (line == bus->sda) {
		/*
		 * The level now, not the one told: a target taken off the
		 * bus from elsewhere may have released SDA in between. The
		 * consumer cannot have changed it again: its changes wait
		 * for their gpio_changed() calls.
		 */
		now = vsoc_sim_gpio_get(bus->blk, bus->sda);
		bus->line_sda = now < 0 ? level : now;
		sda = bus->line_sda && bus->target_sda;
		/* While SCL is high, an SDA edge is a START or a STOP. */
		if (sda != bus->bus_sda) {
			bus->bus_sda = sda;
			if (bus->bus_scl && sda)
				vsoc_sim_i2c_stop(bus);
			else if (bus->bus_scl)
				vsoc_sim_i2c_start(bus);
		}
	} else if (level != bus->bus_scl) {
		bus->bus_scl = level;
		if (level)
			vsoc_sim_i2c_scl_rose(bus);
		else
			vsoc_sim_i2c_scl_fell(bus);
	}
	spin_unlock_irqrestore(&bus->lock, flags);
	return true;
}
EXPORT_SYMBOL_GPL(vsoc_sim_i2c_bus_line_changed);

/**
 * vsoc_sim_i2c_target_add() - put a target on the bus
 * @bus: the bus
 * @addr: its 7-bit address
 * @ops: its operations; @ops->event is required
 * @priv: given to @ops->event
 *
 * The target takes part from the next address byte on.
 *
 * Context: any; does not sleep. Not from within a target's event().
 * Return: 0, -EINVAL for a bad address or @ops, -EBUSY if the address is
 * taken, -ENOSPC if the bus has VSOC_SIM_I2C_MAX_TARGETS targets.
 */
int vsoc_sim_i2c_target_add(struct vsoc_sim_i2c_bus *bus, u8 addr,
			    const struct vsoc_sim_i2c_target_ops *ops,
			    void *priv)
{
	struct vsoc_sim_i2c_slot *free = NULL;
	unsigned long flags;
	unsigned int i;
	int ret = 0;

	if (addr > VSOC_SIM_I2C_ADDR_MAX || !ops || !ops->event)
		return -EINVAL;
	spin_lock_irqsave(&bus->lock, flags);
	for (i = 0; i < VSOC_SIM_I2C_MAX_TARGETS; i++) {
		if (!bus->slot[i].ops) {
			if (!free)
				free = &bus->slot[i];
		} else if (bus->slot[i].addr == addr) {
			ret = -EBUSY;
		}
	}
	if (!ret && !free)
		ret = -ENOSPC;
	if (!ret) {
		free->ops = ops;
		free->priv = priv;
		free->addr = addr;
		free->involved = false;
	}
	spin_unlock_irqrestore(&bus->lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(vsoc_sim_i2c_target_add);

/**
 * vsoc_sim_i2c_target_remove() - take a target off the bus
 * @bus: the bus
 * @addr: its address
 *
 * A transfer it is in ends: SDA is released, the rest of the transfer is
 * ignored, and no STOP is told. Its event() is not running, nor called
 * again, once this returns.
 *
 * Context: any; does not sleep. Not from within a target's event().
 * Return: 0, or -ENOENT if no target has @addr.
 */
int vsoc_sim_i2c_target_remove(struct vsoc_sim_i2c_bus *bus, u8 addr)
{
	unsigned long flags;
	unsigned int i;
	int ret = -ENOENT;

	spin_lock_irqsave(&bus->lock, flags);
	for (i = 0; i < VSOC_SIM_I2C_MAX_TARGETS; i++) {
		if (!bus->slot[i].ops || bus->slot[i].addr != addr)
			continue;
		if (bus->active == i) {
			vsoc_sim_i2c_idle(bus);
			vsoc_sim_i2c_drive(bus, true);
		}
		bus->slot[i].ops = NULL;
		bus->slot[i].priv = NULL;
		bus->slot[i].involved = false;
		ret = 0;
		break;
	}
	spin_unlock_irqrestore(&bus->lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(vsoc_sim_i2c_target_remove);

/**
 * vsoc_sim_i2c_bus_create() - an I2C bus on two of a block's lines
 * @blk: the block
 * @scl: signal of its SCL line (the part of the line's name after
 *	"<block node name>:", see vsoc_sim_gpio_lookup())
 * @sda: signal of its SDA line
 *
 * The bus drives both lines high from now on (the pull-ups), and has no
 * target yet. The model passes its gpio_changed() calls to
 * vsoc_sim_i2c_bus_line_changed().
 *
 * Context: process (the model's create()); may sleep.
 * Return: the bus, or an ERR_PTR(): -ENOENT for a line the board does
 * not have (-ENODEV without board lines), -EINVAL for one line as both.
 */
struct vsoc_sim_i2c_bus *vsoc_sim_i2c_bus_create(struct vsoc_sim_block *blk,
						 const char *scl,
						 const char *sda)
{
	struct vsoc_sim_i2c_bus *bus;
	int line_scl, line_sda, ret;

	line_scl = vsoc_sim_gpio_lookup(blk, scl);
	if (line_scl < 0)
		return ERR_PTR(line_scl);
	line_sda = vsoc_sim_gpio_lookup(blk, sda);
	if (line_sda < 0)
		return ERR_PTR(line_sda);
	if (line_scl == line_sda)
		return ERR_PTR(-EINVAL);

	bus = kzalloc(sizeof(*bus), GFP_KERNEL);
	if (!bus)
		return ERR_PTR(-ENOMEM);
	bus->blk = blk;
	bus->scl = line_scl;
	bus->sda = line_sda;
	spin_lock_init(&bus->lock);
	bus->target_sda = true;
	vsoc_sim_i2c_idle(bus);

	ret = vsoc_sim_gpio_set(blk, line_scl, true);
	if (!ret)
		ret = vsoc_sim_gpio_set(blk, line_sda, true);
	if (ret) {
		kfree(bus);
		return ERR_PTR(ret);
	}
	bus->bus_scl = vsoc_sim_gpio_get(blk, line_scl) > 0;
	bus->line_sda = vsoc_sim_gpio_get(blk, line_sda) > 0;
	bus->bus_sda = bus->line_sda;
	return bus;
}
EXPORT_SYMBOL_GPL(vsoc_sim_i2c_bus_create);

/**
 * vsoc_sim_i2c_bus_destroy() - free a bus
 * @bus: the bus, or NULL
 *
 * The model must pass no line change to it any more: call it from the
 * model's destroy() (the board tells no change then), or once its
 * gpio_changed() stopped using @bus. The targets are not told.
 *
 * Context: any.
 */
void vsoc_sim_i2c_bus_destroy(struct vsoc_sim_i2c_bus *bus)
{
	kfree(bus);
}
EXPORT_SYMBOL_GPL(vsoc_sim_i2c_bus_destroy);
