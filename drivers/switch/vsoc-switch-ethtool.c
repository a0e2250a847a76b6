// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch: counters (ethtool -S, the standard statistics groups,
 * ndo_get_stats64) and link settings through phylink.
 *
 * All numbers are the port MAC's hardware counters: frames the ASIC
 * forwards count as much as those of the CPU.
 */
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/phylink.h>
#include <linux/regmap.h>

#include <vsoc/compat.h>

#include "vsoc-switch.h"

static const char vsoc_sw_cnt_names[VSOC_SW_CNT_NUM][ETH_GSTRING_LEN] = {
	[VSOC_SW_CNT_RX_OCTETS] = "rx_octets",
	[VSOC_SW_CNT_RX_UCAST] = "rx_unicast",
	[VSOC_SW_CNT_RX_MCAST] = "rx_multicast",
	[VSOC_SW_CNT_RX_BCAST] = "rx_broadcast",
	[VSOC_SW_CNT_RX_PAUSE] = "rx_pause",
	[VSOC_SW_CNT_RX_UNDERSIZE] = "rx_undersize",
	[VSOC_SW_CNT_RX_OVERSIZE] = "rx_oversize",
	[VSOC_SW_CNT_RX_FRAGMENTS] = "rx_fragments",
	[VSOC_SW_CNT_RX_JABBERS] = "rx_jabbers",
	[VSOC_SW_CNT_RX_FCS_ERR] = "rx_fcs_errors",
	[VSOC_SW_CNT_RX_64] = "rx_64",
	[VSOC_SW_CNT_RX_65_127] = "rx_65_127",
	[VSOC_SW_CNT_RX_128_255] = "rx_128_255",
	[VSOC_SW_CNT_RX_256_511] = "rx_256_511",
	[VSOC_SW_CNT_RX_512_1023] = "rx_512_1023",
	[VSOC_SW_CNT_RX_1024_1518] = "rx_1024_1518",
	[VSOC_SW_CNT_RX_1519_MAX] = "rx_1519_max",
	[VSOC_SW_CNT_RX_DROPS] = "rx_drops",
	[VSOC_SW_CNT_RX_FWD] = "rx_fwd",
	[VSOC_SW_CNT_RX_CPU] = "rx_cpu",
	[VSOC_SW_CNT_TX_OCTETS] = "tx_octets",
	[VSOC_SW_CNT_TX_UCAST] = "tx_unicast",
	[VSOC_SW_CNT_TX_MCAST] = "tx_multicast",
	[VSOC_SW_CNT_TX_BCAST] = "tx_broadcast",
	[VSOC_SW_CNT_TX_PAUSE] = "tx_pause",
	[VSOC_SW_CNT_TX_64] = "tx_64",
	[VSOC_SW_CNT_TX_65_127] = "tx_65_127",
	[VSOC_SW_CNT_TX_128_255] = "tx_128_255",
	[VSOC_SW_CNT_TX_256_511] = "tx_256_511",
	[VSOC_SW_CNT_TX_512_1023] = "tx_512_1023",
	[VSOC_SW_CNT_TX_1024_1518] = "tx_1024_1518",
	[VSOC_SW_CNT_TX_1519_MAX] = "tx_1519_max",
	[VSOC_SW_CNT_TX_DROPS] = "tx_drops",
	[VSOC_SW_CNT_SPEED_ERR] = "speed_errors",
};

/* Counters of the whole ASIC, shown with every port's. */
static const struct {
	const char *name;
	u32 reg;
} vsoc_sw_global_cnt[] = {
	{ "cpu_rx_frames", VSOC_SW_CPU_RX_FRAMES },
	{ "cpu_tx_frames", VSOC_SW_CPU_TX_FRAMES },
	{ "xtr_drops", VSOC_SW_XTR_DROPS },
	{ "drop_learn_full", VSOC_SW_DROP_LEARN_FULL },
	{ "fdb_count", VSOC_SW_FDB_COUNT },
};

#define VSOC_SW_NUM_STATS (VSOC_SW_CNT_NUM + ARRAY_SIZE(vsoc_sw_global_cnt))

static const struct ethtool_rmon_hist_range vsoc_sw_rmon_ranges[] = {
	{ 64, 64 },
	{ 65, 127 },
	{ 128, 255 },
	{ 256, 511 },
	{ 512, 1023 },
	{ 1024, 1518 },
	{ 1519, VSOC_SW_MAX_FRAME },
	{ }
};

