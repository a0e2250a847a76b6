// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the vsoc-switch model's SFP module EEPROMs
 * (vsoc-switch-sfp) and SFP cages (vsoc-switch-cage), without a board;
 * part of the vsoc-switch-model-kunit module.
 * Specification: Documentation/vsoc-switch-regs.rst.
 */
#include <kunit/test.h>
#include <linux/ethtool.h>
#include <linux/linkmode.h>
#include <linux/mdio.h>
#include <linux/mii.h>
#include <linux/sfp.h>

#include <vsoc/compat.h>
#include <vsoc/switch-regs.h>

#include "switch-model.h"

/*
 * SFP module EEPROMs (vsoc-switch-sfp): the images checked against the
 * kernel's own view of them (linux/sfp.h), the diagnostics' encoding, and
 * the pages as I2C targets through their event callback.
 */
static u8 sfp_sum(const u8 *p, size_t len)
{
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

static u16 sfp_be16(const u8 *p)
{
	return p[0] << 8 | p[1];
}

/* Every type: CC_BASE (wrong only for the broken one), CC_EXT, CC_DMI. */
static void sfp_checksums(struct kunit *test)
{
	u8 *a0 = kunit_kzalloc(test, VSW_SFP_EEPROM_SIZE, GFP_KERNEL);
	u8 *a2 = kunit_kzalloc(test, VSW_SFP_EEPROM_SIZE, GFP_KERNEL);
	unsigned int t, i;

	KUNIT_ASSERT_NOT_NULL(test, a0);
	KUNIT_ASSERT_NOT_NULL(test, a2);
	KUNIT_ASSERT_EQ(test, sizeof(struct sfp_eeprom_id), (size_t)96);
	for (t = 0; t < VSW_SFP_NR_TYPES; t++) {
		vsw_sfp_eeprom_build(t, 1, a0, a2);
		if (t == VSW_SFP_BAD_CC_BASE)
			KUNIT_EXPECT_NE(test, sfp_sum(a0, SFP_CC_BASE),
					a0[SFP_CC_BASE]);
		else
			KUNIT_EXPECT_EQ_MSG(test, sfp_sum(a0, SFP_CC_BASE),
					    a0[SFP_CC_BASE], "type %u", t);
		KUNIT_EXPECT_EQ_MSG(test, sfp_sum(a0 + SFP_CC_BASE + 1, 31),
				    a0[SFP_CC_BASE + 32], "type %u", t);
		if (!vsw_sfp_type_has_a2(t)) {
			for (i = 0; i < VSW_SFP_EEPROM_SIZE; i++)
				KUNIT_EXPECT_EQ(test, a2[i], 0);
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, sfp_sum(a2, 95), a2[95], "type %u",
				    t);
	}
	KUNIT_EXPECT_EQ(test, vsw_sfp_type_by_name("1000base-sx\n"),
			VSW_SFP_1000BASE_SX);
	KUNIT_EXPECT_EQ(test, vsw_sfp_type_by_name("bad-cc-base"),
			VSW_SFP_BAD_CC_BASE);
	KUNIT_EXPECT_EQ(test, vsw_sfp_type_by_name("100base-fx"), -EINVAL);
	for (t = 0; t < VSW_SFP_NR_TYPES; t++)
		KUNIT_EXPECT_EQ(test, vsw_sfp_type_by_name(vsw_sfp_type_name(t)),
				(int)t);
}

/* The fields of @t as the kernel reads them; fields common to all. */
static const struct sfp_eeprom_id *sfp_id(struct kunit *test,
					  enum vsw_sfp_type t, u8 *a0, u8 *a2)
{
	const struct sfp_eeprom_id *id = (const void *)a0;

	vsw_sfp_eeprom_build(t, 42, a0, a2);
	KUNIT_EXPECT_EQ(test, id->base.phys_id, SFF8024_ID_SFP);
	KUNIT_EXPECT_EQ(test, id->base.phys_ext_id, SFP_PHYS_EXT_ID_SFP);
	KUNIT_EXPECT_MEMEQ(test, id->base.vendor_name, "VSOC            ", 16);
	KUNIT_EXPECT_MEMEQ(test, id->base.vendor_pn, "VSFP-", 5);
	KUNIT_EXPECT_MEMEQ(test, id->base.vendor_rev, "1.0 ", 4);
	KUNIT_EXPECT_MEMEQ(test, id->ext.datecode, "26112201", 8);
	KUNIT_EXPECT_EQ(test, id->base.extended_cc, SFF8024_ECC_UNSPEC);
	KUNIT_EXPECT_TRUE(test, id->ext.options &
			  cpu_to_be16(SFP_OPTIONS_TX_DISABLE));
	KUNIT_EXPECT_FALSE(test, id->ext.diagmon & SFP_DIAGMON_ADDRMODE);
	return id;
}

static void sfp_expect_optical(struct kunit *test,
			       const struct sfp_eeprom_id *id, u16 nm)
{
	KUNIT_EXPECT_EQ(test, id->base.connector, SFF8024_CONNECTOR_LC);
	KUNIT_EXPECT_EQ(test, be16_to_cpu(id->base.optical_wavelength), nm);
	KUNIT_EXPECT_EQ(test, be16_to_cpu(id->ext.options),
			SFP_OPTIONS_TX_DISABLE | SFP_OPTIONS_TX_FAULT |
			SFP_OPTIONS_LOS_NORMAL);
	KUNIT_EXPECT_EQ(test, id->ext.diagmon, SFP_DIAGMON_DDM |
			SFP_DIAGMON_INT_CAL | SFP_DIAGMON_RXPWR_AVG);
	KUNIT_EXPECT_EQ(test, id->ext.enhopts, SFP_ENHOPTS_ALARMWARN |
			SFP_ENHOPTS_SOFT_TX_DISABLE | SFP_ENHOPTS_SOFT_TX_FAULT |
			SFP_ENHOPTS_SOFT_RX_LOS);
	KUNIT_EXPECT_EQ(test, id->ext.sff8472_compliance,
			SFP_SFF8472_COMPLIANCE_REV12_0);
}

/* Key fields of each type, through the kernel's struct sfp_eeprom_id. */
static void sfp_fields(struct kunit *test)
{
	u8 *a0 = kunit_kzalloc(test, VSW_SFP_EEPROM_SIZE, GFP_KERNEL);
	u8 *a2 = kunit_kzalloc(test, VSW_SFP_EEPROM_SIZE, GFP_KERNEL);
	const struct sfp_eeprom_id *id;

	KUNIT_ASSERT_NOT_NULL(test, a0);
	KUNIT_ASSERT_NOT_NULL(test, a2);

	id = sfp_id(test, VSW_SFP_1000BASE_SX, a0, a2);
	sfp_expect_optical(test, id, 850);
	KUNIT_EXPECT_TRUE(test, id->base.e1000_base_sx);
	KUNIT_EXPECT_FALSE(test, id->base.e1000_base_lx);
	KUNIT_EXPECT_EQ(test, id->base.encoding, SFF8024_ENCODING_8B10B);
	KUNIT_EXPECT_EQ(test, id->base.br_nominal, 13);
	KUNIT_EXPECT_EQ(test, id->base.link_len[2], 55);	/* 550 m OM2 */
	KUNIT_EXPECT_MEMEQ(test, id->ext.vendor_sn, "VS0000000042    ", 16);

	id = sfp_id(test, VSW_SFP_1000BASE_LX, a0, a2);
	sfp_expect_optical(test, id, 1310);
	KUNIT_EXPECT_TRUE(test, id->base.e1000_base_lx);
	KUNIT_EXPECT_EQ(test, id->base.link_len[0], 10);	/* 10 km */
	KUNIT_EXPECT_MEMEQ(test, id->ext.vendor_sn, "VS0100000042", 12);

	id = sfp_id(test, VSW_SFP_10GBASE_SR, a0, a2);
	sfp_expect_optical(test, id, 850);
	KUNIT_EXPECT_TRUE(test, id->base.e10g_base_sr);
	KUNIT_EXPECT_FALSE(test, id->base.e1000_base_sx);
	KUNIT_EXPECT_EQ(test, id->base.encoding, SFF8024_ENCODING_8472_64B66B);
	KUNIT_EXPECT_EQ(test, id->base.br_nominal, 103);
	KUNIT_EXPECT_EQ(test, id->base.link_len[5], 30);	/* 300 m OM3 */

	id = sfp_id(test, VSW_SFP_10GBASE_LR, a0, a2);
	sfp_expect_optical(test, id, 1310);
	KUNIT_EXPECT_TRUE(test, id->base.e10g_base_lr);

	/* Copper: the kernel probes a PHY for e1000_base_t; no A2h. */
	id = sfp_id(test, VSW_SFP_1000BASE_T, a0, a2);
	KUNIT_EXPECT_TRUE(test, id->base.e1000_base_t);
	KUNIT_EXPECT_EQ(test, id->base.connector, SFF8024_CONNECTOR_RJ45);
	KUNIT_EXPECT_EQ(test, id->base.link_len[4], 100);	/* 100 m */
	KUNIT_EXPECT_EQ(test, be16_to_cpu(id->ext.options),
			SFP_OPTIONS_TX_DISABLE | SFP_OPTIONS_TX_FAULT);
	KUNIT_EXPECT_EQ(test, id->ext.diagmon, 0);
	KUNIT_EXPECT_EQ(test, id->ext.sff8472_compliance,
			SFP_SFF8472_COMPLIANCE_NONE);
	KUNIT_EXPECT_FALSE(test, vsw_sfp_type_has_a2(VSW_SFP_1000BASE_T));

	/* Broken: an SX otherwise, its CC_EXT right. */
	id = sfp_id(test, VSW_SFP_BAD_CC_BASE, a0, a2);
	sfp_expect_optical(test, id, 850);
	KUNIT_EXPECT_NE(test, sfp_sum(a0, SFP_CC_BASE), id->base.cc_base);
	KUNIT_EXPECT_EQ(test, sfp_sum(a0 + SFP_CC_BASE + 1, 31), id->ext.cc_ext);

	/*
	 * 2500BASE-X: no transceiver code (bytes 3-10 empty), 8B10B at a
	 * nominal 2500 MBd with no BR margins: the rate the sfp bus takes
	 * for 2500BASE-X only (2500-3200 MBd, not 1200-1300).
	 */
	id = sfp_id(test, VSW_SFP_2500BASE_X, a0, a2);
	sfp_expect_optical(test, id, 850);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(a0 + 3, 0, 8));
	KUNIT_EXPECT_EQ(test, id->base.encoding, SFF8024_ENCODING_8B10B);
	KUNIT_EXPECT_EQ(test, a0[12], 0x19);
	KUNIT_EXPECT_EQ(test, id->base.br_nominal, 25);
	KUNIT_EXPECT_EQ(test, id->ext.br_min, 0);
	KUNIT_EXPECT_EQ(test, id->ext.br_max, 0);
	KUNIT_EXPECT_MEMEQ(test, id->base.vendor_pn, "VSFP-2G5-SX     ", 16);
	KUNIT_EXPECT_MEMEQ(test, id->ext.vendor_sn, "VS0600000042", 12);
	KUNIT_EXPECT_EQ(test, vsw_sfp_type_by_name("2500base-x"),
			VSW_SFP_2500BASE_X);
}

