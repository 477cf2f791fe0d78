/*
 * kernel/module.c: loadable modules (Linux's kernel/module.c), loaded
 * from the initramfs by name (hikern.insmod= at boot, the self-tests) or
 * from an image in memory.
 *
 * load_module(): check the ELF image (kernel/module_elf.c), check its
 * .modinfo (vermagic, license: a non-GPL module taints the kernel and
 * may not use EXPORT_SYMBOL_GPL symbols; a module without intree=Y
 * taints it as out-of-tree), lay its sections out and allocate them from
 * the modules area (module_alloc(), arch/arm/kernel/module.c says why
 * that area), copy them, resolve undefined symbols against the kernel's
 * exports and those of the loaded modules (recording who uses whom),
 * relocate, make text read-only+executable and everything else
 * never-executable, run init, free the .init sections. Any failure
 * gives back everything taken so far, after one line saying why.
 *
 * delete_module(): refused while other modules use the module's symbols
 * or references are held (try_module_get); otherwise run exit, drop its
 * uses of other modules and free its memory.
 *
 * module_mutex (Linux's) serialises everything that changes the list or
 * walks it from process context: a whole load_module() from the name
 * check to the end of init (so two loaders of one name cannot both pass
 * the check: the second gets -EEXIST), delete_module() from the lookup
 * to the free, symbol_get()/symbol_put(), nr_modules() and the
 * /proc/modules listing. A mutex, not a spinlock: module init and exit
 * functions, kmalloc(GFP_KERNEL) and vmalloc may sleep. Unlike Linux,
 * which drops the mutex while init runs (the module is on the list as
 * COMING, and a second loader of that name waits for it), hikern holds
 * it across init: simpler, at the cost that an init or exit function
 * may not load, unload or symbol_get() (in the debug build that is the
 * mutex's recursion report).
 *
 * The readers that may run in any context walk the list without it: the
 * oops's "Modules linked in:" (print_modules) and the address lookups
 * behind %pS and backtraces (__module_address, module_address_lookup),
 * which run from interrupt handlers and oopses, where sleeping is not
 * allowed and the mutex may be held by the task that faulted. Linux walks
 * the list under RCU there. Here a module is unlinked (list_del, which
 * leaves the entry's next pointer valid until the memory is freed) before
 * its memory goes, so such a walk sees the list before or after; a walk
 * racing the free itself on another CPU could read freed memory, a risk
 * Linux's synchronize_rcu() before the free closes and hikern accepts for
 * reports.
 */
#include <asm/cacheflush.h>
#include <asm/memory.h>
#include <asm/set_memory.h>
#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/initramfs.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/moduleloader.h>
#include <linux/mutex.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include <linux/vermagic.h>
#include <string.h>

static LIST_HEAD(modules);
static DEFINE_MUTEX(module_mutex);

/*
 * The reference count, Linux's scheme: refcnt is MODULE_REF_BASE plus one
 * per try_module_get() user while the module can be got, and 0 once
 * delete_module() has taken the base away. try_module_get() increments
 * only a count that is not 0, and delete_module() swaps exactly the base
 * for 0, both atomically; so a get racing with an unload on another CPU
 * either comes first (the unload is refused: in use) or finds 0 and fails,
 * never a reference to a module being freed.
 */
#define MODULE_REF_BASE 1

extern const struct kernel_symbol __start___ksymtab[];
extern const struct kernel_symbol __stop___ksymtab[];
extern const struct kernel_symbol __start___ksymtab_gpl[];
extern const struct kernel_symbol __stop___ksymtab_gpl[];

static const char *const gpl_licenses[] = {
	"GPL",		"GPL v2",	"GPL and additional rights",
	"Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL",
};

static bool license_is_gpl_compatible(const char *license)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(gpl_licenses); i++)
		if (!strcmp(license, gpl_licenses[i]))
			return true;
	return false;
}

/* ---- symbol tables ---- */

