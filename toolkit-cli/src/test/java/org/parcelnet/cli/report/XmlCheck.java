package org.parcelnet.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Checks on generated markup shared by the report tests. */
final class XmlCheck {

    private XmlCheck() {
    }

    /** Parses markup as XML (after dropping an HTML doctype); fails on any well-formedness error. */
    static Document parse(String markup) throws Exception {
        String xml = markup.startsWith("<!DOCTYPE html>") ? markup.substring("<!DOCTYPE html>".length()) : markup;
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setExpandEntityReferences(false);
        var builder = f.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(xml)));
    }

    /**
     * No script other than the page's own (one inline script, allowed by its hash in the CSP) and its
     * JSON data block; no remote or file reference, every svg closed, ids unique.
     */
    static void assertSelfContained(String markup) {
        String lower = markup.toLowerCase(java.util.Locale.ROOT);
        int scripts = count(lower, "<script");
        int dataBlocks = count(lower, "<script type=\"application/json\" id=\"pn-data\">");
        int pageScripts = count(lower, "<script>//<![cdata[");
        assertEquals(scripts, dataBlocks + pageScripts, "only the page's script and its data block");
        assertTrue(pageScripts <= 1 && dataBlocks <= 1, "at most one of each");
        assertFalse(lower.contains("http://"), "no http reference");
        assertFalse(lower.contains("https://"), "no https reference");
        assertFalse(lower.contains(" src="), "no src attribute");
        assertFalse(lower.contains("@import"), "no css import");
        assertFalse(lower.contains("<link"), "no link element");
        Matcher url = Pattern.compile("url\\(([^)]*)\\)").matcher(lower);
        while (url.find()) {
            assertTrue(url.group(1).startsWith("#"), "only fragment urls: " + url.group());
        }
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(lower);
        while (href.find()) {
            assertTrue(href.group(1).startsWith("#"), "only fragment links: " + href.group());
        }
        assertEquals(count(lower, "<svg"), count(lower, "</svg>"), "every <svg> closed");
        Matcher id = Pattern.compile("\\sid=\"([^\"]*)\"").matcher(markup);
        Set<String> ids = new HashSet<>();
        List<String> dup = new ArrayList<>();
        while (id.find()) {
            if (!ids.add(id.group(1))) {
                dup.add(id.group(1));
            }
        }
        assertTrue(dup.isEmpty(), "duplicate ids " + dup);
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
