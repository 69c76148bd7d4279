/*
 * slirp-select-fix.c - LD_PRELOAD shim that keeps Debian's slirp 1.0.17
 * alive on glibc >= 2.36 (docs/research/slirp-ppp-peer.md section 2):
 * slirp passes tv_usec = (u_int)-1 meaning "forever", glibc's select()
 * rejects it with EINVAL and slirp exits. An out-of-range timeout becomes
 * 5 s, what slirp meant; the caller's struct is left untouched.
 * Test helper only: loaded into slirp by test-ras-ppp-slirp.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <sys/select.h>
#include <sys/time.h>

typedef int (*select_fn)(int, fd_set *, fd_set *, fd_set *, struct timeval *);

int select(int nfds, fd_set *r, fd_set *w, fd_set *e, struct timeval *tv);

__attribute__((visibility("default"))) int select(int nfds, fd_set *r, fd_set *w, fd_set *e, struct timeval *tv)
{
    static select_fn real_select;
    struct timeval fixed;

    if (!real_select)
        real_select = (select_fn)dlsym(RTLD_NEXT, "select");
    if (tv && (tv->tv_usec < 0 || tv->tv_usec >= 1000000)) {
        fixed.tv_sec = 5;
        fixed.tv_usec = 0;
        tv = &fixed;
    }
    return real_select(nfds, r, w, e, tv);
}
