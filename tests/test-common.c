/*
 * test-common.c - the helpers of router/common that the router and the
 * RAS provider share, where no suite of their users pins them down on their
 * own: positions of values along a JSON path (nr_json_locate), the kind
 * names of JSON values, the monotonic millisecond clock, the error
 * carrier (nr_error_set) and the writer of whole buffers (nr_write_all,
 * nr_write_all_kind), the UTF-8 and wide string conversions (wide.h),
 * UTF-8 cut at a character (utf8.h), and the version the plugin host
 * agrees with a router of another release (ipc.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "clock.h"
#include "files.h"
#include "ipc.h"
#include "nr-error.h"
#include "json.h"
#include "testutil.h"
#include "utf8.h"
#include "wide.h"

NRT_SUITE("common");

/* "LINE:COLUMN" of path in text, or "0:0 (not found)". */
static const char *where(nrt_env *env, const char *text, const nr_json_step *path, size_t n)
{
    int line = -1, column = -1;
    bool found = nr_json_locate(text, path, n, &line, &column);
    return nrt_printf(env, "%d:%d%s", line, column, found ? "" : " (not found)");
}

static const char book[] = "{\n"
                           "  \"version\": 1,\n"
                           "  \"entries\": [\n"
                           "    { \"name\": \"a\", \"speed\": 9600 },\n"
                           "    {\"name\": \"b\",\n"
                           "     \"timeouts\": { \"connect_ms\": 5 }, \"speed\": 19200}\n"
                           "  ]\n"
                           "}\n";

NRT_TEST(locate_points_at_the_key_of_a_member)
{
    nrt_env *env = nrt_env_new();
    NRT_EQ_STR(where(env, book, &(nr_json_step){ "entries", 0 }, 1), "3:3");
    NRT_EQ_STR(where(env, book, &(nr_json_step){ "version", 0 }, 1), "2:3");
    nrt_env_free(env);
}

NRT_TEST(locate_follows_a_path_through_arrays_and_objects)
{
    nrt_env *env = nrt_env_new();
    const nr_json_step speed[] = { { "entries", 0 }, { NULL, 1 }, { "speed", 0 } };
    const nr_json_step connect[] = { { "entries", 0 }, { NULL, 1 }, { "timeouts", 0 }, { "connect_ms", 0 } };
    const nr_json_step second[] = { { "entries", 0 }, { NULL, 1 } };
    NRT_EQ_STR(where(env, book, speed, 3), "6:39");
    NRT_EQ_STR(where(env, book, connect, 4), "6:20");
    NRT_EQ_STR(where(env, book, second, 2), "5:5");
    nrt_env_free(env);
}

NRT_TEST(locate_says_when_the_path_is_not_there)
{
    nrt_env *env = nrt_env_new();
    const nr_json_step past_the_end[] = { { "entries", 0 }, { NULL, 2 } };
    const nr_json_step into_a_number[] = { { "version", 0 }, { "x", 0 } };
    NRT_EQ_STR(where(env, book, &(nr_json_step){ "missing", 0 }, 1), "0:0 (not found)");
    NRT_EQ_STR(where(env, book, past_the_end, 2), "0:0 (not found)");
    NRT_EQ_STR(where(env, book, into_a_number, 2), "0:0 (not found)");
    NRT_EQ_STR(where(env, "[1, 2]", &(nr_json_step){ "a", 0 }, 1), "0:0 (not found)");
    nrt_env_free(env);
}

NRT_TEST(locate_finds_only_members_of_the_object_on_the_path)
{
    nrt_env *env = nrt_env_new();
    /* "order" in a nested object or as a string value is not the top-level key */
    const char *text = "{\"config\": {\"order\": 1}, \"x\": \"order\", \"order\": 2}";
    NRT_EQ_STR(where(env, text, &(nr_json_step){ "order", 0 }, 1), "1:40");
    nrt_env_free(env);
}

NRT_TEST(locate_compares_keys_as_written)
{
    nrt_env *env = nrt_env_new();
    const char *text = "{\"a\\\"b\": 1, \"a\": 2}";
    NRT_EQ_STR(where(env, text, &(nr_json_step){ "a", 0 }, 1), "1:13");
    NRT_EQ_STR(where(env, text, &(nr_json_step){ "a\\\"b", 0 }, 1), "1:2");
    nrt_env_free(env);
}

