# SPDX-License-Identifier: BSD-2-Clause
# Two root tasks that go wrong, for the boot suites (sourced): fault/ writes through a null
# pointer, spin/ never returns.  faulty_apps BASE writes them and fault.toml / spin.toml in the
# current folder: BASE (a sel4.toml without its [app]) plus each app and its [test] lines.
faulty_apps() {
	mkdir -p fault spin
	cat >fault/main.c <<'C'
#include <selfe/runtime.h>
#include <selfe/start.h>

int main(void)
{
	selfe_puts("fault: writing through a null pointer");
	*(volatile int *)0 = 1;
	selfe_puts("fault: still here");
	return 0;
}
C
	cat >spin/main.c <<'C'
#include <selfe/runtime.h>
#include <selfe/start.h>

int main(void)
{
	selfe_puts("spin: spinning");
	for (;;)
		__asm__ volatile("" ::: "memory");
}
C
	{ cat "$1"; printf '[app]\nname = "fault"\nsources = ["fault/*.c"]\n[test]\nexpect = ["^fault: still here$"]\ntimeout = 60\n'; } >fault.toml
	{ cat "$1"; printf '[app]\nname = "spin"\nsources = ["spin/*.c"]\n[test]\nexpect = ["^spin: spinning$", "^spin: done$"]\ntimeout = 8\n'; } >spin.toml
}
