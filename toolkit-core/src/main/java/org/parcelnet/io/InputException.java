package org.parcelnet.io;

/**
 * Bad input: a file that cannot be read as what it claims to be. The message is one line,
 * {@code file:line:column: what is wrong (value)}, where line and column are 1-based (line counts
 * physical lines of the file, column counts CSV fields) and omitted when unknown. The offending value
 * is shortened to 60 characters so that error lines stay readable.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final int column;
    private final String reason;

    /**
     * @param file   file name as the user gave it
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column (field number), or 0 when unknown
     * @param reason what is wrong
     * @param value  the offending value, or {@code null}
     */
    public InputException(String file, long line, int column, String reason, String value) {
        super(format(file, line, column, reason, value));
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** A file-level problem without a position. */
    public InputException(String file, String reason) {
        this(file, 0, 0, reason, null);
    }

    /** The file. */
    public String file() {
        return file;
    }

    /** 1-based line, 0 when unknown. */
    public long line() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int column() {
        return column;
    }

    /** What is wrong, without position or value. */
    public String reason() {
        return reason;
    }

    static String format(String file, long line, int column, String reason, String value) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(reason);
        if (value != null) {
            sb.append(" (").append(shorten(value)).append(')');
        }
        return sb.toString();
    }

    /** The value cut to 60 characters with a length note, control characters made visible. */
    static String shorten(String value) {
        String v = value.length() > 60 ? value.substring(0, 57) + "... [" + value.length() + " chars]" : value;
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20) {
                sb.append('?');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
