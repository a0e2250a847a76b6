// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: the EEPROMs of the SFP modules its cages hold, as
 * SFF-8472 (rev 12) has them. Page A0h (I2C address 0x50) is the serial
 * ID: the base fields 0-63 with CC_BASE, the extended fields 64-95 with
 * CC_EXT, a vendor area 96-127. Page A2h (0x51) is the diagnostics:
 * alarm and warning thresholds 0-39, the external calibration constants
 * 56-91 (the modules are internally calibrated: the constants are the
 * identity the specification gives), CC_DMI at 95, the live values
 * 96-105, status and control at 110, alarm and warning flags 112-117 and
 * a user area 128-247. Codes are SFF-8024's.
 *
 * The pages are I2C targets on the cage's bus (vsoc_sim_i2c_*()) as an
 * AT24-like EEPROM is: a write sets the byte pointer with its first byte,
 * reads go on from the pointer, which wraps at 256. Writes reach the A2h
 * user area and the soft TX_DISABLE control of byte 110 only; elsewhere
 * they are ACKed and dropped, as modules do.
 */
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include <vsoc/compat.h>
#include <vsoc/sim.h>

#include "switch-model.h"

/* A0h: serial ID. */
#define SFF_ID			0
#define SFF_EXT_ID		1
#define SFF_CONNECTOR		2
#define SFF_COMPLIANCE		3	/* 8 bytes */
#define SFF_ENCODING		11
#define SFF_BR_NOMINAL		12
#define SFF_LENGTH		14	/* 6 bytes */
#define SFF_VENDOR_NAME		20	/* 16 bytes */
#define SFF_VENDOR_OUI		37	/* 3 bytes */
#define SFF_VENDOR_PN		40	/* 16 bytes */
#define SFF_VENDOR_REV		56	/* 4 bytes */
#define SFF_WAVELENGTH		60
#define SFF_CC_BASE		63
#define SFF_OPTIONS		64	/* 2 bytes */
#define SFF_VENDOR_SN		68	/* 16 bytes */
#define SFF_DATE_CODE		84	/* 8 bytes */
#define SFF_DIAG_TYPE		92
#define SFF_ENH_OPTIONS		93
#define SFF_8472_COMPLIANCE	94
#define SFF_CC_EXT		95
#define SFF_VENDOR_AREA		96	/* 32 bytes */

#define SFF_ID_SFP		0x03
#define SFF_EXT_ID_2WIRE	0x04	/* defined by the 2-wire ID only */
#define SFF_CONN_LC		0x07
#define SFF_CONN_RJ45		0x22
#define SFF_ENC_8B10B		0x01
#define SFF_ENC_64B66B		0x06
/* Transceiver codes: byte 3 (10G Ethernet), byte 6 (Ethernet). */
#define SFF_10GBASE_SR		BIT(4)
#define SFF_10GBASE_LR		BIT(5)
#define SFF_1000BASE_SX		BIT(0)
#define SFF_1000BASE_LX		BIT(1)
#define SFF_1000BASE_T		BIT(3)
/* Options, byte 65. */
#define SFF_OPT_TX_DISABLE	BIT(4)
#define SFF_OPT_TX_FAULT	BIT(3)
#define SFF_OPT_LOS		BIT(1)
/* Diagnostic monitoring type: DDM, internally calibrated, RX average. */
#define SFF_DIAG_DDM		BIT(6)
#define SFF_DIAG_INTERNAL	BIT(5)
#define SFF_DIAG_RX_AVG		BIT(3)
/* Enhanced options: flags, soft TX_DISABLE, TX_FAULT and RX_LOS. */
#define SFF_ENH_ALARM_WARN	BIT(7)
#define SFF_ENH_SOFT_TX_DIS	BIT(6)
#define SFF_ENH_SOFT_TX_FAULT	BIT(5)
#define SFF_ENH_SOFT_RX_LOS	BIT(4)
/* SFF-8472 compliance: revision 12. */
#define SFF_8472_REV12		0x08

