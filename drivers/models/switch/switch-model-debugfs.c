// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: debugfs files of a block, in
 * /sys/kernel/debug/vsoc-sim/<board>/<block>/ (see "debugfs" in
 * Documentation/vsoc-switch-regs.rst): the FDB, the CPU port's
 * statistics and, per front port in port<N>/, the cable, link flaps, the
 * link state and the live counters.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <vsoc/sim.h>

#include "switch-model.h"

#define VSW_MAX_FLAPS	10000

static const char *const vsw_cnt_names[VSOC_SW_CNT_NUM] = {
	"rx_octets", "rx_ucast", "rx_mcast", "rx_bcast", "rx_pause",
	"rx_undersize", "rx_oversize", "rx_fragments", "rx_jabbers",
	"rx_fcs_err", "rx_64", "rx_65_127", "rx_128_255", "rx_256_511",
	"rx_512_1023", "rx_1024_1518", "rx_1519_max", "rx_drops", "rx_fwd",
	"rx_cpu", "tx_octets", "tx_ucast", "tx_mcast", "tx_bcast",
	"tx_pause", "tx_64", "tx_65_127", "tx_128_255", "tx_256_511",
	"tx_512_1023", "tx_1024_1518", "tx_1519_max", "tx_drops",
	"speed_errors",
};

