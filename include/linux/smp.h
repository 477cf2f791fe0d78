/*
 * The CPU the caller runs on. hikern is uniprocessor until the SMP issue:
 * there is only CPU 0, so smp_processor_id() is the constant 0 and
 * per-CPU arrays indexed by it (the kmap_atomic slot stacks,
 * __kmap_atomic_idx[]) cost no more than plain variables on the fast
 * paths. The SMP issue turns it into a read of the running task's
 * thread_info->cpu, as Linux's ARM port does; callers already keep
 * preemption off while they use it, which is what makes that read stable.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#define raw_smp_processor_id() 0u
#define smp_processor_id() raw_smp_processor_id()

#endif /* _LINUX_SMP_H */
