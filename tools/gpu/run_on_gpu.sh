#!/usr/bin/env bash
# The GPU suite, once, on the lent H200: what the device `run` call executes (tools/gpu/README.md).
#
#   bash tools/gpu/run_on_gpu.sh              # on the GPU machine, from the repo root
#   DRY_RUN=1 bash tools/gpu/run_on_gpu.sh    # here, on CPU: same path, --device cpu, snippets/gpu only
#
# Order: the two timing snippets alone first (one job, nothing else on the GPU or the CPUs),
# jax then torch; then the whole GPU suite per backend in the time left (records of
# snippets that already passed are cached, so the timing ones are not run twice).
# Everything is logged into $OUT; the records come back as one tarball.
#
# Environment: OUT (set by the device tool; a temp folder otherwise), DRY_RUN=0|1,
# PYTHON (python3), BUDGET_S (total seconds, default 400), JOBS (snippets in parallel, default 4),
# PHASES ("timing,suite"; "timing" alone reruns only the two timing snippets, ~3 minutes).
set -uo pipefail
cd "$(dirname "$0")/../.."

DRY_RUN=${DRY_RUN:-0}
OUT=${OUT:-$(mktemp -d /tmp/gpu-run-out.XXXX)}
PYTHON=${PYTHON:-python3}
BUDGET_S=${BUDGET_S:-400}
JOBS=${JOBS:-4}
PHASES=${PHASES:-timing,suite}
STARTED=$(date +%s)
BACKENDS=(jax torch)
TIMING_TESTS="mixed_precision or vgg16_finetune_gpu"

if [ "$DRY_RUN" = 1 ]; then
    DEVICE=cpu
    BUDGET_S=${BUDGET_S_DRY:-900}   # two shared CPU cores here
    JOBS=1
    SUITE_ARGS=(-k gpu)  # a handful: the snippets of snippets/gpu/, not the whole suite
else
    DEVICE=gpu
    SUITE_ARGS=()
fi

left() { echo $((BUDGET_S - ($(date +%s) - STARTED))); }

