package org.parcelnet.cli.report;

import java.util.Random;

import org.parcelnet.graph.CompactGraph;

/**
 * Fruchterman–Reingold force-directed placement (Fruchterman &amp; Reingold 1991, "Graph drawing by
 * force-directed placement", Software: Practice and Experience 21(11), doi:10.1002/spe.4380211102) on
 * primitive arrays: every pair of nodes repels with force k²/d, every arc pulls its ends together with
 * force d²/k (an undirected edge once, each arc of a directed graph once), where k = C·sqrt(area / n); each node moves along its net force by at most the current
 * temperature, which cools linearly from a tenth of the frame's smaller side to zero, and stays inside
 * the frame. Cost O(iterations · (n² + m)); at the ring diagram's 200 nodes and 300 iterations about
 * 12M pair steps, a few tens of milliseconds, where JGraphT's object-based FR layout (Point2D objects
 * and hash lookups per force) took about a second per ring.
 *
 * <p>Deterministic: the random start and the nudges apart of coincident nodes come from one
 * generator seeded with {@code seed}.
 */
final class ForceLayout {

    private ForceLayout() {
    }

    /**
     * Positions of the nodes of {@code g} in the frame [0, width] × [0, height]: x at {@code [2v]}, y
     * at {@code [2v + 1]}. Arc direction and weight are ignored.
     *
     * @param normalization C of the ideal edge length k = C·sqrt(width·height / n)
     */
    static double[] layout(CompactGraph g, int iterations, double normalization, double width, double height,
                           long seed) {
        int n = g.nodeCount();
        if (iterations < 0 || !(normalization > 0) || !(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("bad layout parameters");
        }
        Random random = new Random(seed);
        double[] pos = new double[2 * n];
        for (int v = 0; v < n; v++) {
            pos[2 * v] = random.nextDouble() * width;
            pos[2 * v + 1] = random.nextDouble() * height;
        }
        if (n < 2) {
            return pos;
        }
        double k = normalization * Math.sqrt(width * height / n);
        double k2 = k * k;
        double start = Math.min(width, height) / 10;
        double[] disp = new double[2 * n];
        boolean directed = g.isDirected();
        for (int it = 0; it < iterations; it++) {
            java.util.Arrays.fill(disp, 0);
            for (int u = 0; u < n; u++) {
                double ux = pos[2 * u];
                double uy = pos[2 * u + 1];
                double fx = 0;
                double fy = 0;
                for (int v = u + 1; v < n; v++) {
                    double dx = ux - pos[2 * v];
                    double dy = uy - pos[2 * v + 1];
                    double d2 = dx * dx + dy * dy;
                    if (d2 < 1e-18) { // coincident: push apart in a random direction
                        double a = random.nextDouble() * 2 * Math.PI;
                        dx = Math.cos(a) * 1e-3;
                        dy = Math.sin(a) * 1e-3;
                        d2 = 1e-6;
                    }
                    double s = k2 / d2; // (k² / d) along the unit vector (dx, dy) / d
                    fx += dx * s;
                    fy += dy * s;
                    disp[2 * v] -= dx * s;
                    disp[2 * v + 1] -= dy * s;
                }
                disp[2 * u] += fx;
                disp[2 * u + 1] += fy;
            }
            for (int u = 0; u < n; u++) {
                for (int a = g.outStart(u), end = g.outEnd(u); a < end; a++) {
                    int v = g.target(a);
                    if (v == u || !directed && v < u) { // an undirected edge pulls once, not per arc
                        continue;
                    }
                    double dx = pos[2 * u] - pos[2 * v];
                    double dy = pos[2 * u + 1] - pos[2 * v + 1];
                    double s = Math.sqrt(dx * dx + dy * dy) / k; // (d² / k) along (dx, dy) / d
                    disp[2 * u] -= dx * s;
                    disp[2 * u + 1] -= dy * s;
                    disp[2 * v] += dx * s;
                    disp[2 * v + 1] += dy * s;
                }
            }
            double temperature = start * (1 - (double) it / iterations);
            for (int v = 0; v < n; v++) {
                double dx = disp[2 * v];
                double dy = disp[2 * v + 1];
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d > 0) {
                    double step = Math.min(d, temperature) / d;
                    pos[2 * v] = Math.min(width, Math.max(0, pos[2 * v] + dx * step));
                    pos[2 * v + 1] = Math.min(height, Math.max(0, pos[2 * v + 1] + dy * step));
                }
            }
        }
        return pos;
    }
}
