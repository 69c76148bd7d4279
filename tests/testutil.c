/*
 * testutil.c - temporary directories, fixture copies, manifests, routers,
 * record-file reading and the fixture check shared by the test suites (see
 * testutil.h).  It uses only the public API of libnetrouter.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

/* ---- directories removed at exit ------------------------------------------- */

static pthread_mutex_t g_dirs_lock = PTHREAD_MUTEX_INITIALIZER;
static char **g_dirs;
static size_t g_ndirs;

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path); /* best effort: keep walking */
    return 0;
}

static void remove_dirs(void)
{
    const char *keep = getenv("NRT_KEEP");
    for (size_t i = 0; i < g_ndirs; i++) {
        if (!keep || !*keep)
            nftw(g_dirs[i], rm_one, 16, FTW_DEPTH | FTW_PHYS);
        free(g_dirs[i]);
    }
    free(g_dirs);
    g_dirs = NULL;
    g_ndirs = 0;
}

static void die(const char *what)
{
    fprintf(stderr, "test setup failed: %s: %s\n", what, strerror(errno));
    exit(99);
}

/* ---- the environment ------------------------------------------------------------- */

void *nrt_own(nrt_env *env, void *p)
{
    void **v = realloc(env->owned, (env->nowned + 1) * sizeof *v);
    if (!v)
        die("realloc");
    env->owned = v;
    env->owned[env->nowned++] = p;
    return p;
}

const char *nrt_printf(nrt_env *env, const char *fmt, ...)
{
    char *s = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        die("vasprintf");
    va_end(ap);
    return nrt_own(env, s);
}

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...)
{
    char *s = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        die("vasprintf");
    va_end(ap);
    return s;
}

