/*
 * drivers/tty/tty_buffer.c: the console's receive buffer (see
 * linux/tty_flip.h). A ring of TTY_BUFFER_SIZE characters filled by the
 * UART's receive interrupt and read by one kernel thread, which sleeps
 * on tty_read_wait while the ring is empty: no polling anywhere. The
 * lock is taken with interrupts off because the producer is an
 * interrupt handler (on whichever CPU the GIC sends it to).
 */
#include <linux/spinlock.h>
#include <linux/tty_flip.h>
#include <linux/wait.h>

#define TTY_BUFFER_SIZE 512 /* a pasted line or two */

static unsigned char tty_buf[TTY_BUFFER_SIZE];
static unsigned int tty_head, tty_tail; /* free-running; head - tail queued */
static unsigned long tty_dropped;
static DEFINE_SPINLOCK(tty_buf_lock);
static DECLARE_WAIT_QUEUE_HEAD(tty_read_wait);

int tty_insert_flip_char(unsigned char ch)
{
	unsigned long flags;
	int queued = 0;

	spin_lock_irqsave(&tty_buf_lock, flags);
	if (tty_head - tty_tail < TTY_BUFFER_SIZE) {
		tty_buf[tty_head++ % TTY_BUFFER_SIZE] = ch;
		queued = 1;
	} else {
		tty_dropped++;
	}
	spin_unlock_irqrestore(&tty_buf_lock, flags);
	return queued;
}

void tty_flip_buffer_push(void)
{
	wake_up(&tty_read_wait);
}

static bool tty_buf_pop(int *ch)
{
	unsigned long flags;
	bool got = false;

	spin_lock_irqsave(&tty_buf_lock, flags);
	if (tty_head != tty_tail) {
		*ch = tty_buf[tty_tail++ % TTY_BUFFER_SIZE];
		got = true;
	}
	spin_unlock_irqrestore(&tty_buf_lock, flags);
	return got;
}

int tty_read_char(void)
{
	int ch = 0;

	wait_event_interruptible(tty_read_wait, tty_buf_pop(&ch));
	return ch;
}

unsigned long tty_chars_dropped(void)
{
	return READ_ONCE(tty_dropped);
}