/* Binary search of a table sorted by name (linker.ld, module.lds). */
static const struct kernel_symbol *
lookup_symbol(const char *name, const struct kernel_symbol *start,
	      const struct kernel_symbol *stop)
{
	size_t lo = 0, hi = stop - start;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(name, start[mid].name);

		if (!cmp)
			return &start[mid];
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/*
 * Linux's find_symbol: the kernel's exports, then each live module's.
 * *owner gets the module (NULL: the kernel), *gpl whether it is GPL-only.
 */
static const struct kernel_symbol *find_symbol(const char *name,
					       struct module **owner, bool *gpl)
{
	const struct kernel_symbol *ks;
	struct module *mod;

	*owner = NULL;
	*gpl = false;
	ks = lookup_symbol(name, __start___ksymtab, __stop___ksymtab);
	if (ks)
		return ks;
	*gpl = true;
	ks = lookup_symbol(name, __start___ksymtab_gpl, __stop___ksymtab_gpl);
	if (ks)
		return ks;
	list_for_each_entry(mod, &modules, list) {
		if (mod->state != MODULE_STATE_LIVE)
			continue;
		*owner = mod;
		*gpl = false;
		ks = lookup_symbol(name, mod->syms, mod->syms + mod->num_syms);
		if (ks)
			return ks;
		*gpl = true;
		ks = lookup_symbol(name, mod->gpl_syms,
				   mod->gpl_syms + mod->num_gpl_syms);
		if (ks)
			return ks;
	}
	*owner = NULL;
	return NULL;
}

/* ---- dependencies ---- */

static bool already_uses(struct module *a, struct module *b)
{
	struct module_use *use;

	list_for_each_entry(use, &b->source_list, source_list)
		if (use->source == a)
			return true;
	return false;
}

/* Record that a uses b (Linux's ref_module); 0 or -ENOMEM. */
static int ref_module(struct module *a, struct module *b)
{
	struct module_use *use;

	if (!b || already_uses(a, b))
		return 0;
	use = kmalloc(sizeof(*use), GFP_KERNEL);
	if (!use)
		return -ENOMEM;
	use->source = a;
	use->target = b;
	list_add(&use->source_list, &b->source_list);
	list_add(&use->target_list, &a->target_list);
	return 0;
}

/* Drop every use mod makes of other modules. */
static void module_unload_free(struct module *mod)
{
	struct module_use *use, *tmp;

	list_for_each_entry_safe(use, tmp, &mod->target_list, target_list) {
		list_del(&use->source_list);
		list_del(&use->target_list);
		kfree(use);
	}
}

/* module_elf_simplify_symbols()'s resolver. */
static unsigned long resolve_symbol(struct load_info *info, const char *name,
				    int *err)
{
	struct module *owner;
	bool gpl;
	const struct kernel_symbol *ks = find_symbol(name, &owner, &gpl);

	/* As Linux: a GPL-only symbol is invisible to a non-GPL module. */
	if (!ks || (gpl && !info->gpl_ok)) {
		*err = -ENOENT;
		return 0;
	}
	*err = ref_module(info->mod, owner);
	return ks->value;
}

/* ---- checks before loading ---- */

static int check_modinfo(struct load_info *info, bool *intree)
{
	const char *magic = module_elf_get_modinfo(info, "vermagic");
	const char *license = module_elf_get_modinfo(info, "license");
	const char *it = module_elf_get_modinfo(info, "intree");

	if (!magic) {
		pr_err("%s: no symbol version magic (not built for this "
		       "kernel)\n",
		       info->name);
		return -ENOEXEC;
	}
	if (strcmp(magic, VERMAGIC_STRING)) {
		pr_err("%s: version magic '%s' should be '%s'\n", info->name,
		       magic, VERMAGIC_STRING);
		return -ENOEXEC;
	}
	*intree = it && !strcmp(it, "Y");
	info->gpl_ok = license && license_is_gpl_compatible(license);
	return 0;
}

/*
 * Taints as Linux's check_modinfo does, before the module is even laid
 * out (so a module refused later has still tainted the kernel): out of
 * tree (said once), then a license that is not GPL-compatible. Returns
 * the module's own taint bits.
 */
static unsigned long taint_for(const struct load_info *info, bool intree)
{
	const char *license = module_elf_get_modinfo(info, "license");
	unsigned long taints = 0;

	if (!intree) {
		if (!test_taint(TAINT_OOT_MODULE))
			pr_warn("%s: loading out-of-tree module taints "
				"kernel.\n",
				info->name);
		add_taint(TAINT_OOT_MODULE);
		taints |= 1UL << TAINT_OOT_MODULE;
	}
	if (!info->gpl_ok) {
		if (!test_taint(TAINT_PROPRIETARY_MODULE))
			pr_warn("%s: module license '%s' taints kernel.\n",
				info->name, license ? license : "unspecified");
		add_taint(TAINT_PROPRIETARY_MODULE);
		taints |= 1UL << TAINT_PROPRIETARY_MODULE;
	}
	return taints;
}

/* ---- exports and kallsyms of the new module ---- */

static void find_module_exports(struct load_info *info, struct module *mod)
{
	unsigned int i = module_elf_find_sec(info, "__ksymtab");

	if (i && info->secmem[i]) {
		mod->syms = (const struct kernel_symbol *)info->secmem[i];
		mod->num_syms =
			info->sechdrs[i].sh_size / sizeof(struct kernel_symbol);
	}
	i = module_elf_find_sec(info, "__ksymtab_gpl");
	if (i && info->secmem[i]) {
		mod->gpl_syms = (const struct kernel_symbol *)info->secmem[i];
		mod->num_gpl_syms =
			info->sechdrs[i].sh_size / sizeof(struct kernel_symbol);
	}
}

/* An export already owned by the kernel or another module: refused. */
static int check_duplicate_exports(struct module *mod)
{
	const struct kernel_symbol *tabs[2] = { mod->syms, mod->gpl_syms };
	unsigned int nums[2] = { mod->num_syms, mod->num_gpl_syms };

	for (int t = 0; t < 2; t++)
		for (unsigned int i = 0; i < nums[t]; i++) {
			struct module *owner;
			bool gpl;

			if (find_symbol(tabs[t][i].name, &owner, &gpl)) {
				pr_err("%s: exports duplicate symbol %s (owned "
				       "by %s)\n",
				       mod->name, tabs[t][i].name,
				       owner ? owner->name : "kernel");
				return -ENOEXEC;
			}
		}
	return 0;
}

static int cmp_sym(const struct module_sym *a, const struct module_sym *b)
{
	return a->addr < b->addr ? -1 : a->addr > b->addr;
}

/*
 * The module's functions (STT_FUNC in loaded executable sections),
 * sorted by address, names copied after the array: one kmalloc.
 */
static int build_kallsyms(struct load_info *info, struct module *mod)
{
	unsigned int n = 0, names = 0, k = 0;
	char *strs = NULL;

	for (unsigned int pass = 0; pass < 2; pass++) {
		for (unsigned int i = 1; i < info->num_syms; i++) {
			const Elf32_Sym *s = &info->syms[i];
			const char *name = info->strtab + s->st_name;

			if (ELF_ST_TYPE(s->st_info) != STT_FUNC ||
			    s->st_shndx == SHN_ABS ||
			    s->st_shndx == SHN_UNDEF ||
			    !info->secmem[s->st_shndx] ||
			    !(info->sechdrs[s->st_shndx].sh_flags &
			      SHF_EXECINSTR))
				continue;
			if (!pass) {
				n++;
				names += strlen(name) + 1;
				continue;
			}
			mod->kallsyms[k] = (struct module_sym){
				.addr = s->st_value,
				.size = s->st_size,
				.name = strcpy(strs, name),
			};
			strs += strlen(name) + 1;
			k++;
		}
		if (pass || !n)
			break;
		mod->kallsyms =
			kmalloc(n * sizeof(*mod->kallsyms) + names, GFP_KERNEL);
		if (!mod->kallsyms)
			return -ENOMEM;
		strs = (char *)(mod->kallsyms + n);
	}
	mod->num_kallsyms = k;
	/* Insertion sort: a module has tens of functions. */
	for (unsigned int i = 1; i < k; i++)
		for (unsigned int j = i;
		     j && cmp_sym(&mod->kallsyms[j - 1], &mod->kallsyms[j]) > 0;
		     j--) {
			struct module_sym t = mod->kallsyms[j];

			mod->kallsyms[j] = mod->kallsyms[j - 1];
			mod->kallsyms[j - 1] = t;
		}
	return 0;
}

/* After init: keep only the symbols of the core text. */
static void drop_init_kallsyms(struct module *mod)
{
	unsigned int k = 0;
	unsigned long base = (unsigned long)mod->core_layout.base;

	for (unsigned int i = 0; i < mod->num_kallsyms; i++)
		if (mod->kallsyms[i].addr - base < mod->core_layout.text_size)
			mod->kallsyms[k++] = mod->kallsyms[i];
	mod->num_kallsyms = k;
}

/* ---- memory ---- */

/* Text RO+X, rodata RO (never executable), the rest stays RW+NX. */
static void module_enable_ro_x(const struct module_layout *l)
{
	unsigned long base = (unsigned long)l->base;

	if (!l->base)
		return;
	flush_icache_range(base, base + l->text_size);
	if (l->text_size) {
		set_memory_ro(base, l->text_size >> PAGE_SHIFT);
		set_memory_x(base, l->text_size >> PAGE_SHIFT);
	}
	if (l->ro_size > l->text_size)
		set_memory_ro(base + l->text_size,
			      (l->ro_size - l->text_size) >> PAGE_SHIFT);
}

static void free_layout(struct module_layout *l)
{
	if (l->base)
		module_memfree(l->base);
	l->base = NULL;
}

static int alloc_layouts(struct load_info *info)
{
	info->core.base = module_alloc(info->core.size);
	if (info->core.base && info->init.size)
		info->init.base = module_alloc(info->init.size);
	if (!info->core.base || (info->init.size && !info->init.base)) {
		pr_err("%s: no room in the modules area (0x%08lx-0x%08lx) for "
		       "%u + %u bytes\n",
		       info->name, (unsigned long)MODULES_VADDR,
		       (unsigned long)MODULES_END, info->core.size,
		       info->init.size);
		free_layout(&info->init);
		free_layout(&info->core);
		return -ENOMEM;
	}
	return 0;
}

/* ---- load ---- */

/* Run the module's init; then it is Live and its .init memory freed. */
static int do_init_module(struct module *mod)
{
	int ret = 0;

	if (mod->init)
		ret = mod->init();
	if (ret < 0) {
		pr_err("%s: module init failed: %d\n", mod->name, ret);
		return ret;
	}
	if (ret > 0) {
		pr_warn("do_init_module: '%s'->init suspiciously returned %d, "
			"it should follow 0/-E convention\n",
			mod->name, ret);
		dump_stack();
	}
	mod->state = MODULE_STATE_LIVE;
	drop_init_kallsyms(mod);
	free_layout(&mod->init_layout);
	return 0;
}

/* Everything from placing the sections to running init. */
static int load_placed_module(struct load_info *info, unsigned long taints)
{
	struct module *mod = (struct module *)info->secmem[info->index_mod];
	int err;

	info->mod = mod;
	/* Fields the kernel owns: whatever the file held there is ignored. */
	mod->state = MODULE_STATE_UNFORMED;
	mod->syms = mod->gpl_syms = NULL;
	mod->num_syms = mod->num_gpl_syms = 0;
	mod->kallsyms = NULL;
	mod->num_kallsyms = 0;
	mod->taints = taints;
	atomic_set(&mod->refcnt, MODULE_REF_BASE);
	INIT_LIST_HEAD(&mod->source_list);
	INIT_LIST_HEAD(&mod->target_list);
	mod->core_layout = info->core;
	mod->init_layout = info->init;
	mod->gpl_compatible = info->gpl_ok;
	err = module_elf_simplify_symbols(info, resolve_symbol);
	if (!err)
		err = module_elf_relocate(info);
	if (err)
		return err;
	find_module_exports(info, mod);
	err = check_duplicate_exports(mod);
	if (!err)
		err = build_kallsyms(info, mod);
	if (err)
		return err;
	module_enable_ro_x(&mod->core_layout);
	module_enable_ro_x(&mod->init_layout);
	mod->state = MODULE_STATE_COMING;
	list_add_tail(&mod->list, &modules);
	err = do_init_module(mod);
	if (err) {
		mod->state = MODULE_STATE_GOING;
		list_del(&mod->list);
	}
	return err;
}

int load_module(const void *image, unsigned long len, struct module **modp)
{
	struct load_info info = { .name = "module",
				  .image = image,
				  .len = len };
	struct module *mod;
	unsigned long taints = 0;
	bool intree = false;
	int err;

	err = module_elf_check(&info);
	if (!err)
		err = check_modinfo(&info, &intree);
	if (!err)
		taints = taint_for(&info, intree);
	if (err)
		goto out;
	mutex_lock(&module_mutex);
	if (find_module(info.name)) {
		pr_err("%s: a module of that name is already loaded "
		       "(-EEXIST)\n",
		       info.name);
		err = -EEXIST;
		goto out_unlock;
	}
	err = module_elf_layout(&info);
	if (!err)
		err = alloc_layouts(&info);
	if (err)
		goto out_unlock;
	module_elf_place(&info, info.core.base, info.init.base);
	err = load_placed_module(&info, taints);
	mod = info.mod;
	if (err) {
		/* mod lives in the core memory freed last. */
		module_unload_free(mod);
		kfree(mod->kallsyms);
		free_layout(&info.init);
		free_layout(&info.core);
	} else if (modp) {
		*modp = mod;
	}
out_unlock:
	mutex_unlock(&module_mutex);
out:
	module_elf_free(&info);
	return err;
}

int request_module_load(const char *name)
{
	const struct initramfs_file *f = initramfs_find_module(name);

	if (!f) {
		pr_err("insmod: ERROR: could not load module %s: %s.ko not "
		       "found in the initramfs (-ENOENT)\n",
		       name, name);
		return -ENOENT;
	}
	return load_module(f->data, f->size, NULL);
}

/* ---- unload ---- */

int module_refcount(struct module *mod)
{
	int n = atomic_read(&mod->refcnt) - MODULE_REF_BASE;
	struct module_use *use;

	list_for_each_entry(use, &mod->source_list, source_list)
		n++;
	return n;
}

static void free_module(struct module *mod)
{
	struct module_layout core = mod->core_layout;

	list_del(&mod->list);
	module_unload_free(mod);
	kfree(mod->kallsyms);
	free_layout(&mod->init_layout);
	free_layout(&core); /* mod itself is in there */
}

static int __delete_module(const char *name)
{
	struct module *mod = find_module(name);
	struct module_use *use;

	if (!mod) {
		pr_err("rmmod: ERROR: Module %s is not currently loaded\n",
		       name);
		return -ENOENT;
	}
	if (!list_empty(&mod->source_list)) {
		pr_err("rmmod: ERROR: Module %s is in use by:", name);
		list_for_each_entry(use, &mod->source_list, source_list)
			pr_cont(" %s", use->source->name);
		pr_cont("\n");
		return -EWOULDBLOCK;
	}
	if (mod->init && !mod->exit) {
		pr_err("rmmod: ERROR: Module %s has no exit function: it "
		       "cannot be unloaded\n",
		       name);
		return -EBUSY;
	}
	/* Linux's try_stop_module(): the base goes only if nobody else holds. */
	if (atomic_cmpxchg(&mod->refcnt, MODULE_REF_BASE, 0) !=
	    MODULE_REF_BASE) {
		pr_err("rmmod: ERROR: Module %s is in use (%d references)\n",
		       name, atomic_read(&mod->refcnt) - MODULE_REF_BASE);
		return -EWOULDBLOCK;
	}
	mod->state = MODULE_STATE_GOING;
	if (mod->exit)
		mod->exit();
	free_module(mod);
	return 0;
}

int delete_module(const char *name)
{
	int ret;

	mutex_lock(&module_mutex);
	ret = __delete_module(name);
	mutex_unlock(&module_mutex);
	return ret;
}

/* ---- lookups ---- */

/*
 * Under module_mutex (load_module, delete_module), or where no other
 * loader runs (the self-tests, which then use what it returns).
 */
struct module *find_module(const char *name)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list)
		if (!strcmp(mod->name, name))
			return mod;
	return NULL;
}

