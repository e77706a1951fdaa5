/**
 * The read-only local web app ({@code filmpalette serve}): the HTTP server and its routes, the in-memory film index,
 * the per-request reads of the tables, the page models and Pebble templates; and {@link
 * org.filmpalette.serve.OneImagePalette}, one image's palette with the job's engine, shared with {@code palette FILE}.
 */
package org.filmpalette.serve;
