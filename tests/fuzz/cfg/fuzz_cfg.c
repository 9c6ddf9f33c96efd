/* libFuzzer target for common/cfg: any bytes given to cfg_parse() must give a
 * configuration or an error with a cause, never a crash, leak or overflow. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    char *cause = NULL;
    cfg *c;

    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    c = cfg_parse(text, "fuzz", &cause);
    if (c != NULL) {
        (void)cfg_get(c, "display", "ticker_ar", NULL);
        (void)cfg_get_int(c, "kiosk", "idle_seconds", 60);
        (void)cfg_get_bool(c, "printer", "english_line", true);
        cfg_set(c, "kiosk", "language", "en");
        cfg_set(c, "kiosk", "language", NULL);
    } else if (cause == NULL) {
        abort(); /* an error must say why */
    }
    cfg_free(c);
    free(cause);
    free(text);
    return 0;
}
