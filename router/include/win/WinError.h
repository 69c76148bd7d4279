/*
 * win/WinError.h - <WinError.h>, as some of Microsoft's samples spell it: the same as
 * <winerror.h> (file names are not case-sensitive on Windows, and are here).
 */
#include "winerror.h"
