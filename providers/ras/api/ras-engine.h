/*
 * ras-engine.h - which engine answers this process's calls (ras-engine.c).
 */
#ifndef NR_RAS_API_ENGINE_H
#define NR_RAS_API_ENGINE_H

#include <stdbool.h>

/* True when the links live in this process (nr_ras_set_engine). */
bool nr_ras_in_process(void);

#endif
