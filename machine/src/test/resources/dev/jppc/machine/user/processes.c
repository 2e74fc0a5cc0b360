/*
 * Process system calls under jppc user (ProcessesTest compiles this with the static cross compilers): fork,
 * wait4/waitid status encodings, pipes between processes, dup2, close-on-exec at execve, exec of
 * /proc/self/exe, kill of a child and of a zombie, exec of huge files, SIGPIPE, and the cap on processes.
 * Prints one line per check.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void check(const char *what, int ok) {
    printf("%s %s\n", ok ? "ok" : "FAIL", what);
    fflush(stdout);
}

static volatile pid_t forked_in_handler = -1;

static void on_child(int signal) {
    (void) signal;
    if (forked_in_handler < 0) {
        forked_in_handler = fork();
    }
}

static int child_mode(int argc, char **argv) {
    if (strcmp(argv[1], "exec-child") == 0) {
        /* fd 5 was marked close-on-exec by the parent, fd 6 not. */
        int closed = fcntl(5, F_GETFD) < 0 && errno == EBADF;
        int kept = fcntl(6, F_GETFD) == 0;
        printf("exec-child argc=%d arg=%s cloexec-closed=%d kept=%d\n", argc, argv[2], closed, kept);
        fflush(stdout);
        return 42;
    }
    return 1;
}

