/*
 * host.c - the sshfs plugin's shared state (host.h), under one mutex.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned refs;
static const NR_PLUGIN_HOST *the_host; /* NULL while shared: we cannot tell which one outlives */
static sshfs_config config;
static bool config_set;
static char name[256] = SSHFS_PROVIDER_NAME;

DWORD sshfs_host_attach(const NR_PLUGIN_HOST *host, char *why, size_t why_size)
{
    DWORD rc = WN_SUCCESS;
    pthread_mutex_lock(&lock);
    if (refs == 0) {
        sshfs_config_defaults(&config);
        rc = sshfs_config_parse(host->lpConfigJson, &config, why, why_size);
        config_set = rc == WN_SUCCESS;
        if (host->lpPluginName)
            snprintf(name, sizeof name, "%s", host->lpPluginName);
    }
    if (rc == WN_SUCCESS) {
        the_host = refs == 0 ? host : NULL;
        refs++;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

void sshfs_host_detach(void)
{
    pthread_mutex_lock(&lock);
    if (refs && --refs == 0) {
        the_host = NULL;
        if (config_set)
            sshfs_config_free(&config);
        config_set = false;
    }
    pthread_mutex_unlock(&lock);
}

DWORD sshfs_host_config(sshfs_config *out)
{
    DWORD rc = WN_SUCCESS;
    pthread_mutex_lock(&lock);
    sshfs_config_defaults(out);
    if (config_set) {
        *out = config;
        out->ssh_config = NULL;
        out->n_options = 0;
        if (config.ssh_config && !(out->ssh_config = strdup(config.ssh_config)))
            rc = WN_OUT_OF_MEMORY;
        for (size_t i = 0; i < config.n_options && rc == WN_SUCCESS; i++) {
            if (!(out->options[i] = strdup(config.options[i])))
                rc = WN_OUT_OF_MEMORY;
            else
                out->n_options++;
        }
    }
    pthread_mutex_unlock(&lock);
    if (rc != WN_SUCCESS)
        sshfs_config_free(out);
    return rc;
}

const char *sshfs_host_name(void)
{
    return name; /* written only by the first init, before any entry point */
}

DWORD sshfs_report(DWORD code, const char *fmt, ...)
{
    char text[1000];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    pthread_mutex_lock(&lock);
    if (the_host)
        the_host->pfnSetLastError(the_host, code, text);
    pthread_mutex_unlock(&lock);
    return code;
}

DWORD sshfs_copy_out(const char *s, char *buf, DWORD *size)
{
    size_t need = strlen(s) + 1;
    if (!size)
        return WN_BAD_POINTER;
    if (!buf || *size < need) {
        *size = (DWORD)need;
        return WN_MORE_DATA;
    }
    memcpy(buf, s, need);
    return WN_SUCCESS;
}