static bool within(unsigned long addr, const struct module_layout *l,
		   unsigned long size)
{
	return l->base && addr - (unsigned long)l->base < size;
}

/* Any context, without module_mutex: see the top of this file. */
struct module *__module_address(unsigned long addr)
{
	struct module *mod;

	if (addr < MODULES_VADDR || addr >= MODULES_END)
		return NULL;
	list_for_each_entry(mod, &modules, list)
		if (within(addr, &mod->core_layout, mod->core_layout.size) ||
		    within(addr, &mod->init_layout, mod->init_layout.size))
			return mod;
	return NULL;
}

bool is_module_address(unsigned long addr)
{
	return __module_address(addr) != NULL;
}

bool is_module_text_address(unsigned long addr)
{
	struct module *mod = __module_address(addr);

	return mod &&
	       (within(addr, &mod->core_layout, mod->core_layout.text_size) ||
		within(addr, &mod->init_layout, mod->init_layout.text_size));
}

const char *module_address_lookup(unsigned long addr, unsigned long *symbolsize,
				  unsigned long *offset, const char **modname)
{
	struct module *mod = __module_address(addr);
	const struct module_sym *best = NULL;
	unsigned long end;

	if (!mod || !is_module_text_address(addr))
		return NULL;
	for (unsigned int i = 0; i < mod->num_kallsyms; i++)
		if (mod->kallsyms[i].addr <= addr)
			best = &mod->kallsyms[i];
	if (!best)
		return NULL;
	end = best->size ? best->addr + best->size : addr + 1;
	if (best + 1 < mod->kallsyms + mod->num_kallsyms &&
	    (!best->size || best[1].addr < end))
		end = best[1].addr;
	if (addr >= end)
		return NULL;
	if (symbolsize)
		*symbolsize = end - best->addr;
	if (offset)
		*offset = addr - best->addr;
	if (modname)
		*modname = mod->name;
	return best->name;
}

