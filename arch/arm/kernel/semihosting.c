/*
 * ARM semihosting: how the kernel leaves QEMU (run with -semihosting).
 * SYS_EXIT_EXTENDED carries an exit status (A32 SYS_EXIT cannot), and the
 * host truncates it to 8 bits; see Documentation/boards.md, section 4.
 */
#include <asm/semihosting.h>
#include <linux/compiler.h>
#include <linux/printk.h>

#define SYS_EXIT_EXTENDED 0x20
#define ADP_Stopped_ApplicationExit 0x20026

void __noreturn semihosting_exit(int status)
{
	unsigned long block[2] = { ADP_Stopped_ApplicationExit,
				   (unsigned long)status & 0xff };
	register unsigned long r0 __asm__("r0") = SYS_EXIT_EXTENDED;
	register unsigned long r1 __asm__("r1") = (unsigned long)block;

	/* Taken as an SVC exception (no -semihosting), it clobbers lr_svc. */
	__asm__ __volatile__("svc 0x123456"
			     : "+r"(r0)
			     : "r"(r1)
			     : "memory", "lr", "cc");
	/* Without -semihosting the SVC vector just returns: halt here. */
	pr_emerg("reboot: System halted (no semihosting to exit QEMU with "
		 "status %d)\n",
		 status);
	for (;;)
		__asm__ __volatile__("wfi");
}
