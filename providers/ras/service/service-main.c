/*
 * service-main.c - netrouterd(8), the RAS connection service: its options,
 * its socket (its own, or the one systemd passes), the lock that keeps one
 * instance per socket, and its clean stop, which hangs up every link.
 * docs/service.md says what it is for; service.h how its files share the
 * work.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "connnotify.h"
#include "local.h"
#include "proto-path.h"
#include "rasconn.h"
#include "service.h"

/* How long a clean stop waits for each link's port to be released. */
#define STOP_WAIT_MS 5000

static void usage(FILE *f)
{
    fprintf(f, "Usage: netrouterd [OPTION]...\n"
               "The RAS connection service: owns the dial-up links of netrouter's RAS provider, so that\n"
               "they outlive the programs that dial them (see netrouterd(8)).\n\n"
               "  --socket PATH      listen at PATH (default: as clients find it: $NETROUTER_RAS_SOCKET,\n"
               "                     else root's system instance " NR_PROTO_SYSTEM_SOCKET ",\n"
               "                     else $XDG_RUNTIME_DIR/netrouter/ras.sock)\n"
               "  --system           the system instance, at " NR_PROTO_SYSTEM_SOCKET "\n"
               "  --all-users        let every user connect (each sees only their own links; only\n"
               "                     root dials): what the system instance does\n"
               "  --exit-idle SECS   end after SECS seconds with no link and no client (0: never, the default)\n"
               "  --ready-fd FD      write \"OK\" (or why not) to FD once listening, then close it\n"
               "  -v, --verbose      log every request (never a password)\n"
               "  -h, --help         this help\n"
               "  -V, --version      the version\n\n"
               "Stops on SIGTERM, SIGINT or SIGHUP, hanging up every link first.\n"
               "Exit status: 0 after a clean stop, 1 when it cannot start, 2 for a wrong option.\n");
}

static int ready_fd = -1;

/* Says why it cannot start, to standard error and to whoever waits. */
static int __attribute__((format(printf, 1, 2))) fail(const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    svc_log("%s", text);
    if (ready_fd >= 0) {
        dprintf(ready_fd, "%s\n", text);
        close(ready_fd);
        ready_fd = -1;
    }
    return 1;
}

static void ready(void)
{
    if (ready_fd >= 0) {
        dprintf(ready_fd, "OK\n");
        close(ready_fd);
        ready_fd = -1;
    }
}

/* The socket's directory: made if missing (0700, or 0755 for the system
 * instance), and refused when another user owns it or others may write. */
static int check_dir(const char *path, bool system)
{
    char dir[NR_PROTO_SOCKET_PATH_MAX];
    char *slash;
    struct stat st;
    snprintf(dir, sizeof dir, "%s", path);
    slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return 0;
    *slash = '\0';
    if (mkdir(dir, system ? 0755 : 0700) != 0 && errno != EEXIST)
        return fail("cannot make the directory %s: %s", dir, strerror(errno));
    if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return fail("%s is not a directory", dir);
    if ((st.st_uid != geteuid() && st.st_uid != 0) || (st.st_mode & 022 && !(st.st_mode & S_ISVTX)))
        return fail("the directory %s belongs to uid %d or is writable by others: refusing to listen there",
                    dir, (int)st.st_uid);
    return 0;
}

/* systemd's socket activation: the listening socket passed as descriptor 3. */
static int activated_socket(void)
{
    const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
    if (!pid || !fds || atol(pid) != (long)getpid() || atoi(fds) < 1)
        return -1;
    unsetenv("LISTEN_PID");
    unsetenv("LISTEN_FDS");
    unsetenv("LISTEN_FDNAMES");
    fcntl(3, F_SETFD, FD_CLOEXEC);
    return 3;
}

/* Takes the instance lock (path.lock), clears what the instance before
 * left, and writes this one's process number: 0, 1 when it cannot, 2 when
 * another instance holds it. */