bool try_module_get(struct module *mod)
{
	if (!mod)
		return true;
	if (mod->state != MODULE_STATE_LIVE)
		return false;
	/* 0: delete_module() took the base, the module is going. */
	return atomic_inc_not_zero(&mod->refcnt);
}

void module_put(struct module *mod)
{
	/* A put without its get: reported (Linux WARNs), the base kept. */
	if (mod)
		WARN_ON(!atomic_add_unless(&mod->refcnt, -1, MODULE_REF_BASE));
}

void *__symbol_get(const char *name)
{
	struct module *owner;
	bool gpl;
	const struct kernel_symbol *ks;

	mutex_lock(&module_mutex);
	ks = find_symbol(name, &owner, &gpl);
	if (ks && !try_module_get(owner))
		ks = NULL;
	mutex_unlock(&module_mutex);
	return ks ? (void *)ks->value : NULL;
}

void __symbol_put(const char *name)
{
	struct module *owner;
	bool gpl;

	mutex_lock(&module_mutex);
	if (find_symbol(name, &owner, &gpl))
		module_put(owner);
	mutex_unlock(&module_mutex);
}

static unsigned int __nr_modules(void)
{
	struct module *mod;
	unsigned int n = 0;

	list_for_each_entry(mod, &modules, list)
		n++;
	return n;
}

