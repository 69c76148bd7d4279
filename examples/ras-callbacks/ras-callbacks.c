/*
 * ras-callbacks.c - an example of the four ways RasDial reports progress
 * (<netrouter/ras.h>, docs/design.md section 5) and of resuming a paused dial.
 * It owns nothing but its own demo code and uses only the public API.
 *
 *   func    RasDialFunc  (type 0): state and error only, no handle, no context
 *   func1   RasDialFunc1 (type 1): adds the handle and the extended error
 *   func2   RasDialFunc2 (type 2): adds dwCallbackId (our context pointer) and
 *           returns 0 to stop further notifications (here after --stop-after)
 *   fd      NR_RAS_NOTIFIER_FD: NR_RASDIALEVENT records on a pipe that main() poll()s
 *   resume  RDEOPT_PausedStates with --wrong-password first: the dial pauses in
 *           RASCS_RetryAuthentication, and main() (never the handler) calls
 *           RasDial again on the same handle, with the same notifier and the
 *           right password
 *
 * Usage: ras-callbacks [-p PHONEBOOK] [-e ENTRY] [-u USER] [-w PASSWORD]
 *                      [--wrong-password PW] [--stop-after STATE] [--timeout S]
 *                      [-k KIND[,KIND...]]          (default: every kind in turn)
 *
 * Each kind dials, prints one line per notification ("KIND: state N NAME
 * [error E]"), then "KIND: sequence ..." (the states in order, "N:E" for a
 * failure), what was negotiated, and hangs up.  Exit status 0 when every
 * kind did what it shows, 1 otherwise, 2 on a usage error.
 *
 * Out of tree:  cc -o ras-callbacks ras-callbacks.c $(pkg-config --cflags --libs netrouter-ras) -lpthread
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netrouter/ras.h>

#define MAX_EVENTS 64

/* What one dial was told, in order.  Handlers run on a library thread, so
 * the recorder has its own lock; main() waits on the condition. */
typedef struct recorder {
    const char *kind;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    RASCONNSTATE state[MAX_EVENTS];
    DWORD error[MAX_EVENTS];
    size_t n;
    bool done;                  /* Connected, an error, or RasDialFunc2 stopped */
    RASCONNSTATE stop_after;    /* func2: return 0 once this state is announced */
    bool stopped;
    size_t after_stop;          /* notifications after the stop (must stay 0) */
} recorder;

typedef struct options {
    const char *phonebook, *entry, *user, *password, *wrong_password;
    RASCONNSTATE stop_after;
    int timeout_s;
} options;

static const char *state_name(RASCONNSTATE s)
{
    switch (s) {
    case RASCS_OpenPort: return "OpenPort";
    case RASCS_PortOpened: return "PortOpened";
    case RASCS_ConnectDevice: return "ConnectDevice";
    case RASCS_DeviceConnected: return "DeviceConnected";
    case RASCS_AllDevicesConnected: return "AllDevicesConnected";
    case RASCS_Authenticate: return "Authenticate";
    case RASCS_AuthNotify: return "AuthNotify";
    case RASCS_Authenticated: return "Authenticated";
    case RASCS_AuthProject: return "AuthProject";
    case RASCS_Projected: return "Projected";
    case RASCS_RetryAuthentication: return "RetryAuthentication";
    case RASCS_Connected: return "Connected";
    case RASCS_Disconnected: return "Disconnected";
    default: return "Other";
    }
}

static void print_error(const char *kind, const char *what, DWORD code)
{
    char text[512];
    if (RasGetErrorString(code, text, sizeof text) != 0)
        snprintf(text, sizeof text, "Unknown error.");
    printf("%s: %s: error %u: %s\n", kind, what, (unsigned)code, text);
}

