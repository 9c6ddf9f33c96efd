/* replay — runs the fuzz target over every file named on the command line (the
 * committed corpus), so the corpus is a normal test under gcc without libFuzzer. */
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
    return n > 0 ? 0 : 1;
}
