/*
 * tests/host/fuzz_module.c: libFuzzer target for the module loader's ELF
 * parser and ARM relocator (kernel/module_elf.c, arch/arm/kernel/
 * module.c), built natively with ASan/UBSan (tests/host/module.mk).
 *
 * Each input is a .ko image. It goes through what load_module() does
 * with an image before running anything of it: module_elf_check(), the
 * layout, placing the sections in memory of the layout's size (host
 * heap standing in for the modules area), resolving symbols (a made-up
 * kernel: every name resolves to an address derived from it, except
 * names starting with 'x', which are unknown) and every relocation. Any
 * read or write outside the image or the placed memory is a crash;
 * the corpus starts from the real modules `make` builds.
 */
#include <linux/moduleloader.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

extern bool shim_quiet;

/* What the loader's allocations and module_alloc() need on the host. */
struct mem_type_bits mem_types[MT_NR_TYPES];
struct kmem_cache kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

void *__kmalloc(size_t size, gfp_t flags)
{
	return malloc(size ? size : 1);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	abort(); /* the loader never asks for a constant size */
}

void kfree(const void *p)
{
	free((void *)p);
}

void *__vmalloc_node_range(unsigned long size, unsigned long align,
			   unsigned long start, unsigned long end,
			   gfp_t gfp_mask, pgprot_t prot, const void *caller)
{
	abort(); /* module_alloc() is not on the fuzzed path */
}

void vfree(const void *addr)
{
	abort();
}

static unsigned long fake_resolve(struct load_info *info, const char *name,
				  int *err)
{
	unsigned long h = 0xc0008000;

	if (name[0] == 'x') {
		*err = -ENOENT;
		return 0;
	}
	for (const char *p = name; *p; p++)
		h = h * 31 + (unsigned char)*p;
	*err = 0;
	return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct load_info info = { .name = "fuzz", .image = data, .len = size };
	u8 *core = NULL, *init = NULL;

	shim_quiet = true;
	if (module_elf_check(&info) || module_elf_layout(&info))
		goto out;
	module_elf_get_modinfo(&info, "vermagic");
	module_elf_get_modinfo(&info, "license");
	core = aligned_alloc(4096, info.core.size ? info.core.size : 4096);
	init = aligned_alloc(4096, info.init.size ? info.init.size : 4096);
	if (!core || !init)
		goto out;
	module_elf_place(&info, core, init);
	if (!module_elf_simplify_symbols(&info, fake_resolve))
		module_elf_relocate(&info);
out:
	free(core);
	free(init);
	module_elf_free(&info);
	return 0;
}
