package org.parcelnet.linking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parcelnet.model.ShipmentTable;

/**
 * A rule that selects cases: conditions joined by {@code ;}, all of which must hold. A condition is
 * {@code column=value} (text columns: {@code origin_province}, {@code origin_city},
 * {@code destination_province}, {@code destination_city}, {@code carrier}, {@code mode},
 * {@code declared_goods}; compared ignoring case) or {@code column>=number} / {@code column<=number}
 * (numeric columns: {@code pieces}, {@code weight_kg}). Example:
 * {@code origin_province=Yunnan;pieces>=2;weight_kg>=15}.
 */
public final class CaseRule {

    private static final List<String> TEXT = List.of("origin_province", "origin_city", "destination_province",
            "destination_city", "carrier", "mode", "declared_goods");
    private static final List<String> NUMBERS = List.of("pieces", "weight_kg");

    private record Condition(String column, String op, String text, double number) {
    }

    private final List<Condition> conditions;
    private final String source;

    private CaseRule(List<Condition> conditions, String source) {
        this.conditions = conditions;
        this.source = source;
    }

    /** Parses a rule; throws {@link IllegalArgumentException} naming the bad condition. */
    public static CaseRule parse(String rule) {
        List<Condition> out = new ArrayList<>();
        for (String part : rule.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String op = p.contains(">=") ? ">=" : p.contains("<=") ? "<=" : p.contains("=") ? "=" : null;
            if (op == null) {
                throw new IllegalArgumentException("case rule: expected column=value, column>=number or column<=number, got '"
                        + p + "'");
            }
            int at = p.indexOf(op);
            String column = p.substring(0, at).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(at + op.length()).trim();
            if (op.equals("=")) {
                if (!TEXT.contains(column)) {
                    throw new IllegalArgumentException("case rule: '" + column + "=' needs a text column (one of "
                            + String.join(", ", TEXT) + ")");
                }
                out.add(new Condition(column, op, value, Double.NaN));
            } else {
                if (!NUMBERS.contains(column)) {
                    throw new IllegalArgumentException("case rule: '" + column + op + "' needs pieces or weight_kg");
                }
                double v;
                try {
                    v = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("case rule: not a number in '" + p + "'");
                }
                out.add(new Condition(column, op, null, v));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("case rule is empty");
        }
        return new CaseRule(List.copyOf(out), rule);
    }

    /** The rows the rule selects. */
    public boolean[] select(ShipmentTable t) {
        boolean[] out = new boolean[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = matches(t, i);
        }
        return out;
    }

    private boolean matches(ShipmentTable t, int i) {
        for (Condition c : conditions) {
            boolean ok = switch (c.column) {
                case "origin_province" -> c.text.equalsIgnoreCase(t.place(t.originPlace(i)).province());
                case "origin_city" -> c.text.equalsIgnoreCase(t.place(t.originPlace(i)).city());
                case "destination_province" -> c.text.equalsIgnoreCase(t.place(t.destinationPlace(i)).province());
                case "destination_city" -> c.text.equalsIgnoreCase(t.place(t.destinationPlace(i)).city());
                case "carrier" -> t.carrier(i) >= 0 && c.text.equalsIgnoreCase(t.carriers().value(t.carrier(i)));
                case "mode" -> t.mode(i) != null && c.text.equalsIgnoreCase(t.mode(i).name());
                case "declared_goods" -> t.goods(i) >= 0 && c.text.equalsIgnoreCase(t.goodsDictionary().value(t.goods(i)));
                case "pieces" -> compare(t.pieces(i), c);
                case "weight_kg" -> !Double.isNaN(t.weightKg(i)) && compare(t.weightKg(i), c);
                default -> throw new AssertionError(c.column);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean compare(double v, Condition c) {
        return c.op.equals(">=") ? v >= c.number : v <= c.number;
    }

    @Override
    public String toString() {
        return source;
    }
}
