// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the I2C buses on board GPIO lines: a DT overlay
 * (vsoc-sim-i2c-kunit.dtso) adds a board with one block, whose model puts
 * a bus on two lines with the suite's targets on it, and a controller
 * node. The suite is the controller: it requests the lines open drain,
 * as i2c-gpio does, and bit-bangs transfers through gpiolib. A second bus
 * on two more lines has the kernel's own i2c-gpio and i2c-algo-bit as
 * its controller, for the transfers sfp.c makes.
 */
#include <kunit/of.h>
#include <kunit/test.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/i2c.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_data/i2c-gpio.h>
#include <linux/platform_device.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/stringify.h>

#include <vsoc/sim.h>

#define I2C_BOARD	"/vsoc-sim-i2c-kunit"
#define ADDR_EEPROM	0x50
#define ADDR_EEPROM2	0x51
#define ADDR_PICKY	0x3c
#define ADDR_ABSENT	0x23
/* Bytes the picky target takes before it NACKs one. */
#define PICKY_TAKES	2
/* Clocks a stuck transfer may take to let SDA go. */
#define RECOVER_CLOCKS	20
/* Device and I2C bus number of the kernel's i2c-gpio on the second bus. */
#define GPIO_BUS_NR	711

/**
 * struct i2c_eeprom - a 256-byte EEPROM-like target
 * @mem: its contents
 * @ptr: the byte pointer
 * @addressed: the next byte written sets @ptr
 * @events: events it was told
 * @stops: STOPs among them
 */
struct i2c_eeprom {
	u8 mem[256];
	u8 ptr;
	bool addressed;
	unsigned int events;
	unsigned int stops;
};

/**
 * struct i2c_picky - a target that takes PICKY_TAKES bytes, then NACKs
 * @received: bytes offered to it, NACKed ones included
 * @stops: STOPs told
 */
struct i2c_picky {
	unsigned int received;
	unsigned int stops;
};

/**
 * struct i2c_test - the suite's board, model and controller
 * @bus: the bus of block kunit-i2c@0, while it exists
 * @bus2: its second bus, for i2c-gpio
 * @board: the test board's node
 * @ctl: the controller node
 * @scl: the controller's SCL
 * @sda: the controller's SDA
 * @ee: target at ADDR_EEPROM
 * @ee2: target at ADDR_EEPROM2
 * @picky: target at ADDR_PICKY
 * @gee: target at ADDR_EEPROM on @bus2
 */
struct i2c_test {
	struct vsoc_sim_i2c_bus *bus;
	struct vsoc_sim_i2c_bus *bus2;
	struct device_node *board;
	struct device_node *ctl;
	struct gpio_desc *scl;
	struct gpio_desc *sda;
	struct i2c_eeprom ee;
	struct i2c_eeprom ee2;
	struct i2c_picky picky;
	struct i2c_eeprom gee;
};

/* The model has no context of its own; one test runs at a time. */
static struct i2c_test *it;

static int i2c_eeprom_event(void *priv, enum vsoc_sim_i2c_event event,
			    u8 *val)
{
	struct i2c_eeprom *ee = priv;

	ee->events++;
	switch (event) {
	case VSOC_SIM_I2C_WRITE_REQUESTED:
		ee->addressed = true;
		break;
	case VSOC_SIM_I2C_WRITE_RECEIVED:
		if (ee->addressed)
			ee->ptr = *val;
		else
			ee->mem[ee->ptr++] = *val;
		ee->addressed = false;
		break;
	case VSOC_SIM_I2C_READ_REQUESTED:
		*val = ee->mem[ee->ptr];
		break;
	case VSOC_SIM_I2C_READ_PROCESSED:
		ee->ptr++;
		break;
	case VSOC_SIM_I2C_STOP:
		ee->stops++;
		break;
	}
	return 0;
}

