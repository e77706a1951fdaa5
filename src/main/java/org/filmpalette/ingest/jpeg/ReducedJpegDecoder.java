package org.filmpalette.ingest.jpeg;

import java.util.function.BooleanSupplier;

/**
 * Decodes a common JPEG (baseline or extended sequential, 8-bit, gray or YCbCr in one interleaved scan: what
 * cameras, ffmpeg and ImageIO write) straight to a quarter of its width and height. Each output pixel is the exact
 * mean of a 4×4 block of the full-size image, computed from the DCT coefficients ({@link QuadrantWeights}) instead
 * of an inverse DCT, upsampling and a downscale: the entropy decoding is the only per-pixel work left, several times
 * cheaper than a full decode. Anything else is refused with a {@link JpegFormatException}, and the caller decodes
 * it in full.
 *
 * <p>Chroma is not interpolated: a subsampled chroma quadrant covers its 2 × 2 (or 2 × 1) output pixels. Means
 * are taken in YCbCr and converted to sRGB, which equals the mean of the converted pixels wherever no channel
 * clips.
 */
public final class ReducedJpegDecoder {

    /** Each output pixel covers this many pixels on a side. */
    public static final int SCALE = 4;

    private ReducedJpegDecoder() {}

    /** A JPEG's header, read up to its scan. */
    public static final class Prelude {
        private final JpegHeader header;

        private Prelude(JpegHeader header) {
            this.header = header;
        }

        public int width() {
            return header.width;
        }

        public int height() {
            return header.height;
        }
    }

    /**
     * Reads the markers of {@code file} up to its first scan.
     *
     * @throws JpegFormatException when the file is not a JPEG this class decodes, or its header is damaged
     */
    public static Prelude readPrelude(byte[] file) throws JpegFormatException {
        return new Prelude(JpegHeader.read(file));
    }

    /**
     * Decodes the scan of {@code file} (whose prelude is {@code prelude}) to packed opaque sRGB {@code 0xFFRRGGBB}
     * pixels, {@code ceil(width / 4) × ceil(height / 4)}, row-major. {@code cancelled} is polled once per MCU row.
     *
     * @throws JpegFormatException when the data is damaged or ends early, or when {@code cancelled} said so
     */
    public static int[] decode(Prelude prelude, byte[] file, BooleanSupplier cancelled) throws JpegFormatException {
        return new Scan(prelude.header, file, cancelled).decode();
    }

    /** Output width for a {@code width}-pixel-wide JPEG. */
    public static int reducedSide(int side) {
        return (side + SCALE - 1) / SCALE;
    }

    /** One scan's decoding state: a plane of quadrant means per component. */
    private static final class Scan {
        private final JpegHeader header;
        private final EntropyReader reader;
        private final JpegHeader.Component[] components;
        private final float[][] planes;
        private final int[] planeWidths;
        private final QuadrantWeights[] weights;
        private final int mcusX;
        private final int mcusY;
        private final float[] sums = new float[3];
        private final BooleanSupplier cancelled;

        Scan(JpegHeader header, byte[] file, BooleanSupplier cancelled) {
            this.header = header;
            this.cancelled = cancelled;
            this.reader = new EntropyReader(file, header.scanStart);
            this.components = header.scan;
            int count = components.length;
            boolean single = count == 1;
            // A single-component scan is not interleaved: its MCU is one block, with no padding to the sampling.
            int mcuWidth = single ? 8 : 8 * header.maxH;
            int mcuHeight = single ? 8 : 8 * header.maxV;
            this.mcusX = (header.width + mcuWidth - 1) / mcuWidth;
            this.mcusY = (header.height + mcuHeight - 1) / mcuHeight;
            this.planes = new float[count][];
            this.planeWidths = new int[count];
            this.weights = new QuadrantWeights[count];
            for (int c = 0; c < count; c++) {
                JpegHeader.Component component = components[c];
                int blocksX = single ? mcusX : mcusX * component.h;
                int blocksY = single ? mcusY : mcusY * component.v;
                planeWidths[c] = 2 * blocksX;
                planes[c] = new float[4 * blocksX * blocksY];
                weights[c] = new QuadrantWeights(header.quantization[component.quantizationTable]);
            }
        }

