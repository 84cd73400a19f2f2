/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The runtime toolkit under load, on a real kernel (tests/boot/run.sh boots it): objects and
 * slots, 64 threads doing IPC, 64 MiB of fresh memory, 100,000 heap operations (from several
 * threads at once too), device frames by physical address.  No architecture #ifdef: the same
 * program is meant to run on every platform.  Each check prints one "[test] ..." line or
 * panics with what went wrong.
 */
#include <selfe/alloc.h>
#include <selfe/heap.h>
#include <selfe/runtime.h>
#include <selfe/start.h>
#include <selfe/thread.h>

#define OK(call)                                                                                   \
	do {                                                                                       \
		seL4_Error err_ = (call);                                                          \
		if (err_ != seL4_NoError)                                                          \
			selfe_panic("%s failed: seL4 error %d", #call, (int)err_);                 \
	} while (0)

static struct selfe_alloc al;

static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* --- objects and slots: what is freed comes back ------------------------------------------ */
static void check_objects(void)
{
	size_t slots = al.book.slots_free;
	seL4_CPtr caps[200];
	for (int round = 0; round < 5; round++) {
		for (int i = 0; i < 200; i++)
			OK(i % 2 ? selfe_endpoint_alloc(&al, &caps[i]) : selfe_notification_alloc(&al, &caps[i]));
		for (int i = 0; i < 200; i++)
			selfe_object_free(&al, caps[i]);
	}
	if (al.book.slots_free != slots)
		selfe_panic("objects: %zu slots free before, %zu after", slots, al.book.slots_free);
	seL4_CPtr run;
	OK(selfe_slots_alloc(&al, 100, &run));
	for (seL4_CPtr s = run; s < run + 100; s++)
		if (!selfe_book_slot_taken(&al.book, s))
			selfe_panic("objects: slot %lu of the run is not taken", (unsigned long)s);
	selfe_slots_free(&al, run, 100);
	seL4_CPtr big;
	if (selfe_object_alloc(&al, seL4_UntypedObject, 60, &big) != seL4_NotEnoughMemory)
		selfe_panic("objects: a 2^60-byte untyped did not fail with NotEnoughMemory");
	if (al.book.slots_free != slots)
		selfe_panic("objects: a failed allocation kept a slot");
	selfe_printf("[test] objects: 1000 endpoints and notifications made and freed, slots all back (%zu free)\n",
		     slots);
}

/* --- 64 threads: each calls the server (main) once, then returns ------------------------- */
#define THREADS 64
static struct selfe_thread threads[THREADS];
static seL4_CPtr thread_ep[THREADS];

static int client(void *arg)
{
	seL4_Word i = (seL4_Word)arg;
	seL4_SetMR(0, i * 3);
	seL4_MessageInfo_t r = seL4_Call(thread_ep[i], seL4_MessageInfo_new(0, 0, 0, 1));
	if (seL4_MessageInfo_get_length(r) != 1 || seL4_GetMR(0) != i * 3 + 1)
		return -1;
	return (int)i + 1000;
}

static void check_threads(void)
{
	seL4_CPtr ep, reply = seL4_CapNull;
	OK(selfe_endpoint_alloc(&al, &ep));
#ifdef CONFIG_KERNEL_MCS
	OK(selfe_object_alloc(&al, seL4_ReplyObject, 0, &reply));
#endif
	for (seL4_Word i = 0; i < THREADS; i++) {
		OK(selfe_mint(&al, ep, seL4_AllRights, i + 1, &thread_ep[i]));
		OK(selfe_thread_create(&threads[i], &al, NULL));
		OK(selfe_thread_start(&threads[i], client, (void *)i));
	}
	unsigned long seen = 0;
	for (int n = 0; n < THREADS; n++) {
		seL4_Word badge;
#ifdef CONFIG_KERNEL_MCS
		seL4_Recv(ep, &badge, reply);
#else
		(void)reply;
		seL4_Recv(ep, &badge);
#endif
		if (badge < 1 || badge > THREADS || seL4_GetMR(0) != (badge - 1) * 3)
			selfe_panic("threads: message with badge %lu, word %lu", (unsigned long)badge,
				    (unsigned long)seL4_GetMR(0));
		seen++;
		seL4_SetMR(0, seL4_GetMR(0) + 1);
#ifdef CONFIG_KERNEL_MCS
		seL4_Send(reply, seL4_MessageInfo_new(0, 0, 0, 1));
#else
		seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
#endif
	}
	for (int i = 0; i < THREADS; i++) {
		int r = selfe_thread_join(&threads[i]);
		if (r != i + 1000)
			selfe_panic("threads: thread %d returned %d", i, r);
	}
	selfe_printf("[test] threads: %d threads created, %lu calls answered, all joined with their results\n", THREADS,
		     seen);
}

/* --- a fault endpoint: a thread's fault arrives as a message, badge included ------------------ */
static int faulter(void *arg)
{
	(void)arg;
	*(volatile int *)0 = 1;
	return 0;
}

static void check_fault_endpoint(void)
{
	seL4_CPtr ep, badged, reply = seL4_CapNull;
	OK(selfe_endpoint_alloc(&al, &ep));
	OK(selfe_mint(&al, ep, seL4_AllRights, 0x77, &badged));
#ifdef CONFIG_KERNEL_MCS
	OK(selfe_object_alloc(&al, seL4_ReplyObject, 0, &reply));
#endif
	static struct selfe_thread t;
	OK(selfe_thread_create(&t, &al, &(struct selfe_thread_attr){ .priority = seL4_MaxPrio - 1, .fault_ep = badged }));
	OK(selfe_thread_start(&t, faulter, NULL));
	seL4_Word badge;
#ifdef CONFIG_KERNEL_MCS
	seL4_MessageInfo_t tag = seL4_Recv(ep, &badge, reply);
#else
	(void)reply;
	seL4_MessageInfo_t tag = seL4_Recv(ep, &badge);
#endif
	if (seL4_MessageInfo_get_label(tag) != seL4_Fault_VMFault || badge != 0x77 || seL4_GetMR(seL4_VMFault_Addr) != 0)
		selfe_panic("fault endpoint: label %lu, badge 0x%lx, address 0x%lx", (unsigned long)seL4_MessageInfo_get_label(tag),
			    (unsigned long)badge, (unsigned long)seL4_GetMR(seL4_VMFault_Addr));
	/* The thread stays blocked on its fault (never answered); its TCB is left as it is. */
	selfe_printf("[test] fault endpoint: the thread's VM fault at 0x0 arrived with badge 0x%lx\n", (unsigned long)badge);
}

/* --- 64 MiB of fresh memory ---------------------------------------------------------------- */
static void check_memory(void)
{
	const seL4_Word size = 64ul << 20;
	size_t slots = al.book.slots_free;
	void *p;
	OK(selfe_map_new(&al, 0, size, SELFE_MAP_RW, &p));
	volatile seL4_Word *w = p;
	size_t n = size / sizeof(seL4_Word);
	for (size_t i = 0; i < n; i++)
		if (w[i] != 0)
			selfe_panic("memory: fresh word %zu is 0x%lx, not 0", i, (unsigned long)w[i]);
	for (size_t i = 0; i < n; i++)
		w[i] = (seL4_Word)i * 2654435761u ^ (seL4_Word)(uintptr_t)p;
	for (size_t i = 0; i < n; i++)
		if (w[i] != ((seL4_Word)i * 2654435761u ^ (seL4_Word)(uintptr_t)p))
			selfe_panic("memory: word %zu reads back wrong", i);
	selfe_printf("[test] memory: 64 MiB mapped at %p, zeroed, written and read back (%zu slots)\n", p,
		     slots - al.book.slots_free);
}

/* --- the heap ---------------------------------------------------------------------------------- */
struct block {
	unsigned char *p;
	size_t n;
	unsigned char seed;
};

static int block_ok(const struct block *b)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->p[i] != (unsigned char)(b->seed + i * 7))
			return 0;
	return 1;
}