/* A2h thresholds, calibration and live values in SFF-8472's units. */
static void sfp_diag_encoding(struct kunit *test)
{
	struct vsw_sfp_state st = { .temp_mc = 25000, .vcc_uv = 3300000 };
	u8 *a0 = kunit_kzalloc(test, VSW_SFP_EEPROM_SIZE, GFP_KERNEL);
	u8 *a2 = kunit_kzalloc(test, VSW_SFP_EEPROM_SIZE, GFP_KERNEL);
	enum vsw_sfp_type t = VSW_SFP_10GBASE_SR;
	const struct sfp_diag *d;

	KUNIT_ASSERT_NOT_NULL(test, a0);
	KUNIT_ASSERT_NOT_NULL(test, a2);
	vsw_sfp_eeprom_build(t, 1, a0, a2);
	d = (const void *)a2;
	KUNIT_EXPECT_EQ(test, be16_to_cpu(d->temp_high_alarm), 0x4b00);
	KUNIT_EXPECT_EQ(test, be16_to_cpu(d->temp_low_alarm), 0xfb00);
	KUNIT_EXPECT_EQ(test, be16_to_cpu(d->volt_high_alarm), 36300);
	KUNIT_EXPECT_EQ(test, be16_to_cpu(d->rxpwr_low_warn), 1023);
	KUNIT_EXPECT_EQ(test, be32_to_cpu(d->cal_rxpwr1), 0x3f800000);
	KUNIT_EXPECT_EQ(test, be32_to_cpu(d->cal_rxpwr0), 0);
	KUNIT_EXPECT_EQ(test, be16_to_cpu(d->cal_txi_slope), 0x0100);
	KUNIT_EXPECT_EQ(test, be16_to_cpu(d->cal_v_slope), 0x0100);
	KUNIT_EXPECT_EQ(test, be16_to_cpu(d->cal_t_offset), 0);

	/* Built working at 25 °C and 3.3 V: no flag. */
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_TEMP), 0x1900);
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_VCC), 33000);
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_TX_BIAS), 3500);
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_TX_POWER), 5623);
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_RX_POWER), 3981);
	KUNIT_EXPECT_EQ(test, a2[SFP_STATUS], 0);
	KUNIT_EXPECT_EQ(test, a2[SFP_ALARM0] | a2[SFP_ALARM1] |
			a2[SFP_WARN0] | a2[SFP_WARN1], 0);

	/* -5 °C is the low alarm threshold, below the low warning. */
	st.temp_mc = -5000;
	vsw_sfp_eeprom_update(t, a2, &st);
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_TEMP), 0xfb00);
	KUNIT_EXPECT_EQ(test, a2[SFP_ALARM0], 0);
	KUNIT_EXPECT_EQ(test, a2[SFP_WARN0], SFP_WARN0_TEMP_LOW);
	st.temp_mc = 80000;
	st.vcc_uv = 3000000;
	vsw_sfp_eeprom_update(t, a2, &st);
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_TEMP), 0x5000);
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_VCC), 30000);
	KUNIT_EXPECT_EQ(test, a2[SFP_ALARM0], SFP_ALARM0_TEMP_HIGH);
	KUNIT_EXPECT_EQ(test, a2[SFP_WARN0],
			SFP_WARN0_TEMP_HIGH | SFP_WARN0_VCC_LOW);

	/* TX_DISABLE: laser off, its bias and power alarms; LOS: no light. */
	st = (struct vsw_sfp_state){ .temp_mc = 25000, .vcc_uv = 3300000,
				     .tx_disable = true, .rx_los = true };
	vsw_sfp_eeprom_update(t, a2, &st);
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_TX_BIAS), 0);
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_TX_POWER), 0);
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_RX_POWER), 0);
	KUNIT_EXPECT_EQ(test, a2[SFP_STATUS],
			SFP_STATUS_TX_DISABLE | SFP_STATUS_RX_LOS);
	KUNIT_EXPECT_EQ(test, a2[SFP_ALARM0],
			SFP_ALARM0_TX_BIAS_LOW | SFP_ALARM0_TXPWR_LOW);
	KUNIT_EXPECT_EQ(test, a2[SFP_ALARM1], SFP_ALARM1_RXPWR_LOW);

	/* TX_FAULT and not ready; the host's soft control is kept. */
	a2[SFP_STATUS] = SFP_STATUS_TX_DISABLE_FORCE;
	st = (struct vsw_sfp_state){ .temp_mc = 25000, .vcc_uv = 3300000,
				     .tx_fault = true, .not_ready = true };
	vsw_sfp_eeprom_update(t, a2, &st);
	KUNIT_EXPECT_EQ(test, a2[SFP_STATUS], SFP_STATUS_TX_DISABLE_FORCE |
			SFP_STATUS_TX_FAULT | BIT(0));
	st.tx_fault = false;
	vsw_sfp_eeprom_update(t, a2, &st);
	/* Still off: the soft TX_DISABLE. */
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_TX_POWER), 0);
	KUNIT_EXPECT_EQ(test, sfp_be16(a2 + SFP_RX_POWER), 3981);
	/* The thresholds stay what CC_DMI covers. */
	KUNIT_EXPECT_EQ(test, sfp_sum(a2, 95), a2[95]);
}