static const struct vsoc_sim_i2c_target_ops i2c_eeprom_ops = {
	.event = i2c_eeprom_event,
};

/* Takes writes, PICKY_TAKES bytes at most per transfer; no reads. */
static int i2c_picky_event(void *priv, enum vsoc_sim_i2c_event event,
			   u8 *val)
{
	struct i2c_picky *p = priv;

	switch (event) {
	case VSOC_SIM_I2C_WRITE_REQUESTED:
		p->received = 0;
		return 0;
	case VSOC_SIM_I2C_WRITE_RECEIVED:
		return ++p->received > PICKY_TAKES ? -ENOSPC : 0;
	case VSOC_SIM_I2C_STOP:
		p->stops++;
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

static const struct vsoc_sim_i2c_target_ops i2c_picky_ops = {
	.event = i2c_picky_event,
};

static int i2c_model_create(struct vsoc_sim_block *blk)
{
	struct vsoc_sim_i2c_bus *bus;

	bus = vsoc_sim_i2c_bus_create(blk, "scl", "sda");
	if (IS_ERR(bus))
		return PTR_ERR(bus);
	WRITE_ONCE(it->bus, bus);
	bus = vsoc_sim_i2c_bus_create(blk, "scl2", "sda2");
	if (IS_ERR(bus)) {
		vsoc_sim_i2c_bus_destroy(it->bus);
		WRITE_ONCE(it->bus, NULL);
		return PTR_ERR(bus);
	}
	WRITE_ONCE(it->bus2, bus);
	return 0;
}

static void i2c_model_destroy(struct vsoc_sim_block *blk)
{
	vsoc_sim_i2c_bus_destroy(it->bus);
	vsoc_sim_i2c_bus_destroy(it->bus2);
	WRITE_ONCE(it->bus, NULL);
	WRITE_ONCE(it->bus2, NULL);
}

static int i2c_model_read(struct vsoc_sim_block *blk, unsigned int off,
			  unsigned int *val)
{
	*val = 0;
	return 0;
}

static int i2c_model_write(struct vsoc_sim_block *blk, unsigned int off,
			   unsigned int val)
{
	return 0;
}

static void i2c_model_changed(struct vsoc_sim_block *blk, unsigned int line,
			      bool level)
{
	if (!vsoc_sim_i2c_bus_line_changed(it->bus, line, level))
		vsoc_sim_i2c_bus_line_changed(it->bus2, line, level);
}

static struct vsoc_sim_model i2c_model = {
	.compatible = "vsoc,kunit-i2c",
	.create = i2c_model_create,
	.destroy = i2c_model_destroy,
	.reg_read = i2c_model_read,
	.reg_write = i2c_model_write,
	.gpio_changed = i2c_model_changed,
};

static void i2c_unregister(void *model)
{
	vsoc_sim_model_unregister(model);
}

static void i2c_put(void *desc)
{
	gpiod_put(desc);
}

/* The controller's line @con_id, open drain and released. */
static struct gpio_desc *i2c_get(struct kunit *test, const char *con_id)
{
	struct gpio_desc *desc;

	desc = fwnode_gpiod_get_index(of_fwnode_handle(it->ctl), con_id, 0,
				      GPIOD_OUT_HIGH_OPEN_DRAIN, "kunit-i2c");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, desc);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, i2c_put, desc),
			0);
	return desc;
}

/*
 * The board with the model's bus and the three targets on it, and the
 * controller's lines.
 */