int main(int argc, char **argv) {
    if (argc > 1) {
        return child_mode(argc, argv);
    }
    int status;
    pid_t me = getpid();

    pid_t child = fork();
    if (child == 0) {
        _exit(getppid() == me ? 3 : 4);
    }
    check("fork returns the child's pid", child > me);
    check("wait4 reaps that child", waitpid(child, &status, 0) == child);
    check("exit status 3 encoded as 3 << 8", WIFEXITED(status) && WEXITSTATUS(status) == 3 && status == 0x300);
    check("no children left: ECHILD", waitpid(-1, &status, 0) < 0 && errno == ECHILD);

    int fds[2];
    check("pipe", pipe(fds) == 0);
    child = fork();
    if (child == 0) {
        close(fds[0]);
        usleep(100000);
        for (int i = 0; i < 2000; i++) {
            if (write(fds[1], "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n", 64) != 64) {
                _exit(9);
            }
        }
        _exit(0);
    }
    close(fds[1]);
    long total = 0;
    char buffer[4096];
    ssize_t n;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0) {
        total += n;
    }
    close(fds[0]);
    check("a blocking read gets 128000 bytes, then the end of file", n == 0 && total == 128000);
    check("the writer exits 0", waitpid(child, &status, 0) == child && status == 0);

    child = fork();
    if (child == 0) {
        for (;;) {
        }
    }
    check("WNOHANG while the child runs", waitpid(child, &status, WNOHANG) == 0);
    check("kill SIGTERM", kill(child, SIGTERM) == 0);
    check("killed by SIGTERM", waitpid(child, &status, 0) == child && WIFSIGNALED(status)
        && WTERMSIG(status) == SIGTERM);

    child = fork();
    if (child == 0) {
        pause();
        _exit(0);
    }
    kill(child, SIGKILL);
    siginfo_t info;
    memset(&info, 0, sizeof info);
    check("waitid sees SIGKILL", waitid(P_PID, child, &info, WEXITED) == 0 && info.si_pid == child
        && info.si_code == CLD_KILLED && info.si_status == SIGKILL);

    check("a pipe for the exec'ed child", pipe(fds) == 0);
    child = fork();
    if (child == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        int cloexec = dup(fds[1]);
        dup2(cloexec, 5);
        fcntl(5, F_SETFD, FD_CLOEXEC);
        dup2(fds[1], 6);
        close(fds[1]);
        char *args[] = {"processes", "exec-child", "hello", NULL};
        char *env[] = {NULL};
        execve("/proc/self/exe", args, env);
        _exit(127);
    }
    close(fds[1]);
    n = read(fds[0], buffer, sizeof buffer - 1);
    buffer[n > 0 ? n : 0] = 0;
    close(fds[0]);
    check("exec of /proc/self/exe with close-on-exec honoured",
        strcmp(buffer, "exec-child argc=3 arg=hello cloexec-closed=1 kept=1\n") == 0);
    check("the exec'ed child exits 42", waitpid(child, &status, 0) == child && WEXITSTATUS(status) == 42);

    check("a pipe for a short writer", pipe(fds) == 0);
    child = fork();
    if (child == 0) {
        close(fds[0]);
        write(fds[1], "x", 1);
        _exit(0);
    }
    close(fds[1]);
    waitpid(child, &status, 0);
    child = fork();
    if (child == 0) {
        /* Another pipe with its reader closed: the write raises SIGPIPE. */
        int p[2];
        pipe(p);
        close(p[0]);
        write(p[1], "y", 1);
        _exit(0);
    }
    check("SIGPIPE ends a writer without readers", waitpid(child, &status, 0) == child && WIFSIGNALED(status)
        && WTERMSIG(status) == SIGPIPE);
    signal(SIGPIPE, SIG_IGN);
    int p[2];
    pipe(p);
    close(p[0]);
    check("EPIPE when SIGPIPE is ignored", write(p[1], "z", 1) < 0 && errno == EPIPE);
    check("execve of a missing file: ENOENT", execve("/no/such/file", argv, NULL) < 0 && errno == ENOENT);
    char **volatile bad = (char **) 8;
    check("execve with a bad argv: EFAULT", execve("/proc/self/exe", bad, NULL) < 0 && errno == EFAULT);

    /* kill reaches a zombie (0, as on Linux) until it is reaped; with no other process, kill(-1) is ESRCH. */
    child = fork();
    if (child == 0) {
        _exit(0);
    }
    siginfo_t zombie;
    check("a zombie stays until reaped (WNOWAIT)", waitid(P_PID, child, &zombie, WEXITED | WNOWAIT) == 0);
    check("kill of a zombie: 0", kill(child, 0) == 0 && kill(child, SIGTERM) == 0);
    check("the zombie still exited 0", waitpid(child, &status, 0) == child && status == 0);
    check("kill(-1) without another process: ESRCH", kill(-1, 0) < 0 && errno == ESRCH);

    /* A child forked inside a SIGCHLD handler returns from that handler too (rt_sigreturn). */
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_child;
    sigaction(SIGCHLD, &action, NULL);
    sigset_t block, unblocked;
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    sigprocmask(SIG_BLOCK, &block, &unblocked);
    child = fork();
    if (child == 0) {
        _exit(0);
    }
    sigsuspend(&unblocked);
    if (forked_in_handler == 0) {
        _exit(7);
    }
    check("sigsuspend ran the SIGCHLD handler", forked_in_handler > 0 && waitpid(child, &status, 0) == child);
    check("a child forked in a handler returns from it",
          waitpid(forked_in_handler, &status, 0) == forked_in_handler && WIFEXITED(status) && WEXITSTATUS(status) == 7);
    signal(SIGCHLD, SIG_DFL);
    sigprocmask(SIG_SETMASK, &unblocked, NULL);

    /* clone ignores the upper half of its flags, as Linux does. */
    child = syscall(SYS_clone, SIGCHLD | (1UL << 32), 0, 0, 0, 0);
    if (child == 0) {
        _exit(5);
    }
    check("clone with junk in its upper 32 flag bits forks",
          child > 0 && waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 5);

    /* Files larger than guest RAM (sparse, just under 2 GiB) are not read whole. */
    int big = open("big", O_WRONLY | O_CREAT | O_TRUNC, 0755);
    check("exec of a huge file of zeros: ENOEXEC", big >= 0 && ftruncate(big, (1L << 31) - 16) == 0
          && execve("big", argv, NULL) < 0 && errno == ENOEXEC);
    check("exec of a huge ELF file: ENOMEM", pwrite(big, "\177ELF", 4, 0) == 4 && close(big) == 0
          && execve("big", argv, NULL) < 0 && errno == ENOMEM);
    unlink("big");

    int started = 0;
    int refused = 0;
    for (int i = 0; i < 100; i++) {
        child = fork();
        if (child == 0) {
            pause();
            _exit(0);
        }
        if (child < 0) {
            refused = errno == EAGAIN;
            break;
        }
        started++;
    }
    check("fork is refused with EAGAIN before 100 children", refused && started < 100);
    /* The children still waiting in pause() are killed when this first process ends. */
    return 0;
}
