package org.filmpalette.serve;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

/**
 * The web app's HTML pages: Pebble templates under {@code org/filmpalette/serve/templates}, HTML-escaping every
 * value unless a template marks it {@code raw} (only the SVG charts the render package builds).
 */
final class Pages {

    private final PebbleEngine engine;

    Pages() {
        ClasspathLoader loader = new ClasspathLoader(Pages.class.getClassLoader());
        loader.setPrefix("org/filmpalette/serve/templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder().loader(loader).strictVariables(true).autoEscaping(true)
                .defaultLocale(Locale.ROOT).build();
    }

    /** The page {@code template} filled from {@code model}. */
    String render(String template, Map<String, Object> model) {
        StringWriter html = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(html, model);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the page " + template, e);
        }
        return html.toString();
    }
}
