/*
 * A small, defensive reader for flattened device trees (DTB, format
 * versions 16 and 17), with the names of Linux's include/linux/of_fdt.h.
 *
 * Every read is bounds-checked against the header's block sizes: a corrupt
 * or truncated blob gives a negative FDT_ERR_* code (fdt_strerror() names
 * it), never an access outside the blob, never an endless loop. The blob
 * may sit at any alignment and is never written.
 *
 * A node is named by its offset in the structure block (0 is the root).
 * All accessors except fdt_check_header() trust the header's totalsize, so
 * a blob must pass fdt_check_header() against the real buffer size before
 * anything else is called on it; early_init_dt_scan() (asm/setup.h) does
 * that for the boot path.
 */
#ifndef _LINUX_OF_FDT_H
#define _LINUX_OF_FDT_H

#include <linux/types.h>

typedef u32 __be32;

#define FDT_MAGIC 0xd00dfeed
#define FDT_MAX_DEPTH 32 /* deeper trees are rejected */

/* Linux's defaults when the root has no #address-cells/#size-cells. */
#define OF_ROOT_NODE_ADDR_CELLS_DEFAULT 1
#define OF_ROOT_NODE_SIZE_CELLS_DEFAULT 1

/* Errors, returned negated. */
#define FDT_ERR_NOTFOUND 1  /* no such node or property */
#define FDT_ERR_TRUNCATED 2 /* structure runs past its block */
#define FDT_ERR_BADMAGIC 3
#define FDT_ERR_BADVERSION 4
#define FDT_ERR_BADLAYOUT 5    /* blocks outside the blob, misaligned */
#define FDT_ERR_BADSTRUCTURE 6 /* bad tag, nesting or name */
#define FDT_ERR_BADOFFSET 7    /* not the offset of a node */
#define FDT_ERR_BADNCELLS 8    /* #address-cells/#size-cells unusable */
#define FDT_ERR_BADVALUE 9     /* property of the wrong size */
#define FDT_ERR_BADPATH 10
#define FDT_ERR_TOODEEP 11	 /* nesting beyond FDT_MAX_DEPTH */
#define FDT_ERR_NOTRANSLATION 12 /* reg not reachable through ranges */
#define FDT_ERR_MAX 12

const char *fdt_strerror(int err);

/*
 * fdt_check_header - validate the header of a blob held in @max_size bytes
 * Checks the magic, version 16/17 compatibility, totalsize <= @max_size and
 * that every block lies inside totalsize with the structure block 4-byte
 * aligned. Returns 0 or a negative FDT_ERR_*.
 */
int fdt_check_header(const void *blob, size_t max_size);

/*
 * fdt_check_full - fdt_check_header() plus one pass over the whole
 * structure block: known tags, balanced nesting no deeper than
 * FDT_MAX_DEPTH, names and property names terminated inside their blocks,
 * a single root and a final FDT_END. Returns 0 or a negative FDT_ERR_*.
 */
int fdt_check_full(const void *blob, size_t max_size);

/*
 * of_scan_flat_dt - call @it for every node, depth first, root first
 * The root has depth 0 and uname "". Scanning stops at the first non-zero
 * value @it returns, which is returned. Returns 0 once every node has been
 * seen, or a negative FDT_ERR_* (before any call of @it) if the structure
 * is corrupt.
 */
int of_scan_flat_dt(const void *blob,
		    int (*it)(const void *blob, int node, const char *uname,
			      int depth, void *data),
		    void *data);

static inline int of_get_flat_dt_root(void)
{
	return 0;
}

/*
 * of_get_flat_dt_prop - find property @name of @node
 * Returns a pointer to its value (inside the blob, any alignment) and its
 * length through @len (if @len), or NULL if the node has no such property
 * or @node is not a node offset.
 */
const void *of_get_flat_dt_prop(const void *blob, int node, const char *name,
				int *len);

/* The node's name ("" for the root), or NULL if @node is not a node. */
const char *of_get_flat_dt_name(const void *blob, int node);

/* True if the "compatible" string list of @node contains @compat. */
bool of_flat_dt_is_compatible(const void *blob, int node, const char *compat);

/*
 * True unless the node's "status" says otherwise ("okay"/"ok" or no status
 * mean available), as Linux's of_fdt_device_is_available().
 */
bool of_flat_dt_is_available(const void *blob, int node);

/*
 * of_get_flat_dt_subnode_by_name - direct child of @node called @uname
 * @uname without '@' also matches "uname@unit". Returns the child's
 * offset or a negative FDT_ERR_*.
 */
int of_get_flat_dt_subnode_by_name(const void *blob, int node,
				   const char *uname);

/*
 * of_flat_dt_path_offset - node at @path (first @len characters)
 * "/a/b@1" from the root, or an alias ("serial0", resolved through
 * /aliases) optionally followed by "/more/path". Returns an offset or a
 * negative FDT_ERR_*.
 */
int of_flat_dt_path_offset(const void *blob, const char *path, size_t len);

/*
 * of_flat_dt_cells - the #address-cells and #size-cells @node gives its
 * children's reg. As in Linux, a node without them inherits its parent's,
 * and the root defaults to OF_ROOT_NODE_{ADDR,SIZE}_CELLS_DEFAULT. Either
 * output may be NULL. Returns 0 or a negative FDT_ERR_*.
 */
int of_flat_dt_cells(const void *blob, int node, int *addr_cells,
		     int *size_cells);

/*
 * of_flat_dt_translate_reg - entry @index of @node's "reg" as a CPU address
 * Reads the entry with the parent's cells and translates the address up
 * through every ancestor bus's "ranges" (an empty "ranges" is 1:1; a
 * missing one makes the address untranslatable). Returns 0, filling
 * *@addr and *@size (either may be NULL), or a negative FDT_ERR_*:
 * NOTFOUND when there is no entry @index.
 */
int of_flat_dt_translate_reg(const void *blob, int node, int index, u64 *addr,
			     u64 *size);

/*
 * ---- The boot scan's node, for the init functions of the match tables ----
 *
 * early_init_dt_scan() (asm/setup.h) walks the tree once and hands each
 * available device node to the driver that declared its compatible string
 * (linux/of.h); these read that node. They are valid only during the call.
 */
struct of_scan;

/* The node's name, such as "pl011@9000000". */
const char *of_scan_node_name(const struct of_scan *sc);

/* Is this the node /chosen/stdout-path (or linux,stdout-path) names? */
bool of_scan_node_is_stdout(const struct of_scan *sc);

/*
 * of_scan_get_prop - property @name of the node, as of_get_flat_dt_prop()
 * The properties the walk gathers anyway ("compatible", "reg",
 * "interrupts" and the like) cost nothing; others are searched for.
 */
const void *of_scan_get_prop(const struct of_scan *sc, const char *name,
			     int *len);

/*
 * of_scan_reg - entry @index of the node's "reg" as a CPU address, as
 * of_flat_dt_translate_reg(). On failure records why in the boot
 * information's error, naming the node, and returns false.
 */
bool of_scan_reg(const struct of_scan *sc, int index, u64 *addr, u64 *size);

/* Big-endian 32-bit cell to CPU order; @p may be unaligned. */
static inline u32 be32_to_cpup(const __be32 *p)
{
	const u8 *b = (const u8 *)p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

/*
 * of_read_number - @size big-endian cells as one number
 * As in Linux, cells beyond the last two shift out.
 */
static inline u64 of_read_number(const __be32 *cell, int size)
{
	u64 r = 0;

	while (size-- > 0)
		r = (r << 32) | be32_to_cpup(cell++);
	return r;
}

#endif /* _LINUX_OF_FDT_H */