/**
 * vsoc_sw_read_counters() - one consistent snapshot of a port's counters
 * @port: the port
 * @cnt: VSOC_SW_CNT_NUM values
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_read_counters(struct vsoc_sw_port *port, u64 *cnt)
{
	struct regmap *map = port->sw->map;
	unsigned int lo, hi;
	int i, ret;

	spin_lock_bh(&port->stats_lock);
	ret = regmap_write(map, vsoc_sw_preg(port, VSOC_SW_P_CNT_SNAPSHOT), 1);
	for (i = 0; !ret && i < VSOC_SW_CNT_NUM; i++) {
		ret = regmap_read(map, vsoc_sw_preg(port, VSOC_SW_P_CNT_LO(i)), &lo);
		if (!ret)
			ret = regmap_read(map, vsoc_sw_preg(port, VSOC_SW_P_CNT_HI(i)), &hi);
		cnt[i] = (u64)hi << 32 | lo;
	}
	spin_unlock_bh(&port->stats_lock);
	return ret;
}

/**
 * vsoc_sw_get_stats64() - interface statistics from the port's MAC
 * @ndev: the port
 * @s: filled in
 */
void vsoc_sw_get_stats64(struct net_device *ndev, struct rtnl_link_stats64 *s)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	u64 c[VSOC_SW_CNT_NUM];

	if (vsoc_sw_read_counters(port, c))
		return;
	s->rx_packets = c[VSOC_SW_CNT_RX_UCAST] + c[VSOC_SW_CNT_RX_MCAST] +
			c[VSOC_SW_CNT_RX_BCAST];
	s->rx_bytes = c[VSOC_SW_CNT_RX_OCTETS];
	s->multicast = c[VSOC_SW_CNT_RX_MCAST];
	s->rx_crc_errors = c[VSOC_SW_CNT_RX_FCS_ERR];
	s->rx_length_errors = c[VSOC_SW_CNT_RX_UNDERSIZE] + c[VSOC_SW_CNT_RX_OVERSIZE] +
			      c[VSOC_SW_CNT_RX_FRAGMENTS] + c[VSOC_SW_CNT_RX_JABBERS];
	s->rx_errors = s->rx_length_errors + s->rx_crc_errors;
	s->rx_dropped = c[VSOC_SW_CNT_RX_DROPS] + atomic64_read(&port->rx_dropped);
	s->tx_packets = c[VSOC_SW_CNT_TX_UCAST] + c[VSOC_SW_CNT_TX_MCAST] +
			c[VSOC_SW_CNT_TX_BCAST];
	s->tx_bytes = c[VSOC_SW_CNT_TX_OCTETS];
	s->tx_dropped = c[VSOC_SW_CNT_TX_DROPS] + atomic64_read(&port->tx_dropped);
}

static int vsoc_sw_get_sset_count(struct net_device *ndev, int sset)
{
	return sset == ETH_SS_STATS ? VSOC_SW_NUM_STATS : -EOPNOTSUPP;
}

static void vsoc_sw_get_strings(struct net_device *ndev, u32 sset, u8 *data)
{
	unsigned int i;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < VSOC_SW_CNT_NUM; i++)
		ethtool_puts(&data, vsoc_sw_cnt_names[i]);
	for (i = 0; i < ARRAY_SIZE(vsoc_sw_global_cnt); i++)
		ethtool_puts(&data, vsoc_sw_global_cnt[i].name);
}

static void vsoc_sw_get_ethtool_stats(struct net_device *ndev,
				      struct ethtool_stats *stats, u64 *data)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	unsigned int i, val;

	if (vsoc_sw_read_counters(port, data))
		memset(data, 0, VSOC_SW_CNT_NUM * sizeof(*data));
	for (i = 0; i < ARRAY_SIZE(vsoc_sw_global_cnt); i++)
		data[VSOC_SW_CNT_NUM + i] =
			regmap_read(port->sw->map, vsoc_sw_global_cnt[i].reg, &val) ? 0 : val;
}

static void vsoc_sw_get_eth_mac_stats(struct net_device *ndev,
				      struct ethtool_eth_mac_stats *s)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	u64 c[VSOC_SW_CNT_NUM];

	if (vsoc_sw_read_counters(port, c))
		return;
	s->FramesTransmittedOK = c[VSOC_SW_CNT_TX_UCAST] + c[VSOC_SW_CNT_TX_MCAST] +
				 c[VSOC_SW_CNT_TX_BCAST];
	s->FramesReceivedOK = c[VSOC_SW_CNT_RX_UCAST] + c[VSOC_SW_CNT_RX_MCAST] +
			      c[VSOC_SW_CNT_RX_BCAST];
	s->FrameCheckSequenceErrors = c[VSOC_SW_CNT_RX_FCS_ERR];
	s->OctetsTransmittedOK = c[VSOC_SW_CNT_TX_OCTETS];
	s->OctetsReceivedOK = c[VSOC_SW_CNT_RX_OCTETS];
	s->MulticastFramesXmittedOK = c[VSOC_SW_CNT_TX_MCAST];
	s->BroadcastFramesXmittedOK = c[VSOC_SW_CNT_TX_BCAST];
	s->MulticastFramesReceivedOK = c[VSOC_SW_CNT_RX_MCAST];
	s->BroadcastFramesReceivedOK = c[VSOC_SW_CNT_RX_BCAST];
	s->FrameTooLongErrors = c[VSOC_SW_CNT_RX_OVERSIZE] + c[VSOC_SW_CNT_RX_JABBERS];
}