/* Records one notification; true while more are wanted. */
static bool record(recorder *r, RASCONNSTATE state, DWORD error)
{
    bool more;
    pthread_mutex_lock(&r->lock);
    if (r->stopped) {
        r->after_stop++; /* the library promised none of these */
    } else if (r->n < MAX_EVENTS) {
        r->state[r->n] = state;
        r->error[r->n] = error;
        r->n++;
    }
    printf("%s: state %d %s%s", r->kind, (int)state, state_name(state), error ? "" : "\n");
    if (error)
        printf(" error %u\n", (unsigned)error);
    fflush(stdout);
    if (error || state == RASCS_Connected || (state & RASCS_PAUSED))
        r->done = true;
    if (!r->stopped && r->stop_after != (RASCONNSTATE)-1 && state == r->stop_after && !error) {
        r->stopped = true;
        r->done = true;
    }
    more = !r->stopped;
    pthread_cond_broadcast(&r->changed);
    pthread_mutex_unlock(&r->lock);
    return more;
}

/* RasDialFunc and RasDialFunc1 carry no context argument: the only way to
 * reach the application's state is a global.  RasDialFunc2 does not need
 * one (dwCallbackId). */
static recorder *global_recorder;

static void on_func(UINT msg, RASCONNSTATE state, DWORD error)
{
    (void)record(global_recorder, state, error);
}

static void on_func1(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    (void)record(global_recorder, state, error);
}

static DWORD on_func2(ULONG_PTR id, DWORD sub, HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error,
                      DWORD ext)
{
    return record((recorder *)id, state, error) ? 1 : 0;
}

static void deadline_in(struct timespec *t, int seconds)
{
    clock_gettime(CLOCK_REALTIME, t);
    t->tv_sec += seconds;
}

static void print_sequence(recorder *r)
{
    printf("%s: sequence", r->kind);
    for (size_t i = 0; i < r->n; i++) {
        if (r->error[i])
            printf(" %d:%u", (int)r->state[i], (unsigned)r->error[i]);
        else
            printf(" %d", (int)r->state[i]);
    }
    printf("\n");
}

static void print_projection(const char *kind, HRASCONN h)
{
    RASPPPIP ip = { .dwSize = sizeof ip };
    RASPPPLCP lcp = { .dwSize = sizeof lcp };
    DWORD cb = sizeof ip;
    if (RasGetProjectionInfo(h, RASP_PppIp, &ip, &cb) == 0)
        printf("%s: IP address %s, server %s\n", kind, ip.szIpAddress, ip.szServerIpAddress);
    cb = sizeof lcp;
    if (RasGetProjectionInfo(h, RASP_PppLcp, &lcp, &cb) == 0)
        printf("%s: authentication %s\n", kind,
               lcp.dwAuthenticationProtocol == RASLCPAP_CHAP  ? "CHAP"
               : lcp.dwAuthenticationProtocol == RASLCPAP_PAP ? "PAP"
                                                              : "none");
}

/* Hangs up and waits until the port is released (the handle invalid). */
static void hang_up(const char *kind, HRASCONN h)
{
    nr_ras_hang_up_wait(h, 10000);
    printf("%s: hung up\n", kind);
    fflush(stdout);
}

static void fill_params(RASDIALPARAMS *p, const options *o, const char *password)
{
    memset(p, 0, sizeof *p);
    p->dwSize = sizeof *p;
    snprintf(p->szEntryName, sizeof p->szEntryName, "%s", o->entry);
    snprintf(p->szUserName, sizeof p->szUserName, "%s", o->user ? o->user : "");
    snprintf(p->szPassword, sizeof p->szPassword, "%s", password ? password : "");
}

