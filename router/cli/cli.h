/*
 * cli.h - shared declarations of the netrouter command: the per-command
 * entry points and the output helpers.  Commands use only the public API.
 */
#ifndef NR_CLI_H
#define NR_CLI_H

#include <stdbool.h>
#include <jansson.h>
#include <stdio.h>
#include <netrouter/netrouter.h>

#define EXIT_USAGE 2

/* Global options, from main(). */
typedef struct cli_globals {
    const char *const *plugin_path; /* NULL: library defaults */
    const char *state_dir;          /* NULL: library default */
    bool verbose;                   /* show the plugins' progress messages */
} cli_globals;

typedef int (*cli_command_fn)(const cli_globals *g, int argc, char **argv);

int cmd_use(const cli_globals *g, int argc, char **argv);
int cmd_cancel(const cli_globals *g, int argc, char **argv);
int cmd_restore(const cli_globals *g, int argc, char **argv);
int cmd_list(const cli_globals *g, int argc, char **argv);
int cmd_plugins(const cli_globals *g, int argc, char **argv);
int cmd_check_manifest(const cli_globals *g, int argc, char **argv);
int cmd_policy(const cli_globals *g, int argc, char **argv);

/* netuse-args.c: the words of Windows' net use that "use" accepts. */
typedef enum cli_switch_kind {
    CLI_SWITCH_DELETE,         /* /delete: cancel and forget */
    CLI_SWITCH_PERSISTENT,     /* (parsed into one of the next two) */
    CLI_SWITCH_PERSISTENT_YES, /* /persistent:yes */
    CLI_SWITCH_PERSISTENT_NO,  /* /persistent:no */
    CLI_SWITCH_USER,           /* /user:NAME (value: NAME, as given) */
    CLI_SWITCH_YES,            /* /y: force, with /delete */
    CLI_SWITCH_NO,             /* /n: do not force */
} cli_switch_kind;
typedef struct cli_switch {
    cli_switch_kind kind;
    const char *value; /* after the colon, in the argument; NULL without one */
} cli_switch;
/* Whether arg has the form of a net use switch: '/', one or more ASCII
 * letters, then the end or ':' (so "/mnt/a" is a path, "/mnt" a switch). */
bool cli_is_switch(const char *arg);
/* Reads a switch (cli_is_switch() true) into *out: the name in any case and
 * abbreviated ("/D", "/p:No", "/u:bob").  EXIT_SUCCESS, or EXIT_USAGE after
 * a usage error naming the switch (unknown, value missing or not wanted,
 * /persistent: neither yes nor no). */
int cli_parse_switch(const char *arg, cli_switch *out);
/* The local name as the router should get it: name when absolute, else
 * name made absolute against the working directory, its directory part
 * resolved as the kernel would (symbolic links, "..") when it exists and
 * the last component kept.  malloc'd; NULL when name is empty, the
 * working directory cannot be named or memory is short, after saying so on
 * stderr unless quiet. */
char *cli_absolute_local(const char *name, bool quiet);

/* netuse-list.c: the connections as net use lists them (Status, Local,
 * Remote, Network; remembered but not connected: "Unavailable"). */
int cli_netuse_list(const cli_globals *g);
/* netuse-list.c: "netrouter use LOCAL", one connection as "net use X:"
 * shows it (OK when a provider has it, by enumeration or NPGetConnection;
 * Unavailable when only remembered); error 2250 when no connection or
 * remembered one has that local name (made absolute from the working
 * directory), or CLI_NOT_A_LOCAL, silently, when only_known. */
#define CLI_NOT_A_LOCAL (-1)
int cli_netuse_show(const cli_globals *g, const char *name, bool only_known);
/* "netrouter use * /delete [/y]": with yes, cancels and forgets every
 * connection and remembered connection, as net use does; without, lists
 * them and deletes nothing (net use would ask).  Exit status. */
int cli_delete_all(nr_router *r, BOOL yes);
/* Whether the store remembers a connection of that local name. */
bool cli_is_remembered(nr_router *r, const char *local);

/* prompt.c: reads a password from the controlling terminal without echo,
 * after net use's prompt naming remote, into out[size].  0; -1 after saying
 * why (no terminal, too long, end of input, interrupted: the signal is
 * raised again once the terminal is restored).  Echo is restored on every
 * path; out is wiped on failure. */
int cli_prompt_password(const char *remote, char *out, size_t size);

/* output.c */
/* Prints one line to f, formatted, with every control character shown as
 * \xHH (\uHHHH for a C1 control): for any text from a file or a plugin,
 * which must never drive the terminal (a hostile manifest given to
 * check-manifest, a provider's message). */
void cli_line(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The columns text takes once cli_line() has printed it: a control is its
 * \xHH or \uHHHH form, a character its wcwidth() in C.UTF-8 (names are
 * UTF-8 in every locale; 1 for a byte that is no character), so a table
 * of names outside ASCII stays aligned.  Not thread-safe (the CLI's). */
size_t cli_width(const char *text);
/* Prints "netrouter: error N: text" and the thread's detailed last error to
 * stderr; returns EXIT_FAILURE. */
int cli_report(const char *what, DWORD code);
/* Usage error: message, hint, EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Sets cfg's log function for the global options and NETROUTER_DEBUG. */
void cli_log_setup(const cli_globals *g, nr_router_config *cfg);
/* Usage error for what getopt_long() returned as c ('?' or ':', with
 * opterr 0 and optstring starting with ':'): names the option and what is
 * wrong with it; EXIT_USAGE. */
int cli_option_error(const char *command, int c, char **argv);
/* Opens the router for a command; prints the error and returns non-zero on failure. */
int cli_open_router(const cli_globals *g, DWORD flags, nr_router **out);
/* Prints the command's help text when argv asks for it (-h/--help). */
bool cli_wants_help(int argc, char **argv, const char *help);
/* s as a JSON string (null for NULL), every byte of it that is not UTF-8
 * (a file name may hold any) shown as U+FFFD, so that nothing is dropped;
 * NULL only when out of memory. */
json_t *cli_json_string(const char *s);
/* A resource as a JSON object (caller frees with free()) or a table row. */
char *cli_resource_json(const NETRESOURCE *r);
const char *cli_or_dash(const char *s);

#endif
