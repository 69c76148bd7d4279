/*
 * win/Tchar.h - <Tchar.h>, as some of Microsoft's samples spell it: the same as
 * <tchar.h> (file names are not case-sensitive on Windows, and are here).
 */
#include "tchar.h"