/* func, func1 and func2: a handler records, main() waits on the recorder. */
static bool demo_callback(const char *kind, DWORD type, const options *o)
{
    recorder r = { .kind = kind, .stop_after = type == 2 ? o->stop_after : (RASCONNSTATE)-1 };
    RASDIALPARAMS params;
    HRASCONN h = NULL;
    void *fn = type == 0 ? (void *)on_func : type == 1 ? (void *)on_func1 : (void *)on_func2;
    struct timespec until;
    bool ok;
    DWORD rc;

    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.changed, NULL);
    global_recorder = &r;
    fill_params(&params, o, o->password);
    params.dwCallbackId = (ULONG_PTR)&r; /* handed back to RasDialFunc2 */
    rc = RasDial(NULL, o->phonebook, &params, type, fn, &h);
    explicit_bzero(params.szPassword, sizeof params.szPassword);
    if (rc != 0) {
        print_error(kind, "RasDial", rc);
        if (h)
            hang_up(kind, h);
        return false;
    }
    deadline_in(&until, o->timeout_s);
    pthread_mutex_lock(&r.lock);
    while (!r.done)
        if (pthread_cond_timedwait(&r.changed, &r.lock, &until) == ETIMEDOUT)
            break;
    pthread_mutex_unlock(&r.lock);

    if (type == 2 && r.stopped) {
        /* The dial goes on without us: watch it with RasGetConnectStatus. */
        RASCONNSTATUS st = { .dwSize = sizeof st };
        printf("%s: RasDialFunc2 returned 0 after state %d %s\n", kind, (int)r.stop_after,
               state_name(r.stop_after));
        for (int i = 0; i < o->timeout_s * 20; i++) {
            if (RasGetConnectStatus(h, &st) != 0 || st.rasconnstate == RASCS_Connected || st.dwError)
                break;
            usleep(50 * 1000);
        }
        usleep(200 * 1000); /* room for a stray notification, were there one */
        printf("%s: RasGetConnectStatus: state %d %s error %u\n", kind, (int)st.rasconnstate,
               state_name(st.rasconnstate), (unsigned)st.dwError);
    }
    pthread_mutex_lock(&r.lock);
    print_sequence(&r);
    if (type == 2 && r.stopped)
        printf("%s: notifications after the stop: %zu\n", kind, r.after_stop);
    ok = r.n > 0 && !r.error[r.n - 1] && (r.state[r.n - 1] == RASCS_Connected || r.stopped) && !r.after_stop;
    pthread_mutex_unlock(&r.lock);
    if (!r.done)
        printf("%s: timed out after %d s\n", kind, o->timeout_s);
    print_projection(kind, h);
    hang_up(kind, h);
    global_recorder = NULL;
    pthread_cond_destroy(&r.changed);
    pthread_mutex_destroy(&r.lock);
    return ok && r.done;
}

/* fd and resume: the notifications are records on a pipe.  With resume, a
 * paused RASCS_RetryAuthentication is answered here, in main()'s loop. */
static bool demo_fd(const char *kind, bool resume, const options *o)
{
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = resume ? RDEOPT_PausedStates : 0 };
    recorder r = { .kind = kind, .stop_after = (RASCONNSTATE)-1 };
    RASDIALPARAMS params;
    HRASCONN h = NULL;
    int fds[2];
    bool ok = false, resumed = false;
    DWORD rc;

    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.changed, NULL);
    if (pipe2(fds, O_CLOEXEC) != 0) {
        perror(kind);
        return false;
    }
    fill_params(&params, o, resume ? o->wrong_password : o->password);
    rc = RasDial(&ext, o->phonebook, &params, NR_RAS_NOTIFIER_FD, &fds[1], &h);
    if (rc != 0) {
        print_error(kind, "RasDial", rc);
        goto out;
    }
    for (;;) {
        struct pollfd p = { .fd = fds[0], .events = POLLIN };
        NR_RASDIALEVENT ev;
        int n = poll(&p, 1, o->timeout_s * 1000);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            printf("%s: timed out after %d s\n", kind, o->timeout_s);
            break;
        }
        if (read(fds[0], &ev, sizeof ev) != (ssize_t)sizeof ev || ev.cbSize != sizeof ev ||
            ev.unMsg != WM_RASDIALEVENT || ev.hrasconn != (uint64_t)(uintptr_t)h) {
            printf("%s: a malformed event record\n", kind);
            break;
        }
        record(&r, (RASCONNSTATE)ev.rasconnstate, ev.dwError);
        if (ev.dwError)
            break;
        if (ev.rasconnstate == RASCS_Connected) {
            ok = true;
            break;
        }
        if (ev.rasconnstate == RASCS_RetryAuthentication) {
            if (!resume || resumed) {
                printf("%s: paused unexpectedly\n", kind);
                break;
            }
            /* Same handle, same notifier (kind and descriptor), new password. */
            printf("%s: password rejected; resuming with the right one\n", kind);
            fill_params(&params, o, o->password);
            rc = RasDial(&ext, o->phonebook, &params, NR_RAS_NOTIFIER_FD, &fds[1], &h);
            if (rc != 0) {
                print_error(kind, "RasDial (resume)", rc);
                break;
            }
            resumed = true;
        }
    }
    print_sequence(&r);
    if (resume && !resumed)
        ok = false;
    print_projection(kind, h);
