/*
 * tests/host/sched_stub.h: the host scheduler stub's test hook
 * (tests/host/sched_stub.c).
 */
#ifndef _TESTS_HOST_SCHED_STUB_H
#define _TESTS_HOST_SCHED_STUB_H

/*
 * The next schedule() that sleeps runs fn(arg) once instead of switching
 * (the "other task"); fn must wake the sleeper.
 */
void sched_stub_set_other(void (*fn)(void *), void *arg);
/* How many times schedule() ran the other task. */
extern unsigned int sched_stub_switches;

#endif /* _TESTS_HOST_SCHED_STUB_H */