NRT_TEST(locate_reads_a_text_valid_only_up_to_a_point)
{
    nrt_env *env = nrt_env_new();
    /* what jansson refuses for the number: the key before it is still found */
    const char *text = "{\"name\": \"x\",\n \"order\": 123456789012345678901234567890 garbage \"";
    NRT_EQ_STR(where(env, text, &(nr_json_step){ "order", 0 }, 1), "2:2");
    NRT_EQ_STR(where(env, text, &(nr_json_step){ "later", 0 }, 1), "0:0 (not found)");
    nrt_env_free(env);
}

NRT_TEST(locate_of_the_empty_path_is_the_start)
{
    nrt_env *env = nrt_env_new();
    NRT_EQ_STR(where(env, book, NULL, 0), "1:1");
    nrt_env_free(env);
}

NRT_TEST(kind_names_say_what_a_value_is)
{
    json_t *v = json_loads("[{}, [], \"s\", 1, 1.5, true, false, null]", 0, NULL);
    NRT_NOT_NULL_FATAL(v);
    NRT_EQ_STR(nr_json_kind_name(json_array_get(v, 0)), "an object");
    NRT_EQ_STR(nr_json_kind_name(json_array_get(v, 1)), "an array");
    NRT_EQ_STR(nr_json_kind_name(json_array_get(v, 2)), "a string");
    NRT_EQ_STR(nr_json_kind_name(json_array_get(v, 3)), "an integer");
    NRT_EQ_STR(nr_json_kind_name(json_array_get(v, 4)), "a number with a fraction");
    NRT_EQ_STR(nr_json_kind_name(json_array_get(v, 5)), "a boolean");
    NRT_EQ_STR(nr_json_kind_name(json_array_get(v, 6)), "a boolean");
    NRT_EQ_STR(nr_json_kind_name(json_array_get(v, 7)), "null");
    json_decref(v);
}

NRT_TEST(the_clock_counts_milliseconds_forward)
{
    uint64_t before = nr_clock_ms(), after;
    struct timespec pause = { 0, 20 * 1000000L };
    while (nanosleep(&pause, &pause) != 0)
        ;
    after = nr_clock_ms();
    NRT_GE(after, before + 20);
    NRT_LT(after, before + 10000); /* milliseconds, not microseconds */
}

NRT_TEST(an_error_is_set_with_its_code_extended_code_and_sentence)
{
    nr_error e;
    nr_error_clear(&e);
    NRT_EQ(nr_error_set(&e, 633, 4242, "The device %s is in use by process %d.", "/dev/ttyS0", 4242), 633u);
    NRT_EQ(e.code, 633u);
    NRT_EQ(e.ext, 4242u);
    NRT_EQ_STR(e.detail, "The device /dev/ttyS0 is in use by process 4242.");
}

NRT_TEST(a_cleared_error_says_nothing)
{
    nr_error e;
    nr_error_set(&e, 651, 10, "The modem answered \"ERROR\".");
    nr_error_clear(&e);
    NRT_EQ(e.code, 0u);
    NRT_EQ(e.ext, 0u);
    NRT_EQ_STR(e.detail, "");
    nr_error_clear(NULL); /* accepted */
}

NRT_TEST(an_error_without_a_carrier_still_returns_its_code)
{
    NRT_EQ(nr_error_set(NULL, 621, 2, "no %s", "phonebook"), 621u);
}

NRT_TEST(a_long_detail_is_cut_to_fit)
{
    nr_error e;
    char path[2 * NR_ERROR_DETAIL_SIZE];
    memset(path, 'a', sizeof path - 1);
    path[sizeof path - 1] = '\0';
    nr_error_set(&e, 622, 0, "%s: cannot read", path);
    NRT_EQ(strlen(e.detail), (size_t)NR_ERROR_DETAIL_SIZE - 1);
    NRT_EQ(e.detail[0], 'a');
    NRT_EQ(e.code, 622u);
}

