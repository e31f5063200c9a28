#!/usr/bin/env bash
# Run HERE (a machine with pip and the package index), from anywhere in the checkout.
#
# Prepares what the GPU machine lacks, in two git-ignored folders that the device
# `run` call carries (see tools/gpu/README.md):
#   .whl/       cp312 manylinux wheels: keras 3.15.1 and the few pure-Python packages
#               the GPU image does not have (its package list:
#               /work/.library/device/KINDS.md, "Python packages already there")
#   .gpu-data/  the four Fashion-MNIST .gz files (HARNESS_FASHION_MNIST_DIR points there)
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

# Not on the GPU image, needed there. Versions = the ones this project's CPU
# environment runs (/work/devenv), so the GPU records compare like with like.
WHEELS=(
    keras==3.15.1          # the pinned Keras
    namex==0.1.0           # keras needs it (its other needs are on the image:
    optree==0.20.0         #   absl-py, numpy, rich, h5py, ml-dtypes, packaging)
    pytest-codeblocks==0.18.0  # pyproject's addopts say --codeblocks: pytest stops without it
    pydot==4.0.1           # keras.utils.plot_model / model_to_dot (pyparsing is on the image)
    nox==2026.10.20        # python3 -m nox --no-venv -s "tests_gpu(backend=...)"
    argcomplete==3.7.2     # nox imports these four; attrs, humanize, packaging, filelock
    colorlog==6.12.0       #   are on the image; virtualenv is only needed to make
    dependency-groups==1.3.2  # environments, which --no-venv never does
    python-discovery==1.9.6
    platformdirs==4.14.9
)
# Deliberately not carried: tensorflow (too big, and the GPU suite is jax and torch),
# mkdocs & co. (the site is built on CPU), nbformat/jupyter (notebooks are built on CPU),
# matplotlib, pillow, scikit-learn, scipy, h5py, pytest, numpy, ml-dtypes (on the image).

exclude="$(git rev-parse --git-path info/exclude)"
mkdir -p "$(dirname "$exclude")"
touch "$exclude"
for pattern in /.whl/ /.gpu-data/; do
    grep -qxF "$pattern" "$exclude" || echo "$pattern" >>"$exclude"
done

rm -rf .whl
python3 -m pip download --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64 \
    --platform manylinux2014_x86_64 --platform manylinux1_x86_64 \
    -q -d .whl "${WHEELS[@]}"

# one version of each, or the install there stops
dupes=$(ls .whl | sed -E 's/-[0-9].*//' | tr '[:upper:]-' '[:lower:]_' | sort | uniq -d)
[ -z "$dupes" ] || { echo "two versions of: $dupes" >&2; exit 1; }

mkdir -p .gpu-data/fashion-mnist
for f in train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz; do
    cp -f "${FASHION_MNIST_SOURCE:-/usr/share/datasets/fashion-mnist}/$f" .gpu-data/fashion-mnist/  # copies: links would travel as links
done

echo "--- .whl"
ls -l .whl | awk 'NR>1 {printf "%9d  %s\n", $5, $9}'
echo "--- sizes"
du -sh .whl .gpu-data
# what a run call sends: tracked + untracked-not-ignored files, plus the carried folders (limit 64 MiB)
tree_bytes=$(git ls-files -z --cached --others --exclude-standard | xargs -0 -r du -cb 2>/dev/null | awk 'END {print $1}')
carried_bytes=$(du -cb .whl .gpu-data | awk 'END {print $1}')
total=$((tree_bytes + carried_bytes))
awk -v t="$tree_bytes" -v c="$carried_bytes" 'BEGIN {
    printf "working tree %.1f MiB + carried %.1f MiB = %.1f MiB (limit 64 MiB)\n", t / 2^20, c / 2^20, (t + c) / 2^20 }'
[ "$total" -lt $((60 * 1048576)) ] || { echo "too big to travel: keep the total under 64 MiB" >&2; exit 1; }
