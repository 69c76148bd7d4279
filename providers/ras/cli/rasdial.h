/*
 * rasdial.h - what the files of the rasdial command share: the interrupt
 * (SIGINT, SIGTERM, SIGHUP turned into a readable descriptor that every
 * wait of the command polls) and the reading of a password (terminal
 * prompt, file, standard input) in rasdial-input.c; the listing of links
 * and /DISCONNECT in rasdial-links.c; the error lines in rasdial-report.c.  Internal to the
 * command; the dialing itself goes through the public <netrouter/ras.h>.
 */
#ifndef NR_RASDIAL_H
#define NR_RASDIAL_H

#include <stdbool.h>
#include <stddef.h>
#include <netrouter/ras.h>

/* Makes SIGINT, SIGTERM and SIGHUP only record themselves (see rd_signal)
 * and SIGPIPE be ignored, so that every phase of the command can end in
 * order: hang up, release the port and restore the terminal.  Call it
 * first, before anything can block.  False (reported) on failure. */
bool rd_signals_init(void);

/* A descriptor that becomes readable once one of those signals has come;
 * every wait of the command polls it with what it waits for. */
int rd_signal_fd(void);

/* The first signal that came, or 0. */
int rd_signal(void);

/* How the signal is told to people: "interrupted" (SIGINT), "terminated"
 * (SIGTERM), "hung up" (SIGHUP). */
const char *rd_signal_word(int signo);

/* Reads a password into out (size bytes, the largest password being
 * size - 2 characters): the first line of file (a regular file, opened
 * with the safe opener of router/common/files.h; "-": standard input), or,
 * when prompt, from the terminal without echo (standard input when there
 * is none).  Every wait watches rd_signal_fd(); the terminal's echo is
 * restored on every path.  Nothing but out keeps the password: the
 * buffers it passed through are wiped.  Returns 0; a signal number when
 * interrupted (out is then wiped); -1 after an error (reported). */
int rd_read_password(const char *file, bool prompt, char *out, size_t size);

/* Prints "rasdial: error NNN: text" and, on a line of its own, what the
 * library says was at fault (h: the connection; NULL: the calling
 * thread's last error).  Returns EXIT_FAILURE. */
int rd_fail(DWORD code, HRASCONN h);

/* rasdial without an entry: the connected entries, one per line after
 * "Connected to" ("No connections." when none), or as a JSON array.
 * Returns the exit status. */
int rd_list(bool json);

/* 1 when entry has a connected link already (then rasdial says so, as
 * Windows' does, instead of dialing it again), 0 when not, -1 when the
 * links cannot be listed. */
int rd_already(const char *entry);

/* /DISCONNECT: hangs up entry's links (every link of the user when entry
 * is NULL) and waits for their ports; 1 with error 668 when entry has
 * none.  Returns the exit status. */
int rd_disconnect(const char *entry, bool quiet);

/* Overwrites a command-line argument in place (a password given the
 * Windows way), so that ps and /proc/PID/cmdline no longer show it. */
void rd_scrub_arg(char *arg);

#endif