/**
 * struct sfp_ctl - what a module told its cage of soft controls
 * @calls: soft_ctrl() calls
 * @status: byte 110 of the last one
 */
struct sfp_ctl {
	unsigned int calls;
	u8 status;
};

static void sfp_soft_ctrl(struct vsw_sfp_eeprom *e, u8 status)
{
	struct sfp_ctl *c = e->priv;

	c->calls++;
	c->status = status;
}

/* A write through page @p: the pointer, then @len bytes. */
static void sfp_write(struct kunit *test, struct vsw_sfp_page *p, u8 off,
		      const u8 *buf, size_t len)
{
	size_t i;
	u8 v = off;

	KUNIT_EXPECT_EQ(test, vsw_sfp_page_event(p, VSOC_SIM_I2C_WRITE_REQUESTED,
						 &v), 0);
	KUNIT_EXPECT_EQ(test, vsw_sfp_page_event(p, VSOC_SIM_I2C_WRITE_RECEIVED,
						 &v), 0);
	for (i = 0; i < len; i++) {
		v = buf[i];
		KUNIT_EXPECT_EQ(test,
				vsw_sfp_page_event(p, VSOC_SIM_I2C_WRITE_RECEIVED,
						   &v), 0);
	}
	v = 0;
	vsw_sfp_page_event(p, VSOC_SIM_I2C_STOP, &v);
}

