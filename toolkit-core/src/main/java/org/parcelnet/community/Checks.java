package org.parcelnet.community;

/** Shared parameter validation with precise messages. */
final class Checks {

    private Checks() {
    }

    static void resolution(double r) {
        if (!(r > 0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("resolution must be finite and > 0, got " + r);
        }
    }

    static void tolerance(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + t);
        }
    }

    static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }
}
