package org.filmpalette.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TransportSolverTest {

    @Test
    void oneSupplyToTwoDemandsCostsTheWeightedMean() {
        TransportSolver.Plan plan = TransportSolver.solve(new double[] {1}, new double[] {0.25, 0.75},
                new double[][] {{4, 8}});
        assertEquals(0.25 * 4 + 0.75 * 8, plan.cost(), 1e-12);
        assertEquals(0.75, plan.flow()[0][1], 1e-12);
    }

    @Test
    void picksTheCheaperOfTwoPlansAndUnnormalizedMassesAreNormalized() {
        // Straight shipping costs 1 + 1, crossing costs 10 + 10.
        TransportSolver.Plan plan = TransportSolver.solve(new double[] {3, 3}, new double[] {5, 5},
                new double[][] {{1, 10}, {10, 1}});
        assertEquals(1.0, plan.cost(), 1e-12);
        assertEquals(0.5, plan.flow()[0][0], 1e-12);
        assertEquals(0.0, plan.flow()[0][1], 1e-12);
    }

    @Test
    void needsToUndoAGreedyShipmentToReachTheOptimum() {
        // Greedy fills (0,0) at cost 0 first; the optimum ships 0→1 and 1→0 instead (total 2, not 0 + 100).
        TransportSolver.Plan plan = TransportSolver.solve(new double[] {1, 1}, new double[] {1, 1},
                new double[][] {{0, 1}, {1, 100}});
        assertEquals((1 + 1) / 2.0, plan.cost(), 1e-12);
    }

    @Test
    void matchesTheClosedFormOnALine() {
        // On a line with cost |x - y| the optimal cost is the area between the two cumulative distributions.
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(12);
            int m = 1 + random.nextInt(12);
            double[] x = positions(random, n);
            double[] y = positions(random, m);
            double[] a = masses(random, n);
            double[] b = masses(random, m);
            double[][] cost = new double[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    cost[i][j] = Math.abs(x[i] - y[j]);
                }
            }
            double expected = areaBetweenDistributions(x, a, y, b);
            assertTrue(expected > 0.0 || n == 0);
            assertEquals(expected, TransportSolver.solve(a, b, cost).cost(), 1e-9, "round " + round);
        }
    }

    @Test
    void everyPlanOnRandomCostsCarriesItsOptimalityCertificate() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(round < 190 ? 10 : 64);
            int m = 1 + random.nextInt(round < 190 ? 10 : 64);
            double[] a = masses(random, n);
            double[] b = masses(random, m);
            double[][] cost = new double[n][m];
            for (double[] row : cost) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextDouble() * 100;
                }
            }
            assertOptimal(a, b, cost, TransportSolver.solve(a, b, cost));
        }
    }

    @Test
    void degenerateProblemsOfTiedCostsAndEqualOrZeroMassesCarryTheirCertificateToo() {
        SplittableRandom random = new SplittableRandom(13);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + random.nextInt(9);
            int m = 1 + random.nextInt(9);
            // Masses of 0, 1 or 2 units (never all 0) and costs of 0–3: many equal partial sums and tied cells, the
            // cases where a pivot ships nothing and a simplex could cycle.
            double[] a = tiedMasses(random, n);
            double[] b = tiedMasses(random, m);
            double[][] cost = new double[n][m];
            for (double[] row : cost) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextInt(4);
                }
            }
            assertOptimal(a, b, cost, TransportSolver.solve(a, b, cost));
        }
        // Identity costs on equal masses: the diagonal, at cost 0.
        double[] equal = {1, 1, 1, 1, 1, 1, 1, 1};
        double[][] identity = new double[8][8];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                identity[i][j] = i == j ? 0 : 10;
            }
        }
        assertEquals(0.0, TransportSolver.solve(equal, equal, identity).cost(), 1e-12);
    }

    @Test
    void rejectsMassesThatCannotBeShipped() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> TransportSolver.solve(new double[0], new double[] {1}, new double[0][]));
        assertEquals("Invalid supply: empty (needs at least one amount)", empty.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> TransportSolver.solve(new double[] {1}, new double[] {-1, 2}, new double[][] {{1, 1}}));
        assertEquals("Invalid demand amount: -1.0 (must be finite and non-negative)", negative.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> TransportSolver.solve(new double[] {0}, new double[] {1}, new double[][] {{1}}));
        assertEquals("Invalid supply: sums to 0 (needs a positive amount)", zero.getMessage());
    }

    /** Primal feasibility, dual feasibility and equal objectives together prove the plan optimal. */
    private static void assertOptimal(double[] a, double[] b, double[][] cost, TransportSolver.Plan plan) {
        double totalA = Arrays.stream(a).sum();
        double totalB = Arrays.stream(b).sum();
        double[][] flow = plan.flow();
        double primal = 0.0;
        for (int i = 0; i < a.length; i++) {
            double shipped = 0.0;
            for (int j = 0; j < b.length; j++) {
                assertTrue(flow[i][j] >= -1e-12);
                shipped += flow[i][j];
                primal += flow[i][j] * cost[i][j];
                double slack = cost[i][j] - (plan.demandPotential()[j] - plan.supplyPotential()[i]);
                assertTrue(slack > -1e-7, "dual infeasible at " + i + "," + j + ": " + slack);
                if (flow[i][j] > 1e-9) {
                    assertEquals(0.0, slack, 1e-7, "positive flow off a tight arc at " + i + "," + j);
                }
            }
            assertEquals(a[i] / totalA, shipped, 1e-9);
        }
        for (int j = 0; j < b.length; j++) {
            double received = 0.0;
            for (double[] row : flow) {
                received += row[j];
            }
            assertEquals(b[j] / totalB, received, 1e-9);
        }
        double dual = 0.0;
        for (int j = 0; j < b.length; j++) {
            dual += b[j] / totalB * plan.demandPotential()[j];
        }
        for (int i = 0; i < a.length; i++) {
            dual -= a[i] / totalA * plan.supplyPotential()[i];
        }
        assertEquals(primal, plan.cost(), 1e-9);
        assertEquals(primal, dual, 1e-7);
    }

    private static double areaBetweenDistributions(double[] x, double[] a, double[] y, double[] b) {
        double totalA = Arrays.stream(a).sum();
        double totalB = Arrays.stream(b).sum();
        double[] points = new double[x.length + y.length];
        double[] signed = new double[points.length];
        Integer[] order = new Integer[points.length];
        for (int i = 0; i < x.length; i++) {
            points[i] = x[i];
            signed[i] = a[i] / totalA;
        }
        for (int j = 0; j < y.length; j++) {
            points[x.length + j] = y[j];
            signed[x.length + j] = -b[j] / totalB;
        }
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(points[p], points[q]));
        double area = 0.0;
        double cumulative = 0.0;
        for (int k = 0; k < order.length - 1; k++) {
            cumulative += signed[order[k]];
            area += Math.abs(cumulative) * (points[order[k + 1]] - points[order[k]]);
        }
        return area;
    }

    private static double[] positions(SplittableRandom random, int count) {
        double[] positions = new double[count];
        for (int i = 0; i < count; i++) {
            positions[i] = random.nextDouble() * 100;
        }
        return positions;
    }

    private static double[] tiedMasses(SplittableRandom random, int count) {
        double[] masses = new double[count];
        while (Arrays.stream(masses).sum() == 0) {
            for (int i = 0; i < count; i++) {
                masses[i] = random.nextInt(3);
            }
        }
        return masses;
    }

    private static double[] masses(SplittableRandom random, int count) {
        double[] masses = new double[count];
        for (int i = 0; i < count; i++) {
            masses[i] = 0.01 + random.nextDouble();
        }
        return masses;
    }
}
