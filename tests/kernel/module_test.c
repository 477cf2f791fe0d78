/*
 * tests/kernel/module_test.c: suite "module", the loader
 * (kernel/module.c) with the out-of-tree test modules of tests/modules/
 * and hand-made bad images.
 *
 * Good modules: memory from the modules area only, text read-only and
 * executable, data never executable, exports resolved across modules
 * with the dependency recorded (rmmod of a module in use refused),
 * symbols in oops backtraces. Bad ones, each refused with its one line
 * and with everything given back (pages, module and vmalloc areas, the
 * module list): a truncated file, wrong ELF class or machine, a section
 * table outside the file, a relocation naming a symbol that does not
 * exist, an unknown relocation type, an undefined symbol, a GPL-only
 * symbol from a proprietary module, a second module of the same name, a
 * module the initramfs lacks, a branch out of range, a wrong version
 * magic. The bad images are a good one (oot_hello.ko) with bytes
 * patched here, so each differs from a loadable module in one place.
 */
#include <asm/elf.h>
#include <asm/memory.h>
#include <asm/set_memory.h>
#include <kunit/test.h>
#include <linux/elf.h>
#include <linux/gfp.h>
#include <linux/initramfs.h>
#include <linux/module.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <string.h>

#include "module_test.h"

/* ---- helpers (module_test.h) ---- */

void mod_snapshot_take(struct mod_snapshot *s)
{
	s->free_pages = nr_free_pages();
	s->module_areas = vm_area_count(MODULES_VADDR, MODULES_END);
	s->vmalloc_areas = vm_area_count(VMALLOC_START, VMALLOC_END);
	s->nr_modules = nr_modules();
}

void mod_snapshot_expect_same(struct kunit *test,
			      const struct mod_snapshot *before)
{
	struct mod_snapshot now;

	mod_snapshot_take(&now);
	KUNIT_EXPECT_EQ(test, now.free_pages, before->free_pages);
	KUNIT_EXPECT_EQ(test, now.module_areas, before->module_areas);
	KUNIT_EXPECT_EQ(test, now.vmalloc_areas, before->vmalloc_areas);
	KUNIT_EXPECT_EQ(test, now.nr_modules, before->nr_modules);
}

const char *mod_log_since(unsigned int pos)
{
	static char buf[8192];

	log_buf_copy(pos, buf, sizeof(buf));
	return buf;
}

/* Pages [a, a + size): all mapped as writable/exec say. */
static bool pages_are(unsigned long a, unsigned long size, bool w, bool x)
{
	for (unsigned long p = a; p < a + size; p += PAGE_SIZE) {
		bool pw, px;

		if (!kernel_page_is(p, &pw, &px) || pw != w || px != x)
			return false;
	}
	return true;
}

bool mod_available(struct kunit *test, const char *name)
{
	if (initramfs_find_module(name))
		return true;
	kunit_skip(test, "no modules: the boot had no initramfs from make");
	return false;
}

struct module *mod_load_checked(struct kunit *test, const char *name)
{
	struct module *mod;
	unsigned long base, l;
	int err = request_module_load(name);

	KUNIT_EXPECT_EQ(test, err, 0);
	mod = find_module(name);
	KUNIT_EXPECT_NOT_NULL(test, mod);
	if (err || !mod)
		return NULL;
	base = (unsigned long)mod->core_layout.base;
	l = mod->core_layout.size;
	KUNIT_EXPECT_TRUE(test,
			  base >= MODULES_VADDR && base + l <= MODULES_END);
	KUNIT_EXPECT_EQ(test, mod->state, MODULE_STATE_LIVE);
	KUNIT_EXPECT_NULL(test, mod->init_layout.base); /* freed */
	/* Its own code (exit) is in its text, in the modules area. */
	if (mod->exit)
		KUNIT_EXPECT_TRUE(test, (unsigned long)mod->exit - base <
						mod->core_layout.text_size);
	KUNIT_EXPECT_TRUE(test,
			  pages_are(base, mod->core_layout.text_size, 0, 1));
	KUNIT_EXPECT_TRUE(test, pages_are(base + mod->core_layout.text_size,
					  mod->core_layout.ro_size -
						  mod->core_layout.text_size,
					  0, 0));
	KUNIT_EXPECT_TRUE(test, pages_are(base + mod->core_layout.ro_size,
					  l - mod->core_layout.ro_size, 1, 0));
	kunit_info(test, "%s at %#lx, %lu bytes (text %u)", name, base, l,
		   mod->core_layout.text_size);
	return mod;
}