static int i2c_init(struct kunit *test)
{
	struct platform_device *pdev;
	bool bound;

	it = kunit_kzalloc(test, sizeof(*it), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, it);
	KUNIT_ASSERT_EQ(test, of_overlay_apply_kunit(test, vsoc_sim_i2c_kunit), 0);
	it->board = of_find_node_by_path(I2C_BOARD);
	KUNIT_ASSERT_NOT_NULL(test, it->board);
	of_node_put_kunit(test, it->board);
	it->ctl = of_get_child_by_name(it->board, "kunit-i2c-controller");
	KUNIT_ASSERT_NOT_NULL(test, it->ctl);
	of_node_put_kunit(test, it->ctl);
	pdev = of_find_device_by_node(it->board);
	bound = pdev && device_is_bound(&pdev->dev);
	if (pdev)
		put_device(&pdev->dev);
	KUNIT_ASSERT_TRUE_MSG(test, bound, "the test board is not bound");

	KUNIT_ASSERT_EQ(test, vsoc_sim_model_register(&i2c_model), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, i2c_unregister,
							&i2c_model), 0);
	KUNIT_ASSERT_NOT_NULL(test, it->bus);
	KUNIT_ASSERT_EQ(test, vsoc_sim_i2c_target_add(it->bus, ADDR_EEPROM,
						      &i2c_eeprom_ops, &it->ee),
			0);
	KUNIT_ASSERT_EQ(test, vsoc_sim_i2c_target_add(it->bus, ADDR_EEPROM2,
						      &i2c_eeprom_ops,
						      &it->ee2), 0);
	KUNIT_ASSERT_EQ(test, vsoc_sim_i2c_target_add(it->bus, ADDR_PICKY,
						      &i2c_picky_ops,
						      &it->picky), 0);
	KUNIT_ASSERT_EQ(test, vsoc_sim_i2c_target_add(it->bus2, ADDR_EEPROM,
						      &i2c_eeprom_ops,
						      &it->gee), 0);
	it->scl = i2c_get(test, "scl");
	it->sda = i2c_get(test, "sda");
	return 0;
}

/* The controller: SCL and SDA released (1) or pulled low (0). */
static void scl(int v)
{
	gpiod_set_value(it->scl, v);
}

static void sda(int v)
{
	gpiod_set_value(it->sda, v);
}

static bool sda_level(void)
{
	return gpiod_get_value(it->sda) > 0;
}

/* START, or a repeated START after a byte (SCL low). */
static void ctl_start(void)
{
	sda(1);
	scl(1);
	sda(0);
	scl(0);
}

static void ctl_stop(void)
{
	sda(0);
	scl(1);
	sda(1);
}

/* The first @n bits of @b, MSB first; SCL low after. */
static void ctl_bits(u8 b, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		sda(!!(b & (0x80 >> i)));
		scl(1);
		scl(0);
	}
}

/* Send @b. Return: the target ACKed it. */
static bool ctl_write(u8 b)
{
	bool ack;

	ctl_bits(b, 8);
	sda(1);
	scl(1);
	ack = !sda_level();
	scl(0);
	return ack;
}

/* Read a byte and ACK it (@ack) or NACK it. */
static u8 ctl_read(bool ack)
{
	unsigned int i;
	u8 b = 0;

	sda(1);
	for (i = 0; i < 8; i++) {
		scl(1);
		b = b << 1 | sda_level();
		scl(0);
	}
	sda(!ack);
	scl(1);
	scl(0);
	sda(1);
	return b;
}

/* Write @len bytes at @off of the target at @addr; all must be ACKed. */
static void ee_write(struct kunit *test, u8 addr, u8 off, const u8 *buf,
		     size_t len)
{
	size_t i;

	ctl_start();
	KUNIT_EXPECT_TRUE(test, ctl_write(addr << 1));
	KUNIT_EXPECT_TRUE(test, ctl_write(off));
	for (i = 0; i < len; i++)
		KUNIT_EXPECT_TRUE(test, ctl_write(buf[i]));
	ctl_stop();
}

/* Read @len bytes at @off: the offset written, a repeated START, reads. */
static void ee_read(struct kunit *test, u8 addr, u8 off, u8 *buf, size_t len)
{
	size_t i;

	ctl_start();
	KUNIT_EXPECT_TRUE(test, ctl_write(addr << 1));
	KUNIT_EXPECT_TRUE(test, ctl_write(off));
	ctl_start();
	KUNIT_EXPECT_TRUE(test, ctl_write(addr << 1 | 1));
	for (i = 0; i < len; i++)
		buf[i] = ctl_read(i + 1 < len);
	ctl_stop();
}