static void block_fill(struct block *b)
{
	for (size_t i = 0; i < b->n; i++)
		b->p[i] = (unsigned char)(b->seed + i * 7);
}

/* ops random malloc/calloc/realloc/aligned_alloc/free over `slots` live blocks; 0 or a panic. */
static int heap_ops(uint64_t seed, long ops, struct block *live, int slots)
{
	for (int i = 0; i < slots; i++)
		live[i] = (struct block){ 0 };
	for (long op = 0; op < ops; op++) {
		struct block *b = &live[rng_next(&seed) % (uint64_t)slots];
		if (b->p && !block_ok(b))
			selfe_panic("heap: block %p (%zu bytes) changed before op %ld", (void *)b->p, b->n, op);
		size_t n = rng_next(&seed) % 8 == 0 ? rng_next(&seed) % 20000 : rng_next(&seed) % 300;
		switch (rng_next(&seed) % 4) {
		case 0:
			free(b->p);
			b->p = NULL;
			continue;
		case 1:
			if (b->p) {
				unsigned char *q = realloc(b->p, n + 1);
				if (!q)
					selfe_panic("heap: realloc to %zu failed", n + 1);
				size_t keep = n + 1 < b->n ? n + 1 : b->n;
				for (size_t i = 0; i < keep; i++)
					if (q[i] != (unsigned char)(b->seed + i * 7))
						selfe_panic("heap: realloc lost byte %zu", i);
				b->p = q;
				b->n = n + 1;
				block_fill(b);
				continue;
			}
			b->p = calloc(n, 1);
			for (size_t i = 0; b->p && i < n; i++)
				if (b->p[i])
					selfe_panic("heap: calloc byte %zu is not 0", i);
			break;
		case 2:
			free(b->p);
			b->p = aligned_alloc((size_t)64 << (rng_next(&seed) % 7), n);
			break;
		default:
			free(b->p);
			b->p = malloc(n);
		}
		if (!b->p)
			selfe_panic("heap: allocating %zu bytes failed at op %ld", n, op);
		b->n = n;
		b->seed = (unsigned char)rng_next(&seed);
		block_fill(b);
	}
	for (int i = 0; i < slots; i++) {
		if (live[i].p && !block_ok(&live[i]))
			selfe_panic("heap: block %d changed", i);
		free(live[i].p);
	}
	return 0;
}