static uint32_t set_through_a_va_list(nr_error *e, uint32_t code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static uint32_t set_through_a_va_list(nr_error *e, uint32_t code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    uint32_t rc = nr_error_setv(e, code, 0, fmt, ap);
    va_end(ap);
    return rc;
}

NRT_TEST(an_error_is_set_through_a_va_list_the_same_way)
{
    nr_error e;
    NRT_EQ(set_through_a_va_list(&e, 625, "entries[%d].%s: must be an integer", 1, "speed"), 625u);
    NRT_EQ(e.code, 625u);
    NRT_EQ(e.ext, 0u);
    NRT_EQ_STR(e.detail, "entries[1].speed: must be an integer");
}

/* ---- nr_write_all, nr_write_all_kind -------------------------------------------------------- */

NRT_TEST(the_kind_of_a_descriptor_tells_a_socket_from_a_pipe_and_a_tty)
{
    int sv[2], pp[2], master = posix_openpt(O_RDWR | O_NOCTTY);
    NRT_EQ_FATAL(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    NRT_EQ_FATAL(pipe(pp), 0);
    NRT_GE_FATAL(master, 0);
    NRT_EQ(nr_fd_kind_of(sv[0]), NR_FD_SOCKET);
    NRT_EQ(nr_fd_kind_of(pp[1]), NR_FD_OTHER);
    NRT_EQ(nr_fd_kind_of(master), NR_FD_OTHER);
    NRT_EQ(nr_fd_kind_of(-1), NR_FD_UNKNOWN);
    close(sv[0]);
    close(sv[1]);
    close(pp[0]);
    close(pp[1]);
    close(master);
}

/* Writes buf with nr_write_all_kind(kind) into fds[1] and reads it back from fds[0]. */
static void write_and_read_back(int fds[2], nr_fd_kind kind)
{
    char buf[3000], got[sizeof buf];
    size_t n = 0;
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (char)(i * 7);
    NRT_TRUE_FATAL(nr_write_all_kind(fds[1], buf, sizeof buf, kind));
    while (n < sizeof got) {
        ssize_t r = read(fds[0], got + n, sizeof got - n);
        NRT_GT_FATAL(r, 0);
        n += (size_t)r;
    }
    NRT_EQ_MEM(got, buf, sizeof buf);
}

NRT_TEST(a_buffer_is_written_whole_to_a_pipe_and_a_socket_of_any_stated_kind)
{
    static const nr_fd_kind pipe_kinds[] = { NR_FD_OTHER, NR_FD_UNKNOWN };
    static const nr_fd_kind socket_kinds[] = { NR_FD_SOCKET, NR_FD_UNKNOWN };
    int fds[2];
    for (size_t i = 0; i < 2; i++) {
        NRT_EQ_FATAL(pipe(fds), 0);
        write_and_read_back(fds, pipe_kinds[i]);
        close(fds[0]);
        close(fds[1]);
        NRT_EQ_FATAL(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
        write_and_read_back(fds, socket_kinds[i]);
        close(fds[0]);
        close(fds[1]);
    }
    NRT_EQ_FATAL(pipe(fds), 0);
    NRT_TRUE(nr_write_all(fds[1], "abc", 3));
    close(fds[0]);
    close(fds[1]);
}

NRT_TEST(a_socket_whose_peer_went_away_is_epipe_not_sigpipe)
{
    int sv[2];
    NRT_EQ_FATAL(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    close(sv[1]);
    errno = 0;
    NRT_FALSE(nr_write_all_kind(sv[0], "x", 1, NR_FD_SOCKET));
    NRT_EQ(errno, EPIPE);
    errno = 0;
    NRT_FALSE(nr_write_all(sv[0], "x", 1));
    NRT_EQ(errno, EPIPE);
    close(sv[0]);
}

NRT_TEST(a_stated_kind_is_not_second_guessed)
{
    int pp[2];
    NRT_EQ_FATAL(pipe(pp), 0);
    errno = 0;
    NRT_FALSE(nr_write_all_kind(pp[1], "x", 1, NR_FD_SOCKET)); /* send() only: no write() after it */
    NRT_EQ(errno, ENOTSOCK);
    close(pp[0]);
    close(pp[1]);
}

NRT_TEST(wide_strings_convert_both_ways_with_every_utf8_width)
{
    /* 1, 2, 3 and 4 bytes: A, e acute, the euro sign, U+1F600 */
    const char *utf8 = "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
    const wchar_t wide[] = { L'A', 0xe9, 0x20ac, 0x1f600, 0 };
    NRT_EQ(nr_wide_count(utf8), 4);
    NRT_EQ(nr_utf8_count(wide), 10);
    wchar_t *w = nr_wide_dup(utf8);
    NRT_NOT_NULL_FATAL(w);
    NRT_EQ(wcscmp(w, wide), 0);
    char *back = nr_utf8_dup(w);
    NRT_EQ_STR(back, utf8);
    free(w);
    free(back);
    NRT_NULL(nr_wide_dup(NULL));
    NRT_NULL(nr_utf8_dup(NULL));
}

NRT_TEST(wide_conversion_refuses_what_is_not_unicode)
{
    const wchar_t surrogate[] = { L'a', 0xd800, 0 }, beyond[] = { 0x110000, 0 };
    NRT_EQ(nr_wide_count("a\xc0\xafz"), (size_t)-1); /* overlong '/' */
    NRT_EQ(nr_utf8_count(surrogate), (size_t)-1);
    NRT_EQ(nr_utf8_count(beyond), (size_t)-1);
    errno = 0;
    NRT_NULL(nr_wide_dup("\xed\xa0\x80")); /* an encoded surrogate */
    NRT_EQ(errno, EILSEQ);
    errno = 0;
    NRT_NULL(nr_utf8_dup(surrogate));
    NRT_EQ(errno, EILSEQ);
}

NRT_TEST(wide_conversion_into_a_buffer_keeps_to_its_size)
{
    wchar_t w[4];
    char s[4];
    NRT_EQ(nr_wide_from_utf8_buf("abc", w, 4), 3);
    NRT_EQ(wcscmp(w, L"abc"), 0);
    NRT_EQ(nr_wide_from_utf8_buf("abcd", w, 4), (size_t)-1); /* no room for the NUL */
    NRT_EQ(w[0], L'\0');
    NRT_EQ(nr_utf8_from_wide_buf(L"\x20ac", s, 4), 3);
    NRT_EQ_STR(s, "\xe2\x82\xac");
    NRT_EQ(nr_utf8_from_wide_buf(L"a\x20ac", s, 4), (size_t)-1); /* 4 bytes and the NUL */
    NRT_EQ_STR(s, "");
    NRT_EQ(nr_wide_from_utf8_buf("", w, 0), (size_t)-1);
}

NRT_TEST(a_utf8_copy_that_does_not_fit_is_cut_after_a_whole_character)
{
    char s[8];
    NRT_TRUE(nr_utf8_copy_fit(s, sizeof s, "ab\xe2\x82\xac")); /* 5 bytes fit in 8 */
    NRT_EQ_STR(s, "ab\xe2\x82\xac");
    NRT_FALSE(nr_utf8_copy_fit(s, 5, "ab\xe2\x82\xac")); /* the euro sign's 3 bytes need 6 with the NUL */
    NRT_EQ_STR(s, "ab");
    NRT_FALSE(nr_utf8_copy_fit(s, 6, "\xf0\x9f\x98\x80\xf0\x9f\x98\x80"));
    NRT_EQ_STR(s, "\xf0\x9f\x98\x80");
    NRT_FALSE(nr_utf8_copy_fit(s, 1, "a"));
    NRT_EQ_STR(s, "");
    NRT_FALSE(nr_utf8_copy_fit(s, 3, "a\xff\xfe")); /* bytes that are not UTF-8 count one each */
    NRT_EQ_STR(s, "a\xff");
    NRT_TRUE(nr_utf8_copy_fit(s, 1, ""));
    NRT_EQ_STR(s, "");
}

/* ---- the plugin host's HELLO (ipc.h): the lower of the two versions --------------------------- */

/* The version the build tree's netrouter-plugin-host answers to a router
 * that says it speaks `mine`, or 0 when it answers nothing. */
static uint32_t host_answers(uint32_t mine)
{
    const char *host = getenv("NETROUTER_PLUGIN_HOST");
    static nr_ipc_in in;
    nr_ipc_out out;
    uint32_t got = 0;
    int sv[2], status;
    pid_t pid;

    if (!host || socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
        return 0;
    pid = fork();
    if (pid == 0) { /* as the router spawns it: its socket at descriptor 3, a process group of its own */
        setpgid(0, 0); /* (its watchdog kills its group when the socket closes) */
        dup2(sv[1], 3);
        execl(host, host, (char *)NULL);
        _exit(127);
    }
    close(sv[1]);
    nr_ipc_begin(&out);
    nr_ipc_put_u32(&out, mine);
    if (pid > 0 && nr_ipc_send(sv[0], NR_IPC_HELLO, 1, &out) &&
        nr_ipc_recv(sv[0], &in, nr_clock_ms() + 10000) == 1 && in.type == NR_IPC_HELLO)
        got = nr_ipc_get_u32(&in);
    close(sv[0]); /* the host ends when its socket closes */
    if (pid > 0)
        waitpid(pid, &status, 0);
    return got;
}

NRT_TEST(the_plugin_host_speaks_the_lower_of_two_versions)
{
    NRT_NOT_NULL_FATAL(getenv("NETROUTER_PLUGIN_HOST"));
    NRT_EQ(host_answers(NR_IPC_VERSION), NR_IPC_VERSION);
    NRT_EQ(host_answers(1), 1u);                      /* a router of the release before */
    NRT_EQ(host_answers(NR_IPC_VERSION + 5), NR_IPC_VERSION); /* one of a later release */
    NRT_EQ(host_answers(0), 0u);                      /* no version: no answer */
}
