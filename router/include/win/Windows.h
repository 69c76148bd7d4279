/*
 * win/Windows.h - <Windows.h>, as some of Microsoft's samples spell it: the same as
 * <windows.h> (file names are not case-sensitive on Windows, and are here).
 */
#include "windows.h"