/* A read of @len bytes from the pointer, the last one NACKed. */
static void sfp_read(struct vsw_sfp_page *p, u8 *buf, size_t len)
{
	size_t i;
	u8 v;

	for (i = 0; i < len; i++) {
		v = 0;
		vsw_sfp_page_event(p, VSOC_SIM_I2C_READ_REQUESTED, &v);
		buf[i] = v;
		v = i + 1 < len;
		vsw_sfp_page_event(p, VSOC_SIM_I2C_READ_PROCESSED, &v);
	}
	v = 0;
	vsw_sfp_page_event(p, VSOC_SIM_I2C_STOP, &v);
}

/* Pointer, auto-increment and wrap; which writes stick. */
static void sfp_target_ops(struct kunit *test)
{
	struct vsw_sfp_eeprom *e = kunit_kzalloc(test, sizeof(*e), GFP_KERNEL);
	struct sfp_ctl ctl = {};
	struct vsw_sfp_page *a0, *a2;
	u8 buf[16], w[2] = { 0xde, 0xad };
	struct vsw_sfp_state st = { .temp_mc = 30000, .vcc_uv = 3300000,
				    .rx_los = true };

	KUNIT_ASSERT_NOT_NULL(test, e);
	vsw_sfp_eeprom_init(e, VSW_SFP_1000BASE_LX, 3);
	e->soft_ctrl = sfp_soft_ctrl;
	e->priv = &ctl;
	a0 = &e->page[0];
	a2 = &e->page[1];

	/* A read from where the write left the pointer, then on. */
	sfp_write(test, a0, 20, NULL, 0);
	sfp_read(a0, buf, 4);
	KUNIT_EXPECT_MEMEQ(test, buf, "VSOC", 4);
	sfp_read(a0, buf, 4);
	KUNIT_EXPECT_MEMEQ(test, buf, e->a0 + 24, 4);
	/* Wrap at 256. */
	sfp_write(test, a0, 252, NULL, 0);
	sfp_read(a0, buf, 8);
	KUNIT_EXPECT_MEMEQ(test, buf, e->a0 + 252, 4);
	KUNIT_EXPECT_MEMEQ(test, buf + 4, e->a0, 4);
	/* A0h takes no write, but the pointer moves. */
	sfp_write(test, a0, 20, w, 1);
	KUNIT_EXPECT_EQ(test, e->a0[20], 'V');
	sfp_read(a0, buf, 1);
	KUNIT_EXPECT_EQ(test, buf[0], e->a0[21]);

	/* A2h: the user area takes writes, the thresholds do not. */
	sfp_write(test, a2, 128, w, 2);
	KUNIT_EXPECT_EQ(test, e->a2[128], 0xde);
	KUNIT_EXPECT_EQ(test, e->a2[129], 0xad);
	sfp_write(test, a2, 127, NULL, 0);
	sfp_read(a2, buf, 3);
	KUNIT_EXPECT_EQ(test, buf[1], 0xde);
	KUNIT_EXPECT_EQ(test, buf[2], 0xad);
	buf[0] = e->a2[0];
	sfp_write(test, a2, 255, w, 2);
	KUNIT_EXPECT_EQ(test, e->a2[255], 0);
	KUNIT_EXPECT_EQ(test, e->a2[0], buf[0]);
	sfp_write(test, a2, SFP_TEMP, w, 1);
	KUNIT_EXPECT_EQ(test, sfp_be16(e->a2 + SFP_TEMP), 0x1900);

	/* Byte 110: Soft TX_DISABLE only, the laser goes off at once. */
	w[0] = 0xff;
	sfp_write(test, a2, SFP_STATUS, w, 1);
	KUNIT_EXPECT_EQ(test, e->a2[SFP_STATUS], SFP_STATUS_TX_DISABLE_FORCE);
	KUNIT_EXPECT_EQ(test, ctl.calls, 1U);
	KUNIT_EXPECT_EQ(test, ctl.status, SFP_STATUS_TX_DISABLE_FORCE);
	KUNIT_EXPECT_TRUE(test, vsw_sfp_eeprom_soft_tx_disable(e));
	KUNIT_EXPECT_EQ(test, sfp_be16(e->a2 + SFP_TX_POWER), 0);
	sfp_write(test, a2, SFP_STATUS, w, 1);
	KUNIT_EXPECT_EQ(test, ctl.calls, 1U);
	w[0] = 0;
	sfp_write(test, a2, SFP_STATUS, w, 1);
	KUNIT_EXPECT_EQ(test, ctl.calls, 2U);
	KUNIT_EXPECT_FALSE(test, vsw_sfp_eeprom_soft_tx_disable(e));
	KUNIT_EXPECT_EQ(test, sfp_be16(e->a2 + SFP_TX_POWER), 2512);

	/* The cage's state shows through the target. */
	vsw_sfp_eeprom_set_state(e, &st);
	sfp_write(test, a2, SFP_TEMP, NULL, 0);
	sfp_read(a2, buf, 16);
	KUNIT_EXPECT_EQ(test, sfp_be16(buf), 30 * 256);
	KUNIT_EXPECT_EQ(test, sfp_be16(buf + SFP_RX_POWER - SFP_TEMP), 0);
	KUNIT_EXPECT_EQ(test, buf[SFP_STATUS - SFP_TEMP], SFP_STATUS_RX_LOS);
}

