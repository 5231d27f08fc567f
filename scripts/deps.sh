#!/usr/bin/env bash
# Install the Debian packages actbench needs.  As root it runs apt-get; as
# anyone else it prints the exact command to run and exits 1.
#   scripts/deps.sh           install what is missing
#   scripts/deps.sh --check   only report what is missing (exit 1 if anything is)
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config   # the build
  libbenchmark-dev                   # speed suite (Google Benchmark)
  libmpfr-dev libgmp-dev             # accuracy references
  libjansson-dev                     # results files (JSON)
  gnuplot-nox                        # report figures
  libsleef-dev                       # peer: SLEEF vector math
  libdnnl-dev                        # peer: oneDNN eltwise primitives
  libxnnpack-dev libpthreadpool-dev  # peer: XNNPACK operators
  libtorch-dev                       # peer: PyTorch's ATen operators (libtorch 1.13)
  libeigen3-dev                      # peer: TensorFlow's kernels on Eigen 3.4 (header-only)
  libhwy-dev                         # peer: Highway's contrib math (1.0.3)
  libxsmm-dev                        # peer: libxsmm's inline activation approximations (1.17)
  libopenmpi-dev openmpi-bin         # the exhaustive accuracy sweep over MPI ranks
  sollya                             # kernel coefficients (scripts/gen-coeffs.sh)
  python3                            # tests read the JSON results with python3's json module
  chromium                           # tests: a headless screenshot of the report (skipped without)
  nodejs npm                         # tests: the report in chromium, through puppeteer-core from
                                     # tests/browser/package-lock.json (test_browser skipped without)
  clang-14 libfuzzer-14-dev          # the fuzz targets (fuzz/, scripts/fuzz.sh): libFuzzer, ASan, UBSan
)

missing=()
for p in "${PACKAGES[@]}"; do
  # npm comes with some builds of nodejs (NodeSource's): there, no Debian npm
  if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
if [ "${1:-}" = "--check" ]; then
  echo "deps: missing: ${missing[*]}"
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "deps: missing Debian packages: ${missing[*]}"
  echo "deps: run as root:  apt-get update && apt-get install -y ${missing[*]}"
  exit 1
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