/* Load and unload oot_hello once, so the slab caches the loader's
 * kmallocs use hold their slabs before a case counts free pages. */
static void warm_up(struct kunit *test)
{
	if (request_module_load("oot_hello") == 0)
		delete_module("oot_hello");
}

/* ---- good modules ---- */

static void write_word(void *p)
{
	*(volatile u32 *)p = 0;
}

static void module_load_unload_gives_back(struct kunit *test)
{
	struct mod_snapshot before;
	struct module *mod;
	unsigned long text;
	pte_t *ptep;

	if (!mod_available(test, "oot_hello"))
		return;
	warm_up(test);
	mod_snapshot_take(&before);
	mod = mod_load_checked(test, "oot_hello");
	KUNIT_ASSERT_NOT_NULL(test, mod);
	/* It holds a vmalloc page and module memory while loaded. */
	KUNIT_EXPECT_EQ(test, vm_area_count(MODULES_VADDR, MODULES_END),
			before.module_areas + 1);
	KUNIT_EXPECT_EQ(test, vm_area_count(VMALLOC_START, VMALLOC_END),
			before.vmalloc_areas + 1);
	KUNIT_EXPECT_TRUE(test, mod->taints & (1UL << TAINT_OOT_MODULE));
	KUNIT_EXPECT_TRUE(test, test_taint(TAINT_OOT_MODULE));
	/* Text is read-only: a write faults. */
	text = (unsigned long)mod->core_layout.base;
	KUNIT_EXPECT_TRUE(test,
			  kunit_expect_fault(write_word, (void *)text, NULL));
	KUNIT_EXPECT_EQ(test, delete_module("oot_hello"), 0);
	mod_snapshot_expect_same(test, &before);
	/* Its memory is unmapped. */
	ptep = virt_to_kpte(text);
	KUNIT_EXPECT_TRUE(test, !ptep || pte_none(*ptep));
}

static void module_dependencies(struct kunit *test)
{
	struct mod_snapshot before;
	struct module *hello, *user;
	unsigned int pos;
	const char *log;

	if (!mod_available(test, "oot_user"))
		return;
	warm_up(test);
	mod_snapshot_take(&before);
	hello = mod_load_checked(test, "oot_hello");
	user = mod_load_checked(test, "oot_user");
	KUNIT_ASSERT_NOT_NULL(test, hello);
	KUNIT_ASSERT_NOT_NULL(test, user);
	KUNIT_EXPECT_EQ(test, module_refcount(hello), 1);
	KUNIT_EXPECT_EQ(test, module_refcount(user), 0);
	pos = log_buf_pos();
	show_modules();
	log = mod_log_since(pos);
	KUNIT_EXPECT_TRUE(test, strstr(log, "oot_hello ") &&
					strstr(log, " 1 oot_user, Live 0xbf"));
	KUNIT_EXPECT_TRUE(test, strstr(log, "oot_user ") &&
					strstr(log, " 0 - Live 0xbf"));
	KUNIT_EXPECT_TRUE(test, strstr(log, " (O)\n"));
	/* oot_hello is in use by oot_user: refused, nothing changes. */
	pos = log_buf_pos();
	KUNIT_EXPECT_EQ(test, delete_module("oot_hello"), -EWOULDBLOCK);
	KUNIT_EXPECT_TRUE(test,
			  strstr(mod_log_since(pos),
				 "Module oot_hello is in use by: oot_user"));
	KUNIT_EXPECT_NOT_NULL(test, find_module("oot_hello"));
	KUNIT_EXPECT_EQ(test, delete_module("oot_user"), 0);
	KUNIT_EXPECT_EQ(test, module_refcount(hello), 0);
	KUNIT_EXPECT_EQ(test, delete_module("oot_hello"), 0);
	KUNIT_EXPECT_EQ(test, delete_module("oot_hello"), -ENOENT);
	mod_snapshot_expect_same(test, &before);
}

static void module_symbol_get_holds_a_reference(struct kunit *test)
{
	int (*add)(int, int);

	if (!mod_available(test, "oot_hello"))
		return;
	KUNIT_ASSERT_NOT_NULL(test, mod_load_checked(test, "oot_hello"));
	add = __symbol_get("oot_hello_add");
	KUNIT_ASSERT_NOT_NULL(test, add);
	KUNIT_EXPECT_TRUE(test, is_module_text_address((unsigned long)add));
	KUNIT_EXPECT_EQ(test, add(40, 2), 42);
	KUNIT_EXPECT_EQ(test, delete_module("oot_hello"), -EWOULDBLOCK);
	__symbol_put("oot_hello_add");
	KUNIT_EXPECT_EQ(test, delete_module("oot_hello"), 0);
	KUNIT_EXPECT_NULL(test, __symbol_get("oot_hello_add"));
}