unsigned int nr_modules(void)
{
	unsigned int n;

	mutex_lock(&module_mutex);
	n = __nr_modules();
	mutex_unlock(&module_mutex);
	return n;
}

/* ---- listings ---- */

/* "(O)", "(PO)"... and '+'/'-' while loading/unloading, as Linux. */
static char *module_flags(struct module *mod, char *buf, bool state)
{
	int n = 0;

	if (mod->taints || (state && mod->state != MODULE_STATE_LIVE)) {
		buf[n++] = '(';
		if (mod->taints & (1UL << TAINT_PROPRIETARY_MODULE))
			buf[n++] = 'P';
		if (mod->taints & (1UL << TAINT_OOT_MODULE))
			buf[n++] = 'O';
		if (state && mod->state == MODULE_STATE_COMING)
			buf[n++] = '+';
		if (state && mod->state == MODULE_STATE_GOING)
			buf[n++] = '-';
		buf[n++] = ')';
	}
	buf[n] = '\0';
	return buf;
}

/* From oopses and WARNINGs, any context: no module_mutex (see the top). */
void print_modules(void)
{
	struct module *mod;
	char buf[8];

	printk(KERN_EMERG "Modules linked in:");
	list_for_each_entry(mod, &modules, list)
		pr_cont(" %s%s", mod->name, module_flags(mod, buf, true));
	pr_cont("\n");
}

