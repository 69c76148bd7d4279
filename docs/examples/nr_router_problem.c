/* nr_router_problem.c - prints why manifests or plugins were not loaded. */
#include <stdio.h>
#include <netrouter/netrouter.h>

int main(void)
{
    nr_router *r;
    size_t n;

    if (nr_router_new(NULL, &r) != WN_SUCCESS) {
        fprintf(stderr, "cannot start the router\n");
        return 1;
    }
    n = nr_router_problem_count(r);
    for (size_t i = 0; i < n; i++) {
        const nr_problem *p = nr_router_problem(r, i);
        if (p->line > 0)
            printf("%s:%d:%d: %s: %s\n", p->file, p->line, p->column, nr_stage_name(p->stage), p->message);
        else
            printf("%s: %s: %s\n", p->file, nr_stage_name(p->stage), p->message);
        if (p->field)
            printf("    (key \"%s\", plugin %s, error %u)\n", p->field, p->plugin ? p->plugin : "?",
                   (unsigned)p->code);
    }
    printf("%zu plugin(s) loaded, %zu problem(s)\n", nr_router_plugin_count(r), n);
    nr_router_free(r); /* the records go with the router */
    return 0;
}
