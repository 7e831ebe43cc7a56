/**
 * Conversions of shipments and results to Tablesaw {@code Table}s for reporting and CSV output; the
 * only package that imports Tablesaw.
 */
package org.parcelnet.table;
