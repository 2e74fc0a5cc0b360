/*
 * hello-glibc.c: a static glibc program for `jppc user` (built at test time
 * with powerpc64le-linux-gnu-gcc -static / powerpc64-linux-gnu-gcc -static;
 * the ELFs are not committed). It touches what a C program's start-up and
 * stdio need: TLS and IRELATIVE set-up from the auxiliary vector, printf
 * (integers and floating point), malloc/realloc/free through brk and mmap,
 * the string functions glibc picks for POWER8 by AT_HWCAP, stdio on files
 * under the root, directories, the environment and the exit status.
 *
 * Run with guests/user-tour/root as the root folder; hello-glibc.expected is
 * its output under qemu-ppc64le/qemu-ppc64 in that folder.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    char line[128];
    char *names[64];
    int count = 0;
    struct stat st;
    FILE *f;
    DIR *d;
    struct dirent *e;
    char *big;
    char *grown;
    double x = 1.0;

    printf("hello from glibc: argc=%d argv[1]=%s\n", argc, argc > 1 ? argv[1] : "(none)");
    printf("JPPC_GREETING=%s\n", getenv("JPPC_GREETING") ? getenv("JPPC_GREETING") : "(unset)");
    for (int i = 0; i < 10; i++) {
        x = x * 1.5 + 0.25;
    }
    printf("float: %.6f %g %e\n", x, x / 3.0, x * 1e10);
    printf("strtod: %.3f\n", strtod("2.71828", NULL) * 2);

    big = malloc(1 << 20);
    memset(big, 'a', (1 << 20) - 1);
    big[(1 << 20) - 1] = 0;
    printf("malloc 1 MiB (mmap): strlen %zu\n", strlen(big));
    grown = malloc(16);
    strcpy(grown, "abc");
    for (int i = 0; i < 12; i++) {
        grown = realloc(grown, 16u << i);
        strcat(grown, "x");
    }
    printf("realloc: %s\n", grown);
    free(grown);
    free(big);

    f = fopen("hello.txt", "r");
    if (!f || !fgets(line, sizeof line, f)) {
        printf("fopen hello.txt: %s\n", strerror(errno));
        return 1;
    }
    fclose(f);
    printf("hello.txt: %s", line);
    printf("stat sub: %s\n", stat("sub", &st) == 0 && S_ISDIR(st.st_mode) ? "directory" : "not a directory");
    printf("fopen /etc/passwd: %s\n", fopen("/etc/passwd", "r") ? "opened" : strerror(errno));

    f = fopen("out.txt", "w");
    fprintf(f, "%d %s %.2f\n", 42, "written", 3.14159);
    fclose(f);
    f = fopen("out.txt", "r");
    fgets(line, sizeof line, f);
    fclose(f);
    unlink("out.txt");
    printf("out.txt: %s", line);

    d = opendir("sub");
    while (d && (e = readdir(d)) != NULL && count < 64) {
        names[count++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof names[0], by_name);
    printf("sub:");
    for (int i = 0; i < count; i++) {
        printf(" %s", names[i]);
    }
    printf("\n");
    if (getcwd(line, sizeof line)) {
        printf("cwd: %s\n", line);
    }
    printf("time: %s\n", time(NULL) > 1600000000 ? "plausible" : "wrong");
    return 7;
}
