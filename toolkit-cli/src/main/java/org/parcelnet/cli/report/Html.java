package org.parcelnet.cli.report;

/**
 * The one escaping function of the report. Every string that may come from input (names, pseudonyms,
 * places, goods, file names, messages) goes through {@link #escape(String)} before it is written into
 * HTML or SVG markup.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for HTML and XML element content and quoted attribute values: {@code & < > " '}
     * become entities; control characters other than tab, line feed and carriage return (not allowed
     * in HTML or XML) and lone surrogates become U+FFFD. {@code null} becomes the empty string.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null) {
                boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == 0xFFFE || c == 0xFFFF
                        || (Character.isHighSurrogate(c) && (i + 1 == n || !Character.isLowSurrogate(s.charAt(i + 1))))
                        || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))));
                if (bad) {
                    rep = "\uFFFD";
                }
            }
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(n + 16);
                    sb.append(s, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
