/*
 * win/Ras.h - <Ras.h>, as some of Microsoft's samples spell it: the same as
 * <ras.h> (file names are not case-sensitive on Windows, and are here).
 */
#include "ras.h"
