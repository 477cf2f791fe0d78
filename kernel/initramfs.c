/*
 * kernel/initramfs.c: unpack the initrd, a cpio "newc" archive (Linux's
 * init/initramfs.c reads the same format; scripts/mkinitramfs.py writes
 * it), into a table of files.
 *
 * Each entry is a 110-byte ASCII header ("070701" and 13 fields of 8 hex
 * digits: inode, mode, uid, gid, nlink, mtime, filesize, devmajor,
 * devminor, rdevmajor, rdevminor, namesize, check), the name with its
 * NUL, padding to 4 bytes, the data, padding to 4 bytes; "TRAILER!!!"
 * ends the archive. Regular files are listed in place: nothing is
 * copied, and the initrd stays reserved (arch/arm/mm/initrd.c) for as
 * long as the kernel runs. Every field is checked against the archive's
 * end before use; a bad archive stops the unpacking with Linux's
 * "Initramfs unpacking failed" line and keeps what came before it.
 */
#include <asm/layout.h>
#include <asm/memory.h>
#include <asm/setup.h>
#include <linux/errno.h>
#include <linux/initramfs.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <string.h>

#define NEWC_HDR_LEN 110
#define S_IFMT 0170000
#define S_IFREG 0100000

static struct initramfs_file files[INITRAMFS_MAX_FILES];
static unsigned int nr_files;

/* Field i (0-12) of a newc header: 8 hex digits; false if not hex. */
static bool newc_field(const char *hdr, int i, unsigned long *val)
{
	unsigned long v = 0;

	for (int k = 0; k < 8; k++) {
		char c = hdr[6 + 8 * i + k];
		int d = c >= '0' && c <= '9' ? c - '0' :
			c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			c >= 'A' && c <= 'F' ? c - 'A' + 10 :
					       -1;

		if (d < 0)
			return false;
		v = v << 4 | (unsigned long)d;
	}
	*val = v;
	return true;
}

static int unpack_error(const char *why)
{
	pr_err("Initramfs unpacking failed: %s\n", why);
	return -EINVAL;
}

int unpack_initramfs(const void *buf, unsigned long len)
{
	const char *p = buf;
	unsigned long pos = 0;

	nr_files = 0;
	for (;;) {
		unsigned long mode, filesize, namesize, data;
		const char *hdr = p + pos, *name;

		if (len - pos < NEWC_HDR_LEN)
			return unpack_error("truncated archive (no trailer)");
		if (memcmp(hdr, "070701", 6) && memcmp(hdr, "070702", 6))
			return unpack_error("no cpio magic");
		if (!newc_field(hdr, 1, &mode) ||
		    !newc_field(hdr, 6, &filesize) ||
		    !newc_field(hdr, 11, &namesize))
			return unpack_error("bad header field");
		name = hdr + NEWC_HDR_LEN;
		if (!namesize || namesize > len - pos - NEWC_HDR_LEN ||
		    name[namesize - 1] != '\0')
			return unpack_error("bad file name");
		data = ALIGN(pos + NEWC_HDR_LEN + namesize, 4);
		if (!strcmp(name, "TRAILER!!!"))
			return 0;
		if (data > len || filesize > len - data)
			return unpack_error("truncated file data");
		if ((mode & S_IFMT) == S_IFREG) {
			if (nr_files == INITRAMFS_MAX_FILES)
				return unpack_error("too many files");
			files[nr_files++] = (struct initramfs_file){
				.name = name[0] == '/' ? name + 1 : name,
				.data = p + data,
				.size = filesize,
			};
		}
		pos = ALIGN(data + filesize, 4);
		if (pos > len)
			return unpack_error("truncated file data");
	}
}

void populate_rootfs(void)
{
	phys_addr_t end = phys_initrd_start + phys_initrd_size;

	if (!phys_initrd_size)
		return;
	/* QEMU loads the initrd low; it must have a linear address. */
	if (end > arm_lowmem_limit || end < phys_initrd_start) {
		pr_err("Initramfs unpacking failed: initrd %#08x+%#lx is not "
		       "in lowmem\n",
		       phys_initrd_start, phys_initrd_size);
		return;
	}
	pr_info("Trying to unpack rootfs image as initramfs...\n");
	if (!unpack_initramfs(__va(phys_initrd_start), phys_initrd_size))
		pr_info("initramfs: %u files\n", nr_files);
}

const struct initramfs_file *initramfs_lookup(const char *path)
{
	while (*path == '/')
		path++;
	for (unsigned int i = 0; i < nr_files; i++)
		if (!strcmp(files[i].name, path))
			return &files[i];
	return NULL;
}

const struct initramfs_file *initramfs_find_module(const char *name)
{
	size_t n = strlen(name);

	for (unsigned int i = 0; i < nr_files; i++) {
		const char *f = files[i].name, *base = strrchr(f, '/');

		base = base ? base + 1 : f;
		if (!strncmp(base, name, n) && !strcmp(base + n, ".ko"))
			return &files[i];
	}
	return NULL;
}

unsigned int initramfs_nr_files(void)
{
	return nr_files;
}
