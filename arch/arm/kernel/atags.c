/*
 * The ATAG boot list (Linux's arch/arm/kernel/atags_parse.c, written
 * afresh): how QEMU's vexpress boards describe RAM, the command line and
 * the initrd when no device tree is given. Also tells an ATAG list from a
 * DTB (the idea of Linux's __vet_atags in head-common.S), since r2 may
 * point at either.
 *
 * The list is untrusted input: every tag is checked to lie inside the
 * @max_size bytes the caller says are readable, sizes below the 2-word
 * header are refused, and a list longer than ATAG_MAX_TAGS is garbage.
 */
#include <linux/kernel.h>
#include <asm/setup.h>
#include <linux/of_fdt.h>
#include <string.h>

/*
 * boot_params_type - what r2 points at
 * @p must be NULL or readable for 8 bytes. A word-aligned ATAG_CORE of
 * the right size first means ATAGS; the DTB magic means a device tree.
 */
int boot_params_type(const void *p)
{
	const u32 *w = p;

	if (!p || ((uintptr_t)p & 3))
		return BOOT_PARAMS_NONE;
	if (be32_to_cpup(p) == FDT_MAGIC)
		return BOOT_PARAMS_DTB;
	if ((w[0] == ATAG_CORE_SIZE || w[0] == ATAG_CORE_SIZE_EMPTY) &&
	    w[1] == ATAG_CORE)
		return BOOT_PARAMS_ATAGS;
	return BOOT_PARAMS_NONE;
}

static void parse_tag_mem32(const struct tag_mem32 *mem, struct boot_info *bi)
{
	if (!mem->size)
		return;
	if (bi->nr_banks == NR_BANKS) {
		boot_info_error(bi,
				"ATAGS: more than %d memory banks, ignoring "
				"0x%08x+0x%08x",
				NR_BANKS, mem->start, mem->size);
		return;
	}
	bi->bank[bi->nr_banks].start = mem->start;
	bi->bank[bi->nr_banks].size = mem->size;
	bi->nr_banks++;
}

/* The string may fill its tag without a NUL: never read past @bytes. */
static void parse_tag_cmdline(const char *s, size_t bytes, struct boot_info *bi)
{
	size_t len = strnlen(s, bytes);

	if (len >= sizeof(bi->cmdline)) {
		boot_info_error(
			bi,
			"ATAGS: command line longer than %d bytes, truncated",
			COMMAND_LINE_SIZE - 1);
		len = sizeof(bi->cmdline) - 1;
	}
	memcpy(bi->cmdline, s, len);
	bi->cmdline[len] = '\0';
}

static void parse_tag_initrd2(const struct tag_initrd *t, struct boot_info *bi)
{
	u64 end = (u64)t->start + t->size;

	if (!t->size || end > 0x100000000ULL) {
		boot_info_error(bi, "ATAGS: bad initrd 0x%08x+0x%08x, ignored",
				t->start, t->size);
		return;
	}
	bi->initrd_start = t->start;
	bi->initrd_end = end;
}

/*
 * Handle one tag whose @words (header included) are known to be readable.
 * Returns false if the tag is malformed.
 */
static bool parse_tag(const struct tag_header *hdr, u32 words,
		      struct boot_info *bi)
{
	const void *body = hdr + 1;
	size_t body_bytes = (words - 2) * sizeof(u32);

	switch (hdr->tag) {
	case ATAG_MEM:
		if (body_bytes < sizeof(struct tag_mem32))
			return false;
		parse_tag_mem32(body, bi);
		break;
	case ATAG_CMDLINE:
		parse_tag_cmdline(body, body_bytes, bi);
		break;
	case ATAG_INITRD2:
		if (body_bytes < sizeof(struct tag_initrd))
			return false;
		parse_tag_initrd2(body, bi);
		break;
	default: /* ATAG_CORE's flags, unknown tags: nothing we use */
		break;
	}
	return true;
}

/*
 * parse_atags - fill @bi's memory, command line and initrd from an ATAG list
 * @tags must be word-aligned; at most @max_size bytes from it are read.
 * *@bi is reset first and its source set to "ATAGS"; devices and model come
 * from a machine record (machine_fill_devices()), not from the list.
 * Returns 0 if the list is well formed and gave at least one memory bank;
 * otherwise -1 with @bi->error saying what was wrong (what was read before
 * the problem, such as the command line, stays filled in). As with
 * early_init_dt_scan(), @bi->error may be set with a 0 return for a
 * problem that was worked around.
 */
int parse_atags(const void *tags, size_t max_size, struct boot_info *bi)
{
	const u8 *p = tags;
	size_t left = max_size;
	unsigned int n;

	memset(bi, 0, sizeof(*bi));
	bi->source = "ATAGS";
	if (max_size < ATAG_CORE_SIZE_EMPTY * sizeof(u32) ||
	    boot_params_type(tags) != BOOT_PARAMS_ATAGS) {
		boot_info_error(bi,
				"ATAGS: list does not start with ATAG_CORE");
		return -1;
	}

	for (n = 0; n < ATAG_MAX_TAGS; n++) {
		const struct tag_header *hdr = (const void *)p;
		u32 words;

		if (left < sizeof(*hdr)) {
			boot_info_error(bi,
					"ATAGS: list runs past %zu bytes "
					"without ATAG_NONE",
					max_size);
			return -1;
		}
		/* ATAG_NONE's size is 0 (Linux) or 2 (some loaders). */
		if (hdr->tag == ATAG_NONE)
			break;
		words = hdr->size;
		if (words < 2 || words > left / sizeof(u32)) {
			boot_info_error(bi,
					"ATAGS: tag 0x%08x at +%zu has bad "
					"size %u words",
					hdr->tag, max_size - left, words);
			return -1;
		}
		if (!parse_tag(hdr, words, bi)) {
			boot_info_error(bi,
					"ATAGS: tag 0x%08x at +%zu too short "
					"(%u words)",
					hdr->tag, max_size - left, words);
			return -1;
		}
		p += words * sizeof(u32);
		left -= words * sizeof(u32);
	}
	if (n == ATAG_MAX_TAGS) {
		boot_info_error(bi, "ATAGS: more than %d tags, list rejected",
				ATAG_MAX_TAGS);
		return -1;
	}
	if (!bi->nr_banks) {
		boot_info_error(bi, "ATAGS: no ATAG_MEM");
		return -1;
	}
	return 0;
}
