/* actbench: VK_WIDE native vectors in lockstep, behind the vk_* names of
 * impls/simd/vk_avx2.h / vk_avx512.h.  Not included directly:
 *
 *   #define VK_WIDE VK_PICK(3, 2)      (simd/vk_isa.h: 3 with AVX2, 2 with AVX-512)
 *   #include "simd/vk.h"               (which sets VK_BASE_HEADER to the ISA's header)
 *
 * makes vf a struct of VK_WIDE native vectors (VK_W lanes in all) and every
 * vk_* operation a loop over them, so that an algorithm written against the
 * vk_* names runs unchanged on several independent vectors whose
 * instructions are interleaved one operation at a time.  Where a kernel is
 * limited by the latency of a long dependency chain rather than by the
 * number of instructions, this lets the core overlap more of them than its
 * out-of-order window finds in plain unrolled code.  Tables (vk_table) stay
 * one native register. */
#ifndef ACTBENCH_VK_WIDE_H
#define ACTBENCH_VK_WIDE_H

/* the base header under the names vkb_* */
#define vf vkb_vf
#define vi vkb_vi
#define vm vkb_vm
#define vk_table vkb_table
#define vk_tail vkb_tail
#define vk_set vkb_set
#define vk_add vkb_add
#define vk_sub vkb_sub
#define vk_mul vkb_mul
#define vk_add_ord vkb_add_ord
#define vk_mul_ord vkb_mul_ord
#define vk_div vkb_div
#define vk_fma vkb_fma
#define vk_fma_ord vkb_fma_ord
#define vk_fms vkb_fms
#define vk_fnma vkb_fnma
#define vk_recip vkb_recip
#define vk_min vkb_min
#define vk_max vkb_max
#define vk_abs vkb_abs
#define vk_and vkb_and
#define vk_or vkb_or
#define vk_xor vkb_xor
#define vk_andnot vkb_andnot
#define vk_lt vkb_lt
#define vk_le vkb_le
#define vk_gt vkb_gt
#define vk_gt_or_nan vkb_gt_or_nan
#define vk_isnan vkb_isnan
#define vk_mor vkb_mor
#define vk_mand vkb_mand
#define vk_signmask vkb_signmask
#define vk_sel vkb_sel
#define vk_signbit vkb_signbit
#define vk_bits vkb_bits
#define vk_float vkb_float
#define vk_srli vkb_srli
#define vk_slli vkb_slli
#define vk_addi vkb_addi
#define vk_subi vkb_subi
#define vk_andi vkb_andi
#define vk_maxi vkb_maxi
#define vk_rcp_est vkb_rcp_est
#define vk_lut2 vkb_lut2
#define vk_lut4 vkb_lut4
#define vk_seti vkb_seti
#define vk_cvtt vkb_cvtt
#define vk_round vkb_round
#define vk_floor vkb_floor
#define vk_table_load vkb_table_load
#define vk_lut vkb_lut
#define vk_ldexp vkb_ldexp
#define vk_ldexp2 vkb_ldexp2
#define vk_pow2 vkb_pow2
#define vk_load vkb_load
#define vk_store vkb_store
#define vk_tail_mask vkb_tail_mask
#define vk_load_tail vkb_load_tail
#define vk_store_tail vkb_store_tail
#include VK_BASE_HEADER
#undef vf
#undef vi
#undef vm
#undef vk_table
#undef vk_tail
#undef vk_set
#undef vk_add
#undef vk_sub
#undef vk_mul
#undef vk_add_ord
#undef vk_mul_ord
#undef vk_div
#undef vk_fma
#undef vk_fma_ord
#undef vk_fms
#undef vk_fnma
#undef vk_recip
#undef vk_min
#undef vk_max
#undef vk_abs
#undef vk_and
#undef vk_or
#undef vk_xor
#undef vk_andnot
#undef vk_lt
#undef vk_le
#undef vk_gt
#undef vk_gt_or_nan
#undef vk_isnan
#undef vk_mor
#undef vk_mand
#undef vk_signmask
#undef vk_sel
#undef vk_signbit
#undef vk_bits
#undef vk_float
#undef vk_srli
#undef vk_slli
#undef vk_addi
#undef vk_subi
#undef vk_andi
#undef vk_maxi
#undef vk_rcp_est
#undef vk_lut2
#undef vk_lut4
#undef vk_seti
#undef vk_cvtt
#undef vk_round
#undef vk_floor
#undef vk_table_load
#undef vk_lut
#undef vk_ldexp
#undef vk_ldexp2
#undef vk_pow2
#undef vk_load
#undef vk_store
#undef vk_tail_mask
#undef vk_load_tail
#undef vk_store_tail

enum { VKB_W = VK_W };
#undef VK_W
#define VK_W (VKB_W * VK_WIDE)

typedef struct {
  vkb_vf h[VK_WIDE];
} vf;
typedef struct {
  vkb_vi h[VK_WIDE];
} vi;
typedef struct {
  vkb_vm h[VK_WIDE];
} vm;
typedef struct {
  vkb_tail h[VK_WIDE];
} vk_tail;
typedef vkb_table vk_table;

#define VK_EACH for (int u_ = 0; u_ < VK_WIDE; u_++)
/* R vk_name(args): r.h[u] = vkb_name(args at u), for each native vector */
#define VKW_1(R, n, T1)                 \
  VK_INLINE R vk_##n(T1 a) {            \
    R r;                                \
    VK_EACH r.h[u_] = vkb_##n(a.h[u_]); \
    return r;                           \
  }
