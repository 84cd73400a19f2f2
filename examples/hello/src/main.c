/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * examples/hello: a tour of a root task.  It prints what the kernel handed over (boot info), a
 * data file packed into the image with selfe arc, then makes a second thread with the runtime's
 * toolkit and talks to it: an IPC call answered with a reply, and a notification signalled back.
 */
#include <selfe/alloc.h>
#include <selfe/arc.h>
#include <selfe/runtime.h>
#include <selfe/start.h>
#include <selfe/thread.h>

#define STRINGIFY(x) #x
#define EXPAND_STRINGIFY(x) STRINGIFY(x)

#define HELLO_LABEL 0x42 /* message label of the call */
#define CALL_BADGE 0x61  /* badge of the endpoint copy main calls through */
#define SIGNAL_BADGE 0x4 /* badge of the notification copy the worker signals through */

/* What the worker needs; it lives in main's memory, which the worker shares. */
struct worker_args {
	seL4_CPtr endpoint;     /* unbadged: the worker receives on it */
	seL4_CPtr notification; /* badged copy: the worker signals through it */
	seL4_CPtr reply;        /* MCS: the reply object its receive fills */
};

/* Short texts travel in message registers, packed into words. */
static void text_to_mrs(unsigned first_mr, const char *s, size_t words)
{
	for (size_t w = 0; w < words; w++) {
		seL4_Word v = 0;
		for (size_t b = 0; b < sizeof(seL4_Word); b++) {
			char c = *s;
			if (c)
				s++;
			v |= (seL4_Word)(unsigned char)c << (8 * b);
		}
		seL4_SetMR(first_mr + w, v);
	}
}

static void mrs_to_text(unsigned first_mr, char *buf, size_t words)
{
	for (size_t w = 0; w < words; w++) {
		seL4_Word v = seL4_GetMR(first_mr + w);
		for (size_t b = 0; b < sizeof(seL4_Word); b++)
			buf[w * sizeof(seL4_Word) + b] = (char)(v >> (8 * b));
	}
	buf[words * sizeof(seL4_Word) - 1] = '\0';
}

#define TEXT_WORDS (16 / sizeof(seL4_Word)) /* 16 bytes of text on every arch */

static int worker(void *arg)
{
	const struct worker_args *a = arg;
	seL4_Word badge;
#ifdef CONFIG_KERNEL_MCS
	seL4_MessageInfo_t tag = seL4_Recv(a->endpoint, &badge, a->reply);
#else
	seL4_MessageInfo_t tag = seL4_Recv(a->endpoint, &badge);
#endif
	char text[16];
	mrs_to_text(1, text, TEXT_WORDS);
	seL4_Word number = seL4_GetMR(0);
	selfe_printf("hello: worker received label 0x%lx, %lu words, badge 0x%lx: \"%s\" %lu\n",
		     (unsigned long)seL4_MessageInfo_get_label(tag), (unsigned long)seL4_MessageInfo_get_length(tag),
		     (unsigned long)badge, text, (unsigned long)number);

	seL4_SetMR(0, number + 1);
	text_to_mrs(1, "pong", TEXT_WORDS);
	seL4_MessageInfo_t answer = seL4_MessageInfo_new(0, 0, 0, 1 + TEXT_WORDS);
#ifdef CONFIG_KERNEL_MCS
	seL4_Send(a->reply, answer);
#else
	seL4_Reply(answer);
#endif
	seL4_Signal(a->notification);
	return 7;
}

static seL4_CPtr check(seL4_Error err, seL4_CPtr cap, const char *what)
{
	if (err != seL4_NoError)
		selfe_panic("hello: %s failed: seL4 error %d", what, (int)err);
	return cap;
}

static void print_bootinfo(const seL4_BootInfo *bi)
{
	unsigned long long ram = 0, device = 0;
	for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
		unsigned long long bytes = 1ull << bi->untypedList[i].sizeBits;
		if (bi->untypedList[i].isDevice)
			device += bytes;
		else
			ram += bytes;
	}
	selfe_printf("hello: boot info: %lu node(s), %lu untyped (%llu bytes: %llu RAM, %llu device), "
		     "%lu empty slots\n",
		     (unsigned long)bi->numNodes, (unsigned long)(bi->untyped.end - bi->untyped.start), ram + device,
		     ram, device, (unsigned long)(bi->empty.end - bi->empty.start));
}