nrt_env *nrt_env_new(void)
{
    nrt_env *env = calloc(1, sizeof *env);
    const char *tmp = getenv("TMPDIR");
    nr_router_config init = NR_ROUTER_CONFIG_INIT;
    if (!env)
        die("calloc");
    env->dir = xasprintf("%s/nrtest.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(env->dir))
        die("mkdtemp");
    pthread_mutex_lock(&g_dirs_lock);
    if (!g_dirs)
        atexit(remove_dirs);
    g_dirs = realloc(g_dirs, (g_ndirs + 1) * sizeof *g_dirs);
    if (!g_dirs)
        die("realloc");
    g_dirs[g_ndirs++] = strdup(env->dir);
    pthread_mutex_unlock(&g_dirs_lock);
    env->plugins = xasprintf("%s/plugins.d", env->dir);
    env->state = xasprintf("%s/state", env->dir);
    env->record = xasprintf("%s/record.log", env->dir);
    if (mkdir(env->plugins, 0755) != 0 || mkdir(env->state, 0700) != 0)
        die("mkdir");
    env->path[0] = env->plugins;
    env->cfg = init;
    env->cfg.plugin_path = env->path;
    env->cfg.state_dir = env->state;
    return env;
}

void nrt_env_free(nrt_env *env)
{
    if (!env)
        return;
    nr_router_free(env->router);
    unsetenv("NR_FIXTURE_ROUTER");
    for (size_t i = 0; i < env->nowned; i++)
        free(env->owned[i]);
    free(env->owned);
    free(env->dir);
    free(env->plugins);
    free(env->state);
    free(env->record);
    free(env);
}

/* ---- files ------------------------------------------------------------------------- */

static const char *builddir(void)
{
    const char *b = getenv("NR_TEST_BUILDDIR");
    return b && *b ? b : ".";
}

const char *nrt_built(nrt_env *env, const char *relpath)
{
    return nrt_printf(env, "%s/%s", builddir(), relpath);
}

const char *nrt_fixture_built(nrt_env *env, const char *fixture)
{
    return nrt_printf(env, "%s/tests/fixtures/.libs/%s.so", builddir(), fixture);
}

/* Writes through a temporary file and rename(), so a library copy that is
 * still mapped by the process is replaced, never truncated under it. */
static void write_all(const char *path, const void *data, size_t len, mode_t mode)
{
    char *tmp = xasprintf("%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    const char *p = data;
    if (fd < 0)
        die(tmp);
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            die(tmp);
        p += w;
        len -= (size_t)w;
    }
    if (fchmod(fd, mode) != 0 || close(fd) != 0 || rename(tmp, path) != 0)
        die(path);
    free(tmp);
}

static char *read_all(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    size_t cap = 8192, n = 0;
    char *buf;
    if (fd < 0)
        return NULL;
    if (!(buf = malloc(cap)))
        die("malloc");
    for (;;) {
        ssize_t r;
        if (n + 1 >= cap && !(buf = realloc(buf, cap *= 2)))
            die("realloc");
        r = read(fd, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

const char *nrt_slurp(nrt_env *env, const char *path)
{
    char *s = read_all(path, NULL);
    return s ? nrt_own(env, s) : NULL;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

const char *nrt_dir_entries(nrt_env *env, const char *dir, const char *prefix)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, by_name);
    const char *s = "";
    if (n < 0)
        return NULL;
    for (int i = 0; i < n; i++) {
        if (!strncmp(names[i]->d_name, prefix, strlen(prefix)) && strcmp(names[i]->d_name, ".") &&
            strcmp(names[i]->d_name, ".."))
            s = nrt_printf(env, "%s%s%s", s, *s ? " " : "", names[i]->d_name);
        free(names[i]);
    }
    free(names);
    return s;
}

const char *nrt_remembered(nrt_env *env, nr_router *r)
{
    nr_enum *e = NULL;
    const NETRESOURCE *res;
    const char *s = "";
    DWORD rc = nr_enum_open(r, RESOURCE_REMEMBERED, RESOURCETYPE_ANY, 0, NULL, &e);
    if (rc != WN_SUCCESS)
        return nrt_printf(env, "error %u", (unsigned)rc);
    while (nr_enum_next(e, &res) == WN_SUCCESS)
        s = nrt_printf(env, "%s%s%s=%s@%s", s, *s ? " " : "", res->lpLocalName ? res->lpLocalName : "(null)",
                       res->lpRemoteName ? res->lpRemoteName : "(null)", res->lpProvider ? res->lpProvider : "(null)");
    nr_enum_close(e);
    return s;
}

const char *nrt_copy_fixture(nrt_env *env, const char *fixture, const char *dir, const char *name)
{
    const char *src = nrt_fixture_built(env, fixture);
    const char *dst = nrt_printf(env, "%s/%s", dir, name);
    size_t len;
    char *data = read_all(src, &len);
    if (!data) {
        fprintf(stderr, "test setup failed: cannot read fixture %s (set NR_TEST_BUILDDIR to the build tree)\n",
                src);
        exit(99);
    }
    write_all(dst, data, len, 0644);
    free(data);
    return dst;
}

const char *nrt_subdir(nrt_env *env, const char *sub)
{
    const char *p = nrt_printf(env, "%s/%s", env->dir, sub);
    if (mkdir(p, 0755) != 0 && errno != EEXIST)
        die(p);
    return p;
}

const char *nrt_write(nrt_env *env, const char *dir, const char *name, mode_t mode, const char *fmt, ...)
{
    const char *path = nrt_printf(env, "%s/%s", dir, name);
    char *text = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&text, fmt, ap) < 0)
        die("vasprintf");
    va_end(ap);
    write_all(path, text, strlen(text), mode);
    free(text);
    return path;
}

const char *nrt_plugin(nrt_env *env, const char *kind, const char *name, int order, const char *fixture,
                       const char *top, const char *config)
{
    const char *lib = nrt_copy_fixture(env, fixture, env->plugins, nrt_printf(env, "%s.so", name));
    return nrt_write(env, env->plugins, nrt_printf(env, "%s.json", name), 0644,
                     "{\n  \"manifest_version\": 1,\n  \"name\": \"%s\",\n  \"kind\": \"%s\",\n"
                     "  \"library\": \"%s\",\n  \"order\": %d,%s%s\n"
                     "  \"config\": { \"record\": \"%s\"%s%s }\n}\n",
                     name, kind, lib, order, top ? "\n  " : "", top ? nrt_printf(env, "%s,", top) : "",
                     env->record, config ? ", " : "", config ? config : "");
}

const char *nrt_notifier(nrt_env *env, const char *name, int order, const char *top, const char *config)
{
    return nrt_plugin(env, "notifier", name, order, "fixture-notifier", top, config);
}

const char *nrt_provider(nrt_env *env, const char *name, int order, const char *top, const char *config)
{
    return nrt_plugin(env, "provider", name, order, "fixture-provider", top, config);
}

/* A complete, valid manifest body for a copy of fixture-notifier at lib. */
const char *nrt_notifier_manifest(nrt_env *env, const char *name, const char *lib, const char *extra)
{
    return nrt_printf(env,
                      "{\n  \"manifest_version\": 1,\n  \"name\": \"%s\",\n  \"kind\": \"notifier\",\n"
                      "  \"library\": \"%s\"%s%s\n}\n",
                      name, lib, extra ? ",\n  " : "", extra ? extra : "");
}

const char *nrt_write_notifier(nrt_env *env, const char *dir, const char *file, const char *name, const char *extra)
{
    const char *lib = nrt_copy_fixture(env, "fixture-notifier", dir, nrt_printf(env, "%s.so", name));
    return nrt_write(env, dir, file, 0644, "%s", nrt_notifier_manifest(env, name, lib, extra));
}

/* ---- routers --------------------------------------------------------------------------- */

DWORD nrt_router_try(nrt_env *env, nr_router **out)
{
    DWORD rc = nr_router_new(&env->cfg, out);
    if (rc == WN_SUCCESS && *out) {
        char buf[64];
        snprintf(buf, sizeof buf, "%p", (void *)*out);
        setenv("NR_FIXTURE_ROUTER", buf, 1);
    }
    return rc;
}

nr_router *nrt_router(nrt_env *env)
{
    nr_router *r = NULL;
    DWORD rc;
    /* The previous router goes first: a library file that both had loaded
     * would otherwise be one module with one set of globals. */
    nr_router_free(env->router);
    env->router = NULL;
    rc = nrt_router_try(env, &r);
    NRT_EQ_CODE(rc, WN_SUCCESS);
    NRT_NOT_NULL_FATAL(r);
    env->router = r;
    return r;
}

/* ---- records ------------------------------------------------------------------------------ */

const char *nrt_records(nrt_env *env)
{
    const char *s = nrt_slurp(env, env->record);
    return s ? s : "";
}

void nrt_clear_records(nrt_env *env)
{
    unlink(env->record);
}

static bool key_listed(const char *keys, const char *tok, size_t klen)
{
    const char *p = keys;
    while (p && *p) {
        const char *end = strchr(p, ',');
        size_t l = end ? (size_t)(end - p) : strlen(p);
        if (l == klen && !strncmp(p, tok, klen))
            return true;
        p = end ? end + 1 : NULL;
    }
    return false;
}

const char *nrt_trace_of(nrt_env *env, const char *only_kinds, const char *keys)
{
    char *text = read_all(env->record, NULL), *save = NULL;
    size_t cap = 256, n = 0;
    char *out = calloc(1, cap);
    if (!out)
        die("calloc");
    for (char *line = text ? strtok_r(text, "\n", &save) : NULL; line; line = strtok_r(NULL, "\n", &save)) {
        char *tsave = NULL;
        bool first = true;
        if (only_kinds && !strchr(only_kinds, line[0]))
            continue;
        for (char *tok = strtok_r(line + 1, " ", &tsave); tok; tok = strtok_r(NULL, " ", &tsave)) {
            char *eq = strchr(tok, '=');
            size_t l = strlen(tok);
            if (eq && !key_listed(keys, tok, (size_t)(eq - tok)))
                continue;
            while (n + l + 8 > cap)
                if (!(out = realloc(out, cap *= 2)))
                    die("realloc");
            n += (size_t)sprintf(out + n, "%s%s", first ? (n ? " | " : "") : " ", tok);
            first = false;
        }
    }
    free(text);
    return nrt_own(env, out);
}

static bool line_has_words(const char *line, const char *words)
{
    char *copy = strdup(words), *save = NULL;
    bool ok = true;
    for (char *w = strtok_r(copy, " ", &save); w && ok; w = strtok_r(NULL, " ", &save)) {
        /* whole tokens only */
        size_t wl = strlen(w);
        const char *p = line;
        ok = false;
        while ((p = strstr(p, w))) {
            if ((p == line || p[-1] == ' ') && (p[wl] == ' ' || p[wl] == '\0')) {
                ok = true;
                break;
            }
            p++;
        }
    }
    free(copy);
    return ok;
}

static char *nth_line(nrt_env *env, const char *words, int nth, int *count)
{
    char *text = read_all(env->record, NULL), *save = NULL, *found = NULL;
    int k = 0;
    for (char *line = text ? strtok_r(text, "\n", &save) : NULL; line; line = strtok_r(NULL, "\n", &save)) {
        if (!line_has_words(line, words))
            continue;
        if (k++ == nth && !found)
            found = strdup(line);
    }
    free(text);
    if (count)
        *count = k;
    return found;
}

int nrt_count(nrt_env *env, const char *words)
{
    int k = 0;
    free(nth_line(env, words, -1, &k));
    return k;
}

const char *nrt_value(nrt_env *env, const char *words, int n, const char *key)
{
    char *line = nth_line(env, words, n, NULL), *save = NULL;
    size_t kl = strlen(key);
    const char *v = NULL;
    if (!line)
        return NULL;
    for (char *tok = strtok_r(line, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
        if (!strncmp(tok, key, kl) && tok[kl] == '=')
            v = nrt_printf(env, "%s", tok + kl + 1);
    free(line);
    return v;
}

/* ---- small API helpers ---------------------------------------------------------------------- */

NETRESOURCE nrt_res(const char *local, const char *remote)
{
    NETRESOURCE r = { .dwType = RESOURCETYPE_DISK, .lpLocalName = (char *)local, .lpRemoteName = (char *)remote };
    return r;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && !strcmp(s + a - b, suffix);
}

const nr_problem *nrt_problem(const nr_router *r, const char *file_suffix)
{
    size_t n = nr_router_problem_count(r);
    for (size_t i = 0; i < n; i++) {
        const nr_problem *p = nr_router_problem(r, i);
        if (p && (!file_suffix || (p->file && ends_with(p->file, file_suffix))))
            return p;
    }
    return NULL;
}

const char *nrt_problems_text(nrt_env *env, const nr_router *r)
{
    size_t n = nr_router_problem_count(r);
    const char *s = "";
    for (size_t i = 0; i < n; i++) {
        const nr_problem *p = nr_router_problem(r, i);
        s = nrt_printf(env, "%s%s:%d:%d: %s: %s\n", s, p->file ? p->file : "?", p->line, p->column,
                       nr_stage_name(p->stage), p->message ? p->message : "?");
    }
    return s;
}

int nrt_plugin_index(const nr_router *r, const char *name)
{
    size_t n = nr_router_plugin_count(r);
    for (size_t i = 0; i < n; i++) {
        nr_plugin_info info;
        if (nr_router_plugin_info(r, i, &info) == WN_SUCCESS && info.name && !strcmp(info.name, name))
            return (int)i;
    }
    return -1;
}

const char *nrt_plugin_names(nrt_env *env, const nr_router *r)
{
    size_t n = nr_router_plugin_count(r);
    const char *s = "";
    for (size_t i = 0; i < n; i++) {
        nr_plugin_info info;
        if (nr_router_plugin_info(r, i, &info) == WN_SUCCESS)
            s = nrt_printf(env, "%s%s%s", s, i ? " " : "", info.name ? info.name : "(null)");
    }
    return s;
}

const char *nrt_last_error_text(nrt_env *env)
{
    char text[2048] = "";
    nr_get_last_error(NULL, text, sizeof text, NULL, 0);
    return nrt_printf(env, "%s", text);
}

const char *nrt_last_error_provider(nrt_env *env)
{
    char prov[512] = "";
    nr_get_last_error(NULL, NULL, 0, prov, sizeof prov);
    return nrt_printf(env, "%s", prov);
}

/* ---- the fixtures are built ----------------------------------------------------------------------- */

int nrt_fixtures_found(const char *argv0)
{
    char probe[PATH_MAX];

    snprintf(probe, sizeof probe, "%s/tests/fixtures/.libs/fixture-notifier.so", builddir());
    if (access(probe, R_OK) != 0) {
        fprintf(stderr, "%s: cannot find the fixture plugins (%s); set NR_TEST_BUILDDIR\n", argv0, probe);
        return -1;
    }
    return 0;
}
