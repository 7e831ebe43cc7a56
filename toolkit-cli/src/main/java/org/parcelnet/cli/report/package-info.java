/**
 * The HTML report of {@code parcelnet analyze}: {@link org.parcelnet.cli.report.HtmlReport} builds one
 * self-contained {@code report.html} (inline CSS, no scripts, fonts or network references; a
 * Content-Security-Policy forbids them as well), and {@link org.parcelnet.cli.report.Charts} turns plain
 * data into inline SVG charts with JFreeChart rendered through JFreeSVG, plus a node–link ring diagram
 * laid out with JGraphT's Fruchterman–Reingold algorithm. Every string that may come from input passes
 * through {@link org.parcelnet.cli.report.Html#escape(String)}.
 */
package org.parcelnet.cli.report;
