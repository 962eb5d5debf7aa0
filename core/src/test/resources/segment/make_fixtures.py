#!/usr/bin/python3
"""Writes the segment package's fixtures and their expected values, computed by scikit-learn
(Debian's python3-sklearn), an implementation independent of jgrad's.

    cd core/src/test/resources/segment && /usr/bin/python3 make_fixtures.py   (scikit-learn 1.2.1, NumPy of Debian 12)

blobs.csv        300 points in 2-D around 3 centers (make_blobs, random_state=7)
blobs.expected   k-means with k = 3 (Lloyd, tol = 0 so it stops when no label changes, 10 k-means++ starts):
                 inertia, centers, labels; the silhouette (score and every sample) and the Davies-Bouldin
                 index of those labels; and of a 4-segment labelling (k-means with k = 4), to check the
                 scores on a partition that is not the natural one
wide.csv         200 rows of 6 correlated columns (a fixed random mixing of Gaussian factors)
wide.expected    PCA with 3 components: explained variance, its ratio, the components (up to sign)
"""
import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.decomposition import PCA
from sklearn.metrics import davies_bouldin_score, silhouette_samples, silhouette_score


def row(values):
    return ",".join(repr(float(v)) for v in values)


def write_points(path, x):
    with open(path, "w") as f:
        for r in x:
            f.write(row(r) + "\n")


x, _ = make_blobs(n_samples=300, centers=3, n_features=2, cluster_std=0.8, random_state=7)
write_points("blobs.csv", x)
with open("blobs.expected", "w") as f:
    for k in (3, 4):
        km = KMeans(n_clusters=k, n_init=10, tol=0.0, algorithm="lloyd", random_state=0).fit(x)
        f.write(f"k{k}.inertia={km.inertia_!r}\n")
        f.write(f"k{k}.centers={';'.join(row(c) for c in km.cluster_centers_)}\n")
        f.write(f"k{k}.labels={','.join(str(int(v)) for v in km.labels_)}\n")
        f.write(f"k{k}.silhouette={silhouette_score(x, km.labels_)!r}\n")
        f.write(f"k{k}.silhouette_samples={row(silhouette_samples(x, km.labels_))}\n")
        f.write(f"k{k}.davies_bouldin={davies_bouldin_score(x, km.labels_)!r}\n")

rng = np.random.default_rng(11)
factors = rng.normal(size=(200, 3)) * np.array([3.0, 1.5, 0.5])
wide = factors @ rng.normal(size=(3, 6)) + 0.1 * rng.normal(size=(200, 6)) + np.arange(6)
write_points("wide.csv", wide)
pca = PCA(n_components=3).fit(wide)
with open("wide.expected", "w") as f:
    f.write(f"explained_variance={row(pca.explained_variance_)}\n")
    f.write(f"explained_variance_ratio={row(pca.explained_variance_ratio_)}\n")
    f.write(f"components={';'.join(row(c) for c in pca.components_)}\n")
    rebuilt = pca.inverse_transform(pca.transform(wide))
    f.write(f"reconstruction_mse={float(np.mean((wide - rebuilt) ** 2))!r}\n")
