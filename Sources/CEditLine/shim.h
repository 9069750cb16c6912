#ifndef CNMLAB_CEDITLINE_SHIM_H
#define CNMLAB_CEDITLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <editline/readline.h>

/* Setters for libedit's globals, so Swift never touches shared mutable C state directly. */
static inline void cnm_set_completion(rl_completion_func_t *f) {
    rl_attempted_completion_function = f;
    rl_completion_append_character = '\0';
}
static inline void cnm_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void cnm_completion_over(void) { rl_attempted_completion_over = 1; }
static inline const char *cnm_line_buffer(void) { return rl_line_buffer ? rl_line_buffer : ""; }
static inline int cnm_point(void) { return rl_point; }

/* Ctrl-C cancels the line being edited and shows a fresh prompt; it never ends the program.
   The handler only records the interrupt; readline then returns NULL (EINTR) and the caller
   asks cnm_take_interrupt() whether that NULL was Ctrl-C rather than Ctrl-D. */
static volatile sig_atomic_t cnm_interrupted = 0;
static void cnm_sigint_handler(int sig) {
    (void)sig;
    cnm_interrupted = 1;
}
static inline void cnm_install_sigint(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cnm_sigint_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, NULL);
}
static inline int cnm_take_interrupt(void) {
    int was = cnm_interrupted;
    cnm_interrupted = 0;
    return was;
}

/* libedit needs a UTF-8 locale, or Hangul input is dropped and non-ASCII prompts crash. */
static inline void cnm_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    if (cs == NULL || strcmp(cs, "UTF-8") != 0) {
        setlocale(LC_CTYPE, "C.UTF-8");
    }
}

/* The terminal's size on `fd` (TIOCGWINSZ): columns and rows, 0 when unknown or not a terminal. */
static inline int cnm_terminal_columns(int fd) {
    struct winsize ws;
    return ioctl(fd, TIOCGWINSZ, &ws) == 0 ? ws.ws_col : 0;
}
static inline int cnm_terminal_rows(int fd) {
    struct winsize ws;
    return ioctl(fd, TIOCGWINSZ, &ws) == 0 ? ws.ws_row : 0;
}

#endif
