/*
 * win/Winnetwk.h - <Winnetwk.h>, as some of Microsoft's samples spell it: the same as
 * <winnetwk.h> (file names are not case-sensitive on Windows, and are here).
 */
#include "winnetwk.h"
