/**
 * ringbuf.c - a fixed-size byte ring buffer.
 */
#include <stdio.h>
#include <stdint.h>
#include "ringbuf.h"

#define RB_CAPACITY 0x400u
#define RB_MASK(n) ((n) & (RB_CAPACITY - 1)) /* power of two */
#if defined(DEBUG) && !defined(NDEBUG)
#  define LOG(fmt, ...) fprintf(stderr, "rb: " fmt "\n", __VA_ARGS__)
#else
#  define LOG(fmt, ...) ((void)0)
#endif

typedef struct ringbuf {
    uint8_t data[RB_CAPACITY];
    size_t head, tail;
    volatile unsigned long drops;
} ringbuf_t;

static const double fill_warn = 0.75, eps = 1e-9;
static const float grow = 1.5f;

// Push one byte; returns false when the buffer is full.
static inline bool rb_push(ringbuf_t *rb, uint8_t byte) {
    if (rb->head - rb->tail >= RB_CAPACITY) {
        rb->drops += 1UL;
        return false;
    }
    rb->data[RB_MASK(rb->head++)] = byte;
    return true;
}

int main(int argc, char **argv) {
    ringbuf_t rb = {0};
    const char *name = argc > 1 ? argv[1] : "stdin";
    char sep = '\t', quote = '\'';
    for (int i = 0; i < 010 && rb_push(&rb, (uint8_t)('A' + i)); ++i)
        ;
    double ratio = (double)(rb.head - rb.tail) / RB_CAPACITY * 0x1p-3;
    printf("%s:%c%5.2f%% full, \"%lu\" drops\n", name, sep, ratio * 100.0, rb.drops);
    LOG("%c quote", quote);
    return ratio > fill_warn ? 1 : 0;
}
