/**
 * query: the read side of the tables. SQL functions ({@code palette_distance}, {@code delta_e}) and the extension
 * that brings them to any Spark SQL session, the table views, nearest films, designer exports (hex, Coolors URL,
 * GIMP .gpl, Adobe .ase, CSS, JSON) and color harmonies. Reads tables, never frames.
 */
package org.filmpalette.query;
