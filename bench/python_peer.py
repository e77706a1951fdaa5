#!/usr/bin/env python3
"""The Python peer of bench/run.sh: Pillow's JPEG draft mode (libjpeg's 1/4 DCT scaling), 4,096 random pixels and
scikit-learn KMeans(k=8, n_init=1) per frame, one process per core. Needs Debian's python3-pil and python3-sklearn.
Usage: python_peer.py ARCHIVE"""
import os
import sys
import time
import zlib
from multiprocessing import Pool

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402


def palette(path):
    with Image.open(path) as image:
        image.draft("RGB", (image.width // 4, image.height // 4))
        pixels = np.asarray(image.convert("RGB")).reshape(-1, 3)
    random = np.random.default_rng(zlib.crc32(path.encode()))
    sample = pixels[random.choice(len(pixels), size=min(4096, len(pixels)), replace=False)].astype(np.float64)
    return KMeans(n_clusters=8, n_init=1, random_state=0).fit(sample).cluster_centers_.shape[0]


def main():
    frames = sorted(os.path.join(d, f) for d, _, fs in os.walk(sys.argv[1]) for f in fs if f.endswith(".jpg"))
    started = time.time()
    with Pool(os.cpu_count()) as pool:
        colors = sum(pool.map(palette, frames, chunksize=16))
    seconds = time.time() - started
    print(f"python peer: {len(frames)} frames in {seconds:.2f} s = {len(frames) / seconds:.1f} frames/s"
          f" on {os.cpu_count()} processes ({colors} colors)")


if __name__ == "__main__":
    main()