static struct kunit_case sfp_cases[] = {
	KUNIT_CASE(sfp_checksums),
	KUNIT_CASE(sfp_fields),
	KUNIT_CASE(sfp_diag_encoding),
	KUNIT_CASE(sfp_target_ops),
	{}
};

static struct kunit_suite sfp_suite = {
	.name = "vsoc-switch-sfp",
	.test_cases = sfp_cases,
};

/* ---- SFP cages (switch-model-sfp-cage.c) ---- */

static struct vsw_cage *cage_new(struct kunit *test, enum vsw_sfp_type type)
{
	struct vsw_cage *cage = kunit_kzalloc(test, sizeof(*cage), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, cage);
	cage->port = -1;
	cage->present = true;
	cage->mod.type = type;
	return cage;
}

static void cage_pcs_mode(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, vsw_cage_pcs_mode(VSW_SFP_1000BASE_SX),
			VSOC_SW_PCS_MODE_1000BASEX);
	KUNIT_EXPECT_EQ(test, vsw_cage_pcs_mode(VSW_SFP_1000BASE_LX),
			VSOC_SW_PCS_MODE_1000BASEX);
	KUNIT_EXPECT_EQ(test, vsw_cage_pcs_mode(VSW_SFP_BAD_CC_BASE),
			VSOC_SW_PCS_MODE_1000BASEX);
	KUNIT_EXPECT_EQ(test, vsw_cage_pcs_mode(VSW_SFP_10GBASE_SR),
			VSOC_SW_PCS_MODE_10GBASER);
	KUNIT_EXPECT_EQ(test, vsw_cage_pcs_mode(VSW_SFP_10GBASE_LR),
			VSOC_SW_PCS_MODE_10GBASER);
	KUNIT_EXPECT_EQ(test, vsw_cage_pcs_mode(VSW_SFP_1000BASE_T),
			VSOC_SW_PCS_MODE_SGMII);
	KUNIT_EXPECT_EQ(test, vsw_cage_pcs_mode(VSW_SFP_2500BASE_X),
			VSOC_SW_PCS_MODE_2500BASEX);
}

