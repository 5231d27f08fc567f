/* actbench: an arena, memory released all at once (the results readers'
 * and the report's).  Every block is chained from the arena, so it stays
 * reachable until act_arena_free. */
#ifndef ACT_ARENA_H
#define ACT_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct act_arena_block act_arena_block;
typedef struct {
  act_arena_block *head;
} act_arena;

/* zeroed memory; ends the run with "<who>: out of memory" on failure */
void *act_arena_alloc(act_arena *a, size_t bytes, const char *who);
/* a growing array: returns p, or a copy of its first have elements with room
 * for twice *cap (updated), when have has reached *cap; the old block stays
 * in the arena until it is freed (the arrays are small) */
void *act_arena_grow(act_arena *a, void *p, size_t *cap, size_t have, size_t elem, const char *who);
char *act_arena_strdup(act_arena *a, const char *s, const char *who);
char *act_arena_vprintf(act_arena *a, const char *who, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
void act_arena_free(act_arena *a);

#endif