/* A write, then a read through a repeated START, of an EEPROM. */
static void vsoc_sim_i2c_write_read(struct kunit *test)
{
	static const u8 data[] = { 0xa5, 0x00, 0xff, 0x3c };
	u8 buf[sizeof(data)] = {};

	/* Idle bus: both lines high, for the consumer and the model. */
	KUNIT_EXPECT_EQ(test, gpiod_get_value(it->scl), 1);
	KUNIT_EXPECT_TRUE(test, sda_level());

	ee_write(test, ADDR_EEPROM, 0x10, data, sizeof(data));
	KUNIT_EXPECT_MEMEQ(test, &it->ee.mem[0x10], data, sizeof(data));
	KUNIT_EXPECT_EQ(test, it->ee.ptr, 0x14);
	KUNIT_EXPECT_EQ(test, it->ee.stops, 1U);

	ee_read(test, ADDR_EEPROM, 0x10, buf, sizeof(buf));
	KUNIT_EXPECT_MEMEQ(test, buf, data, sizeof(data));
	/* Every byte clocked out moved the pointer, the last one too. */
	KUNIT_EXPECT_EQ(test, it->ee.ptr, 0x14);
	KUNIT_EXPECT_EQ(test, it->ee.stops, 2U);
	/* Released after the STOP. */
	KUNIT_EXPECT_TRUE(test, sda_level());
	/* The other targets heard nothing. */
	KUNIT_EXPECT_EQ(test, it->ee2.events, 0U);
	KUNIT_EXPECT_EQ(test, it->picky.stops, 0U);
}

/* Nobody at the address: NACK, and no target hears of the transfer. */
static void vsoc_sim_i2c_absent(struct kunit *test)
{
	ctl_start();
	KUNIT_EXPECT_FALSE(test, ctl_write(ADDR_ABSENT << 1));
	/* The rest of the transfer is nobody's either. */
	KUNIT_EXPECT_FALSE(test, ctl_write(0x00));
	ctl_stop();
	ctl_start();
	KUNIT_EXPECT_FALSE(test, ctl_write(ADDR_ABSENT << 1 | 1));
	KUNIT_EXPECT_EQ(test, ctl_read(false), 0xff);
	ctl_stop();
	/* A target that refuses reads NACKs its address. */
	ctl_start();
	KUNIT_EXPECT_FALSE(test, ctl_write(ADDR_PICKY << 1 | 1));
	ctl_stop();

	KUNIT_EXPECT_EQ(test, it->ee.events, 0U);
	KUNIT_EXPECT_EQ(test, it->ee2.events, 0U);
	KUNIT_EXPECT_EQ(test, it->picky.stops, 0U);

	/* Taken off the bus: gone. */
	KUNIT_EXPECT_EQ(test, vsoc_sim_i2c_target_remove(it->bus, ADDR_EEPROM2),
			0);
	KUNIT_EXPECT_EQ(test, vsoc_sim_i2c_target_remove(it->bus, ADDR_EEPROM2),
			-ENOENT);
	ctl_start();
	KUNIT_EXPECT_FALSE(test, ctl_write(ADDR_EEPROM2 << 1));
	ctl_stop();
	KUNIT_EXPECT_EQ(test, it->ee2.events, 0U);
}

