/* nr_check_manifest.c - validates manifests before they are installed. */
#include <stdio.h>
#include <netrouter/netrouter.h>

static void print_problem(void *user, const nr_problem *p)
{
    const char *file = user;
    if (p->line > 0)
        fprintf(stderr, "%s:%d:%d: %s: %s\n", file, p->line, p->column, nr_stage_name(p->stage), p->message);
    else
        fprintf(stderr, "%s: %s: %s\n", file, nr_stage_name(p->stage), p->message);
}

int main(int argc, char **argv)
{
    int bad = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s MANIFEST...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        size_t n = nr_check_manifest(argv[i], print_problem, argv[i]);
        if (n == 0)
            printf("%s: ok\n", argv[i]);
        else
            bad = 1;
    }
    return bad;
}