out:
    explicit_bzero(params.szPassword, sizeof params.szPassword);
    if (h)
        hang_up(kind, h);
    close(fds[0]);
    close(fds[1]);
    pthread_cond_destroy(&r.changed);
    pthread_mutex_destroy(&r.lock);
    return ok;
}

static bool run_kind(const char *kind, const options *o)
{
    bool ok;
    printf("%s: dialing %s\n", kind, o->entry);
    fflush(stdout);
    if (!strcmp(kind, "func"))
        ok = demo_callback(kind, 0, o);
    else if (!strcmp(kind, "func1"))
        ok = demo_callback(kind, 1, o);
    else if (!strcmp(kind, "func2"))
        ok = demo_callback(kind, 2, o);
    else if (!strcmp(kind, "fd"))
        ok = demo_fd(kind, false, o);
    else
        ok = demo_fd(kind, true, o);
    printf("%s: %s\n", kind, ok ? "done" : "FAILED");
    fflush(stdout);
    return ok;
}

static const char usage[] =
    "Usage: ras-callbacks [-p PHONEBOOK] [-e ENTRY] [-u USER] [-w PASSWORD]\n"
    "                     [--wrong-password PW] [--stop-after STATE] [--timeout SECONDS]\n"
    "                     [-k KIND[,KIND...]]\n"
    "KIND: func, func1, func2, fd, resume (default: all five in turn).\n"
    "--stop-after: the state number after which RasDialFunc2 returns 0 (default 3,\n"
    "DeviceConnected; -1 never).  --wrong-password: the first password of 'resume'\n"
    "(default \"wrong\").\n";

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "phonebook", required_argument, NULL, 'p' }, { "entry", required_argument, NULL, 'e' },
        { "user", required_argument, NULL, 'u' },      { "password", required_argument, NULL, 'w' },
        { "kind", required_argument, NULL, 'k' },      { "wrong-password", required_argument, NULL, 'W' },
        { "stop-after", required_argument, NULL, 's' }, { "timeout", required_argument, NULL, 't' },
        { "help", no_argument, NULL, 'h' },            { NULL, 0, NULL, 0 },
    };
    options o = { .entry = NULL, .wrong_password = "wrong", .stop_after = RASCS_DeviceConnected, .timeout_s = 60 };
    char kinds_buf[128] = "func,func1,func2,fd,resume", *save = NULL, *kinds[16];
    size_t nkinds = 0;
    int c, failures = 0;

    while ((c = getopt_long(argc, argv, "p:e:u:w:k:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'p': o.phonebook = optarg; break;
        case 'e': o.entry = optarg; break;
        case 'u': o.user = optarg; break;
        case 'w': o.password = optarg; break;
        case 'W': o.wrong_password = optarg; break;
        case 's': o.stop_after = (RASCONNSTATE)atoi(optarg); break;
        case 't': o.timeout_s = atoi(optarg) > 0 ? atoi(optarg) : 60; break;
        case 'k': snprintf(kinds_buf, sizeof kinds_buf, "%s", optarg); break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return 2;
        }
    }
    if (optind < argc && !o.entry)
        o.entry = argv[optind++];
    if (!o.entry || optind < argc) {
        fputs(usage, stderr);
        return 2;
    }
    for (char *k = strtok_r(kinds_buf, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
        if (strcmp(k, "func") && strcmp(k, "func1") && strcmp(k, "func2") && strcmp(k, "fd") &&
            strcmp(k, "resume")) {
            fprintf(stderr, "ras-callbacks: unknown kind '%s'\n%s", k, usage);
            return 2;
        }
        if (nkinds < sizeof kinds / sizeof kinds[0])
            kinds[nkinds++] = k;
    }
    signal(SIGPIPE, SIG_IGN); /* a notification pipe whose reader left */
    for (size_t i = 0; i < nkinds; i++)
        if (!run_kind(kinds[i], &o))
            failures++;
    return failures ? 1 : 0;
}