static struct block main_blocks[256];
#define WORKERS 4
static struct block worker_blocks[WORKERS][64];

static int heap_worker(void *arg)
{
	seL4_Word i = (seL4_Word)arg;
	return heap_ops(0x1234567ull * (i + 1), 5000, worker_blocks[i], 64);
}

static void check_heap(void)
{
	OK(selfe_malloc_init(&al, 256ul << 20));
	if (malloc((size_t)-1) || calloc((size_t)-1 / 2, 3) || aligned_alloc(4096, (size_t)-100))
		selfe_panic("heap: a size that overflows was not rejected");
	heap_ops(88172645463325252ull, 100000, main_blocks, 256);
	selfe_printf("[test] heap: 100000 operations, contents checked, overflowing sizes rejected\n");
	/* The same heap from several threads at once: they are preempted in the middle of calls. */
	static struct selfe_thread t[WORKERS];
	for (seL4_Word i = 0; i < WORKERS; i++) {
		OK(selfe_thread_create(&t[i], &al, &(struct selfe_thread_attr){ .priority = seL4_MaxPrio - 2, .stack_pages = 8 }));
		OK(selfe_thread_start(&t[i], heap_worker, (void *)i));
	}
	for (int i = 0; i < WORKERS; i++)
		if (selfe_thread_join(&t[i]) != 0)
			selfe_panic("heap: worker %d failed", i);
	selfe_printf("[test] heap: %d threads, 5000 operations each at once, contents checked\n", WORKERS);
}

/* --- device memory, by physical address ------------------------------------------------------ */
static void check_device(void)
{
	const seL4_BootInfo *bi = selfe_bootinfo();
	const seL4_UntypedDesc *d = NULL;
	for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
		const seL4_UntypedDesc *u = &bi->untypedList[i];
		if (u->isDevice && u->sizeBits >= seL4_PageBits + 3) {
			d = u;
			break;
		}
	}
	if (!d)
		selfe_panic("device: no device untyped of 32 KiB or more");
	/* A page inside it, so the allocator must pad its way there. */
	seL4_Word paddr = d->paddr + 3 * ((seL4_Word)1 << seL4_PageBits);
	seL4_CPtr frame;
	OK(selfe_device_frame_alloc(&al, paddr, seL4_PageBits, &frame));
	seL4_Word got;
	OK(selfe_frame_paddr(frame, &got));
	if (got != paddr)
		selfe_panic("device: frame for 0x%lx is at 0x%lx", (unsigned long)paddr, (unsigned long)got);
	seL4_Word vaddr;
	OK(selfe_vaddr_reserve(&al, 4096, seL4_PageBits, &vaddr));
	OK(selfe_map_frame(&al, frame, vaddr, SELFE_MAP_RW | SELFE_MAP_UNCACHED));
	seL4_CPtr again;
	seL4_Error err = selfe_device_frame_alloc(&al, d->paddr, seL4_PageBits, &again);
	if (err != seL4_RevokeFirst)
		selfe_panic("device: a frame below the watermark gave error %d, not RevokeFirst", (int)err);
	void *two;
	OK(selfe_map_device(&al, paddr + 4096, 2 * 4096, SELFE_MAP_RW | SELFE_MAP_UNCACHED, &two));
	selfe_printf("[test] device: frame at physical 0x%lx from a device untyped, mapped at 0x%lx; 2 more at %p\n",
		     (unsigned long)paddr, (unsigned long)vaddr, two);
}

int main(void)
{
	OK(selfe_alloc_init(&al, selfe_bootinfo()));
	selfe_printf("[test] toolkit: %zu untypeds, %zu empty slots\n", al.book.n_ut, al.book.slots_free);
	check_objects();
	check_threads();
	check_fault_endpoint();
	check_memory();
	check_heap();
	check_device();
	selfe_puts("[test] toolkit: all checks passed");
	return 0;
}