        int[] decode() throws JpegFormatException {
            int count = components.length;
            int[] predictions = new int[count];
            int restartInterval = header.restartInterval;
            int untilRestart = restartInterval;
            boolean single = count == 1;
            for (int mcuY = 0; mcuY < mcusY; mcuY++) {
                for (int mcuX = 0; mcuX < mcusX; mcuX++) {
                    if (restartInterval > 0) {
                        if (untilRestart == 0) {
                            reader.restart();
                            java.util.Arrays.fill(predictions, 0);
                            untilRestart = restartInterval;
                        }
                        untilRestart--;
                    }
                    for (int c = 0; c < count; c++) {
                        JpegHeader.Component component = components[c];
                        HuffmanTable dc = header.dcTables[component.dcTable];
                        HuffmanTable ac = header.acTables[component.acTable];
                        int h = single ? 1 : component.h;
                        int v = single ? 1 : component.v;
                        for (int by = 0; by < v; by++) {
                            for (int bx = 0; bx < h; bx++) {
                                predictions[c] += reader.receiveExtend(reader.decode(dc));
                                block(c, ac, predictions[c], mcuX * h + bx, mcuY * v + by);
                            }
                        }
                    }
                }
                if (reader.overran()) {
                    throw new JpegFormatException("entropy data ends early");
                }
                if (cancelled.getAsBoolean()) {
                    throw new JpegFormatException("cancelled");
                }
            }
            return toArgb();
        }

        /** Decodes one block's AC coefficients and stores its four quadrant means. */
        private void block(int c, HuffmanTable ac, int dc, int blockX, int blockY) throws JpegFormatException {
            QuadrantWeights w = weights[c];
            reader.acBlock(ac, w, sums);
            float horizontal = sums[0];
            float vertical = sums[1];
            float diagonal = sums[2];
            float mean = dc * w.dc + 128f;
            float[] plane = planes[c];
            int width = planeWidths[c];
            int at = 2 * blockY * width + 2 * blockX;
            plane[at] = mean + horizontal + vertical + diagonal;
            plane[at + 1] = mean - horizontal + vertical - diagonal;
            plane[at + width] = mean + horizontal - vertical - diagonal;
            plane[at + width + 1] = mean - horizontal - vertical + diagonal;
        }

        private int[] toArgb() {
            int width = reducedSide(header.width);
            int height = reducedSide(header.height);
            int[] argb = new int[width * height];
            if (components.length == 1) {
                float[] gray = planes[0];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        argb[y * width + x] = 0xFF000000 | clamp(gray[y * planeWidths[0] + x]) * 0x010101;
                    }
                }
                return argb;
            }
            // Frame order, not scan order: Y, Cb, Cr.
            float[][] yCbCr = new float[3][];
            int[][] columns = new int[3][width];
            int[] rowWidths = new int[3];
            int[] rowSteps = new int[3];
            for (int c = 0; c < 3; c++) {
                int index = indexOf(header.components[c]);
                yCbCr[c] = planes[index];
                rowWidths[c] = planeWidths[index];
                rowSteps[c] = header.maxV / header.components[c].v;
                int step = header.maxH / header.components[c].h;
                for (int x = 0; x < width; x++) {
                    columns[c][x] = x / step;
                }
            }
            for (int y = 0; y < height; y++) {
                int lumaRow = y / rowSteps[0] * rowWidths[0];
                int blueRow = y / rowSteps[1] * rowWidths[1];
                int redRow = y / rowSteps[2] * rowWidths[2];
                for (int x = 0; x < width; x++) {
                    float luma = yCbCr[0][lumaRow + columns[0][x]];
                    float blue = yCbCr[1][blueRow + columns[1][x]] - 128f;
                    float red = yCbCr[2][redRow + columns[2][x]] - 128f;
                    int r = clamp(luma + 1.402f * red);
                    int g = clamp(luma - 0.344136f * blue - 0.714136f * red);
                    int b = clamp(luma + 1.772f * blue);
                    argb[y * width + x] = 0xFF000000 | r << 16 | g << 8 | b;
                }
            }
            return argb;
        }

        private int indexOf(JpegHeader.Component component) {
            for (int c = 0; c < components.length; c++) {
                if (components[c] == component) {
                    return c;
                }
            }
            throw new IllegalStateException("component not in scan");
        }

        private static int clamp(float value) {
            int rounded = (int) (value + 0.5f);
            return value < 0 ? 0 : Math.min(rounded, 255);
        }
    }
}
