/* digits — the Arabic-Indic digit option as a string utility, for text that is not
 * laid out by txt (a printer's plain text, a window title). The layout applies the
 * same mapping to its codepoints so that its clusters keep the original offsets. */
#include "txt_int.h"

#include "util.h"

#include <string.h>

char *txt_arabic_digits(const char *utf8)
{
    if (utf8 == NULL)
        return NULL;
    size_t n = 0;
    for (const char *p = utf8; *p != '\0'; p++)
        n += (*p >= '0' && *p <= '9');
    size_t len = strlen(utf8);
    char *out = xmalloc(len + n + 1); /* each digit grows from 1 to 2 bytes */
    char *o = out;
    for (const char *p = utf8; *p != '\0'; p++) {
        if (*p >= '0' && *p <= '9')
            o += txt_utf8_encode(0x660 + (uint32_t)(*p - '0'), o);
        else
            *o++ = *p;
    }
    *o = '\0';
    return out;
}