/* A target NACKs a byte; the rest of the transfer is not its. */
static void vsoc_sim_i2c_target_nack(struct kunit *test)
{
	ctl_start();
	KUNIT_EXPECT_TRUE(test, ctl_write(ADDR_PICKY << 1));
	KUNIT_EXPECT_TRUE(test, ctl_write(0x01));
	KUNIT_EXPECT_TRUE(test, ctl_write(0x02));
	KUNIT_EXPECT_FALSE(test, ctl_write(0x03));
	KUNIT_EXPECT_FALSE(test, ctl_write(0x04));
	ctl_stop();
	KUNIT_EXPECT_EQ(test, it->picky.received, (unsigned int)PICKY_TAKES + 1);
	KUNIT_EXPECT_EQ(test, it->picky.stops, 1U);

	/* A new transfer starts afresh. */
	ctl_start();
	KUNIT_EXPECT_TRUE(test, ctl_write(ADDR_PICKY << 1));
	KUNIT_EXPECT_TRUE(test, ctl_write(0x05));
	ctl_stop();
	KUNIT_EXPECT_EQ(test, it->picky.received, 1U);
	KUNIT_EXPECT_EQ(test, it->picky.stops, 2U);
}

/* A STOP or a START in the middle of a byte starts over. */
static void vsoc_sim_i2c_mid_byte(struct kunit *test)
{
	static const u8 data[] = { 0x11, 0x22 };
	u8 buf[2];

	ee_write(test, ADDR_EEPROM, 0x40, data, sizeof(data));

	/* STOP after 5 bits of the offset. */
	ctl_start();
	KUNIT_EXPECT_TRUE(test, ctl_write(ADDR_EEPROM << 1));
	ctl_bits(0xff, 5);
	ctl_stop();
	KUNIT_EXPECT_EQ(test, it->ee.stops, 2U);
	/* START after 3 bits of an address, then a whole transfer. */
	ctl_start();
	ctl_bits(ADDR_EEPROM << 1, 3);
	ee_read(test, ADDR_EEPROM, 0x40, buf, sizeof(buf));
	KUNIT_EXPECT_MEMEQ(test, buf, data, sizeof(data));
	/* Repeated START after 6 bits of a data byte: not written. */
	ctl_start();
	KUNIT_EXPECT_TRUE(test, ctl_write(ADDR_EEPROM << 1));
	KUNIT_EXPECT_TRUE(test, ctl_write(0x40));
	ctl_bits(0x00, 6);
	ctl_start();
	KUNIT_EXPECT_TRUE(test, ctl_write(ADDR_EEPROM << 1 | 1));
	KUNIT_EXPECT_EQ(test, ctl_read(false), data[0]);
	ctl_stop();
	KUNIT_EXPECT_MEMEQ(test, &it->ee.mem[0x40], data, sizeof(data));
}

/* Two targets on one bus, in one sequence of repeated STARTs. */
static void vsoc_sim_i2c_two_targets(struct kunit *test)
{
	u8 a, b;

	it->ee.mem[0x07] = 0xaa;
	it->ee2.mem[0x07] = 0xbb;
	ctl_start();
	KUNIT_EXPECT_TRUE(test, ctl_write(ADDR_EEPROM << 1));
	KUNIT_EXPECT_TRUE(test, ctl_write(0x07));
	ctl_start();
	KUNIT_EXPECT_TRUE(test, ctl_write(ADDR_EEPROM2 << 1));
	KUNIT_EXPECT_TRUE(test, ctl_write(0x07));
	ctl_start();
	KUNIT_EXPECT_TRUE(test, ctl_write(ADDR_EEPROM << 1 | 1));
	a = ctl_read(false);
	ctl_start();
	KUNIT_EXPECT_TRUE(test, ctl_write(ADDR_EEPROM2 << 1 | 1));
	b = ctl_read(false);
	ctl_stop();
	KUNIT_EXPECT_EQ(test, a, 0xaa);
	KUNIT_EXPECT_EQ(test, b, 0xbb);
	/* Both took part: both hear of the STOP, once. */
	KUNIT_EXPECT_EQ(test, it->ee.stops, 1U);
	KUNIT_EXPECT_EQ(test, it->ee2.stops, 1U);
	KUNIT_EXPECT_EQ(test, it->ee.ptr, 0x08);
	KUNIT_EXPECT_EQ(test, it->ee2.ptr, 0x08);
}

