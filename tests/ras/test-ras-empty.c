/*
 * test-ras-empty.c - the enumerations with nothing to list, run exactly as
 * Microsoft's Learn samples of RasEnumEntries and RasEnumConnections run
 * them: probe with a NULL buffer and *lpcb = 0; on ERROR_BUFFER_TOO_SMALL
 * allocate *lpcb bytes (zeroed) and set [0].dwSize; otherwise a count of 0
 * means "nothing to list".  Windows answers the probe of an empty list with
 * ERROR_SUCCESS, a count of 0 and *lpcb = 0; a 603 with *lpcb = 0 would make
 * the sample allocate 0 bytes and write past them (which ASan catches).
 * A and W forms; the empty phonebook named, the empty default phonebook,
 * and no connections in-process and with the service engine (no service
 * running; each engine in a copy of this program, as the engine is chosen
 * once a process).  A running service with no link: service.test.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>
#include <netrouter/ras.h>

#include "cunit-main.h"

static char dir[] = "/tmp/nr-ras-empty.XXXXXX";
NRT_SUITE("ras-empty", .tmpdir = dir);

/* What a Learn sample ends with. */
enum outcome { LISTED, NOTHING_TO_LIST, NO_BUFFER_SIZE, FAILED };

/* One run of a sample: the last return code, the count and *lpcb. */
typedef struct run {
    enum outcome outcome;
    DWORD rc, count, cb;
} run;

/* The end of a sample once the probe did not ask for a buffer. */
static run after_probe(DWORD rc, DWORD count, DWORD cb)
{
    run r = { .rc = rc, .count = count, .cb = cb };
    if (rc != 0)
        r.outcome = FAILED;
    else
        r.outcome = count >= 1 ? NO_BUFFER_SIZE : NOTHING_TO_LIST;
    return r;
}

/* An enumeration as the samples call it: (array or NULL, &cb, &count). */
typedef DWORD (*enum_fn)(void *array, LPDWORD lpcb, LPDWORD count, const void *ctx);

/* One Learn sample over fn, whose elements are size bytes: the probe, and
 * on ERROR_BUFFER_TOO_SMALL HeapAlloc(HEAP_ZERO_MEMORY, dwCb), [0].dwSize
 * = size (the first member) and the call again. */
static run learn(enum_fn fn, const void *ctx, DWORD size)
{
    DWORD cb = 0, n = 0, rc;
    void *array = NULL;
    run r;
    rc = fn(array, &cb, &n, ctx);
    if (rc != ERROR_BUFFER_TOO_SMALL)
        return after_probe(rc, n, cb);
    array = calloc(1, cb);
    NRT_NOT_NULL_FATAL(array);
    *(DWORD *)array = size;
    rc = fn(array, &cb, &n, ctx);
    r = (run){ .outcome = rc == 0 ? LISTED : FAILED, .rc = rc, .count = n, .cb = cb };
    free(array);
    return r;
}

static DWORD entries_a(void *array, LPDWORD lpcb, LPDWORD count, const void *pb)
{
    return RasEnumEntriesA(NULL, pb, array, lpcb, count);
}

static DWORD entries_w(void *array, LPDWORD lpcb, LPDWORD count, const void *pb)
{
    return RasEnumEntriesW(NULL, pb, array, lpcb, count);
}

static DWORD connections_a(void *array, LPDWORD lpcb, LPDWORD count, const void *ctx)
{
    (void)ctx;
    return RasEnumConnectionsA(array, lpcb, count);
}

static DWORD connections_w(void *array, LPDWORD lpcb, LPDWORD count, const void *ctx)
{
    (void)ctx;
    return RasEnumConnectionsW(array, lpcb, count);
}

/* The samples of RasEnumEntries over pb (NULL: the default phonebook) and
 * of RasEnumConnections. */
static run learn_entries_a(const char *pb)
{
    return learn(entries_a, pb, sizeof(RASENTRYNAMEA));
}

static run learn_entries_w(const wchar_t *pb)
{
    return learn(entries_w, pb, sizeof(RASENTRYNAMEW));
}

static run learn_connections_a(void)
{
    return learn(connections_a, NULL, sizeof(RASCONNA));
}

static run learn_connections_w(void)
{
    return learn(connections_w, NULL, sizeof(RASCONNW));
}

/* What Windows answers when there is nothing to list. */
static void nothing_to_list(run r)
{
    NRT_EQ(r.outcome, NOTHING_TO_LIST);
    NRT_EQ(r.rc, 0);
    NRT_EQ(r.count, 0);
    NRT_EQ(r.cb, 0);
}

/* A phonebook with no entry, at dir/name; its path. */
static const char *empty_book(const char *name)
{
    static char path[600];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    NRT_NOT_NULL_FATAL(f);
    fputs("{\"entries\": []}\n", f);
    fclose(f);
    chmod(path, 0600);
    return path;
}

