package org.parcelnet.community;

/** Splits every community into its connected components (breadth-first search inside communities). */
final class ConnectedSplit {

    private ConnectedSplit() {
    }

    /**
     * New labels in {@code [0, n)}: nodes share a label iff they share a community of {@code comm}
     * and are connected inside it. O(n + m).
     */
    static int[] split(WorkGraph g, int[] comm) {
        int n = g.n;
        int[] label = new int[n];
        java.util.Arrays.fill(label, -1);
        int[] queue = new int[n];
        int next = 0;
        for (int s = 0; s < n; s++) {
            if (label[s] >= 0) {
                continue;
            }
            int c = comm[s];
            int id = next++;
            label[s] = id;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            while (head < tail) {
                int u = queue[head++];
                for (int i = g.off[u], e = g.off[u + 1]; i < e; i++) {
                    int t = g.adj[i];
                    if (label[t] < 0 && comm[t] == c) {
                        label[t] = id;
                        queue[tail++] = t;
                    }
                }
            }
        }
        return label;
    }
}
