/* actbench: the loops of the kernels on the SIMD layer (impls/simd/vk.h,
 * which includes this after the ISA's helpers), over the element functions
 * of an algorithm.
 *
 * VK_FWD_LOOP(U, F): y[i] = F(x[i]) for i < n, U vectors per step (all U
 * loaded before any is stored, so y == x works), then single vectors, then
 * a masked partial vector.  F is an expression in the vf variable `v`.
 * VK_BWD_LOOP(U, F): dx[i] = F(x[i], y[i], dy[i]) likewise, F an expression
 * in vx, vy, vdy (only the arrays named in LOADS are read: VK_X, VK_Y, VK_DY
 * or-ed together), in place with dx == dy or dx == x.
 * Every element goes through the same F whatever path it takes, so the
 * results do not depend on n, the alignment or the offset. */
#ifndef ACTBENCH_VK_LOOP_H
#define ACTBENCH_VK_LOOP_H

#define VK_FWD_LOOP(U, F)                                                             \
  do {                                                                                \
    size_t i_ = 0;                                                                    \
    for (; i_ + (U)*VK_W <= n; i_ += (U)*VK_W) {                                      \
      vf in_[U];                                                                      \
      for (int u_ = 0; u_ < (U); u_++) in_[u_] = vk_load(x + i_ + (size_t)u_ * VK_W); \
      for (int u_ = 0; u_ < (U); u_++) {                                              \
        vf v = in_[u_];                                                               \
        in_[u_] = (F);                                                                \
      }                                                                               \
      for (int u_ = 0; u_ < (U); u_++) vk_store(y + i_ + (size_t)u_ * VK_W, in_[u_]); \
    }                                                                                 \
    for (; i_ + VK_W <= n; i_ += VK_W) {                                              \
      vf v = vk_load(x + i_);                                                         \
      vk_store(y + i_, (F));                                                          \
    }                                                                                 \
    if (i_ < n) {                                                                     \
      vk_tail t_ = vk_tail_mask(n - i_);                                              \
      vf v = vk_load_tail(x + i_, t_);                                                \
      vk_store_tail(y + i_, (F), t_);                                                 \
    }                                                                                 \
  } while (0)

#define VK_X 1
#define VK_Y 2
#define VK_DY 4

#define VK_LD_(LOADS, WHICH, p, off, t, tail)                                           \
  (((LOADS) & (WHICH)) ? ((tail) ? vk_load_tail((p) + (off), t) : vk_load((p) + (off))) \
                       : vk_set(0.0f))

#define VK_BWD_LOOP(U, LOADS, F)                                                       \
  do {                                                                                 \
    size_t i_ = 0;                                                                     \
    vk_tail t0_ = vk_tail_mask(0);                                                     \
    for (; i_ + (U)*VK_W <= n; i_ += (U)*VK_W) {                                       \
      vf ax_[U], ay_[U], ad_[U];                                                       \
      for (int u_ = 0; u_ < (U); u_++) {                                               \
        size_t o_ = i_ + (size_t)u_ * VK_W;                                            \
        ax_[u_] = VK_LD_(LOADS, VK_X, x, o_, t0_, 0);                                  \
        ay_[u_] = VK_LD_(LOADS, VK_Y, y, o_, t0_, 0);                                  \
        ad_[u_] = VK_LD_(LOADS, VK_DY, dy, o_, t0_, 0);                                \
      }                                                                                \
      for (int u_ = 0; u_ < (U); u_++) {                                               \
        vf vx = ax_[u_], vy = ay_[u_], vdy = ad_[u_];                                  \
        (void)vx, (void)vy, (void)vdy;                                                 \
        ax_[u_] = (F);                                                                 \
      }                                                                                \
      for (int u_ = 0; u_ < (U); u_++) vk_store(dx + i_ + (size_t)u_ * VK_W, ax_[u_]); \
    }                                                                                  \
    for (; i_ + VK_W <= n; i_ += VK_W) {                                               \
      vf vx = VK_LD_(LOADS, VK_X, x, i_, t0_, 0);                                      \
      vf vy = VK_LD_(LOADS, VK_Y, y, i_, t0_, 0);                                      \
      vf vdy = VK_LD_(LOADS, VK_DY, dy, i_, t0_, 0);                                   \
      (void)vx, (void)vy, (void)vdy;                                                   \
      vk_store(dx + i_, (F));                                                          \
    }                                                                                  \
    if (i_ < n) {                                                                      \
      vk_tail t_ = vk_tail_mask(n - i_);                                               \
      vf vx = VK_LD_(LOADS, VK_X, x, i_, t_, 1);                                       \
      vf vy = VK_LD_(LOADS, VK_Y, y, i_, t_, 1);                                       \
      vf vdy = VK_LD_(LOADS, VK_DY, dy, i_, t_, 1);                                    \
      (void)vx, (void)vy, (void)vdy;                                                   \
      vk_store_tail(dx + i_, (F), t_);                                                 \
    }                                                                                  \
  } while (0)

#endif