static int take_lock(const char *path, int *lock_fd)
{
    char name[NR_PROTO_SOCKET_PATH_MAX + 8], before[32] = "";
    ssize_t n;
    snprintf(name, sizeof name, "%s.lock", path);
    *lock_fd = open(name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (*lock_fd < 0)
        return fail("cannot open the lock file %s: %s", name, strerror(errno));
    if (flock(*lock_fd, LOCK_EX | LOCK_NB) != 0)
        return errno == EWOULDBLOCK ? 2 : fail("cannot lock %s: %s", name, strerror(errno));
    n = pread(*lock_fd, before, sizeof before - 1, 0);
    before[n > 0 ? n : 0] = '\0';
    svc_clear_stale_locks((pid_t)atol(before));
    if (ftruncate(*lock_fd, 0) == 0)
        dprintf(*lock_fd, "%d\n", (int)getpid());
    return 0;
}

static int listen_at(const char *path, bool system)
{
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return -1;
    snprintf(a.sun_path, sizeof a.sun_path, "%s", path);
    unlink(path); /* a socket left by an instance that was killed: we hold the lock */
    if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || chmod(path, system ? 0666 : 0600) != 0 ||
        listen(fd, 64) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

/* Hangs up every link, and waits (bounded) for their ports. */
static void hang_up_all(void)
{
    nr_ras_link *v = NULL;
    size_t n = 0;
    if (nr_rasconn_snapshot(&v, &n) != 0)
        return;
    for (size_t i = 0; i < n; i++)
        nr_local_hang_up(v[i].handle);
    for (size_t i = 0; i < n; i++)
        nr_local_hang_up_wait(v[i].handle, STOP_WAIT_MS);
    if (n)
        svc_log("hung up %zu link%s", n, n == 1 ? "" : "s");
    free(v);
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        { "socket", required_argument, NULL, 's' }, { "system", no_argument, NULL, 'S' },
        { "all-users", no_argument, NULL, 'A' },
        { "exit-idle", required_argument, NULL, 'e' }, { "ready-fd", required_argument, NULL, 'r' },
        { "verbose", no_argument, NULL, 'v' }, { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' }, { NULL, 0, NULL, 0 },
    };
    char path[NR_PROTO_SOCKET_PATH_MAX] = "";
    svc s = { .lock = PTHREAD_MUTEX_INITIALIZER, .changed = PTHREAD_COND_INITIALIZER };
    unsigned idle_exit = 0;
    bool system = false, all_users = false, own_socket;
    sigset_t stop_signals;
    uint64_t first;
    int opt, lock_fd = -1, rc;
    nr_error err;

    while ((opt = getopt_long(argc, argv, "vhV", opts, NULL)) != -1) {
        switch (opt) {
        case 's':
            if (optarg[0] != '/' || strlen(optarg) >= sizeof path) {
                fprintf(stderr, "netrouterd: --socket wants an absolute path shorter than %zu octets\n",
                        sizeof path);
                return 2;
            }
            snprintf(path, sizeof path, "%s", optarg);
            break;
        case 'S':
            system = true;
            break;
        case 'A':
            all_users = true;
            break;
        case 'e':
            idle_exit = (unsigned)strtoul(optarg, NULL, 10);
            break;
        case 'r':
            ready_fd = atoi(optarg);
            fcntl(ready_fd, F_SETFD, FD_CLOEXEC);
            break;
        case 'v':
            s.verbose = true;
            break;
        case 'h':
            usage(stdout);
            return 0;
        case 'V':
            printf("netrouterd (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "netrouterd: unexpected argument \"%s\"\n", argv[optind]);
        usage(stderr);
        return 2;
    }
    if (system)
        snprintf(path, sizeof path, "%s", NR_PROTO_SYSTEM_SOCKET);
    if (!*path) {
        nr_proto_instance which;
        if (nr_proto_socket_path(path, sizeof path, &which, &err) != 0)
            return fail("%s", err.detail);
    }
    s.system = all_users || strcmp(path, NR_PROTO_SYSTEM_SOCKET) == 0;
    s.uid = geteuid();

    /* Signals: the stopping ones through a descriptor, in every thread's mask. */
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);
    signal(SIGPIPE, SIG_IGN);
    s.signal_fd = signalfd(-1, &stop_signals, SFD_CLOEXEC | SFD_NONBLOCK);
    s.wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (s.signal_fd < 0 || s.wake_fd < 0)
        return fail("cannot set up: %s", strerror(errno));

    s.listen_fd = activated_socket();
    own_socket = s.listen_fd < 0;
    if (own_socket) {
        if ((rc = check_dir(path, s.system)) != 0)
            return rc;
        if ((rc = take_lock(path, &lock_fd)) == 2) {
            /* Another instance runs (two clients started one each at once). */
            ready();
            return 0;
        }
        if (rc)
            return rc;
        if ((s.listen_fd = listen_at(path, s.system)) < 0)
            return fail("cannot listen at %s: %s", path, strerror(errno));
    }
    /* Handles never valid in an earlier run: start at a random number. */
    if (getrandom(&first, sizeof first, 0) != (ssize_t)sizeof first)
        first = (uint64_t)getpid() << 20;
    nr_rasconn_first_handle((uintptr_t)((first & 0x7fffffffULL) << 20 | 0x100));
    nr_connnotify_set_listener(svc_dial_on_event, &s);
    svc_log("listening at %s (%s instance%s, uid %d)", own_socket ? path : "the socket systemd passed",
            s.system ? "system" : "per-user", own_socket ? "" : ", socket-activated", (int)s.uid);
    ready();

    svc_run(&s, idle_exit);
    nr_connnotify_set_listener(NULL, NULL);
    hang_up_all();
    svc_close_all(&s);
    if (own_socket)
        unlink(path);
    svc_log("stopped");
    if (lock_fd >= 0)
        close(lock_fd);
    return 0;
}