static void module_oops_names_module_symbols(struct kunit *test)
{
	void (*bug)(void *);
	unsigned int pos;
	const char *log;
	char sym[96];

	if (!mod_available(test, "oops_test"))
		return;
	KUNIT_ASSERT_NOT_NULL(test, mod_load_checked(test, "oops_test"));
	bug = __symbol_get("oops_test_bug");
	KUNIT_ASSERT_NOT_NULL(test, bug);
	pos = log_buf_pos();
	kunit_expect_report(test, "BUG", "BUG() in module oops_test");
	KUNIT_EXPECT_TRUE(test, kunit_expect_bug(bug, NULL));
	log = mod_log_since(pos);
	KUNIT_EXPECT_TRUE(test, strstr(log, "Modules linked in:") &&
					strstr(log, " oops_test(O)"));
	/*
	 * The frame's return address is in module text, named with the
	 * module (BUG() is the function's last call, so the address after
	 * it may be the next function's, as for kernel code).
	 */
	KUNIT_EXPECT_TRUE(test, strstr(log, "(__bug) from [<bf"));
	KUNIT_EXPECT_TRUE(test, strstr(log, " [oops_test])"));
	/* %pS of a module function: its name, offset, size and module. */
	snprintf(sym, sizeof(sym), "%pS", bug);
	KUNIT_EXPECT_TRUE_MSG(test, !strncmp(sym, "oops_test_bug+0x0/0x", 20),
			      "%s", sym);
	KUNIT_EXPECT_TRUE_MSG(test, strstr(sym, " [oops_test]"), "%s", sym);
	KUNIT_EXPECT_TRUE(test, strstr(log, "Tainted: G           O"));
	__symbol_put("oops_test_bug");
	KUNIT_EXPECT_EQ(test, delete_module("oops_test"), 0);
}

/* ---- bad input ---- */

/* A copy of a module from the initramfs, to patch. */
static u8 *image_copy(struct kunit *test, const char *name, unsigned long *len)
{
	const struct initramfs_file *f = initramfs_find_module(name);
	u8 *p;

	KUNIT_ASSERT_NOT_NULL(test, f);
	p = vmalloc(f->size);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memcpy(p, f->data, f->size);
	*len = f->size;
	return p;
}

static Elf32_Shdr *shdr(u8 *img, unsigned int i)
{
	Elf32_Ehdr *h = (Elf32_Ehdr *)img;

	return (Elf32_Shdr *)(img + h->e_shoff) + i;
}

/*
 * The first relocation entry of a REL section applying to an allocated
 * section with the given type (any if type < 0); NULL if none.
 */
static Elf32_Rel *find_rel(u8 *img, int type)
{
	Elf32_Ehdr *h = (Elf32_Ehdr *)img;

	for (unsigned int i = 1; i < h->e_shnum; i++) {
		Elf32_Shdr *s = shdr(img, i);

		if (s->sh_type != SHT_REL ||
		    !(shdr(img, s->sh_info)->sh_flags & SHF_ALLOC))
			continue;
		for (unsigned int k = 0; k < s->sh_size / sizeof(Elf32_Rel);
		     k++) {
			Elf32_Rel *r = (Elf32_Rel *)(img + s->sh_offset) + k;

			if (type < 0 || ELF32_R_TYPE(r->r_info) == (u32)type)
				return r;
		}
	}
	return NULL;
}

static Elf32_Sym *symbol(u8 *img, unsigned int idx)
{
	Elf32_Ehdr *h = (Elf32_Ehdr *)img;

	for (unsigned int i = 1; i < h->e_shnum; i++)
		if (shdr(img, i)->sh_type == SHT_SYMTAB)
			return (Elf32_Sym *)(img + shdr(img, i)->sh_offset) +
			       idx;
	return NULL;
}

static unsigned int nr_symbols(u8 *img)
{
	Elf32_Ehdr *h = (Elf32_Ehdr *)img;

	for (unsigned int i = 1; i < h->e_shnum; i++)
		if (shdr(img, i)->sh_type == SHT_SYMTAB)
			return shdr(img, i)->sh_size / sizeof(Elf32_Sym);
	return 0;
}

