/*
 * scripts.h - which dispatcher scripts run, in which order.
 *
 * The scripts of one action are the executables of the configured
 * directories, merged by file name and run in lexical (strcmp, byte) order
 * of their names; a name found in several directories is taken from the
 * first one that has it, so a site directory can replace or, with a
 * symbolic link to /dev/null, mask a packaged script.  A directory or a
 * file that fails the trust rules (a regular file or directory, owned by
 * root or the effective user, not writable by its group or by others, a
 * file neither setuid nor setgid; for a symbolic link other than a mask,
 * its resolved target, in directories up to "/" nobody else may write
 * unless sticky, and the target is what runs) is skipped with a warning
 * through pfnLog naming it and the reason (and, judged once at
 * NrPluginInit by dsp_scripts_report, as a problem record through
 * pfnReportProblem); hidden files (".name"), backups ("name~") and
 * package-manager leftovers (.rpmsave, .rpmorig, .rpmnew, .swp,
 * .dpkg-*) are ignored, and so are files without an execute bit
 * (chmod -x disables a script) and subdirectories.
 *
 * Plugin code: only the SDK and the C library.  Reentrant.
 */
#ifndef NR_DISPATCHER_SCRIPTS_H
#define NR_DISPATCHER_SCRIPTS_H

#include <stddef.h>

#include <netrouter/npapi.h>

typedef struct dsp_script {
    char *name; /* the file name, e.g. "10-mount" */
    char *path; /* directory and name */
} dsp_script;

/* Lists the scripts of dirs[0..ndirs) into *out (malloc'ed, *n of them,
 * sorted; release with dsp_scripts_free).  Refusals are logged through host
 * (may be NULL).  Returns 0, or -1 when out of memory. */
int dsp_scripts_list(const NR_PLUGIN_HOST *host, char *const *dirs, size_t ndirs, dsp_script **out, size_t *n);

/* The same judgement once, at NrPluginInit: every directory or file that
 * would be skipped is reported through host->pfnReportProblem (the path,
 * "skipped: " and the reason), so that `netrouter plugins` lists it.  Does
 * nothing on a router without pfnReportProblem.  Returns 0, or -1 when out
 * of memory. */
int dsp_scripts_report(const NR_PLUGIN_HOST *host, char *const *dirs, size_t ndirs);

void dsp_scripts_free(dsp_script *v, size_t n);

#endif
