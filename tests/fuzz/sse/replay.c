/* replay — runs a fuzz target's LLVMFuzzerTestOneInput over every file named on the
 * command line (the committed corpus), so the corpus is an ordinary test under gcc
 * and under the ASan build, without libFuzzer. Shared by the fuzz folders sse, txt,
 * form and escpos. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    int n = 0;

    for (int i = 1; i < argc; i++) {
        size_t len;
        char *data = util_read_file(argv[i], &len);
        if (data == NULL) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            return 1;
        }
        LLVMFuzzerTestOneInput((const uint8_t *)data, len);
        free(data);
        n++;
    }
    printf("replayed %d inputs\n", n);
    /* An empty corpus would make the test pass while checking nothing. */
    return n > 0 ? 0 : 1;
}
