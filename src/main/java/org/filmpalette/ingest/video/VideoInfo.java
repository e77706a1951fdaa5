package org.filmpalette.ingest.video;

/**
 * What a video file's header says about its video stream.
 *
 * @param width           coded picture width in pixels
 * @param height          coded picture height in pixels
 * @param frameRate       average frames per second (0 when the container does not say)
 * @param durationMillis  length of the stream in milliseconds from its first frame
 * @param codec           the decoder's short name, e.g. {@code h264}
 */
public record VideoInfo(int width, int height, double frameRate, long durationMillis, String codec) {}
