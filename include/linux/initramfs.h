/*
 * The initramfs: the cpio "newc" archive the boot loader passes as the
 * initrd (QEMU -initrd), unpacked at boot into a small table of files
 * (kernel/initramfs.c). hikern has no file system beyond this: the
 * table points into the archive, which stays reserved, and the module
 * loader reads .ko files from it.
 */
#ifndef _LINUX_INITRAMFS_H
#define _LINUX_INITRAMFS_H

#include <linux/types.h>

#define INITRAMFS_MAX_FILES 64

struct initramfs_file {
	const char *name; /* path in the archive, no leading '/' */
	const void *data;
	unsigned long size;
};

/*
 * Unpack a newc archive of len bytes at buf into the table (replacing
 * it). 0, or -EINVAL after "Initramfs unpacking failed: <why>"; the
 * files before the fault stay listed.
 */
int unpack_initramfs(const void *buf, unsigned long len);
/* Unpack the boot loader's initrd, if any (start_kernel). */
void populate_rootfs(void);
/* The file at path, or NULL. */
const struct initramfs_file *initramfs_lookup(const char *path);
/* The file NAME.ko in any directory (module lookup), or NULL. */
const struct initramfs_file *initramfs_find_module(const char *name);
/* Number of files unpacked. */
unsigned int initramfs_nr_files(void);

#endif /* _LINUX_INITRAMFS_H */