/* A2h: diagnostics. Five measures: temperature, Vcc, bias, TX and RX power. */
#define DMI_NR_MEASURES		5
#define DMI_THRESHOLDS		0	/* 8 bytes a measure */
#define DMI_CAL_RX_PWR1		68	/* float */
#define DMI_CAL_TX_I_SLOPE	76
#define DMI_CAL_TX_PWR_SLOPE	80
#define DMI_CAL_T_SLOPE		84
#define DMI_CAL_V_SLOPE		88
#define DMI_CC			95
#define DMI_VALUES		96	/* 2 bytes a measure */
#define DMI_STATUS		110
#define DMI_ALARMS		112	/* 2 bytes */
#define DMI_WARNINGS		116	/* 2 bytes */
#define DMI_USER		128
#define DMI_USER_END		247

/* Within a measure's thresholds: high alarm, low alarm, high/low warning. */
#define DMI_HIGH_ALARM		0
#define DMI_LOW_ALARM		2
#define DMI_HIGH_WARN		4
#define DMI_LOW_WARN		6

#define DMI_ST_TX_DISABLE	BIT(7)	/* the pin */
#define DMI_ST_SOFT_TX_DISABLE	BIT(6)	/* written by the host */
#define DMI_ST_RS0		BIT(4)
#define DMI_ST_TX_FAULT		BIT(2)
#define DMI_ST_RX_LOS		BIT(1)
#define DMI_ST_NOT_READY	BIT(0)

/* Calibration: slopes 1.0 (unsigned 8.8), Rx_PWR(1) 1.0 (IEEE 754). */
#define DMI_SLOPE_ONE		0x0100
#define DMI_FLOAT_ONE		0x3f800000

/* Temperature 1/256 °C, Vcc 100 µV, bias 2 µA, powers 0.1 µW. */
enum { DMI_TEMP, DMI_VCC, DMI_BIAS, DMI_TX_POWER, DMI_RX_POWER };

/* A CID of no vendor (its second nibble 0xA): the modules are made up. */
static const u8 vsw_sfp_oui[3] = { 0x0a, 0x56, 0x53 };

/**
 * struct vsw_sfp_limits - a measure's nominal value and thresholds
 * @nominal: what a working module reports
 * @high_alarm: alarm above
 * @low_alarm: alarm below
 * @high_warn: warning above
 * @low_warn: warning below
 */
struct vsw_sfp_limits {
	u16 nominal;
	u16 high_alarm;
	u16 low_alarm;
	u16 high_warn;
	u16 low_warn;
};

/**
 * struct vsw_sfp_info - a module type
 * @name: its name (debugfs)
 * @pn: vendor part number
 * @connector: SFF-8024 connector code
 * @compliance: transceiver codes, bytes 3-10
 * @encoding: SFF-8024 encoding
 * @br_nominal: nominal signalling rate, 100 MBd
 * @length: link lengths, bytes 14-19
 * @wavelength: nm
 * @options: byte 65
 * @a2: has the A2h diagnostics (DDM)
 * @bias: TX bias while the laser is on
 * @tx: TX power
 * @rx: RX power while light comes in
 */
struct vsw_sfp_info {
	const char *name;
	const char *pn;
	u8 connector;
	u8 compliance[8];
	u8 encoding;
	u8 br_nominal;
	u8 length[6];
	u16 wavelength;
	u8 options;
	bool a2;
	struct vsw_sfp_limits bias;
	struct vsw_sfp_limits tx;
	struct vsw_sfp_limits rx;
};

#define VSW_SFP_OPTICAL_OPTIONS	(SFF_OPT_TX_DISABLE | SFF_OPT_TX_FAULT | \
				 SFF_OPT_LOS)

/*
 * Powers in 0.1 µW from IEEE 802.3 clauses 38 (1000BASE-SX/LX) and 52
 * (10GBASE-SR/LR): nominal, high alarm, low alarm, high and low warning
 * (the standard's launch or receive range) in the comments, in dBm.
 * Bias in 2 µA: alarms at twice and a fifth of the nominal current,
 * warnings at 1.8 and 0.4 times it. Lengths: single mode km and 100 m,
 * OM2 10 m, OM1 10 m, OM4 (copper: m) and OM3 10 m.
 */
