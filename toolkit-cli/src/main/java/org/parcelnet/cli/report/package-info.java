/**
 * The HTML report of {@code parcelnet analyze}: {@link org.parcelnet.cli.report.HtmlReport} builds one
 * self-contained {@code report.html} (inline CSS, one inline script allowed by its hash in the page's
 * Content-Security-Policy, search data embedded as script-safe JSON by
 * {@link org.parcelnet.cli.report.ScriptJson}; no fonts, images or network references).
 * {@link org.parcelnet.cli.report.Charts} turns plain data into inline SVG charts with JFreeChart
 * rendered through JFreeSVG, plus a node–link ring diagram laid out with JGraphT's Fruchterman–Reingold
 * algorithm; {@link org.parcelnet.cli.report.RouteMap} draws relay routes on an Albers map of China
 * with Natural Earth outlines; {@link org.parcelnet.cli.report.Timeline} draws parcels over time in
 * lanes. Every string that may come from input passes through
 * {@link org.parcelnet.cli.report.Html#escape(String)} (markup) or {@code ScriptJson} (data).
 */
package org.parcelnet.cli.report;