/* An ASCII path as a wide string. */
static const wchar_t *widen(const char *s)
{
    static wchar_t out[700];
    swprintf(out, sizeof out / sizeof out[0], L"%s", s);
    return out;
}

NRT_TEST(learn_sample_over_an_empty_named_phonebook)
{
    const char *pb = empty_book("empty.json");
    nothing_to_list(learn_entries_a(pb));
    nothing_to_list(learn_entries_w(widen(pb)));
}

NRT_TEST(learn_sample_over_an_empty_default_phonebook)
{
    char xdg[700], sub[800];
    snprintf(xdg, sizeof xdg, "%s/config", dir);
    snprintf(sub, sizeof sub, "%s/netrouter", xdg);
    NRT_EQ_FATAL(mkdir(xdg, 0700), 0);
    NRT_EQ_FATAL(mkdir(sub, 0700), 0);
    empty_book("config/netrouter/phonebook.json");
    setenv("XDG_CONFIG_HOME", xdg, 1);
    nothing_to_list(learn_entries_a(NULL));
    nothing_to_list(learn_entries_w(NULL));
    unsetenv("XDG_CONFIG_HOME");
}

NRT_TEST(an_empty_phonebook_fills_any_buffer_and_a_zero_size_one)
{
    const char *pb = empty_book("empty2.json");
    RASENTRYNAMEA a = { .dwSize = sizeof a };
    RASENTRYNAMEW w = { .dwSize = sizeof w };
    DWORD cb = sizeof a, n = 7;
    NRT_EQ(RasEnumEntriesA(NULL, pb, &a, &cb, &n), 0);
    NRT_EQ(n, 0);
    NRT_EQ(cb, 0);
    NRT_EQ(RasEnumEntriesA(NULL, pb, &a, &cb, &n), 0); /* cb is now 0 */
    cb = sizeof w, n = 7;
    NRT_EQ(RasEnumEntriesW(NULL, widen(pb), &w, &cb, &n), 0);
    NRT_EQ(n, 0);
    NRT_EQ(cb, 0);
}

/* True when this process's links live in engine (the choice is made once
 * a process); otherwise runs test in a new copy of this program whose
 * $NETROUTER_RAS_ENGINE is env, checks that it passed, and is false. */
static bool in_engine(DWORD engine, const char *env, const char *test)
{
    int status;
    pid_t pid;
    if (nr_ras_get_engine() == engine)
        return true;
    pid = fork();
    NRT_GE_FATAL(pid, 0);
    if (pid == 0) {
        /* This program as it was started (under valgrind /proc/self/exe
         * is valgrind's own tool, which cannot be run directly). */
        const char *self = strchr(program_invocation_name, '/') ? program_invocation_name : "/proc/self/exe";
        setenv("NETROUTER_RAS_ENGINE", env, 1);
        execl(self, "test-ras-empty", test, (char *)NULL);
        _exit(127);
    }
    NRT_EQ_FATAL(waitpid(pid, &status, 0), pid);
    NRT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return false;
}

NRT_TEST(learn_sample_with_no_connection_in_process)
{
    if (!in_engine(NR_RAS_ENGINE_IN_PROCESS, "in-process", "learn_sample_with_no_connection_in_process"))
        return;
    nothing_to_list(learn_connections_a());
    nothing_to_list(learn_connections_w());
}

NRT_TEST(learn_sample_with_no_connection_through_the_service_engine)
{
    char sock[700];
    if (!in_engine(NR_RAS_ENGINE_SERVICE, "service", "learn_sample_with_no_connection_through_the_service_engine"))
        return;
    snprintf(sock, sizeof sock, "%s/none.sock", dir); /* no service listens there */
    setenv("NETROUTER_RAS_SOCKET", sock, 1);
    nothing_to_list(learn_connections_a());
    nothing_to_list(learn_connections_w());
    unsetenv("NETROUTER_RAS_SOCKET");
}

NRT_TEST(a_short_list_still_asks_for_its_size)
{
    /* the rule stays for a list that is not empty */
    char path[700];
    DWORD cb = 0, n = 0;
    FILE *f;
    snprintf(path, sizeof path, "%s/one.json", dir);
    f = fopen(path, "w");
    NRT_NOT_NULL_FATAL(f);
    fputs("{\"entries\": [{\"name\": \"A\", \"device\": \"/dev/ttyS0\", \"phone_number\": \"1\"}]}\n", f);
    fclose(f);
    chmod(path, 0600);
    NRT_EQ(RasEnumEntriesA(NULL, path, NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(cb, sizeof(RASENTRYNAMEA));
    NRT_EQ(n, 1);
    cb = 0;
    NRT_EQ(RasEnumEntriesW(NULL, widen(path), NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(cb, sizeof(RASENTRYNAMEW));
    NRT_EQ(n, 1);
}
