/* actbench: an arena (arena.h). */
#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct act_arena_block {
  act_arena_block *next;
  max_align_t align[];
};

void *act_arena_alloc(act_arena *a, size_t bytes, const char *who) {
  act_arena_block *b = calloc(1, sizeof *b + bytes);
  if (!b) act_die("%s: out of memory", who);
  b->next = a->head;
  a->head = b;
  return b->align;
}

void *act_arena_grow(act_arena *a, void *p, size_t *cap, size_t have, size_t elem,
                     const char *who) {
  if (have < *cap) return p;
  size_t ncap = *cap ? 2 * *cap : 8;
  void *q = act_arena_alloc(a, ncap * elem, who);
  if (have) memcpy(q, p, have * elem);
  *cap = ncap;
  return q;
}

char *act_arena_strdup(act_arena *a, const char *s, const char *who) {
  size_t n = strlen(s);
  char *d = act_arena_alloc(a, n + 1, who);
  memcpy(d, s, n);
  return d;
}

char *act_arena_vprintf(act_arena *a, const char *who, const char *fmt, va_list ap) {
  char small[256];
  va_list again;
  va_copy(again, ap);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  if (n < 0) n = 0;
  char *s = act_arena_alloc(a, (size_t)n + 1, who);
  if ((size_t)n < sizeof small)
    memcpy(s, small, (size_t)n + 1);
  else
    vsnprintf(s, (size_t)n + 1, fmt, again);
  va_end(again);
  return s;
}

void act_arena_free(act_arena *a) {
  while (a->head) {
    act_arena_block *b = a->head;
    a->head = b->next;
    free(b);
  }
}
