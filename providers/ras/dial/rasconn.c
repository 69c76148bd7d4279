/*
 * rasconn.c - the table of live RAS connections (rasconn.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rasconn.h"

typedef struct table {
    pthread_mutex_t lock;
    nr_rasconn **v;
    size_t n, cap;
    uintptr_t next_id;          /* handles are never reused */
} table;

static table conns = { PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0, 0x100 };

nr_rasconn *nr_rasconn_create(void)
{
    nr_rasconn *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->changed, NULL);
    c->refs = 2; /* the table's and the caller's */
    c->listed = true;
    pthread_mutex_lock(&conns.lock);
    if (conns.n == conns.cap) {
        size_t cap = conns.cap ? conns.cap * 2 : 8;
        nr_rasconn **v = realloc(conns.v, cap * sizeof *v);
        if (!v) {
            pthread_mutex_unlock(&conns.lock);
            pthread_cond_destroy(&c->changed);
            pthread_mutex_destroy(&c->lock);
            free(c);
            return NULL;
        }
        conns.v = v;
        conns.cap = cap;
    }
    c->handle = (HRASCONN)conns.next_id++;
    conns.v[conns.n++] = c;
    pthread_mutex_unlock(&conns.lock);
    return c;
}

nr_rasconn *nr_rasconn_lookup(HRASCONN h)
{
    nr_rasconn *found = NULL;
    if (!h)
        return NULL;
    pthread_mutex_lock(&conns.lock);
    for (size_t i = 0; i < conns.n && !found; i++) {
        if (conns.v[i]->handle == h) {
            found = conns.v[i];
            pthread_mutex_lock(&found->lock);
            found->refs++;
            pthread_mutex_unlock(&found->lock);
        }
    }
    pthread_mutex_unlock(&conns.lock);
    return found;
}

void nr_rasconn_unlist(nr_rasconn *c)
{
    bool was_listed = false;
    pthread_mutex_lock(&conns.lock);
    for (size_t i = 0; i < conns.n; i++) {
        if (conns.v[i] == c) {
            conns.v[i] = conns.v[--conns.n];
            was_listed = true;
            break;
        }
    }
    if (conns.n == 0) { /* give the memory back when idle (valgrind sees no "still reachable") */
        free(conns.v);
        conns.v = NULL;
        conns.cap = 0;
    }
    pthread_mutex_unlock(&conns.lock);
    if (was_listed) {
        pthread_mutex_lock(&c->lock);
        c->listed = false;
        pthread_mutex_unlock(&c->lock);
        nr_rasconn_release(c);
    }
}

void nr_rasconn_release(nr_rasconn *c)
{
    unsigned left;
    if (!c)
        return;
    pthread_mutex_lock(&c->lock);
    left = --c->refs;
    pthread_mutex_unlock(&c->lock);
    if (left)
        return;
    if (c->engine_free)
        c->engine_free(c->engine);
    pthread_cond_destroy(&c->changed);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

static int by_handle(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)(*(nr_rasconn *const *)a)->handle, y = (uintptr_t)(*(nr_rasconn *const *)b)->handle;
    return x < y ? -1 : x > y;
}

size_t nr_rasconn_list(nr_rasconn **out, size_t max)
{
    size_t n;
    pthread_mutex_lock(&conns.lock);
    n = conns.n;
    if (n > 1)
        qsort(conns.v, n, sizeof *conns.v, by_handle); /* oldest first */
    for (size_t i = 0; i < n && i < max; i++) {
        out[i] = conns.v[i];
        pthread_mutex_lock(&out[i]->lock);
        out[i]->refs++;
        pthread_mutex_unlock(&out[i]->lock);
    }
    pthread_mutex_unlock(&conns.lock);
    return n;
}

DWORD nr_rasconn_snapshot(nr_ras_link **out, size_t *n)
{
    nr_ras_link *v = NULL;
    *out = NULL;
    *n = 0;
    pthread_mutex_lock(&conns.lock);
    if (conns.n && !(v = calloc(conns.n, sizeof *v))) {
        pthread_mutex_unlock(&conns.lock);
        return ERROR_ALLOCATING_MEMORY;
    }
    if (conns.n > 1)
        qsort(conns.v, conns.n, sizeof *conns.v, by_handle); /* oldest first */
    for (size_t i = 0; i < conns.n; i++) {
        nr_rasconn *c = conns.v[i];
        pthread_mutex_lock(&c->lock);
        v[i].handle = c->handle;
        v[i].owner = c->owner;
        v[i].state = c->state;
        v[i].error = c->err.code;
        memcpy(v[i].entry, c->entry, sizeof v[i].entry);
        memcpy(v[i].phonebook, c->phonebook, sizeof v[i].phonebook);
        memcpy(v[i].device_type, c->device_type, sizeof v[i].device_type);
        memcpy(v[i].device_name, c->device_name, sizeof v[i].device_name);
        pthread_mutex_unlock(&c->lock);
    }
    *n = conns.n;
    pthread_mutex_unlock(&conns.lock);
    *out = v;
    return 0;
}

void nr_rasconn_first_handle(uintptr_t first)
{
    pthread_mutex_lock(&conns.lock);
    if (first > conns.next_id)
        conns.next_id = first;
    pthread_mutex_unlock(&conns.lock);
}
