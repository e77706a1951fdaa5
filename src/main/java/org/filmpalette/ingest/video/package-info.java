/**
 * ingest.video: video files (MP4, MOV, MKV, MXF, …) read as films through FFmpeg: the Hadoop stream adapter FFmpeg
 * reads through, the still times a file is sampled at, decoding from a time forward, and the YUV to sRGB conversion
 * by the stream's own matrix and range. Imports no Spark; the natives load once per JVM ({@link FfmpegNatives}).
 */
package org.filmpalette.ingest.video;