main() {
    echo "=== $(date -u +%FT%TZ) run_on_gpu.sh DRY_RUN=$DRY_RUN device=$DEVICE budget=${BUDGET_S}s jobs=$JOBS OUT=$OUT"

    if [ "$DRY_RUN" != 1 ]; then
        # the exact line from the device README: the carried wheels into /tmp/site
        python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl && export PYTHONPATH=/tmp/site || exit
        export HARNESS_FASHION_MNIST_DIR="$PWD/.gpu-data/fashion-mnist"
    elif [ -d .gpu-data/fashion-mnist ]; then
        export HARNESS_FASHION_MNIST_DIR="$PWD/.gpu-data/fashion-mnist"
    fi
    export XLA_PYTHON_CLIENT_PREALLOCATE=false  # snippets share the GPU: JAX must not take 75 % of it up front
    export PYTHONUNBUFFERED=1 NO_MKDOCS_2_WARNING=1

    # nox --no-venv runs `pytest` from PATH: make that the same interpreter, with PYTHONPATH as set here
    shim=$(mktemp -d /tmp/pytest-shim.XXXX)
    printf '#!/bin/sh\nexec %s -m pytest "$@"\n' "$(command -v "$PYTHON")" >"$shim/pytest"
    chmod +x "$shim/pytest"
    export PATH="$shim:$PATH"

    echo "=== machine"
    command -v nvidia-smi >/dev/null && nvidia-smi || echo "nvidia-smi: not found"
    if command -v dot >/dev/null; then echo "graphviz dot: $(command -v dot)"; else echo "graphviz dot: not found"; fi
    nproc; free -g | head -2
    "$PYTHON" - <<'PY'
import importlib.metadata as m, platform, sys
print("python", platform.python_version(), sys.executable)
for name in ["keras", "jax", "jaxlib", "jax-cuda13-plugin", "torch", "numpy", "ml-dtypes", "h5py", "optree",
             "pytest", "pytest-codeblocks", "nox", "attrs", "packaging", "matplotlib", "pillow", "scikit-learn",
             "pydot", "tensorflow"]:
    try:
        print(f"  {name} {m.version(name)}")
    except m.PackageNotFoundError:
        print(f"  {name} -- not installed")
PY
    for backend in "${BACKENDS[@]}"; do
        KERAS_BACKEND=$backend timeout 120 "$PYTHON" -c "
import keras, sys
from harness.child.device import current_device
print('backend', keras.backend.backend(), 'keras', keras.__version__, 'computes on', current_device())
" 2>&1 | grep -v '^WARNING' | tail -3
    done

    if [ "$DRY_RUN" = 1 ]; then
        "$PYTHON" tools/gpu/dry_run_copy.py  # CPU-runnable copies of the GPU-only snippets
    fi

    if "$PYTHON" -c "import nox" 2>/dev/null; then use_nox=1; else use_nox=0; echo "nox not importable: pytest directly"; fi
    status=0
    run_suite() {  # backend, seconds, pytest arguments...
        local backend=$1 seconds=$2
        shift 2
        if [ "$seconds" -lt 30 ]; then
            echo "=== $backend: skipped, only ${seconds}s left"
            status=1
            return
        fi
        echo "=== $(date -u +%T) $backend: pytest $* (at most ${seconds}s)"
        if [ "$use_nox" = 1 ]; then
            # tests_gpu already passes --device gpu; a later --device wins (the dry run's cpu)
            timeout --kill-after=15 "$seconds" "$PYTHON" -m nox --no-venv -s "tests_gpu(backend='$backend')" \
                -- --device "$DEVICE" "$@" 2>&1 | tee -a "$OUT/pytest-$backend.log"
        else
            KERAS_BACKEND=$backend timeout --kill-after=15 "$seconds" "$PYTHON" -m pytest \
                --device "$DEVICE" tests/test_snippets.py "$@" 2>&1 | tee -a "$OUT/pytest-$backend.log"
        fi
        local code=${PIPESTATUS[0]}
        echo "=== $(date -u +%T) $backend: exit $code"
        [ "$code" = 0 ] || status=1
    }

    # 1. the timing snippets, alone: at most 150 s, and 2/5 of what is left, per backend
    if [[ ",$PHASES," == *,timing,* ]]; then
        for backend in "${BACKENDS[@]}"; do
            share=$(($(left) * 2 / 5))
            [ "$share" -gt 150 ] && share=150
            run_suite "$backend" "$share" --jobs 1 -k "$TIMING_TESTS"
        done
    fi
    # 2. the rest of the suite, in parallel; keep 25 s to pack the records
    if [[ ",$PHASES," == *,suite,* ]]; then
        for i in "${!BACKENDS[@]}"; do
            backend=${BACKENDS[$i]}
            remaining=$((${#BACKENDS[@]} - i))
            run_suite "$backend" $((($(left) - 25) / remaining)) --jobs "$JOBS" "${SUITE_ARGS[@]}"
        done
    fi

    echo "=== $(date -u +%T) packing the records"
    records=()
    for backend in "${BACKENDS[@]}"; do
        [ -d ".records/$backend-$DEVICE" ] && records+=("$backend-$DEVICE")
    done
    if [ ${#records[@]} -gt 0 ]; then
        tar -C .records -czf "$OUT/records-$DEVICE.tar.gz" "${records[@]}"
        tar -tzf "$OUT/records-$DEVICE.tar.gz" | grep -c '\.json$' | sed 's/^/record files packed: /'
        ls -l "$OUT"
    else
        echo "no records to pack"
        status=1
    fi
    echo "=== $(date -u +%FT%TZ) done in $(($(date +%s) - STARTED))s, status $status"
    return $status
}

cleanup() { [ "$DRY_RUN" = 1 ] && "$PYTHON" tools/gpu/dry_run_copy.py --clean; }
trap cleanup EXIT

main 2>&1 | tee "$OUT/run_on_gpu.log"
exit "${PIPESTATUS[0]}"
