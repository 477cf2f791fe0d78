/*
 * tests/host/fdt_builder.h: device tree blobs for any host test.
 *
 * fdt_load_blob() reads a DTB (QEMU's dump or one dtc built) into an
 * exact-size allocation, so ASan sees any read past its end. The builder
 * writes a blob by hand, tag by tag, including blobs no dtc would write:
 *
 *	static struct fdt_builder b;	// large: keep it off the stack
 *
 *	memset(&b, 0, sizeof(b));
 *	fb_begin(&b, "");		// the root
 *	fb_prop_cells(&b, "#address-cells", 1, 1);
 *	fb_begin(&b, "memory");
 *	fb_prop_str(&b, "device_type", "memory");
 *	fb_prop_cells(&b, "reg", 2, 0x40000000, 0x1000000);
 *	fb_end(&b);
 *	fb_end(&b);
 *	blob = fb_finish(&b);		// v17 header; free(blob.data)
 */
#ifndef _HOST_FDT_BUILDER_H
#define _HOST_FDT_BUILDER_H

#include <linux/types.h>
#include <stddef.h>

struct blob {
	u8 *data;
	size_t size;
};

/* Where fdt_load_blob() looks (the test's first argument sets it). */
extern const char *fdt_blob_dir;

/* @name from fdt_blob_dir; size 0 (and a failed check) if unreadable. */
struct blob fdt_load_blob(const char *name);

struct fdt_builder {
	u8 st[8192]; /* structure block */
	u32 st_len;
	char str[2048]; /* strings block */
	u32 str_len;
};

/* Raw structure-block words and bytes (padded to 4), for broken blobs. */
void fb_u32(struct fdt_builder *b, u32 v);
void fb_bytes(struct fdt_builder *b, const void *p, u32 len);
/* BEGIN_NODE @name / END_NODE. */
void fb_begin(struct fdt_builder *b, const char *name);
void fb_end(struct fdt_builder *b);
/* Append @name to the strings block; its offset. */
u32 fb_string(struct fdt_builder *b, const char *name);
/* A property: raw bytes, a string, or @n big-endian cells. */
void fb_prop(struct fdt_builder *b, const char *name, const void *val, u32 len);
void fb_prop_str(struct fdt_builder *b, const char *name, const char *s);
void fb_prop_cells(struct fdt_builder *b, const char *name, int n, ...);
/* Store @v big-endian at @p. */
void fdt_put_be32(u8 *p, u32 v);
/* FDT_END, then the blob: v17 header, empty reservation map, blocks. */
struct blob fb_finish(struct fdt_builder *b);

#endif /* _HOST_FDT_BUILDER_H */
