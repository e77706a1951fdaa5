/**
 * render: pictures of palettes made from the tables alone (never from frames): proportional color bands, movie
 * barcodes, colored terminal blocks, SVG charts (CIELAB a*b* scatter, color over time), and the static HTML report
 * that inlines them.
 */
package org.filmpalette.render;