/*
 * Random edges on both lines never break the bus: after a recovery (clock
 * until SDA is free, then a STOP), a transfer works.
 */
static void vsoc_sim_i2c_garbage(struct kunit *test)
{
	static const u8 data[] = { 0x5a };
	unsigned int i;
	bool stopped = false;
	u8 buf[1];
	u32 r;

	for (i = 0; i < 20000; i++) {
		r = get_random_u32();
		if (r & 1)
			scl(!!(r & 2));
		else
			sda(!!(r & 2));
	}
	/* A STOP is seen once SDA rises while SCL is high. */
	for (i = 0; i < RECOVER_CLOCKS && !stopped; i++) {
		scl(0);
		sda(0);
		scl(1);
		sda(1);
		stopped = sda_level();
	}
	KUNIT_ASSERT_TRUE(test, stopped);
	ee_write(test, ADDR_EEPROM, 0x80, data, sizeof(data));
	ee_read(test, ADDR_EEPROM, 0x80, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[0], data[0]);
}

/* Target bookkeeping: addresses, duplicates, room. */
static void vsoc_sim_i2c_targets(struct kunit *test)
{
	static struct i2c_eeprom more[VSOC_SIM_I2C_MAX_TARGETS];
	unsigned int i;
	int ret = 0;

	KUNIT_EXPECT_EQ(test, vsoc_sim_i2c_target_add(it->bus, ADDR_EEPROM,
						      &i2c_eeprom_ops, &it->ee),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, vsoc_sim_i2c_target_add(it->bus, 0x80,
						      &i2c_eeprom_ops, &it->ee),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, vsoc_sim_i2c_target_add(it->bus, 0x10, NULL,
						      NULL), -EINVAL);
	/* Three are on: five more fit, the sixth does not. */
	for (i = 0; i < ARRAY_SIZE(more) && !ret; i++)
		ret = vsoc_sim_i2c_target_add(it->bus, 0x60 + i,
					      &i2c_eeprom_ops, &more[i]);
	KUNIT_EXPECT_EQ(test, ret, -ENOSPC);
	KUNIT_EXPECT_EQ(test, i, VSOC_SIM_I2C_MAX_TARGETS - 2);
}

#if IS_REACHABLE(CONFIG_I2C) && IS_REACHABLE(CONFIG_I2C_GPIO)
static void i2c_gpio_unregister(void *pdev)
{
	platform_device_unregister(pdev);
}

static void i2c_gpio_unlookup(void *table)
{
	gpiod_remove_lookup_table(table);
}

static void i2c_gpio_put_adapter(void *adap)
{
	i2c_put_adapter(adap);
}

/*
 * The kernel's i2c-gpio on the second bus, without the DT: its lines
 * from a lookup table on the board's chip (named after the board's
 * device), open drain. Return: its adapter.
 */
static struct i2c_adapter *i2c_gpio_adapter(struct kunit *test)
{
	const struct i2c_gpio_platform_data pdata = { .udelay = 1 };
	struct gpiod_lookup_table *table;
	struct platform_device *pdev;
	struct i2c_adapter *adap;
	const char *chip;

	pdev = of_find_device_by_node(it->board);
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	chip = kunit_kstrdup(test, dev_name(&pdev->dev), GFP_KERNEL);
	put_device(&pdev->dev);
	KUNIT_ASSERT_NOT_NULL(test, chip);

