/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * examples/pool: a pool of server threads sharing one endpoint, and client threads calling it
 * at the same time.  Whichever server is waiting takes the next call; each client's badge tells
 * the servers who is asking.  At the end main stops the servers with a QUIT call per server.
 */
#include <selfe/alloc.h>
#include <selfe/runtime.h>
#include <selfe/start.h>
#include <selfe/thread.h>

#define SERVERS 3
#define CLIENTS 6
#define CALLS 10   /* per client */
#define WORK 1     /* message labels */
#define QUIT 2

static struct selfe_alloc al;
static seL4_CPtr endpoint;
static struct selfe_thread servers[SERVERS], clients[CLIENTS];
static int answered[SERVERS];

static seL4_CPtr check(seL4_Error err, const char *what)
{
	if (err != seL4_NoError)
		selfe_panic("pool: %s failed: seL4 error %d", what, (int)err);
	return 0;
}

/* Answers WORK calls with n * n + badge until a QUIT call comes. */
static int server(void *arg)
{
	int id = (int)(seL4_Word)arg;
	seL4_CPtr reply = servers[id].reply; /* MCS: where the caller waits for our answer */
	seL4_Word badge;
#ifdef CONFIG_KERNEL_MCS
	seL4_MessageInfo_t tag = seL4_Recv(endpoint, &badge, reply);
#else
	(void)reply;
	seL4_MessageInfo_t tag = seL4_Recv(endpoint, &badge);
#endif
	while (seL4_MessageInfo_get_label(tag) == WORK) {
		seL4_Word n = seL4_GetMR(0);
		seL4_SetMR(0, n * n + badge);
		answered[id]++;
		seL4_MessageInfo_t answer = seL4_MessageInfo_new(0, 0, 0, 1);
#ifdef CONFIG_KERNEL_MCS
		tag = seL4_ReplyRecv(endpoint, answer, &badge, reply);
#else
		tag = seL4_ReplyRecv(endpoint, answer, &badge);
#endif
	}
	/* QUIT: answer it, then end (selfe_thread_join in main sees it). */
#ifdef CONFIG_KERNEL_MCS
	seL4_Send(reply, seL4_MessageInfo_new(0, 0, 0, 0));
#else
	seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
#endif
	return answered[id];
}

static seL4_CPtr client_caps[CLIENTS];

static int client(void *arg)
{
	int id = (int)(seL4_Word)arg;
	int good = 0;
	for (seL4_Word n = 1; n <= CALLS; n++) {
		seL4_SetMR(0, n);
		seL4_Call(client_caps[id], seL4_MessageInfo_new(WORK, 0, 0, 1));
		good += seL4_GetMR(0) == n * n + (seL4_Word)id + 1;
	}
	return good;
}

int main(void)
{
	check(selfe_alloc_init(&al, selfe_bootinfo()), "selfe_alloc_init");
	check(selfe_endpoint_alloc(&al, &endpoint), "allocating the endpoint");
	struct selfe_thread_attr attr = { .priority = seL4_MaxPrio - 1 };
	for (seL4_Word i = 0; i < SERVERS; i++) {
		attr.name = "server";
		check(selfe_thread_create(&servers[i], &al, &attr), "creating a server");
		check(selfe_thread_start(&servers[i], server, (void *)i), "starting a server");
	}
	selfe_printf("pool: %d servers waiting on endpoint %lu\n", SERVERS, (unsigned long)endpoint);

	/* Clients run below the servers, so a call is taken as soon as it is made. */
	attr.priority = seL4_MaxPrio - 2;
	for (seL4_Word i = 0; i < CLIENTS; i++) {
		check(selfe_mint(&al, endpoint, seL4_AllRights, i + 1, &client_caps[i]), "minting a badge");
		attr.name = "client";
		check(selfe_thread_create(&clients[i], &al, &attr), "creating a client");
		check(selfe_thread_start(&clients[i], client, (void *)i), "starting a client");
	}
	int good = 0;
	for (int i = 0; i < CLIENTS; i++)
		good += selfe_thread_join(&clients[i]);
	selfe_printf("pool: %d clients made %d calls, %d answered correctly\n", CLIENTS, CLIENTS * CALLS, good);

	for (int i = 0; i < SERVERS; i++)
		seL4_Call(endpoint, seL4_MessageInfo_new(QUIT, 0, 0, 0));
	int total = 0;
	for (int i = 0; i < SERVERS; i++)
		total += selfe_thread_join(&servers[i]);
	selfe_printf("pool: %d servers answered %d calls in all, and stopped\n", SERVERS, total);
	return good == CLIENTS * CALLS && total == good ? 0 : 1;
}
