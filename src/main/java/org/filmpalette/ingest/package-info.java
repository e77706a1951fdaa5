/**
 * ingest: listing frames, ids, decoding, downscaling, sampling, reject reasons.
 *
 * <p>The decoding side ({@link org.filmpalette.ingest.FrameDecoder}, {@link org.filmpalette.ingest.PixelSampler})
 * works on plain {@link java.io.InputStream}s and imports no Spark and no Hadoop, so executor tasks and unit tests
 * use it the same way.
 */
package org.filmpalette.ingest;