static const struct vsw_sfp_info vsw_sfp_types[VSW_SFP_NR_TYPES] = {
	[VSW_SFP_1000BASE_SX] = {
		.name = "1000base-sx",
		.pn = "VSFP-1G-SX",
		.connector = SFF_CONN_LC,
		.compliance = { [3] = SFF_1000BASE_SX },
		.encoding = SFF_ENC_8B10B,
		.br_nominal = 13,
		.length = { 0, 0, 55, 27, 0, 0 },
		.wavelength = 850,
		.options = VSW_SFP_OPTICAL_OPTIONS,
		.a2 = true,
		.bias = { 3000, 6000, 600, 5400, 1200 },	/* 6 mA */
		/* -5; 0, -11.5, -1, -9.5 */
		.tx = { 3162, 10000, 708, 7943, 1122 },
		/* -7; 0, -18, -1, -17 */
		.rx = { 1995, 10000, 158, 7943, 200 },
	},
	[VSW_SFP_1000BASE_LX] = {
		.name = "1000base-lx",
		.pn = "VSFP-1G-LX",
		.connector = SFF_CONN_LC,
		.compliance = { [3] = SFF_1000BASE_LX },
		.encoding = SFF_ENC_8B10B,
		.br_nominal = 13,
		.length = { 10, 100, 55, 55, 0, 0 },
		.wavelength = 1310,
		.options = VSW_SFP_OPTICAL_OPTIONS,
		.a2 = true,
		.bias = { 10000, 20000, 2000, 18000, 4000 }, /* 20 mA */
		/* -6; -2, -12, -3, -11 */
		.tx = { 2512, 6310, 631, 5012, 794 },
		/* -8; -2, -20, -3, -19 */
		.rx = { 1585, 6310, 100, 5012, 126 },
	},
	[VSW_SFP_10GBASE_SR] = {
		.name = "10gbase-sr",
		.pn = "VSFP-10G-SR",
		.connector = SFF_CONN_LC,
		.compliance = { [0] = SFF_10GBASE_SR },
		.encoding = SFF_ENC_64B66B,
		.br_nominal = 103,
		.length = { 0, 0, 8, 3, 40, 30 },
		.wavelength = 850,
		.options = VSW_SFP_OPTICAL_OPTIONS,
		.a2 = true,
		.bias = { 3500, 7000, 700, 6300, 1400 },	/* 7 mA */
		/* -2.5; +1, -9.3, 0, -7.3 */
		.tx = { 5623, 12589, 1175, 10000, 1862 },
		/* -4; +1, -11.9, -1, -9.9 */
		.rx = { 3981, 12589, 646, 7943, 1023 },
	},
	[VSW_SFP_10GBASE_LR] = {
		.name = "10gbase-lr",
		.pn = "VSFP-10G-LR",
		.connector = SFF_CONN_LC,
		.compliance = { [0] = SFF_10GBASE_LR },
		.encoding = SFF_ENC_64B66B,
		.br_nominal = 103,
		.length = { 10, 100, 0, 0, 0, 0 },
		.wavelength = 1310,
		.options = VSW_SFP_OPTICAL_OPTIONS,
		.a2 = true,
		.bias = { 17500, 35000, 3500, 31500, 7000 }, /* 35 mA */
		/* -2; +2.5, -10.2, +0.5, -8.2 */
		.tx = { 6310, 17783, 955, 11220, 1514 },
		/* -5; +2.5, -16.4, +0.5, -14.4 */
		.rx = { 3162, 17783, 229, 11220, 363 },
	},
	/*
	 * Copper: SGMII to the PHY inside, 100 m of Cat5; TX_DISABLE powers
	 * the PHY down, TX_FAULT is wired, LOS is not (the PHY has link).
	 */
	[VSW_SFP_1000BASE_T] = {
		.name = "1000base-t",
		.pn = "VSFP-1G-T",
		.connector = SFF_CONN_RJ45,
		.compliance = { [3] = SFF_1000BASE_T },
		.encoding = SFF_ENC_8B10B,
		.br_nominal = 12,
		.length = { 0, 0, 0, 0, 100, 0 },
		.options = SFF_OPT_TX_DISABLE | SFF_OPT_TX_FAULT,
	},
	[VSW_SFP_BAD_CC_BASE] = {
		.name = "bad-cc-base",
		.pn = "VSFP-1G-SX-BAD",
		.connector = SFF_CONN_LC,
		.compliance = { [3] = SFF_1000BASE_SX },
		.encoding = SFF_ENC_8B10B,
		.br_nominal = 13,
		.length = { 0, 0, 55, 27, 0, 0 },
		.wavelength = 850,
		.options = VSW_SFP_OPTICAL_OPTIONS,
		.a2 = true,
		.bias = { 3000, 6000, 600, 5400, 1200 },
		.tx = { 3162, 10000, 708, 7943, 1122 },
		.rx = { 1995, 10000, 158, 7943, 200 },
	},
	/*
	 * 2500BASE-X (1000BASE-X clocked 2.5 times, 3125 MBd): SFF-8472 has
	 * no transceiver code for it, so the bytes 3-10 are empty and the
	 * host knows it by the nominal rate; modules commonly give 2500 MBd
	 * (byte 12 = 25), which hosts take for 2500BASE-X (the Linux sfp bus
	 * accepts 2500-3200 MBd when no code is set). The SX optics' powers.
	 */
	[VSW_SFP_2500BASE_X] = {
		.name = "2500base-x",
		.pn = "VSFP-2G5-SX",
		.connector = SFF_CONN_LC,
		.encoding = SFF_ENC_8B10B,
		.br_nominal = 25,
		.length = { 0, 0, 30, 15, 0, 0 },
		.wavelength = 850,
		.options = VSW_SFP_OPTICAL_OPTIONS,
		.a2 = true,
		.bias = { 3000, 6000, 600, 5400, 1200 },
		.tx = { 3162, 10000, 708, 7943, 1122 },
		.rx = { 1995, 10000, 158, 7943, 200 },
	},
};