static int vsw_fdb_show(struct seq_file *s, void *unused)
{
	struct vsw_model *m = s->private;
	struct vsw_fdb_entry *copy;
	unsigned int i, n = 0;

	copy = kvmalloc_array(VSW_FDB_SIZE, sizeof(*copy), GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	spin_lock_irq(&m->lock);
	memcpy(copy, m->core->fdb, VSW_FDB_SIZE * sizeof(*copy));
	spin_unlock_irq(&m->lock);
	seq_puts(s, "index mac fid dest flags\n");
	for (i = 0; i < VSW_FDB_SIZE; i++) {
		const struct vsw_fdb_entry *e = &copy[i];

		if (!(e->flags & VSOC_SW_FDB_F_VALID))
			continue;
		seq_printf(s, "%u %pM %u 0x%08x %s%s%s\n", i, e->mac, e->fid,
			   e->dest,
			   e->flags & VSOC_SW_FDB_F_STATIC ? "static" : "dynamic",
			   e->flags & VSOC_SW_FDB_F_HIT ? ",hit" : "",
			   e->flags & VSOC_SW_FDB_F_AUTH ? ",auth" : "");
		n++;
	}
	seq_printf(s, "entries %u\n", n);
	kvfree(copy);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(vsw_fdb);

static int vsw_stats_show(struct seq_file *s, void *unused)
{
	struct vsw_model *m = s->private;

	spin_lock_irq(&m->lock);
	seq_printf(s, "cpu_rx_frames %u\ncpu_tx_frames %u\nxtr_drops %u\n",
		   m->cpu_rx, m->cpu_tx, m->xtr_drops);
	seq_printf(s, "xtr_truncated %llu\ninj_errors %llu\ndma_errors %llu\n",
		   m->xtr_trunc, m->inj_errors, m->dma_errors);
	seq_printf(s, "inj_head %u\ninj_tail %u\nxtr_head %u\nxtr_tail %u\n",
		   m->inj.head, m->inj.tail, m->xtr.head, m->xtr.tail);
	seq_printf(s, "fdb_entries %u\ndrop_learn_full %u\nevents %u%s\n",
		   m->core->fdb_count, m->core->drop_learn_full,
		   m->core->evt_count, m->core->evt_overflow ? " overflow" : "");
	spin_unlock_irq(&m->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(vsw_stats);

static int vsw_counters_show(struct seq_file *s, void *unused)
{
	struct vsw_mport *mp = s->private;
	u64 cnt[VSOC_SW_CNT_NUM];
	unsigned int i;

	spin_lock_irq(&mp->m->lock);
	memcpy(cnt, mp->m->core->port[mp->index].cnt, sizeof(cnt));
	spin_unlock_irq(&mp->m->lock);
	for (i = 0; i < VSOC_SW_CNT_NUM; i++)
		seq_printf(s, "%s %llu\n", vsw_cnt_names[i], cnt[i]);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(vsw_counters);

static int vsw_link_show(struct seq_file *s, void *unused)
{
	struct vsw_mport *mp = s->private;
	struct vsw_port *p = &mp->m->core->port[mp->index];

	spin_lock_irq(&mp->m->lock);
	seq_printf(s, "link %d\nan_done %d\nlpa 0x%04x\nmac_link %d\nflaps_left %u\nwire_drops %llu\n",
		   p->link, p->an_done, p->lpa,
		   !!(p->mac_cfg & VSOC_SW_P_MAC_LINK_UP), mp->flap_left,
		   mp->wire_drops);
	if (mp->phy)
		seq_printf(s, "phy %s\nphy_link %d\nphy_speed %d\nphy_full_duplex %d\nphy_an_done %d\n",
			   mp->phy->kind == VSW_PHY_10G ? "10g" : "copper-1g",
			   mp->phy->link, mp->phy->speed, mp->phy->full,
			   mp->phy->an_done);
	spin_unlock_irq(&mp->m->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(vsw_link);

static int vsw_cable_show(struct seq_file *s, void *unused)
{
	struct vsw_mport *mp = s->private;
	enum vsw_cable cable;
	unsigned int peer;

	spin_lock_irq(&mp->m->lock);
	cable = mp->cable;
	peer = mp->peer;
	spin_unlock_irq(&mp->m->lock);
	if (cable == VSW_CABLE_PARTNER)
		seq_printf(s, "partner lp%u\n", mp->index);
	else if (cable == VSW_CABLE_PORT)
		seq_printf(s, "port%u\n", peer);
	else
		seq_puts(s, "none\n");
	return 0;
}

static int vsw_cable_open(struct inode *inode, struct file *file)
{
	return single_open(file, vsw_cable_show, inode->i_private);
}

/* "partner", "none" or "port<N>". */
static ssize_t vsw_cable_write(struct file *file, const char __user *ubuf,
			       size_t len, loff_t *ppos)
{
	struct vsw_mport *mp = ((struct seq_file *)file->private_data)->private;
	struct vsw_model *m = mp->m;
	enum vsw_cable cable;
	unsigned int peer = 0;
	char buf[16];
	int ret;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	strim(buf);
	if (!strcmp(buf, "partner")) {
		cable = VSW_CABLE_PARTNER;
		ret = vsw_lp_create(m, mp->index);
		if (ret)
			return ret;
	} else if (!strcmp(buf, "none")) {
		cable = VSW_CABLE_NONE;
	} else if (!strncmp(buf, "port", 4) && !kstrtouint(buf + 4, 10, &peer)) {
		cable = VSW_CABLE_PORT;
	} else {
		return -EINVAL;
	}
	spin_lock_irq(&m->lock);
	ret = vsw_cable_set(m, mp->index, cable, peer);
	vsw_update_irq(m);
	spin_unlock_irq(&m->lock);
	return ret ?: len;
}

static const struct file_operations vsw_cable_fops = {
	.owner = THIS_MODULE,
	.open = vsw_cable_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = vsw_cable_write,
};

static int vsw_flap_set(void *data, u64 val)
{
	struct vsw_mport *mp = data;
	struct vsw_model *m = mp->m;

	if (!val || val > VSW_MAX_FLAPS)
		return -EINVAL;
	spin_lock_irq(&m->lock);
	mp->flap_left = min_t(u64, mp->flap_left + val, VSW_MAX_FLAPS);
	if (!m->dying)
		mod_delayed_work(m->wq, &m->flap_work, 0);
	spin_unlock_irq(&m->lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(vsw_flap_fops, NULL, vsw_flap_set, "%llu\n");

/*
 * "regs": a register port for tests without a driver. Writing "OFF VAL"
 * writes the register as a driver would; writing "OFF" selects it;
 * reading gives "OFF VAL" of the selected register (a read as a
 * driver's, precious registers included).
 */
static int vsw_regs_show(struct seq_file *s, void *unused)
{
	struct vsw_model *m = s->private;
	u32 off, val = 0;

	spin_lock_irq(&m->lock);
	off = m->dbg_reg;
	vsw_reg_read(m, off, &val);
	spin_unlock_irq(&m->lock);
	seq_printf(s, "0x%04x 0x%08x\n", off, val);
	return 0;
}

static int vsw_regs_open(struct inode *inode, struct file *file)
{
	return single_open(file, vsw_regs_show, inode->i_private);
}

static ssize_t vsw_regs_write(struct file *file, const char __user *ubuf,
			      size_t len, loff_t *ppos)
{
	struct vsw_model *m = ((struct seq_file *)file->private_data)->private;
	char buf[32], *val;
	u32 off, v;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	val = strim(buf);
	off = 0;
	if (kstrtou32(strsep(&val, " "), 0, &off) || off % 4 ||
	    off >= VSOC_SW_REG_SIZE)
		return -EINVAL;
	if (val && kstrtou32(strim(val), 0, &v))
		return -EINVAL;
	spin_lock_irq(&m->lock);
	m->dbg_reg = off;
	if (val) {
		vsw_reg_write(m, off, v);
		vsw_update_irq(m);
	}
	spin_unlock_irq(&m->lock);
	return len;
}

static const struct file_operations vsw_regs_fops = {
	.owner = THIS_MODULE,
	.open = vsw_regs_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = vsw_regs_write,
};

/**
 * vsw_debugfs_init() - the block's debugfs files
 * @m: the model
 */
void vsw_debugfs_init(struct vsw_model *m)
{
	struct dentry *dir = vsoc_sim_block_debugfs(m->blk);
	unsigned int i;
	char name[16];

	debugfs_create_file("fdb", 0444, dir, m, &vsw_fdb_fops);
	debugfs_create_file("stats", 0444, dir, m, &vsw_stats_fops);
	debugfs_create_file("regs", 0600, dir, m, &vsw_regs_fops);
	for (i = 0; i < m->core->nports; i++) {
		struct dentry *pd;

		snprintf(name, sizeof(name), "port%u", i);
		pd = debugfs_create_dir(name, dir);
		debugfs_create_file("cable", 0644, pd, &m->mp[i], &vsw_cable_fops);
		debugfs_create_file_unsafe("flap", 0200, pd, &m->mp[i],
					   &vsw_flap_fops);
		debugfs_create_file("counters", 0444, pd, &m->mp[i],
				    &vsw_counters_fops);
		debugfs_create_file("link", 0444, pd, &m->mp[i], &vsw_link_fops);
	}
	for (i = 0; i < VSW_SFP_CAGES; i++)
		if (m->cage[i])
			vsw_cage_debugfs_init(m->cage[i], dir);
}