#define VKW_2(R, n, T1, T2)                      \
  VK_INLINE R vk_##n(T1 a, T2 b) {               \
    R r;                                         \
    VK_EACH r.h[u_] = vkb_##n(a.h[u_], b.h[u_]); \
    return r;                                    \
  }
#define VKW_3(R, n, T1, T2, T3)                           \
  VK_INLINE R vk_##n(T1 a, T2 b, T3 c) {                  \
    R r;                                                  \
    VK_EACH r.h[u_] = vkb_##n(a.h[u_], b.h[u_], c.h[u_]); \
    return r;                                             \
  }
VKW_2(vf, add, vf, vf)
VKW_2(vf, sub, vf, vf)
VKW_2(vf, mul, vf, vf)
VKW_2(vf, add_ord, vf, vf)
VKW_2(vf, mul_ord, vf, vf)
VKW_2(vf, div, vf, vf)
VKW_3(vf, fma, vf, vf, vf)
VKW_3(vf, fma_ord, vf, vf, vf)
VKW_3(vf, fms, vf, vf, vf)
VKW_3(vf, fnma, vf, vf, vf)
VKW_1(vf, recip, vf)
VKW_2(vf, min, vf, vf)
VKW_2(vf, max, vf, vf)
VKW_1(vf, abs, vf)
VKW_2(vf, and, vf, vf)
VKW_2(vf, or, vf, vf)
VKW_2(vf, xor, vf, vf)
VKW_2(vf, andnot, vf, vf)
VKW_2(vm, lt, vf, vf)
VKW_2(vm, le, vf, vf)
VKW_2(vm, gt, vf, vf)
VKW_2(vm, gt_or_nan, vf, vf)
VKW_1(vm, isnan, vf)
VKW_2(vm, mor, vm, vm)
VKW_2(vm, mand, vm, vm)
VKW_1(vm, signmask, vi)
VKW_3(vf, sel, vm, vf, vf)
VKW_1(vf, signbit, vf)
VKW_1(vi, bits, vf)
VKW_1(vf, float, vi)
VKW_2(vi, addi, vi, vi)
VKW_2(vi, subi, vi, vi)
VKW_2(vi, andi, vi, vi)
VKW_2(vi, maxi, vi, vi)
VKW_1(vf, rcp_est, vf)
VKW_1(vi, cvtt, vf)
VKW_1(vf, round, vf)
VKW_1(vf, floor, vf)
VKW_2(vf, ldexp, vf, vf)
VKW_1(vf, pow2, vf)
VK_INLINE vf vk_set(float a) {
  vf r;
  VK_EACH r.h[u_] = vkb_set(a);
  return r;
}
VK_INLINE vi vk_seti(int32_t a) {
  vi r;
  VK_EACH r.h[u_] = vkb_seti(a);
  return r;
}
VK_INLINE vi vk_srli(vi a, int n) {
  vi r;
  VK_EACH r.h[u_] = vkb_srli(a.h[u_], n);
  return r;
}
VK_INLINE vi vk_slli(vi a, int n) {
  vi r;
  VK_EACH r.h[u_] = vkb_slli(a.h[u_], n);
  return r;
}
VK_INLINE vk_table vk_table_load(const float *t) {
  return vkb_table_load(t);
}
VK_INLINE vf vk_lut(vk_table t, vi i) {
  vf r;
  VK_EACH r.h[u_] = vkb_lut(t, i.h[u_]);
  return r;
}
VK_INLINE vf vk_lut2(const vk_table t[2], vi i) {
  vf r;
  VK_EACH r.h[u_] = vkb_lut2(t, i.h[u_]);
  return r;
}
VK_INLINE vf vk_lut4(const vk_table t[4], vi i) {
  vf r;
  VK_EACH r.h[u_] = vkb_lut4(t, i.h[u_]);
  return r;
}
VK_INLINE void vk_ldexp2(vf x1, vf x2, vf k, vf *y1, vf *y2) {
  VK_EACH vkb_ldexp2(x1.h[u_], x2.h[u_], k.h[u_], &y1->h[u_], &y2->h[u_]);
}
VK_INLINE vf vk_load(const float *p) {
  vf r;
  VK_EACH r.h[u_] = vkb_load(p + u_ * VKB_W);
  return r;
}
VK_INLINE void vk_store(float *p, vf v) {
  VK_EACH vkb_store(p + u_ * VKB_W, v.h[u_]);
}
/* the first n < VK_W lanes: each native vector gets its share */
VK_INLINE vk_tail vk_tail_mask(size_t n) {
  vk_tail t;
  VK_EACH {
    size_t lo = (size_t)u_ * VKB_W;
    t.h[u_] = vkb_tail_mask(n <= lo ? 0 : n - lo >= (size_t)VKB_W ? (size_t)VKB_W : n - lo);
  }
  return t;
}
VK_INLINE vf vk_load_tail(const float *p, vk_tail t) {
  vf r;
  VK_EACH r.h[u_] = vkb_load_tail(p + u_ * VKB_W, t.h[u_]);
  return r;
}
VK_INLINE void vk_store_tail(float *p, vf v, vk_tail t) {
  VK_EACH vkb_store_tail(p + u_ * VKB_W, v.h[u_], t.h[u_]);
}

#endif
