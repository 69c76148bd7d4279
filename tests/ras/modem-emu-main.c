/*
 * modem-emu-main.c - the modem emulator as a command, for shell tests, the
 * benchmarks and the demo: prints the pseudo-terminal's path on its first
 * output line, answers AT commands as told, and after CONNECT either hands
 * the line to a command (--exec, e.g. slirp) or keeps it until SIGINT/SIGTERM.
 */
#include "config.h"

#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "modem-emu.h"

static const char help[] =
    "Usage: modem-emu [--answer WORD] [--dial-delay MS] [--echo] [--numeric] [--login USER:PASSWORD]\n"
    "                 [--exec COMMAND]\n"
    "A Hayes modem on a pseudo-terminal; the first output line is its path.\n"
    "  --answer WORD     reply to ATD: connect (default), busy, no-carrier, no-dialtone,\n"
    "                    no-answer, error, voice, silence, garbage\n"
    "  --dial-delay MS   wait before answering ATD\n"
    "  --echo, --numeric start with echo on / numeric result codes\n"
    "  --login USER:PASSWORD  after CONNECT, ask \"login: \" and \"Password: \" like a\n"
    "                    terminal server; a wrong answer drops the line\n"
    "  --exec COMMAND    after CONNECT run COMMAND (sh -c) with the line as its\n"
    "                    standard input and output; exit with its status\n"
    "  --calls N         with --exec: when COMMAND exits, say NO CARRIER and answer\n"
    "                    the next dial, N calls in all (default 1); each time it is\n"
    "                    back in command mode it prints \"ready CALL\" (CALL = 2, 3, ...)\n";

static const struct { const char *word; modem_emu_dial answer; } answers[] = {
    { "connect", MODEM_EMU_CONNECT }, { "busy", MODEM_EMU_BUSY },         { "no-carrier", MODEM_EMU_NO_CARRIER },
    { "no-dialtone", MODEM_EMU_NO_DIALTONE }, { "no-answer", MODEM_EMU_NO_ANSWER }, { "error", MODEM_EMU_ERROR },
    { "voice", MODEM_EMU_VOICE },     { "silence", MODEM_EMU_SILENCE },   { "garbage", MODEM_EMU_GARBAGE },
};

/* Waits for CONNECT and runs the command on the line; false when a signal
 * came first (then *rc is 0). */
static bool serve_call(modem_emu *e, const char *exec_cmd, sigset_t *sigs, int *rc)
{
    for (;;) {
        struct timespec zero = { 0, 0 };
        if (modem_emu_wait_connected(e, 200))
            break;
        if (sigtimedwait(sigs, NULL, &zero) > 0) {
            *rc = 0;
            return false;
        }
    }
    pid_t child = fork();
    if (child == 0) {
        int m = modem_emu_master_fd(e);
        sigprocmask(SIG_UNBLOCK, sigs, NULL);
        if (dup2(m, 0) < 0 || dup2(m, 1) < 0)
            _exit(127);
        execl("/bin/sh", "sh", "-c", exec_cmd, (char *)NULL);
        _exit(127);
    }
    if (child > 0) {
        int status;
        while (waitpid(child, &status, 0) < 0) {
        }
        *rc = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    } else {
        *rc = 1;
    }
    return true;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        { "answer", required_argument, NULL, 'a' }, { "dial-delay", required_argument, NULL, 'd' },
        { "echo", no_argument, NULL, 'e' },         { "numeric", no_argument, NULL, 'n' },
        { "exec", required_argument, NULL, 'x' },   { "help", no_argument, NULL, 'h' },
        { "login", required_argument, NULL, 'l' },  { "calls", required_argument, NULL, 'c' },
        { NULL, 0, NULL, 0 },
    };
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    const char *exec_cmd = NULL, *login[5] = { "\r\nlogin: ", NULL, "Password: ", NULL, NULL };
    sigset_t sigs;
    modem_emu *e;
    int c, rc = 0, sig, calls = 1;

    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'a': {
            bool found = false;
            for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++)
                if (!strcmp(answers[i].word, optarg)) {
                    s.dial = answers[i].answer;
                    found = true;
                }
            if (!found) {
                fprintf(stderr, "modem-emu: unknown answer '%s'\n", optarg);
                return 2;
            }
            break;
        }
        case 'd': s.dial_delay_ms = atoi(optarg); break;
        case 'e': s.echo = true; break;
        case 'n': s.numeric = true; break;
        case 'x': exec_cmd = optarg; break;
        case 'c': calls = atoi(optarg) > 0 ? atoi(optarg) : 1; break;
        case 'l': {
            char *colon = strchr(optarg, ':');
            if (!colon) {
                fprintf(stderr, "modem-emu: --login takes USER:PASSWORD\n");
                return 2;
            }
            *colon = '\0';
            login[1] = optarg;
            login[3] = colon + 1;
            s.login = login;
            break;
        }
        case 'h': fputs(help, stdout); return 0;
        default: fputs(help, stderr); return 2;
        }
    }
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL); /* before the emulator's thread starts */
    e = modem_emu_start(&s);
    if (!e)
        return 1;
    printf("%s\n", modem_emu_path(e));
    fflush(stdout);
    if (!exec_cmd) {
        sigwait(&sigs, &sig);
        modem_emu_stop(e);
        return 0;
    }
    for (int call = 1; call <= calls; call++) {
        if (call > 1) {
            if (!modem_emu_hang_up(e))
                break;
            printf("ready %d\n", call);
            fflush(stdout);
        }
        if (!serve_call(e, exec_cmd, &sigs, &rc))
            break;
    }
    modem_emu_stop(e);
    return rc;
}
