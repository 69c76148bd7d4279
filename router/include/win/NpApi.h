/*
 * win/NpApi.h - <NpApi.h>, as some of Microsoft's samples spell it: the same as
 * <npapi.h> (file names are not case-sensitive on Windows, and are here).
 */
#include "npapi.h"
