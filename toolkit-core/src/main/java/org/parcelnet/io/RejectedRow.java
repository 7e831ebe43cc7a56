package org.parcelnet.io;

/**
 * A row that was not read, with where and why.
 *
 * @param line   1-based physical line where the row starts
 * @param column 1-based field number of the offending field, 0 for the whole row
 * @param reason what is wrong (a stable phrase, used to count rejects by reason)
 * @param value  the offending value, or {@code null} when it is withheld (personal data) or absent
 */
public record RejectedRow(long line, int column, String reason, String value) {
}
