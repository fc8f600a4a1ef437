// Lets cmark-gfm parse documents on several threads at once.
//
// libcmark-gfm 0.29 keeps two process-wide tables in inlines.c, SPECIAL_CHARS and SKIP_CHARS. Every
// parse that has inline extensions (strikethrough, autolink) adds the extensions' characters to them
// when its inline phase starts and removes them when it ends, through
// cmark_manage_extensions_special_characters. A parse that ends while another is in its inline phase
// takes the characters away from it: the other silently loses `~~…~~` or parses emphasis differently.
// The tables are read nowhere else (not by block parsing or reference definitions).
//
// This file defines cmark_manage_extensions_special_characters itself. The library calls it through
// its procedure linkage table, so on ELF systems the executable's definition takes the calls. Here the
// characters are added when the first of the parses in their inline phase enters, and removed when the
// last one leaves. Parses with another set of extensions wait until none with a different set is inside,
// so that each sees exactly the tables it would see alone. The library's own function does the adding
// and removing; it is found with dlsym(RTLD_NEXT).
//
// The state here is process-wide because the tables it guards are.

#define _GNU_SOURCE
#include "CCmarkGFMGate.h"

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { most_extensions = 16 };

typedef void (*manage_function)(cmark_parser *parser, int add);

static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_free = PTHREAD_COND_INITIALIZER;
static manage_function library_manage;
/// Parses between their add and their remove, and the extensions they share.
static int inside;
static void *inside_extensions[most_extensions];
static int inside_count = -1;
static atomic_int intercepted;

/// The parser's extensions in the order they were attached; -1 when there are too many to compare.
static int extensions_of(cmark_parser *parser, void **extensions) {
    int count = 0;
    for (cmark_llist *item = cmark_parser_get_syntax_extensions(parser); item; item = item->next) {
        if (count == most_extensions) return -1;
        extensions[count++] = item->data;
    }
    return count;
}

static int same_as_inside(void **extensions, int count) {
    return count >= 0 && count == inside_count && memcmp(extensions, inside_extensions, (size_t)count * sizeof *extensions) == 0;
}

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    void *extensions[most_extensions];
    int count = extensions_of(parser, extensions);
    pthread_mutex_lock(&gate_lock);
    if (!library_manage) {
        library_manage = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        if (!library_manage) {
            fputs("sitegen: cmark-gfm's cmark_manage_extensions_special_characters not found\n", stderr);
            abort();
        }
    }
    atomic_store(&intercepted, 1);
    if (add) {
        while (inside > 0 && !same_as_inside(extensions, count)) pthread_cond_wait(&gate_free, &gate_lock);
        if (inside == 0) {
            library_manage(parser, 1);
            if (count > 0) memcpy(inside_extensions, extensions, (size_t)count * sizeof *extensions);
            inside_count = count;
        }
        inside += 1;
    } else if (inside > 0) {
        inside -= 1;
        if (inside == 0) {
            library_manage(parser, 0);
            pthread_cond_broadcast(&gate_free);
        }
    } else {
        library_manage(parser, 0);  // a remove without an add: what the library alone would do
    }
    pthread_mutex_unlock(&gate_lock);
}

int sitegen_cmark_gate_intercepts(void) {
    return atomic_load(&intercepted);
}
