/* Every implementation's origin says which table it is in: ours
 * (impls/registry.c) "actbench", even where a kernel calls libm; a peer
 * table's its library's name ("libmvec" for glibc's vector math library),
 * never "actbench" nor "libm".  The report and the speed suite group by it. */
#include <string.h>

#include "check.h"
#include "registry.h"

int main(void) {
  size_t ours = 0, peers = 0;
  for (size_t i = 0; i < act_registry_count; i++) {
    const act_impl *m = &act_registry[i];
    int cls = act_impl_class(m);
    if (cls == ACT_IMPL_OURS) {
      ours++;
      CHECK(!strcmp(m->origin, "actbench"), "%s: ours, origin %s", m->name, m->origin);
    } else if (cls == ACT_IMPL_PEER) {
      peers++;
      CHECK(strcmp(m->origin, "actbench") && strcmp(m->origin, "libm"), "%s: a peer's, origin %s",
            m->name, m->origin);
      if (strstr(m->name, ".libmvec-"))
        CHECK(!strcmp(m->origin, "libmvec"), "%s: origin %s", m->name, m->origin);
    }
  }
  CHECK(ours > 50, "%zu of ours", ours);
  printf("%zu of ours, %zu of the peers\n", ours, peers);
  return check_done();
}