static const char *state_name(enum module_state s)
{
	return s == MODULE_STATE_LIVE	? "Live" :
	       s == MODULE_STATE_COMING ? "Loading" :
	       s == MODULE_STATE_GOING	? "Unloading" :
					  "Unformed";
}

/* One line of /proc/modules (Linux's m_show). */
static void show_module(struct module *mod)
{
	char line[160], flags[8];
	struct module_use *use;
	size_t n;

	n = scnprintf(line, sizeof(line), "%s %u %d ", mod->name,
		      mod->core_layout.size, module_refcount(mod));
	list_for_each_entry(use, &mod->source_list, source_list)
		n += scnprintf(line + n, sizeof(line) - n, "%s,",
			       use->source->name);
	if (list_empty(&mod->source_list))
		n += scnprintf(line + n, sizeof(line) - n, "-");
	n += scnprintf(line + n, sizeof(line) - n, " %s 0x%08lx",
		       state_name(mod->state),
		       (unsigned long)mod->core_layout.base);
	module_flags(mod, flags, false);
	if (flags[0])
		scnprintf(line + n, sizeof(line) - n, " %s", flags);
	pr_info("%s\n", line);
}

void show_modules(void)
{
	struct module *mod;

	mutex_lock(&module_mutex);
	pr_info("/proc/modules (%u loaded):\n", __nr_modules());
	list_for_each_entry(mod, &modules, list)
		show_module(mod);
	mutex_unlock(&module_mutex);
}

/* ---- hikern.insmod= ---- */

static const char *boot_modules;

static int __init setup_insmod(char *str)
{
	boot_modules = str;
	return 1;
}
__setup("hikern.insmod=", setup_insmod);

void load_boot_modules(void)
{
	const char *s = boot_modules;
	char name[MODULE_NAME_LEN];
	size_t len;

	if (!s)
		return;
	for (; (s = next_list_item(s, &len)); s += len + (s[len] == ',')) {
		if (!len)
			continue;
		if (len >= sizeof(name)) {
			pr_err("hikern.insmod=%.*s: module name too long\n",
			       (int)len, s);
			continue;
		}
		memcpy(name, s, len);
		name[len] = '\0';
		request_module_load(name);
	}
}
