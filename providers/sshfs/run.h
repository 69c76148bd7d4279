/*
 * run.h - running the helper programs of the sshfs provider (sshfs,
 * fusermount3, ssh -G, ssh-keyscan, ssh-keygen) and collecting what they say.
 *
 * The lowest file of the provider: it knows processes, not SSH.
 */
#ifndef NR_SSHFS_RUN_H
#define NR_SSHFS_RUN_H

#include <stddef.h>

/* What a run came to. */
typedef enum sshfs_run_status {
    SSHFS_RUN_EXITED,   /* the program exited; see code */
    SSHFS_RUN_SIGNALED, /* killed by signal code */
    SSHFS_RUN_TIMEOUT,  /* still running after the time limit: its session was killed */
    SSHFS_RUN_FAILED,   /* could not be started (code is the errno; the output says why) */
} sshfs_run_status;

typedef struct sshfs_run_result {
    sshfs_run_status status;
    int code;
    char output[4096]; /* standard output and error together, NUL-terminated, cut if longer */
} sshfs_run_result;

/*
 * Runs argv (argv[0] looked up in PATH) in a session of its own, so it has no
 * controlling terminal and can never stop to prompt on one, with no
 * descriptor of the caller's but 0, 1 and 2.  input (NULL: none) goes to its
 * standard input through a pipe, which is then closed: a secret given this
 * way is never in argv or the environment.  Standard output and error go to
 * an anonymous memory file, read once the program has exited, so that
 * processes it leaves behind (sshfs's ssh) may go on writing there without
 * blocking anybody.  After timeout_ms the program's session is killed
 * (SIGKILL) and the status is SSHFS_RUN_TIMEOUT.  Thread-safe (no global
 * state; it waits for its own child only).
 */
void sshfs_run(const char *const argv[], const char *input, int timeout_ms, sshfs_run_result *out);

#endif /* NR_SSHFS_RUN_H */