/* Does a port in @mode (in-band AN per @an) link through @cage? */
static bool cage_links(struct vsw_cage *cage, bool partner_up, u8 mode,
		       bool an)
{
	struct vsw_pcs_end me = { .mode = mode, .an_en = an, .signal = true };
	struct vsw_pcs_end far;
	bool an_done;
	u16 lpa;

	me.word = vsw_pcs_partner_word(mode);
	vsw_cage_far_end(cage, partner_up, &me, &far);
	return vsw_pcs_resolve(&me, &far, &lpa, &an_done);
}

static void cage_light(struct kunit *test)
{
	struct vsw_cage *cage = cage_new(test, VSW_SFP_1000BASE_SX);
	const u8 bx = VSOC_SW_PCS_MODE_1000BASEX;

	KUNIT_EXPECT_TRUE(test, vsw_cage_laser_on(cage));
	KUNIT_EXPECT_TRUE(test, vsw_cage_rx_light(cage, true));
	KUNIT_EXPECT_FALSE(test, vsw_cage_rx_light(cage, false));
	KUNIT_EXPECT_TRUE(test, cage_links(cage, true, bx, true));
	KUNIT_EXPECT_TRUE(test, cage_links(cage, true, bx, false));
	/* The wrong PCS mode for the module, the partner away. */
	KUNIT_EXPECT_FALSE(test, cage_links(cage, true, VSOC_SW_PCS_MODE_SGMII, true));
	KUNIT_EXPECT_FALSE(test, cage_links(cage, true, VSOC_SW_PCS_MODE_10GBASER, false));
	KUNIT_EXPECT_FALSE(test, cage_links(cage, false, bx, true));
	/* Each of these turns the laser off or the light out. */
	cage->tx_disable = true;
	KUNIT_EXPECT_FALSE(test, vsw_cage_laser_on(cage));
	KUNIT_EXPECT_FALSE(test, cage_links(cage, true, bx, true));
	cage->tx_disable = false;
	cage->soft_tx_disable = true;
	KUNIT_EXPECT_FALSE(test, cage_links(cage, true, bx, true));
	cage->soft_tx_disable = false;
	cage->tx_fault = true;
	KUNIT_EXPECT_FALSE(test, cage_links(cage, true, bx, true));
	cage->tx_fault = false;
	cage->los_force = true;
	KUNIT_EXPECT_FALSE(test, vsw_cage_rx_light(cage, true));
	KUNIT_EXPECT_TRUE(test, vsw_cage_laser_on(cage));
	KUNIT_EXPECT_FALSE(test, cage_links(cage, true, bx, true));
	cage->los_force = false;
	KUNIT_EXPECT_TRUE(test, cage_links(cage, true, bx, true));
	/* Empty: nothing. */
	cage->present = false;
	KUNIT_EXPECT_FALSE(test, vsw_cage_laser_on(cage));
	KUNIT_EXPECT_FALSE(test, vsw_cage_rx_light(cage, true));
	KUNIT_EXPECT_FALSE(test, cage_links(cage, true, bx, true));
	/* 10G optics: 10GBASE-R only. */
	cage = cage_new(test, VSW_SFP_10GBASE_LR);
	KUNIT_EXPECT_TRUE(test, cage_links(cage, true, VSOC_SW_PCS_MODE_10GBASER, false));
	KUNIT_EXPECT_FALSE(test, cage_links(cage, true, bx, true));
	/* 2.5G optics: 2500BASE-X only, with or without AN_EN (no word). */
	cage = cage_new(test, VSW_SFP_2500BASE_X);
	KUNIT_EXPECT_TRUE(test, cage_links(cage, true, VSOC_SW_PCS_MODE_2500BASEX, false));
	KUNIT_EXPECT_TRUE(test, cage_links(cage, true, VSOC_SW_PCS_MODE_2500BASEX, true));
	KUNIT_EXPECT_FALSE(test, cage_links(cage, false, VSOC_SW_PCS_MODE_2500BASEX, false));
	KUNIT_EXPECT_FALSE(test, cage_links(cage, true, bx, true));
	KUNIT_EXPECT_FALSE(test, cage_links(cage, true, bx, false));
	/* ... and a 1G module does not link a 2500BASE-X port. */
	cage = cage_new(test, VSW_SFP_1000BASE_SX);
	KUNIT_EXPECT_FALSE(test, cage_links(cage, true, VSOC_SW_PCS_MODE_2500BASEX, false));
}

