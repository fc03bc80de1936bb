/* A ledger with planted hotspots for callgrind recordings: direct recursion (fib, tree walks),
 * mutual recursion (is_even/is_odd), a comparator called back from libc's qsort, code inlined
 * from checksum.h, and a linear lookup called once per item. */
#include <stdio.h>
#include <stdlib.h>
#include "checksum.h"

struct node {
    long value;
    struct node *left, *right;
};

/* Direct recursion with an exponential number of calls. */
__attribute__((noinline)) long fib(int n)
{
    if (n < 2)
        return n;
    return fib(n - 1) + fib(n - 2);
}

/* Mutual recursion: a cycle of two functions in the call graph. */
__attribute__((noinline)) int is_odd(unsigned n);

__attribute__((noinline)) int is_even(unsigned n)
{
    if (n == 0)
        return 1;
    return is_odd(n - 1);
}

__attribute__((noinline)) int is_odd(unsigned n)
{
    if (n == 0)
        return 0;
    return is_even(n - 1);
}

/* Builds a balanced tree recursively. */
__attribute__((noinline)) struct node *build(long lo, long hi)
{
    if (lo > hi)
        return NULL;
    long mid = lo + (hi - lo) / 2;
    struct node *n = malloc(sizeof *n);
    n->value = mid;
    n->left = build(lo, mid - 1);
    n->right = build(mid + 1, hi);
    return n;
}

/* Walks the tree recursively, hashing every value with the inlined mix(). */
__attribute__((noinline)) unsigned long walk(const struct node *n, unsigned long h)
{
    if (!n)
        return h;
    h = walk(n->left, h);
    h = mix(h, (unsigned long)n->value);
    return walk(n->right, h);
}

/* A linear lookup, called once per item by settle(): the quadratic hotspot. */
__attribute__((noinline)) int find_entry(const long *entries, int count, long key)
{
    for (int i = 0; i < count; i++) {
        if (entries[i] == key)
            return i;
    }
    return -1;
}

static int compare_longs(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

__attribute__((noinline)) unsigned long settle(long *entries, int count)
{
    unsigned long h = 0;
    for (int i = 0; i < count; i++) {
        int at = find_entry(entries, count, (i * 7919L) % count);
        h = mix(h, (unsigned long)at);
    }
    qsort(entries, (size_t)count, sizeof *entries, compare_longs);
    return h;
}

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    int count = 2000 * scale;
    long *entries = malloc((size_t)count * sizeof *entries);
    for (int i = 0; i < count; i++)
        entries[i] = (i * 104729L) % count;
    unsigned long h = settle(entries, count);
    struct node *root = build(0, 20000L * scale);
    h = walk(root, h);
    long f = fib(20 + scale);
    int even = is_even(3001u * (unsigned)scale);
    printf("ledger %d %lu %ld %d\n", count, h, f, even);
    free(entries);
    return 0;
}
