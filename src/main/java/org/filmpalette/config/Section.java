package org.filmpalette.config;

/** The groups settings are documented in: the headings of {@code conf/filmpalette.properties} and README "Options". */
public enum Section {
    TABLES("Where frames are read and palettes written"),
    PALETTES("How palettes are fitted"),
    ENGINES("Where the fits run"),
    FRAMES("What one frame may cost, and what is kept of it"),
    VIDEO("Video files");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    /** The heading, a short phrase. */
    public String title() {
        return title;
    }
}