/* One mdio-i2c read of a register of the cage's PHY. */
static int cage_phy_read(struct kunit *test, struct vsw_cage *cage, u8 reg)
{
	bool wrote = false;
	u8 hi, lo, extra;

	KUNIT_EXPECT_EQ(test, vsw_cage_phy_step(cage, VSOC_SIM_I2C_WRITE_REQUESTED,
						&reg, &wrote), 0);
	KUNIT_EXPECT_EQ(test, vsw_cage_phy_step(cage, VSOC_SIM_I2C_WRITE_RECEIVED,
						&reg, &wrote), 0);
	vsw_cage_phy_step(cage, VSOC_SIM_I2C_READ_REQUESTED, &hi, &wrote);
	extra = 1;
	vsw_cage_phy_step(cage, VSOC_SIM_I2C_READ_PROCESSED, &extra, &wrote);
	vsw_cage_phy_step(cage, VSOC_SIM_I2C_READ_REQUESTED, &lo, &wrote);
	vsw_cage_phy_step(cage, VSOC_SIM_I2C_READ_PROCESSED, &extra, &wrote);
	/* Past the two bytes: the bus's pull-up. */
	vsw_cage_phy_step(cage, VSOC_SIM_I2C_READ_REQUESTED, &extra, &wrote);
	KUNIT_EXPECT_EQ(test, extra, 0xff);
	extra = 0;
	vsw_cage_phy_step(cage, VSOC_SIM_I2C_READ_PROCESSED, &extra, &wrote);
	vsw_cage_phy_step(cage, VSOC_SIM_I2C_STOP, &extra, &wrote);
	KUNIT_EXPECT_FALSE(test, wrote);
	return hi << 8 | lo;
}

