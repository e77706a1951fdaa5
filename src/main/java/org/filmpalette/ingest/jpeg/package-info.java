/**
 * The fast path of decoding: common JPEGs read straight to a quarter of their size from their DCT coefficients.
 * Anything it refuses goes through ImageIO (see {@link org.filmpalette.ingest.FrameDecoder}).
 */
package org.filmpalette.ingest.jpeg;