/* Temperature: 75/-5 °C alarms, 70/0 °C warnings (1/256 °C, signed). */
static const struct vsw_sfp_limits vsw_sfp_temp = {
	.high_alarm = 75 * 256, .low_alarm = (u16)(-5 * 256),
	.high_warn = 70 * 256, .low_warn = 0,
};

/* Vcc: 3.3 V ± 10 % alarms, ± 5 % warnings (100 µV). */
static const struct vsw_sfp_limits vsw_sfp_vcc = {
	.high_alarm = 36300, .low_alarm = 29700,
	.high_warn = 34650, .low_warn = 31350,
};

static const struct vsw_sfp_info *vsw_sfp_info(enum vsw_sfp_type type)
{
	return &vsw_sfp_types[type < VSW_SFP_NR_TYPES ? type :
			      VSW_SFP_1000BASE_SX];
}

/**
 * vsw_sfp_type_name() - the name of a module type
 * @type: the type
 *
 * Return: "1000base-sx", "1000base-lx", "10gbase-sr", "10gbase-lr",
 * "1000base-t", "bad-cc-base" or "2500base-x"; "?" for no type.
 */
const char *vsw_sfp_type_name(enum vsw_sfp_type type)
{
	return type < VSW_SFP_NR_TYPES ? vsw_sfp_types[type].name : "?";
}
EXPORT_SYMBOL_IF_KUNIT(vsw_sfp_type_name);

/**
 * vsw_sfp_type_by_name() - a module type from its name
 * @name: as vsw_sfp_type_name() has it; a trailing newline is allowed
 *
 * Return: the type, or -EINVAL.
 */
int vsw_sfp_type_by_name(const char *name)
{
	unsigned int i;

	for (i = 0; i < VSW_SFP_NR_TYPES; i++)
		if (sysfs_streq(name, vsw_sfp_types[i].name))
			return i;
	return -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_sfp_type_by_name);

/**
 * vsw_sfp_type_has_a2() - whether a module type answers at 0x51
 * @type: the type
 *
 * Return: true for the types with diagnostics (all but 1000BASE-T).
 */
bool vsw_sfp_type_has_a2(enum vsw_sfp_type type)
{
	return vsw_sfp_info(type)->a2;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_sfp_type_has_a2);

/* Big-endian 16-bit fields (no unaligned.h: it moved in 6.12). */
static void vsw_sfp_put16(u16 v, u8 *p)
{
	p[0] = v >> 8;
	p[1] = v;
}

static u16 vsw_sfp_get16(const u8 *p)
{
	return p[0] << 8 | p[1];
}

