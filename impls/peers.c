/* actbench: the peer libraries compiled in.  CMake defines ACT_HAVE_<PEER>
 * and compiles impls/peers/<peer>.c when the library is installed; a peer
 * that is not installed is simply absent. */
#include "registry.h"

#ifdef ACT_HAVE_SLEEF
extern const act_impl_table act_peer_sleef;
#endif
#ifdef ACT_HAVE_ONEDNN
extern const act_impl_table act_peer_onednn;
#endif
#ifdef ACT_HAVE_XNNPACK
extern const act_impl_table act_peer_xnnpack;
#endif
#ifdef ACT_HAVE_LIBMVEC
extern const act_impl_table act_peer_libmvec;
#endif
#ifdef ACT_HAVE_PYTORCH
extern const act_impl_table act_peer_pytorch;
#endif
#ifdef ACT_HAVE_EIGEN
extern const act_impl_table act_peer_eigen;
#endif
#ifdef ACT_HAVE_HIGHWAY
extern const act_impl_table act_peer_highway;
#endif
#ifdef ACT_HAVE_LIBXSMM
extern const act_impl_table act_peer_libxsmm;
#endif

const act_impl_table *const act_peer_tables[] = {
#ifdef ACT_HAVE_SLEEF
    &act_peer_sleef,
#endif
#ifdef ACT_HAVE_ONEDNN
    &act_peer_onednn,
#endif
#ifdef ACT_HAVE_XNNPACK
    &act_peer_xnnpack,
#endif
#ifdef ACT_HAVE_LIBMVEC
    &act_peer_libmvec,
#endif
#ifdef ACT_HAVE_PYTORCH
    &act_peer_pytorch,
#endif
#ifdef ACT_HAVE_EIGEN
    &act_peer_eigen,
#endif
#ifdef ACT_HAVE_HIGHWAY
    &act_peer_highway,
#endif
#ifdef ACT_HAVE_LIBXSMM
    &act_peer_libxsmm,
#endif
    NULL,
};

#ifdef ACT_HAVE_PYTORCH
void act_peer_pytorch_prepare(void);
#endif
void (*const act_peer_prepare[])(void) = {
#ifdef ACT_HAVE_PYTORCH
    act_peer_pytorch_prepare,
#endif
    NULL,
};

#ifndef ACT_PEERS_FOUND
#define ACT_PEERS_FOUND ""
#endif
const char *act_peers_found(void) {
  return ACT_PEERS_FOUND;
}
