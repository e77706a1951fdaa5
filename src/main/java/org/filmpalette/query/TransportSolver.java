package org.filmpalette.query;

import java.util.Arrays;

/**
 * An exact solver of the balanced transportation problem: move {@code supply} onto {@code demand} at least total
 * {@code cost}. Successive shortest paths with Dijkstra over reduced costs (Johnson potentials) on the dense
 * bipartite residual graph; each augmentation exhausts a supply, a demand or an earlier shipment, so a problem of
 * n × m nodes takes O(n + m) augmentations in practice, each O((n + m)²). Meant for palettes (k ≤ 64), pure Java.
 */
public final class TransportSolver {

    /** Amounts below this count as zero, so float noise in shares never leaves a phantom shipment. */
    static final double EPSILON = 1e-12;

    private TransportSolver() {}

    /**
     * The optimal plan. {@code supply} and {@code demand} are non-negative and are each normalized to sum to 1, so
     * the result is the mean cost per unit moved; {@code cost[i][j]} ≥ 0 is the cost of moving one unit from i to j.
     *
     * @throws IllegalArgumentException if a side is empty, has a negative or non-finite amount, sums to zero, or
     *         the cost matrix does not match
     */
    public static Plan solve(double[] supply, double[] demand, double[][] cost) {
        double[] a = normalized("supply", supply);
        double[] b = normalized("demand", demand);
        checkCosts(cost, a.length, b.length);
        return new Solver(a, b, cost).run();
    }

    /**
     * An optimal shipment plan: {@code flow[i][j]} units from supply i to demand j, and its total {@code cost}.
     * {@code supplyPotential} and {@code demandPotential} are dual values with
     * {@code demandPotential[j] - supplyPotential[i] ≤ cost[i][j]}, equality wherever flow is positive: the
     * certificate that the plan is optimal.
     */
    public record Plan(double cost, double[][] flow, double[] supplyPotential, double[] demandPotential) {}

    private static final class Solver {
        private final int n;
        private final int m;
        private final double[] supplyLeft;
        private final double[] demandLeft;
        private final double[][] cost;
        private final double[][] flow;
        // Potentials of supply nodes 0..n-1 and demand nodes n..n+m-1; the virtual source and sink need none
        // because every supply with something left is a start and every demand with room left an end.
        private final double[] potential;

        Solver(double[] supply, double[] demand, double[][] cost) {
            this.n = supply.length;
            this.m = demand.length;
            this.supplyLeft = supply.clone();
            this.demandLeft = demand.clone();
            this.cost = cost;
            this.flow = new double[n][m];
            this.potential = new double[n + m];
        }

        Plan run() {
            double[] distance = new double[n + m];
            int[] previous = new int[n + m];
            boolean[] done = new boolean[n + m];
            while (true) {
                int end = shortestPath(distance, previous, done);
                if (end < 0) {
                    break;
                }
                augment(end, previous);
            }
            double total = 0.0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    total += flow[i][j] * cost[i][j];
                }
            }
            return new Plan(total, flow, Arrays.copyOfRange(potential, 0, n), Arrays.copyOfRange(potential, n, n + m));
        }

        /** Dijkstra from every supply with something left; returns the nearest demand with room left, or -1. */
        private int shortestPath(double[] distance, int[] previous, boolean[] done) {
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            Arrays.fill(previous, -1);
            Arrays.fill(done, false);
            for (int i = 0; i < n; i++) {
                if (supplyLeft[i] > EPSILON) {
                    distance[i] = 0.0;
                }
            }
            int end = -1;
            while (true) {
                int u = -1;
                for (int v = 0; v < n + m; v++) {
                    if (!done[v] && distance[v] < Double.POSITIVE_INFINITY && (u < 0 || distance[v] < distance[u])) {
                        u = v;
                    }
                }
                if (u < 0) {
                    break;
                }
                done[u] = true;
                if (u >= n && demandLeft[u - n] > EPSILON) {
                    end = u;
                    break;
                }
                relaxFrom(u, distance, previous, done);
            }
            if (end < 0) {
                return -1;
            }
            // Capping at the end's distance keeps every residual reduced cost non-negative for the next round.
            double cap = distance[end];
            for (int v = 0; v < n + m; v++) {
                potential[v] += Math.min(distance[v], cap);
            }
            return end;
        }

        private void relaxFrom(int u, double[] distance, int[] previous, boolean[] done) {
            if (u < n) {
                for (int j = 0; j < m; j++) {
                    relax(u, n + j, cost[u][j], distance, previous, done);
                }
            } else {
                int j = u - n;
                for (int i = 0; i < n; i++) {
                    if (flow[i][j] > EPSILON) {
                        relax(u, i, -cost[i][j], distance, previous, done);
                    }
                }
            }
        }

        private void relax(int u, int v, double arcCost, double[] distance, int[] previous, boolean[] done) {
            if (done[v]) {
                return;
            }
            // Rounding can leave a reduced cost a hair below zero; Dijkstra needs it non-negative.
            double reduced = Math.max(0.0, arcCost + potential[u] - potential[v]);
            double candidate = distance[u] + reduced;
            if (candidate < distance[v]) {
                distance[v] = candidate;
                previous[v] = u;
            }
        }

        private void augment(int end, int[] previous) {
            double amount = demandLeft[end - n];
            int v = end;
            while (previous[v] >= 0) {
                int u = previous[v];
                if (u >= n) {
                    amount = Math.min(amount, flow[v][u - n]);
                }
                v = u;
            }
            amount = Math.min(amount, supplyLeft[v]);
            supplyLeft[v] -= amount;
            demandLeft[end - n] -= amount;
            v = end;
            while (previous[v] >= 0) {
                int u = previous[v];
                if (u < n) {
                    flow[u][v - n] += amount;
                } else {
                    flow[v][u - n] -= amount;
                }
                v = u;
            }
        }
    }

    private static double[] normalized(String side, double[] amounts) {
        if (amounts.length == 0) {
            throw new IllegalArgumentException("Invalid " + side + ": empty (needs at least one amount)");
        }
        double total = 0.0;
        for (double amount : amounts) {
            if (!(amount >= 0.0) || Double.isInfinite(amount)) {
                throw new IllegalArgumentException("Invalid " + side + " amount: " + amount
                        + " (must be finite and non-negative)");
            }
            total += amount;
        }
        if (total <= 0.0) {
            throw new IllegalArgumentException("Invalid " + side + ": sums to 0 (needs a positive amount)");
        }
        double[] result = new double[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            result[i] = amounts[i] / total;
        }
        return result;
    }

    private static void checkCosts(double[][] cost, int n, int m) {
        if (cost.length != n) {
            throw new IllegalArgumentException("Invalid cost matrix: " + cost.length + " rows for " + n + " supplies");
        }
        for (double[] row : cost) {
            if (row.length != m) {
                throw new IllegalArgumentException(
                        "Invalid cost matrix: a row of " + row.length + " for " + m + " demands");
            }
            for (double c : row) {
                if (!(c >= 0.0) || Double.isInfinite(c)) {
                    throw new IllegalArgumentException("Invalid cost: " + c + " (must be finite and non-negative)");
                }
            }
        }
    }
}
