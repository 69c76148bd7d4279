/*
 * win/Raserror.h - <Raserror.h>, as some of Microsoft's samples spell it: the same as
 * <raserror.h> (file names are not case-sensitive on Windows, and are here).
 */
#include "raserror.h"
