package org.filmpalette.cluster;

import java.util.SplittableRandom;

/** Point sets for the clustering tests, flat 3-D arrays in CIELAB-like ranges, and a cost computed independently. */
final class SyntheticPixels {

    static final int DIMENSIONS = 3;

    private SyntheticPixels() {}

    /** Isotropic Gaussian blobs: {@code sizes[b]} points around {@code centers[b]}, standard deviation {@code sd}. */
    static double[] blobs(long seed, double[][] centers, int[] sizes, double sd) {
        SplittableRandom random = new SplittableRandom(seed);
        int total = 0;
        for (int size : sizes) {
            total += size;
        }
        double[] points = new double[total * DIMENSIONS];
        int p = 0;
        for (int b = 0; b < centers.length; b++) {
            for (int i = 0; i < sizes[b]; i++, p++) {
                for (int j = 0; j < DIMENSIONS; j++) {
                    points[p * DIMENSIONS + j] = centers[b][j] + sd * gaussian(random);
                }
            }
        }
        return points;
    }

    /**
     * Pixels of a synthetic film frame: a mixture of {@code blobCount} anisotropic, rotated Gaussian blobs with
     * random weights, clamped to L 0–100 and a, b −80..80 (clamping piles pixels up at the gamut edge like clipped
     * highlights do).
     */
    static double[] filmFrame(long seed, int count, int blobCount) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] means = new double[blobCount][];
        double[][] axes = new double[blobCount][];
        double[] cumulativeWeights = new double[blobCount];
        double weightSum = 0;
        for (int b = 0; b < blobCount; b++) {
            means[b] = new double[] {random.nextDouble(5, 95), random.nextDouble(-60, 60), random.nextDouble(-60, 60)};
            double[] scales = {random.nextDouble(1.5, 12), random.nextDouble(1, 10), random.nextDouble(1, 10)};
            double[] rotation = rotation(random);
            axes[b] = new double[9];
            for (int row = 0; row < 3; row++) {
                for (int col = 0; col < 3; col++) {
                    axes[b][row * 3 + col] = rotation[row * 3 + col] * scales[col];
                }
            }
            weightSum += -Math.log(1 - random.nextDouble());
            cumulativeWeights[b] = weightSum;
        }
        double[] points = new double[count * DIMENSIONS];
        double[] z = new double[3];
        for (int p = 0; p < count; p++) {
            double u = random.nextDouble() * weightSum;
            int b = 0;
            while (b < blobCount - 1 && u >= cumulativeWeights[b]) {
                b++;
            }
            for (int j = 0; j < 3; j++) {
                z[j] = gaussian(random);
            }
            for (int row = 0; row < 3; row++) {
                double value = means[b][row];
                for (int col = 0; col < 3; col++) {
                    value += axes[b][row * 3 + col] * z[col];
                }
                points[p * DIMENSIONS + row] = row == 0 ? clamp(value, 0, 100) : clamp(value, -80, 80);
            }
        }
        return points;
    }

    /** Uniform noise over L 0–100, a, b −80..80. */
    static double[] uniform(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] points = new double[count * DIMENSIONS];
        for (int p = 0; p < count; p++) {
            points[p * DIMENSIONS] = random.nextDouble(0, 100);
            points[p * DIMENSIONS + 1] = random.nextDouble(-80, 80);
            points[p * DIMENSIONS + 2] = random.nextDouble(-80, 80);
        }
        return points;
    }

    /** Sum over the points of the squared Euclidean distance to the nearest of {@code centers}, written out plainly. */
    static double cost(double[] points, int count, double[][] centers) {
        double total = 0;
        for (int p = 0; p < count; p++) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] center : centers) {
                double dl = points[p * 3] - center[0];
                double da = points[p * 3 + 1] - center[1];
                double db = points[p * 3 + 2] - center[2];
                best = Math.min(best, dl * dl + da * da + db * db);
            }
            total += best;
        }
        return total;
    }

    /** The centers of a clustering as separate arrays. */
    static double[][] centers(Clustering clustering) {
        double[][] centers = new double[clustering.count()][];
        for (int i = 0; i < centers.length; i++) {
            centers[i] = clustering.center(i);
        }
        return centers;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; SplittableRandom has no nextGaussian on JDK 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A random 3×3 rotation (row-major), by Gram–Schmidt on Gaussian columns. */
    private static double[] rotation(SplittableRandom random) {
        double[][] columns = new double[3][3];
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                columns[c][r] = gaussian(random);
            }
            for (int previous = 0; previous < c; previous++) {
                double dot = 0;
                for (int r = 0; r < 3; r++) {
                    dot += columns[c][r] * columns[previous][r];
                }
                for (int r = 0; r < 3; r++) {
                    columns[c][r] -= dot * columns[previous][r];
                }
            }
            double norm = Math.sqrt(columns[c][0] * columns[c][0] + columns[c][1] * columns[c][1]
                    + columns[c][2] * columns[c][2]);
            for (int r = 0; r < 3; r++) {
                columns[c][r] /= norm;
            }
        }
        double[] matrix = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                matrix[r * 3 + c] = columns[c][r];
            }
        }
        return matrix;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