static void cage_phy_i2c(struct kunit *test)
{
	struct vsw_cage *cage = cage_new(test, VSW_SFP_1000BASE_T);
	u8 bytes[] = { MII_ADVERTISE, 0x00, 0x61, 0x00 };
	bool wrote = false;
	unsigned int i;

	vsw_phy_init(&cage->phy, VSW_PHY_COPPER_1G);
	cage->phy.id = VSOC_SW_SFP_PHY_ID_1G;
	KUNIT_EXPECT_EQ(test, cage_phy_read(test, cage, MII_PHYSID1),
			VSOC_SW_SFP_PHY_ID_1G >> 16);
	KUNIT_EXPECT_EQ(test, cage_phy_read(test, cage, MII_PHYSID2),
			VSOC_SW_SFP_PHY_ID_1G & 0xffff);
	KUNIT_EXPECT_EQ(test, cage_phy_read(test, cage, MII_BMCR), 0x1140);
	/* A write: register, then the value most significant byte first. */
	vsw_cage_phy_step(cage, VSOC_SIM_I2C_WRITE_REQUESTED, bytes, &wrote);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_FALSE(test, wrote);
		KUNIT_EXPECT_EQ(test, vsw_cage_phy_step(cage, VSOC_SIM_I2C_WRITE_RECEIVED,
							&bytes[i], &wrote), 0);
	}
	KUNIT_EXPECT_TRUE(test, wrote);
	KUNIT_EXPECT_EQ(test, vsw_cage_phy_step(cage, VSOC_SIM_I2C_WRITE_RECEIVED,
						&bytes[3], &wrote), -EIO);
	vsw_cage_phy_step(cage, VSOC_SIM_I2C_STOP, bytes, &wrote);
	KUNIT_EXPECT_EQ(test, cage_phy_read(test, cage, MII_ADVERTISE) & 0xfff, 0x061);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(&cage->phy, MII_ADVERTISE) & 0xfff, 0x061);
}

static struct kunit_case cage_cases[] = {
	KUNIT_CASE(cage_pcs_mode),
	KUNIT_CASE(cage_light),
	KUNIT_CASE(cage_phy_i2c),
	{}
};

static struct kunit_suite cage_suite = {
	.name = "vsoc-switch-cage",
	.test_cases = cage_cases,
};

kunit_test_suites(&sfp_suite, &cage_suite);
