// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: debugfs files of an SFP cage, in
 * /sys/kernel/debug/vsoc-sim/<board>/<block>/sfp<N>/:
 *   module     write a module type (vsw_sfp_type_by_name()) to insert it,
 *              "none" to take the module out (a type written over a
 *              module is a swap, the cage empty for VSW_CAGE_SWAP_MS in
 *              between); read: the cage's state
 *   tx_fault   0/1: the module asserts TX_FAULT (its laser is off)
 *   los_force  0/1: the partner's side goes dark (the module loses light)
 *   los        read: the level the model drives on LOS
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <vsoc/sim.h>

#include "switch-model.h"

static int vsw_cage_module_show(struct seq_file *s, void *unused)
{
	struct vsw_cage *cage = s->private;
	struct vsw_model *m = cage->m;
	bool present, laser, txdis, soft, rs0, fault, force;
	enum vsw_sfp_type type;
	s8 modabs, los, txf;

	spin_lock_irq(&m->lock);
	present = cage->present;
	type = cage->mod.type;
	laser = vsw_cage_laser_on(cage);
	txdis = cage->tx_disable;
	soft = cage->soft_tx_disable;
	rs0 = cage->rs0;
	fault = cage->tx_fault;
	force = cage->los_force;
	modabs = cage->driven[VSW_CAGE_MOD_DEF0];
	los = cage->driven[VSW_CAGE_LOS];
	txf = cage->driven[VSW_CAGE_TX_FAULT];
	spin_unlock_irq(&m->lock);
	seq_printf(s, "module %s\nport %d\n",
		   present ? vsw_sfp_type_name(type) : "none", cage->port);
	seq_printf(s, "mod_def0 %d\nlos %d\ntx_fault %d\n", modabs, los, txf);
	seq_printf(s, "tx_disable %d\nsoft_tx_disable %d\nrate_select0 %d\n",
		   txdis, soft, rs0);
	seq_printf(s, "fault_injected %d\nlos_force %d\nlaser %s\n",
		   fault, force, laser ? "on" : "off");
	return 0;
}

static int vsw_cage_module_open(struct inode *inode, struct file *file)
{
	return single_open(file, vsw_cage_module_show, inode->i_private);
}

static ssize_t vsw_cage_module_write(struct file *file,
				     const char __user *ubuf, size_t len,
				     loff_t *ppos)
{
	struct vsw_cage *cage = ((struct seq_file *)file->private_data)->private;
	char buf[32];
	int type, ret;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (!strcmp(strim(buf), "none")) {
		type = -1;
	} else {
		type = vsw_sfp_type_by_name(strim(buf));
		if (type < 0)
			return type;
	}
	ret = vsw_cage_insert(cage, type);
	return ret ?: len;
}

static const struct file_operations vsw_cage_module_fops = {
	.owner = THIS_MODULE,
	.open = vsw_cage_module_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = vsw_cage_module_write,
};

static int vsw_cage_bool_get(struct vsw_cage *cage, bool *field, u64 *val)
{
	spin_lock_irq(&cage->m->lock);
	*val = *field;
	spin_unlock_irq(&cage->m->lock);
	return 0;
}

static int vsw_cage_bool_set(struct vsw_cage *cage, bool *field, u64 val)
{
	struct vsw_model *m = cage->m;

	if (val > 1)
		return -EINVAL;
	spin_lock_irq(&m->lock);
	*field = val;
	if (cage->port >= 0)
		vsw_link_update(m, cage->port);
	else
		vsw_cage_pins_update(cage, false);
	vsw_update_irq(m);
	spin_unlock_irq(&m->lock);
	return 0;
}

static int vsw_cage_tx_fault_get(void *data, u64 *val)
{
	struct vsw_cage *cage = data;

	return vsw_cage_bool_get(cage, &cage->tx_fault, val);
}

static int vsw_cage_tx_fault_set(void *data, u64 val)
{
	struct vsw_cage *cage = data;

	return vsw_cage_bool_set(cage, &cage->tx_fault, val);
}
DEFINE_DEBUGFS_ATTRIBUTE(vsw_cage_tx_fault_fops, vsw_cage_tx_fault_get,
			 vsw_cage_tx_fault_set, "%llu\n");

static int vsw_cage_los_force_get(void *data, u64 *val)
{
	struct vsw_cage *cage = data;

	return vsw_cage_bool_get(cage, &cage->los_force, val);
}

static int vsw_cage_los_force_set(void *data, u64 val)
{
	struct vsw_cage *cage = data;

	return vsw_cage_bool_set(cage, &cage->los_force, val);
}
DEFINE_DEBUGFS_ATTRIBUTE(vsw_cage_los_force_fops, vsw_cage_los_force_get,
			 vsw_cage_los_force_set, "%llu\n");

static int vsw_cage_los_get(void *data, u64 *val)
{
	struct vsw_cage *cage = data;

	spin_lock_irq(&cage->m->lock);
	*val = cage->driven[VSW_CAGE_LOS] > 0;
	spin_unlock_irq(&cage->m->lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(vsw_cage_los_fops, vsw_cage_los_get, NULL, "%llu\n");

/**
 * vsw_cage_debugfs_init() - a cage's debugfs files
 * @cage: the cage
 * @dir: the block's directory
 */
void vsw_cage_debugfs_init(struct vsw_cage *cage, struct dentry *dir)
{
	char name[16];
	struct dentry *d;

	snprintf(name, sizeof(name), "sfp%u", cage->index);
	d = debugfs_create_dir(name, dir);
	debugfs_create_file("module", 0644, d, cage, &vsw_cage_module_fops);
	debugfs_create_file_unsafe("tx_fault", 0644, d, cage,
				   &vsw_cage_tx_fault_fops);
	debugfs_create_file_unsafe("los_force", 0644, d, cage,
				   &vsw_cage_los_force_fops);
	debugfs_create_file_unsafe("los", 0444, d, cage, &vsw_cage_los_fops);
}
