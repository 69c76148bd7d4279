/*
 * run.h - runs one dispatcher script to its end or its deadline.
 *
 * The script runs in a process group of its own, with standard input from
 * /dev/null, standard output and error on pipes whose lines go to the
 * router's log (pfnLog), no other descriptor of the application (everything
 * from 3 up is closed in the child before exec), the environment it is
 * given and nothing else, the default signal dispositions and an empty
 * signal mask, and "/" as working directory.  Past its deadline the whole
 * process group is killed (SIGKILL) before the script is reaped.
 *
 * Plugin code: only the SDK and the C library.  Reentrant: no global state.
 */
#ifndef NR_DISPATCHER_RUN_H
#define NR_DISPATCHER_RUN_H

#include <netrouter/npapi.h>

/* How a script ended. */
typedef enum dsp_end {
    DSP_EXITED,    /* code is its exit status */
    DSP_SIGNALED,  /* code is the signal that ended it */
    DSP_TIMED_OUT, /* killed with its group at the deadline */
    DSP_NOT_RUN,   /* could not be started: code is the errno */
    DSP_LOST       /* ended, its status taken by somebody else (SIGCHLD ignored) */
} dsp_end;

#define DSP_FIRST_LINE 512

typedef struct dsp_result {
    dsp_end end;
    int code;
    char first_err[DSP_FIRST_LINE]; /* first line of its standard error, "" if none */
} dsp_result;

/* Runs path with argv and envp (NULL-terminated), waiting at most
 * timeout_ms; its output is logged through host (NULL: dropped), each line
 * prefixed with label.  Fills *res. */
void dsp_run(const NR_PLUGIN_HOST *host, const char *label, const char *path, char *const argv[],
             char *const envp[], unsigned timeout_ms, dsp_result *res);

/* "exit status 3", "signal 9 (Killed)", ...: how res ended, for messages. */
void dsp_describe(const dsp_result *res, unsigned timeout_ms, char *buf, size_t size);

#endif
