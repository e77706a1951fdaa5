package org.filmpalette.job;

/**
 * Where a still sits in its video, the two {@code frames} columns only video stills have: when its frame was
 * presented ({@code time_seconds}) and the stream's frame rate ({@code frame_rate}). Each is null when unknown; both
 * are null for a still of an image file ({@link #NONE}).
 *
 * @param timeSeconds presentation time of the still's frame, seconds from the stream's first frame
 * @param frameRate   the stream's average frames per second
 */
record VideoTiming(Double timeSeconds, Double frameRate) {

    /** The timing of a still of an image file, or of a video that could not be opened. */
    static final VideoTiming NONE = new VideoTiming(null, null);
}