/*
 * Load img (len bytes): expect err and a line containing msg, and that
 * everything the attempt took was given back.
 */
static void expect_refused(struct kunit *test, const void *img,
			   unsigned long len, int err, const char *msg)
{
	struct mod_snapshot before;
	unsigned int pos;

	mod_snapshot_take(&before);
	pos = log_buf_pos();
	KUNIT_EXPECT_EQ(test, load_module(img, len, NULL), err);
	KUNIT_EXPECT_TRUE_MSG(test, strstr(mod_log_since(pos), msg),
			      "no line with '%s'", msg);
	mod_snapshot_expect_same(test, &before);
}

/*
 * Patch a fresh copy of oot_hello.ko with patch(), which returns the
 * length to load (or 0 if the image has nothing to patch: a failure),
 * and expect it refused with err and a line containing msg.
 */
static void expect_patched_refused(struct kunit *test,
				   unsigned long (*patch)(u8 *img,
							  unsigned long len),
				   int err, const char *msg)
{
	unsigned long len;
	u8 *img;

	if (!mod_available(test, "oot_hello"))
		return;
	warm_up(test);
	img = image_copy(test, "oot_hello", &len);
	len = patch(img, len);
	KUNIT_EXPECT_NE(test, len, 0);
	if (len)
		expect_refused(test, img, len, err, msg);
	vfree(img);
}

static unsigned long cut_40(u8 *img, unsigned long len)
{
	return 40;
}

/* The section table is at the end of the file: cut inside it. */
static unsigned long cut_in_section_table(u8 *img, unsigned long len)
{
	return ((Elf32_Ehdr *)img)->e_shoff + 100;
}

static unsigned long cut_before_section_table(u8 *img, unsigned long len)
{
	return ((Elf32_Ehdr *)img)->e_shoff - 1;
}

static void bad_truncated(struct kunit *test)
{
	expect_patched_refused(test, cut_40, -ENOEXEC,
			       "truncated: 40 bytes, less than an ELF header");
	expect_patched_refused(test, cut_in_section_table, -ENOEXEC,
			       "is outside the file");
	expect_patched_refused(test, cut_before_section_table, -ENOEXEC,
			       "is outside the file");
}

static unsigned long elfclass64(u8 *img, unsigned long len)
{
	img[EI_CLASS] = 2;
	return len;
}

static void bad_elf_class(struct kunit *test)
{
	expect_patched_refused(test, elfclass64, -ENOEXEC, "wrong ELF class 2");
}

static unsigned long em_386(u8 *img, unsigned long len)
{
	((Elf32_Ehdr *)img)->e_machine = 3;
	return len;
}

static void bad_machine(struct kunit *test)
{
	expect_patched_refused(test, em_386, -ENOEXEC,
			       "Invalid module architecture in ELF header: 3");
}

static unsigned long shoff_at_end(u8 *img, unsigned long len)
{
	((Elf32_Ehdr *)img)->e_shoff = len - 8;
	return len;
}

static unsigned long shstrndx_999(u8 *img, unsigned long len)
{
	((Elf32_Ehdr *)img)->e_shstrndx = 999;
	return len;
}

static void bad_section_table(struct kunit *test)
{
	expect_patched_refused(test, shoff_at_end, -ENOEXEC,
			       "is outside the file");
	expect_patched_refused(test, shstrndx_999, -ENOEXEC,
			       "Invalid ELF section name index: 999");
}

static unsigned long rel_sym_out_of_range(u8 *img, unsigned long len)
{
	Elf32_Rel *r = find_rel(img, -1);

	if (!r)
		return 0;
	r->r_info = ((nr_symbols(img) + 7) << 8) | ELF32_R_TYPE(r->r_info);
	return len;
}

/* A symbol naming a section that does not exist. */
static unsigned long sym_shndx_900(u8 *img, unsigned long len)
{
	symbol(img, 1)->st_shndx = 900;
	return len;
}

static void bad_symbol_index(struct kunit *test)
{
	expect_patched_refused(test, rel_sym_out_of_range, -ENOEXEC,
			       "bad relocation sym offset");
	expect_patched_refused(test, sym_shndx_900, -ENOEXEC,
			       "section index 900 out of range");
}

static unsigned long call_to_thm_call(u8 *img, unsigned long len)
{
	Elf32_Rel *r = find_rel(img, R_ARM_CALL);

	if (!r)
		return 0;
	r->r_info = (r->r_info & ~0xffu) | R_ARM_THM_CALL;
	return len;
}