static void vsoc_sw_get_rmon_stats(struct net_device *ndev,
				   struct ethtool_rmon_stats *s,
				   const struct ethtool_rmon_hist_range **ranges)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	u64 c[VSOC_SW_CNT_NUM];
	int i;

	if (vsoc_sw_read_counters(port, c))
		return;
	s->undersize_pkts = c[VSOC_SW_CNT_RX_UNDERSIZE];
	s->oversize_pkts = c[VSOC_SW_CNT_RX_OVERSIZE];
	s->fragments = c[VSOC_SW_CNT_RX_FRAGMENTS];
	s->jabbers = c[VSOC_SW_CNT_RX_JABBERS];
	for (i = 0; i <= VSOC_SW_CNT_RX_1519_MAX - VSOC_SW_CNT_RX_64; i++) {
		s->hist[i] = c[VSOC_SW_CNT_RX_64 + i];
		s->hist_tx[i] = c[VSOC_SW_CNT_TX_64 + i];
	}
	*ranges = vsoc_sw_rmon_ranges;
}

static void vsoc_sw_get_pause_stats(struct net_device *ndev,
				    struct ethtool_pause_stats *s)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	u64 c[VSOC_SW_CNT_NUM];

	if (vsoc_sw_read_counters(port, c))
		return;
	s->tx_pause_frames = c[VSOC_SW_CNT_TX_PAUSE];
	s->rx_pause_frames = c[VSOC_SW_CNT_RX_PAUSE];
}

static int vsoc_sw_get_link_ksettings(struct net_device *ndev,
				      struct ethtool_link_ksettings *cmd)
{
	return phylink_ethtool_ksettings_get(vsoc_sw_port_of(ndev)->phylink, cmd);
}

/*
 * A forced speed without a duplex (ethtool -s swpN speed S autoneg off)
 * takes the current one; while a negotiating port has no link that is
 * unknown, which phylib refuses (-EINVAL) although the link only waits
 * for its partner (seconds on copper): force full duplex then.
 */
static int vsoc_sw_set_link_ksettings(struct net_device *ndev,
				      const struct ethtool_link_ksettings *cmd)
{
	struct phylink *pl = vsoc_sw_port_of(ndev)->phylink;
	struct ethtool_link_ksettings ks;

	if (cmd->base.autoneg != AUTONEG_DISABLE ||
	    cmd->base.duplex != DUPLEX_UNKNOWN)
		return phylink_ethtool_ksettings_set(pl, cmd);
	ks = *cmd;
	ks.base.duplex = DUPLEX_FULL;
	return phylink_ethtool_ksettings_set(pl, &ks);
}

static int vsoc_sw_nway_reset(struct net_device *ndev)
{
	return phylink_ethtool_nway_reset(vsoc_sw_port_of(ndev)->phylink);
}

static void vsoc_sw_get_pauseparam(struct net_device *ndev,
				   struct ethtool_pauseparam *pause)
{
	phylink_ethtool_get_pauseparam(vsoc_sw_port_of(ndev)->phylink, pause);
}

static int vsoc_sw_set_pauseparam(struct net_device *ndev,
				  struct ethtool_pauseparam *pause)
{
	return phylink_ethtool_set_pauseparam(vsoc_sw_port_of(ndev)->phylink, pause);
}

static void vsoc_sw_get_drvinfo(struct net_device *ndev,
				struct ethtool_drvinfo *info)
{
	struct vsoc_sw *sw = vsoc_sw_port_of(ndev)->sw;

	strscpy(info->driver, "vsoc-switch", sizeof(info->driver));
	strscpy(info->bus_info, dev_name(sw->dev), sizeof(info->bus_info));
	snprintf(info->fw_version, sizeof(info->fw_version), "asic %u.%u",
		 (sw->version >> 8) & 0xff, sw->version & 0xff);
}

const struct ethtool_ops vsoc_sw_ethtool_ops = {
	.get_drvinfo = vsoc_sw_get_drvinfo,
	.get_link = ethtool_op_get_link,
	.get_link_ext_state = vsoc_sw_get_link_ext_state,
	.get_sset_count = vsoc_sw_get_sset_count,
	.get_strings = vsoc_sw_get_strings,
	.get_ethtool_stats = vsoc_sw_get_ethtool_stats,
	.get_eth_mac_stats = vsoc_sw_get_eth_mac_stats,
	.get_rmon_stats = vsoc_sw_get_rmon_stats,
	.get_pause_stats = vsoc_sw_get_pause_stats,
	.get_link_ksettings = vsoc_sw_get_link_ksettings,
	.set_link_ksettings = vsoc_sw_set_link_ksettings,
	.nway_reset = vsoc_sw_nway_reset,
	.get_pauseparam = vsoc_sw_get_pauseparam,
	.set_pauseparam = vsoc_sw_set_pauseparam,
};