static void print_data_file(void)
{
	const void *data;
	size_t len;
	int err = selfe_arc_find_default("data_file.txt", &data, &len);
	if (err)
		selfe_panic("hello: data_file.txt: %s", selfe_arc_strerror(err));
	selfe_printf("hello: data_file.txt (%zu bytes): ", len);
	const char *text = data;
	for (size_t i = 0; i < len; i++)
		selfe_putchar(text[i]);
	if (len == 0 || text[len - 1] != '\n')
		selfe_putchar('\n');
}

int main(void)
{
	const seL4_BootInfo *bi = selfe_bootinfo();
	/* First, so that a kernel that does not print still gets its console (selfe/runtime.h). */
	static struct selfe_alloc al;
	check(selfe_alloc_init(&al, bi), 0, "selfe_alloc_init");
	selfe_printf("Hello, seL4 on %s!\n", EXPAND_STRINGIFY(CONFIG_SEL4_ARCH));
	print_bootinfo(bi);
	print_data_file();

	seL4_CPtr endpoint, notification;
	check(selfe_endpoint_alloc(&al, &endpoint), 0, "allocating an endpoint");
	check(selfe_notification_alloc(&al, &notification), 0, "allocating a notification");
	selfe_printf("hello: retyped an endpoint (slot %lu) and a notification (slot %lu)\n", (unsigned long)endpoint,
		     (unsigned long)notification);

	static struct selfe_thread t;
	check(selfe_thread_create(&t, &al, &(struct selfe_thread_attr){ .priority = seL4_MaxPrio - 1, .name = "worker" }),
	      0, "creating the worker");
	selfe_printf("hello: worker stack below 0x%lx, IPC buffer at 0x%lx\n", (unsigned long)t.stack_top,
		     (unsigned long)t.ipc_buffer);
	static struct worker_args args;
	args.endpoint = endpoint;
	check(selfe_mint(&al, notification, seL4_AllRights, SIGNAL_BADGE, &args.notification), 0, "minting");
	args.reply = t.reply;
	check(selfe_thread_start(&t, worker, &args), 0, "starting the worker");
	selfe_printf("hello: started the worker thread (TCB slot %lu)\n", (unsigned long)t.tcb);

	/* Call through a badged copy so the worker can tell who is calling. */
	seL4_CPtr call_cap;
	check(selfe_mint(&al, endpoint, seL4_AllRights, CALL_BADGE, &call_cap), 0, "minting");
	seL4_SetMR(0, 41);
	text_to_mrs(1, "ping", TEXT_WORDS);
	seL4_MessageInfo_t reply = seL4_Call(call_cap, seL4_MessageInfo_new(HELLO_LABEL, 0, 0, 1 + TEXT_WORDS));
	char text[16];
	mrs_to_text(1, text, TEXT_WORDS);
	seL4_Word number = seL4_GetMR(0);
	if (seL4_MessageInfo_get_length(reply) != 1 + TEXT_WORDS || number != 42)
		selfe_panic("hello: unexpected reply: %lu words, first %lu", (unsigned long)seL4_MessageInfo_get_length(reply),
			    (unsigned long)number);
	selfe_printf("hello: call answered: \"%s\" %lu\n", text, (unsigned long)number);

	seL4_Word bits;
	seL4_Wait(notification, &bits);
	if (bits != SIGNAL_BADGE)
		selfe_panic("hello: notification word 0x%lx, expected 0x%x", (unsigned long)bits, SIGNAL_BADGE);
	selfe_printf("hello: notification received (word 0x%lx)\n", (unsigned long)bits);
	selfe_printf("hello: worker returned %d\n", selfe_thread_join(&t));

	selfe_puts("hello: all done");
	return 0;
}