	table = kunit_kzalloc(test, struct_size(table, table, 3), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, table);
	table->dev_id = "i2c-gpio." __stringify(GPIO_BUS_NR);
	table->table[0] = GPIO_LOOKUP(chip, 2, "scl", GPIO_OPEN_DRAIN);
	table->table[1] = GPIO_LOOKUP(chip, 3, "sda", GPIO_OPEN_DRAIN);
	gpiod_add_lookup_table(table);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, i2c_gpio_unlookup,
							table), 0);

	pdev = platform_device_register_data(NULL, "i2c-gpio", GPIO_BUS_NR,
					     &pdata, sizeof(pdata));
	KUNIT_ASSERT_FALSE(test, IS_ERR(pdev));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							i2c_gpio_unregister,
							pdev), 0);
	KUNIT_ASSERT_TRUE_MSG(test, device_is_bound(&pdev->dev),
			      "i2c-gpio did not bind");
	adap = i2c_get_adapter(GPIO_BUS_NR);
	KUNIT_ASSERT_NOT_NULL(test, adap);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							i2c_gpio_put_adapter,
							adap), 0);
	return adap;
}

/*
 * The kernel's controller: a write, the pointer and a 16-byte read in
 * one transfer with a repeated START (as sfp.c reads EEPROMs), and an
 * absent address.
 */
static void vsoc_sim_i2c_kernel_controller(struct kunit *test)
{
	struct i2c_adapter *adap = i2c_gpio_adapter(test);
	u8 wr[3] = { 0x20, 0xab, 0xcd }, off = 0x18, buf[16];
	struct i2c_msg w = { .addr = ADDR_EEPROM, .len = 3, .buf = wr };
	struct i2c_msg rd[2] = {
		{ .addr = ADDR_EEPROM, .len = 1, .buf = &off },
		{ .addr = ADDR_EEPROM, .flags = I2C_M_RD, .len = 16, .buf = buf },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(it->gee.mem); i++)
		it->gee.mem[i] = i;
	KUNIT_EXPECT_EQ(test, i2c_transfer(adap, &w, 1), 1);
	KUNIT_EXPECT_EQ(test, it->gee.mem[0x20], 0xab);
	KUNIT_EXPECT_EQ(test, it->gee.mem[0x21], 0xcd);
	KUNIT_EXPECT_EQ(test, i2c_transfer(adap, rd, 2), 2);
	for (i = 0; i < 8; i++)
		KUNIT_EXPECT_EQ(test, buf[i], 0x18 + i);
	KUNIT_EXPECT_EQ(test, buf[8], 0xab);
	KUNIT_EXPECT_EQ(test, buf[9], 0xcd);
	KUNIT_EXPECT_EQ(test, it->gee.ptr, 0x28);
	KUNIT_EXPECT_EQ(test, it->gee.stops, 2U);

	w.addr = ADDR_ABSENT;
	KUNIT_EXPECT_LT(test, i2c_transfer(adap, &w, 1), 0);
	/* The first bus heard none of it. */
	KUNIT_EXPECT_EQ(test, it->ee.events, 0U);
}
#else
static void vsoc_sim_i2c_kernel_controller(struct kunit *test)
{
	kunit_skip(test, "no CONFIG_I2C_GPIO");
}
#endif

static struct kunit_case vsoc_sim_i2c_cases[] = {
	KUNIT_CASE(vsoc_sim_i2c_write_read),
	KUNIT_CASE(vsoc_sim_i2c_absent),
	KUNIT_CASE(vsoc_sim_i2c_target_nack),
	KUNIT_CASE(vsoc_sim_i2c_mid_byte),
	KUNIT_CASE(vsoc_sim_i2c_two_targets),
	KUNIT_CASE(vsoc_sim_i2c_garbage),
	KUNIT_CASE(vsoc_sim_i2c_targets),
	KUNIT_CASE(vsoc_sim_i2c_kernel_controller),
	{ }
};

static struct kunit_suite vsoc_sim_i2c_suite = {
	.name = "vsoc-sim-i2c",
	.init = i2c_init,
	.test_cases = vsoc_sim_i2c_cases,
};

kunit_test_suite(vsoc_sim_i2c_suite);
