/*
 * tests/host/fdt_builder.c: device tree blobs for the host tests, read
 * from files or built by hand (see fdt_builder.h).
 */
#include <linux/kernel.h> /* first: compiler.h before any libc header */
#include <linux/of_fdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fdt_builder.h"
#include "harness.h"

const char *fdt_blob_dir = "build/host";

/* Read a file into an exact-size allocation (ASan sees any overread). */
struct blob fdt_load_blob(const char *name)
{
	struct blob b = { NULL, 0 };
	char path[512];
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/%s", fdt_blob_dir, name);
	f = fopen(path, "rb");
	if (!f) {
		check_failed(__FILE__, __LINE__, "fopen", "cannot open %s",
			     path);
		return b;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b.data = malloc(n);
	if (fread(b.data, 1, n, f) == (size_t)n)
		b.size = n;
	fclose(f);
	return b;
}

void fb_u32(struct fdt_builder *b, u32 v)
{
	b->st[b->st_len++] = v >> 24;
	b->st[b->st_len++] = v >> 16;
	b->st[b->st_len++] = v >> 8;
	b->st[b->st_len++] = v;
}

void fb_bytes(struct fdt_builder *b, const void *p, u32 len)
{
	memcpy(b->st + b->st_len, p, len);
	b->st_len += len;
	while (b->st_len & 3)
		b->st[b->st_len++] = 0;
}

void fb_begin(struct fdt_builder *b, const char *name)
{
	fb_u32(b, 1);
	fb_bytes(b, name, strlen(name) + 1);
}

void fb_end(struct fdt_builder *b)
{
	fb_u32(b, 2);
}

u32 fb_string(struct fdt_builder *b, const char *name)
{
	u32 off = b->str_len;

	strcpy(b->str + off, name);
	b->str_len += strlen(name) + 1;
	return off;
}

void fb_prop(struct fdt_builder *b, const char *name, const void *val, u32 len)
{
	fb_u32(b, 3);
	fb_u32(b, len);
	fb_u32(b, fb_string(b, name));
	fb_bytes(b, val, len);
}

void fb_prop_str(struct fdt_builder *b, const char *name, const char *s)
{
	fb_prop(b, name, s, strlen(s) + 1);
}

/* A property of @n big-endian cells. */
void fb_prop_cells(struct fdt_builder *b, const char *name, int n, ...)
{
	u8 val[64];
	va_list args;
	int i;

	va_start(args, n);
	for (i = 0; i < n; i++) {
		u32 v = va_arg(args, u32);

		val[4 * i] = v >> 24;
		val[4 * i + 1] = v >> 16;
		val[4 * i + 2] = v >> 8;
		val[4 * i + 3] = v;
	}
	va_end(args);
	fb_prop(b, name, val, 4 * n);
}

void fdt_put_be32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

/* Header (v17), empty reservation map, structure, strings. */
struct blob fb_finish(struct fdt_builder *b)
{
	struct blob out;
	u32 off_rsv = 40, off_st = off_rsv + 16, off_str = off_st + b->st_len;

	fb_u32(b, 9); /* FDT_END */
	off_str = off_st + b->st_len;
	out.size = off_str + b->str_len;
	out.data = calloc(1, out.size);
	fdt_put_be32(out.data + 0, FDT_MAGIC);
	fdt_put_be32(out.data + 4, out.size);
	fdt_put_be32(out.data + 8, off_st);
	fdt_put_be32(out.data + 12, off_str);
	fdt_put_be32(out.data + 16, off_rsv);
	fdt_put_be32(out.data + 20, 17);
	fdt_put_be32(out.data + 24, 16);
	fdt_put_be32(out.data + 32, b->str_len);
	fdt_put_be32(out.data + 36, b->st_len);
	memcpy(out.data + off_st, b->st, b->st_len);
	memcpy(out.data + off_str, b->str, b->str_len);
	return out;
}