static void bad_relocation_type(struct kunit *test)
{
	expect_patched_refused(test, call_to_thm_call, -ENOEXEC,
			       "unknown relocation: 10");
}

/* A BL whose target is 0x10000000: 2.9 GB away, far beyond +-32 MB. */
static unsigned long call_far_away(u8 *img, unsigned long len)
{
	Elf32_Rel *r = find_rel(img, R_ARM_CALL);
	Elf32_Sym *sym = r ? symbol(img, ELF32_R_SYM(r->r_info)) : NULL;

	if (!sym)
		return 0;
	sym->st_shndx = SHN_ABS;
	sym->st_value = 0x10000000;
	return len;
}

static void bad_branch_out_of_range(struct kunit *test)
{
	expect_patched_refused(test, call_far_away, -ENOEXEC,
			       "R_ARM_CALL 28 out of range");
}

static unsigned long vermagic_9(u8 *img, unsigned long len)
{
	for (unsigned long i = 0; i + 9 < len; i++)
		if (!memcmp(img + i, "vermagic=", 9)) {
			img[i + 9] = '9';
			return len;
		}
	return 0;
}

static void bad_vermagic(struct kunit *test)
{
	expect_patched_refused(test, vermagic_9, -ENOEXEC, "version magic '9");
}

static void bad_unknown_symbol(struct kunit *test)
{
	const struct initramfs_file *f = initramfs_find_module("bad_unknown");

	if (!mod_available(test, "bad_unknown"))
		return;
	warm_up(test);
	KUNIT_ASSERT_NOT_NULL(test, f);
	expect_refused(test, f->data, f->size, -ENOENT,
		       "bad_unknown: Unknown symbol nosuch_symbol (err -2)");
}

static void bad_gpl_only_symbol(struct kunit *test)
{
	const struct initramfs_file *f = initramfs_find_module("bad_gpl");

	if (!mod_available(test, "bad_gpl"))
		return;
	warm_up(test);
	KUNIT_ASSERT_NOT_NULL(test, f);
	expect_refused(test, f->data, f->size, -ENOENT,
		       "bad_gpl: Unknown symbol get_vm_area (err -2)");
	KUNIT_EXPECT_TRUE(test, test_taint(TAINT_PROPRIETARY_MODULE));
}

static void bad_duplicate_name(struct kunit *test)
{
	const struct initramfs_file *f = initramfs_find_module("oot_hello");

	if (!mod_available(test, "oot_hello"))
		return;
	warm_up(test);
	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_ASSERT_EQ(test, load_module(f->data, f->size, NULL), 0);
	expect_refused(test, f->data, f->size, -EEXIST,
		       "oot_hello: a module of that name is already loaded");
	KUNIT_EXPECT_EQ(test, delete_module("oot_hello"), 0);
}

static void bad_missing_module(struct kunit *test)
{
	struct mod_snapshot before;
	unsigned int pos = log_buf_pos();

	mod_snapshot_take(&before);
	KUNIT_EXPECT_EQ(test, request_module_load("nosuch"), -ENOENT);
	KUNIT_EXPECT_TRUE(test, strstr(mod_log_since(pos),
				       "nosuch.ko not found in the initramfs"));
	mod_snapshot_expect_same(test, &before);
}

static struct kunit_case module_cases[] = {
	KUNIT_CASE(module_load_unload_gives_back),
	KUNIT_CASE(module_dependencies),
	KUNIT_CASE(module_symbol_get_holds_a_reference),
	KUNIT_CASE(module_oops_names_module_symbols),
	KUNIT_CASE(bad_truncated),
	KUNIT_CASE(bad_elf_class),
	KUNIT_CASE(bad_machine),
	KUNIT_CASE(bad_section_table),
	KUNIT_CASE(bad_symbol_index),
	KUNIT_CASE(bad_relocation_type),
	KUNIT_CASE(bad_branch_out_of_range),
	KUNIT_CASE(bad_vermagic),
	KUNIT_CASE(bad_unknown_symbol),
	KUNIT_CASE(bad_gpl_only_symbol),
	KUNIT_CASE(bad_duplicate_name),
	KUNIT_CASE(bad_missing_module),
	{},
};

static struct kunit_suite module_suite = {
	.name = "module",
	.test_cases = module_cases,
};
kunit_test_suite(module_suite);
