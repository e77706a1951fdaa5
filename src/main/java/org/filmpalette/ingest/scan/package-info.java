/**
 * ingest.scan: film scans stored as image sequences, one file per frame: DPX (printing-density log, 10-bit) and
 * OpenEXR (scene-linear, half or float), decoded by FFmpeg's image decoders and brought to display sRGB by a named,
 * tested transfer ({@link ScanTransfer}). Imports no Spark.
 */
package org.filmpalette.ingest.scan;
