/* Every line of the Unicode BidiCharacterTest.txt (package unicode-data) through
 * txt's bidi API: the paragraph level, the resolved levels (x = removed by rule X9)
 * and the visual order of the characters that are not removed. Each failing line is
 * printed; the test fails if any line fails. Skipped (77) without the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "txt_bidi.h"

#define BIDI_TEST_FILE "/usr/share/unicode/BidiCharacterTest.txt"
#define MAXN 512

static const char *bidi_path(void)
{
    const char *p = getenv("DAWR_BIDI_TEST_FILE");
    return p != NULL && p[0] != '\0' ? p : BIDI_TEST_FILE;
}

/* Checks one data line; returns 0 on success, 1 on mismatch, -1 on a parse error. */
static int check_line(char *line, char *why, size_t whylen)
{
    uint32_t cps[MAXN];
    int want_lv[MAXN], want_order[MAXN], map[MAXN];
    uint8_t levels[MAXN];
    size_t n = 0, norder = 0, nlv = 0;

    char *fields[5];
    char *p = line;
    for (int f = 0; f < 5; f++) {
        fields[f] = p;
        p = strchr(p, ';');
        if (p == NULL && f < 4)
            return -1;
        if (p != NULL)
            *p++ = '\0';
    }
    for (char *s = fields[0], *e; n < MAXN; s = e) {
        unsigned long v = strtoul(s, &e, 16);
        if (e == s)
            break;
        cps[n++] = (uint32_t)v;
    }
    int dir = atoi(fields[1]), want_par = atoi(fields[2]);
    for (char *s = strtok(fields[3], " \t\r\n"); s != NULL && nlv < MAXN;
         s = strtok(NULL, " \t\r\n"))
        want_lv[nlv++] = s[0] == 'x' ? -1 : atoi(s);
    for (char *s = strtok(fields[4], " \t\r\n"); s != NULL && norder < MAXN;
         s = strtok(NULL, " \t\r\n"))
        want_order[norder++] = atoi(s);
    if (n == 0 || nlv != n)
        return -1;

    txt_dir d = dir == 0 ? TXT_DIR_LTR : dir == 1 ? TXT_DIR_RTL : TXT_DIR_AUTO;
    int par = txt_bidi_paragraph(cps, n, d, levels);
    if (par != want_par) {
        snprintf(why, whylen, "paragraph level %d, want %d", par, want_par);
        return 1;
    }
    if (!txt_bidi_line(cps, 0, n, par, levels, map)) {
        snprintf(why, whylen, "txt_bidi_line failed");
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (want_lv[i] >= 0 && want_lv[i] != levels[i]) {
            snprintf(why, whylen, "level of char %zu is %d, want %d", i, levels[i],
                     want_lv[i]);
            return 1;
        }
        if ((want_lv[i] < 0) != txt_bidi_is_removed(cps[i])) {
            snprintf(why, whylen, "char %zu: removed by X9 should be %d", i,
                     want_lv[i] < 0);
            return 1;
        }
    }
    size_t k = 0;
    for (size_t v = 0; v < n; v++) {
        if (want_lv[map[v]] < 0)
            continue;
        if (k >= norder || want_order[k] != map[v]) {
            snprintf(why, whylen, "visual position %zu shows %d, want %d", k, map[v],
                     k < norder ? want_order[k] : -1);
            return 1;
        }
        k++;
    }
    if (k != norder) {
        snprintf(why, whylen, "%zu characters shown, want %zu", k, norder);
        return 1;
    }
    return 0;
}

static void test_bidi_character_test(void **state)
{
    (void)state;
    FILE *f = fopen(bidi_path(), "r");
    assert_non_null(f);
    char line[8192], copy[8192], why[160];
    size_t lineno = 0, tested = 0, failed = 0, bad = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        lineno++;
        if (line[0] == '#' || line[0] == '\n' || line[0] == '\r')
            continue;
        snprintf(copy, sizeof copy, "%s", line);
        int r = check_line(line, why, sizeof why);
        tested++;
        if (r < 0) {
            bad++;
            fprintf(stderr, "line %zu: cannot parse\n", lineno);
        } else if (r > 0) {
            if (++failed <= 50)
                fprintf(stderr, "line %zu: %s\n  %s", lineno, why, copy);
        }
    }
    fclose(f);
    fprintf(stderr, "BidiCharacterTest: %zu lines, %zu failed, %zu unparsable\n", tested,
            failed, bad);
    assert_true(tested > 90000);
    assert_int_equal(bad, 0);
    assert_int_equal(failed, 0);
}

int main(void)
{
    FILE *f = fopen(bidi_path(), "r");
    if (f == NULL) {
        fprintf(stderr, "%s missing (package unicode-data): skipped\n", bidi_path());
        return 77;
    }
    fclose(f);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bidi_character_test),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
