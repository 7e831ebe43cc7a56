package org.parcelnet.cli.report;

import java.util.Objects;

/**
 * An SVG element made by {@link Charts}: trusted markup whose input-derived text is already escaped.
 * Only this package can create one, so raw input cannot be smuggled into the report as markup.
 */
public final class Svg {

    private final String markup;

    Svg(String markup) {
        this.markup = Objects.requireNonNull(markup, "markup");
    }

    /** The {@code <svg>…</svg>} markup. */
    public String markup() {
        return markup;
    }

    @Override
    public String toString() {
        return markup;
    }
}