/* Low 8 bits of the sum of @len bytes: CC_BASE, CC_EXT, CC_DMI. */
static u8 vsw_sfp_sum(const u8 *p, size_t len)
{
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

/* An ASCII field, padded with spaces. */
static void vsw_sfp_ascii(u8 *field, const char *s, size_t len)
{
	memset(field, ' ', len);
	memcpy(field, s, min(strlen(s), len));
}

/* A measure's thresholds in A2h. */
static void vsw_sfp_thresholds(u8 *a2, unsigned int measure,
			       const struct vsw_sfp_limits *l)
{
	u8 *p = a2 + DMI_THRESHOLDS + 8 * measure;

	vsw_sfp_put16(l->high_alarm, p + DMI_HIGH_ALARM);
	vsw_sfp_put16(l->low_alarm, p + DMI_LOW_ALARM);
	vsw_sfp_put16(l->high_warn, p + DMI_HIGH_WARN);
	vsw_sfp_put16(l->low_warn, p + DMI_LOW_WARN);
}

/* A2h but its live part: thresholds, calibration, CC_DMI. */
static void vsw_sfp_build_a2(const struct vsw_sfp_info *t, u8 *a2)
{
	vsw_sfp_thresholds(a2, DMI_TEMP, &vsw_sfp_temp);
	vsw_sfp_thresholds(a2, DMI_VCC, &vsw_sfp_vcc);
	vsw_sfp_thresholds(a2, DMI_BIAS, &t->bias);
	vsw_sfp_thresholds(a2, DMI_TX_POWER, &t->tx);
	vsw_sfp_thresholds(a2, DMI_RX_POWER, &t->rx);
	/* Internal calibration: the identity, Rx_PWR(0, 2-4) zero. */
	vsw_sfp_put16(DMI_FLOAT_ONE >> 16, a2 + DMI_CAL_RX_PWR1);
	vsw_sfp_put16(DMI_FLOAT_ONE & 0xffff, a2 + DMI_CAL_RX_PWR1 + 2);
	vsw_sfp_put16(DMI_SLOPE_ONE, a2 + DMI_CAL_TX_I_SLOPE);
	vsw_sfp_put16(DMI_SLOPE_ONE, a2 + DMI_CAL_TX_PWR_SLOPE);
	vsw_sfp_put16(DMI_SLOPE_ONE, a2 + DMI_CAL_T_SLOPE);
	vsw_sfp_put16(DMI_SLOPE_ONE, a2 + DMI_CAL_V_SLOPE);
	a2[DMI_CC] = vsw_sfp_sum(a2, DMI_CC);
}

/**
 * vsw_sfp_eeprom_build() - the EEPROM pages of a new module
 * @type: its type
 * @serial: makes its serial number, "VS<type><serial>"
 * @a0: VSW_SFP_EEPROM_SIZE bytes for page A0h
 * @a2: VSW_SFP_EEPROM_SIZE bytes for page A2h: its live part as
 *	vsw_sfp_eeprom_update() makes it for a working module at 25 °C and
 *	3.3 V; all zero for a type without diagnostics
 */
void vsw_sfp_eeprom_build(enum vsw_sfp_type type, u32 serial, u8 *a0,
			  u8 *a2)
{
	const struct vsw_sfp_state st = { .temp_mc = 25000,
					  .vcc_uv = 3300000 };
	const struct vsw_sfp_info *t = vsw_sfp_info(type);
	char sn[32];

	memset(a0, 0, VSW_SFP_EEPROM_SIZE);
	memset(a2, 0, VSW_SFP_EEPROM_SIZE);
	a0[SFF_ID] = SFF_ID_SFP;
	a0[SFF_EXT_ID] = SFF_EXT_ID_2WIRE;
	a0[SFF_CONNECTOR] = t->connector;
	memcpy(a0 + SFF_COMPLIANCE, t->compliance, sizeof(t->compliance));
	a0[SFF_ENCODING] = t->encoding;
	a0[SFF_BR_NOMINAL] = t->br_nominal;
	memcpy(a0 + SFF_LENGTH, t->length, sizeof(t->length));
	vsw_sfp_ascii(a0 + SFF_VENDOR_NAME, "VSOC", 16);
	memcpy(a0 + SFF_VENDOR_OUI, vsw_sfp_oui, sizeof(vsw_sfp_oui));
	vsw_sfp_ascii(a0 + SFF_VENDOR_PN, t->pn, 16);
	vsw_sfp_ascii(a0 + SFF_VENDOR_REV, "1.0", 4);
	vsw_sfp_put16(t->wavelength, a0 + SFF_WAVELENGTH);
	a0[SFF_CC_BASE] = vsw_sfp_sum(a0, SFF_CC_BASE);
	if (type == VSW_SFP_BAD_CC_BASE)
		a0[SFF_CC_BASE] ^= 0x5a;

	a0[SFF_OPTIONS + 1] = t->options;
	snprintf(sn, sizeof(sn), "VS%02u%08u", (unsigned int)type,
		 serial % 100000000);
	vsw_sfp_ascii(a0 + SFF_VENDOR_SN, sn, 16);
	/* YYMMDD and a lot code. */
	vsw_sfp_ascii(a0 + SFF_DATE_CODE, "26112201", 8);
	if (t->a2) {
		a0[SFF_DIAG_TYPE] = SFF_DIAG_DDM | SFF_DIAG_INTERNAL |
				    SFF_DIAG_RX_AVG;
		a0[SFF_ENH_OPTIONS] = SFF_ENH_ALARM_WARN | SFF_ENH_SOFT_TX_DIS |
				      SFF_ENH_SOFT_TX_FAULT |
				      SFF_ENH_SOFT_RX_LOS;
		a0[SFF_8472_COMPLIANCE] = SFF_8472_REV12;
	}
	a0[SFF_CC_EXT] = vsw_sfp_sum(a0 + SFF_OPTIONS, SFF_CC_EXT - SFF_OPTIONS);
	vsw_sfp_ascii(a0 + SFF_VENDOR_AREA, "vsoc virtual board SFP model", 32);

	if (t->a2) {
		vsw_sfp_build_a2(t, a2);
		vsw_sfp_eeprom_update(type, a2, &st);
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsw_sfp_eeprom_build);

/*
 * The alarm and warning flags of a measure at @value: the high one in
 * bit @bit of their byte, the low one in the bit below. The temperature
 * is signed.
 */
static void vsw_sfp_flags(u8 *a2, unsigned int measure, u16 value)
{
	const u8 *th = a2 + DMI_THRESHOLDS + 8 * measure;
	unsigned int byte = measure / 4, bit = 7 - 2 * (measure % 4);
	bool sign = measure == DMI_TEMP;
	s32 v = sign ? (s16)value : value;
	s32 lim[4];
	unsigned int i;

	for (i = 0; i < 4; i++) {
		u16 raw = vsw_sfp_get16(th + 2 * i);

		lim[i] = sign ? (s16)raw : raw;
	}
	a2[DMI_ALARMS + byte] &= ~(BIT(bit) | BIT(bit - 1));
	a2[DMI_WARNINGS + byte] &= ~(BIT(bit) | BIT(bit - 1));
	if (v > lim[DMI_HIGH_ALARM / 2])
		a2[DMI_ALARMS + byte] |= BIT(bit);
	if (v < lim[DMI_LOW_ALARM / 2])
		a2[DMI_ALARMS + byte] |= BIT(bit - 1);
	if (v > lim[DMI_HIGH_WARN / 2])
		a2[DMI_WARNINGS + byte] |= BIT(bit);
	if (v < lim[DMI_LOW_WARN / 2])
		a2[DMI_WARNINGS + byte] |= BIT(bit - 1);
}

/**
 * vsw_sfp_eeprom_update() - the live diagnostics of a module
 * @type: its type
 * @a2: its page A2h
 * @st: its state
 *
 * Writes the measures (96-105), the status bits of byte 110 (but the
 * host's Soft TX_DISABLE, which is kept) and the alarm and warning flags
 * (112-113, 116-117). The laser is off while TX_DISABLE (the pin or the
 * soft control) or TX_FAULT is asserted: no bias, no TX power. RX power
 * is the type's nominal one, none under LOS. Nothing for a type without
 * diagnostics.
 */
void vsw_sfp_eeprom_update(enum vsw_sfp_type type, u8 *a2,
			   const struct vsw_sfp_state *st)
{
	const struct vsw_sfp_info *t = vsw_sfp_info(type);
	u16 v[DMI_NR_MEASURES];
	unsigned int i;
	u8 status;
	bool off;

	if (!t->a2)
		return;
	status = a2[DMI_STATUS] & DMI_ST_SOFT_TX_DISABLE;
	off = st->tx_disable || status || st->tx_fault;
	v[DMI_TEMP] = (u16)clamp_t(s64, div_s64((s64)st->temp_mc * 256, 1000),
				   S16_MIN, S16_MAX);
	v[DMI_VCC] = min(st->vcc_uv / 100, (unsigned int)U16_MAX);
	v[DMI_BIAS] = off ? 0 : t->bias.nominal;
	v[DMI_TX_POWER] = off ? 0 : t->tx.nominal;
	v[DMI_RX_POWER] = st->rx_los ? 0 : t->rx.nominal;
	for (i = 0; i < DMI_NR_MEASURES; i++) {
		vsw_sfp_put16(v[i], a2 + DMI_VALUES + 2 * i);
		vsw_sfp_flags(a2, i, v[i]);
	}
	if (st->tx_disable)
		status |= DMI_ST_TX_DISABLE;
	if (st->rs0)
		status |= DMI_ST_RS0;
	if (st->tx_fault)
		status |= DMI_ST_TX_FAULT;
	if (st->rx_los)
		status |= DMI_ST_RX_LOS;
	if (st->not_ready)
		status |= DMI_ST_NOT_READY;
	a2[DMI_STATUS] = status;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_sfp_eeprom_update);

/**
 * vsw_sfp_eeprom_init() - a module's EEPROMs, off any bus
 * @e: the module
 * @type: its type
 * @serial: makes its serial number (see vsw_sfp_eeprom_build())
 *
 * The module works, at 25 °C and 3.3 V. @e->soft_ctrl and @e->priv are
 * cleared: set them before vsw_sfp_eeprom_attach().
 */
void vsw_sfp_eeprom_init(struct vsw_sfp_eeprom *e, enum vsw_sfp_type type,
			 u32 serial)
{
	unsigned int i;

	memset(e, 0, sizeof(*e));
	spin_lock_init(&e->lock);
	e->type = type < VSW_SFP_NR_TYPES ? type : VSW_SFP_1000BASE_SX;
	e->state.temp_mc = 25000;
	e->state.vcc_uv = 3300000;
	vsw_sfp_eeprom_build(e->type, serial, e->a0, e->a2);
	for (i = 0; i < ARRAY_SIZE(e->page); i++)
		e->page[i].e = e;
	e->page[0].mem = e->a0;
	e->page[1].mem = e->a2;
	e->page[1].a2 = true;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_sfp_eeprom_init);

/**
 * vsw_sfp_eeprom_set_state() - what the module's diagnostics report now
 * @e: the module
 * @st: its state (the cage's pins, temperature, supply)
 *
 * Context: any; not from @e->soft_ctrl.
 */
void vsw_sfp_eeprom_set_state(struct vsw_sfp_eeprom *e,
			      const struct vsw_sfp_state *st)
{
	unsigned long flags;

	spin_lock_irqsave(&e->lock, flags);
	e->state = *st;
	vsw_sfp_eeprom_update(e->type, e->a2, st);
	spin_unlock_irqrestore(&e->lock, flags);
}
EXPORT_SYMBOL_IF_KUNIT(vsw_sfp_eeprom_set_state);

/**
 * vsw_sfp_eeprom_soft_tx_disable() - the host's Soft TX_DISABLE
 * @e: the module
 *
 * Context: any; not from @e->soft_ctrl (which has the byte).
 * Return: the host set it (A2h byte 110 bit 6); false for a module
 * without diagnostics.
 */
bool vsw_sfp_eeprom_soft_tx_disable(struct vsw_sfp_eeprom *e)
{
	unsigned long flags;
	bool on;

	spin_lock_irqsave(&e->lock, flags);
	on = e->a2[DMI_STATUS] & DMI_ST_SOFT_TX_DISABLE;
	spin_unlock_irqrestore(&e->lock, flags);
	return on;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_sfp_eeprom_soft_tx_disable);

/*
 * A byte written to A2h at the pointer: the user area takes it, byte 110
 * its Soft TX_DISABLE bit, which turns the laser off or on at once.
 * Return: the soft control changed. Under @e->lock.
 */
static bool vsw_sfp_a2_write(struct vsw_sfp_eeprom *e, u8 ptr, u8 val)
{
	u8 old = e->a2[DMI_STATUS];

	if (ptr >= DMI_USER && ptr <= DMI_USER_END) {
		e->a2[ptr] = val;
		return false;
	}
	if (ptr != DMI_STATUS)
		return false;
	e->a2[DMI_STATUS] = (old & ~DMI_ST_SOFT_TX_DISABLE) |
			    (val & DMI_ST_SOFT_TX_DISABLE);
	if (e->a2[DMI_STATUS] == old)
		return false;
	vsw_sfp_eeprom_update(e->type, e->a2, &e->state);
	return true;
}

/**
 * vsw_sfp_page_event() - an EEPROM page's side of an I2C transfer
 * @priv: the page (struct vsw_sfp_page)
 * @event: what happened on the bus
 * @val: the byte written, or the one to read
 *
 * The first byte of a write sets the pointer; reads and further writes
 * go on from it, wrapping at 256. Every byte is ACKed.
 *
 * Context: the bus's target context (see struct vsoc_sim_i2c_target_ops).
 * Return: 0.
 */
VISIBLE_IF_KUNIT int vsw_sfp_page_event(void *priv,
					enum vsoc_sim_i2c_event event, u8 *val)
{
	struct vsw_sfp_page *p = priv;
	struct vsw_sfp_eeprom *e = p->e;
	bool changed = false;
	unsigned long flags;
	u8 status;

	spin_lock_irqsave(&e->lock, flags);
	switch (event) {
	case VSOC_SIM_I2C_WRITE_REQUESTED:
		p->offset_next = true;
		break;
	case VSOC_SIM_I2C_WRITE_RECEIVED:
		if (p->offset_next) {
			p->ptr = *val;
			p->offset_next = false;
			break;
		}
		if (p->a2)
			changed = vsw_sfp_a2_write(e, p->ptr, *val);
		p->ptr++;
		break;
	case VSOC_SIM_I2C_READ_REQUESTED:
		*val = p->mem[p->ptr];
		break;
	case VSOC_SIM_I2C_READ_PROCESSED:
		p->ptr++;
		break;
	case VSOC_SIM_I2C_STOP:
		p->offset_next = false;
		break;
	}
	status = e->a2[DMI_STATUS];
	spin_unlock_irqrestore(&e->lock, flags);
	if (changed && e->soft_ctrl)
		e->soft_ctrl(e, status);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_sfp_page_event);

static const struct vsoc_sim_i2c_target_ops vsw_sfp_page_ops = {
	.event = vsw_sfp_page_event,
};

/**
 * vsw_sfp_eeprom_attach() - put a module's EEPROMs on a cage's bus
 * @e: the module (vsw_sfp_eeprom_init())
 * @bus: the cage's bus
 *
 * A0h answers at 0x50, A2h at 0x51 if the type has it. The pointers start
 * at 0, as after power-up.
 *
 * Context: any; not under a lock that @e->soft_ctrl takes (the bus calls
 * it under its own lock).
 * Return: 0, or an error of vsoc_sim_i2c_target_add() (nothing attached).
 */
int vsw_sfp_eeprom_attach(struct vsw_sfp_eeprom *e,
			  struct vsoc_sim_i2c_bus *bus)
{
	int ret;

	e->page[0].ptr = 0;
	e->page[1].ptr = 0;
	ret = vsoc_sim_i2c_target_add(bus, VSW_SFP_I2C_A0, &vsw_sfp_page_ops,
				      &e->page[0]);
	if (ret)
		return ret;
	if (vsw_sfp_type_has_a2(e->type)) {
		ret = vsoc_sim_i2c_target_add(bus, VSW_SFP_I2C_A2,
					      &vsw_sfp_page_ops, &e->page[1]);
		if (ret) {
			vsoc_sim_i2c_target_remove(bus, VSW_SFP_I2C_A0);
			return ret;
		}
	}
	e->bus = bus;
	return 0;
}

/**
 * vsw_sfp_eeprom_detach() - take a module's EEPROMs off its bus
 * @e: the module, attached or not
 *
 * A transfer in progress ends (see vsoc_sim_i2c_target_remove()).
 *
 * Context: as vsw_sfp_eeprom_attach().
 */
void vsw_sfp_eeprom_detach(struct vsw_sfp_eeprom *e)
{
	if (!e->bus)
		return;
	vsoc_sim_i2c_target_remove(e->bus, VSW_SFP_I2C_A0);
	if (vsw_sfp_type_has_a2(e->type))
		vsoc_sim_i2c_target_remove(e->bus, VSW_SFP_I2C_A2);
	e->bus = NULL;
}
