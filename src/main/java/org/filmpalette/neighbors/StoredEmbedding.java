package org.filmpalette.neighbors;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The {@link PaletteEmbedding} as {@code still_palettes.embedding} stores it: each of its
 * {@value PaletteEmbedding#DIMENSIONS} coordinates as a signed 16-bit little-endian integer of thousandths (a
 * coordinate is at most about 17 in magnitude, a step of 0.001 is far below any palette difference), 256 bytes a
 * still. Half the bytes of 32-bit floats, so that a search scans half as much. Pure Java.
 */
public final class StoredEmbedding {

    /** Bytes of one stored embedding. */
    public static final int BYTES = 2 * PaletteEmbedding.DIMENSIONS;
    /** Stored units per embedding unit. */
    private static final double UNITS = 1000.0;

    private StoredEmbedding() {}

    /** The stored bytes of {@code embedding}. */
    public static byte[] encode(double[] embedding) {
        if (embedding.length != PaletteEmbedding.DIMENSIONS) {
            throw new IllegalArgumentException("Invalid embedding: " + embedding.length + " coordinates (must be "
                    + PaletteEmbedding.DIMENSIONS + ")");
        }
        byte[] bytes = new byte[BYTES];
        for (int i = 0; i < embedding.length; i++) {
            long units = Math.round(embedding[i] * UNITS);
            if (units < Short.MIN_VALUE || units > Short.MAX_VALUE) {
                throw new IllegalStateException("Embedding coordinate out of the stored range: " + embedding[i]);
            }
            bytes[2 * i] = (byte) units;
            bytes[2 * i + 1] = (byte) (units >> 8);
        }
        return bytes;
    }

    /** The embedding stored in {@code bytes}, to 0.0005 per coordinate. */
    public static double[] decode(byte[] bytes) {
        checkLength(bytes);
        double[] embedding = new double[PaletteEmbedding.DIMENSIONS];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = coordinate(bytes, i) / UNITS;
        }
        return embedding;
    }

    /** The squared Euclidean distance from {@code embedding} to the stored one, without decoding it first. */
    public static double squaredDistance(double[] embedding, byte[] bytes) {
        return squaredDistance(embedding, ByteBuffer.wrap(bytes));
    }

    /** {@link #squaredDistance(double[], byte[])} of the bytes from the buffer's position to its limit. */
    public static double squaredDistance(double[] embedding, ByteBuffer bytes) {
        if (bytes.remaining() != BYTES) {
            throw new IllegalArgumentException("Invalid stored embedding: " + bytes.remaining() + " bytes (must be "
                    + BYTES + ")");
        }
        ByteBuffer little = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = little.position();
        double sum = 0;
        for (int i = 0; i < embedding.length; i++) {
            double d = embedding[i] - little.getShort(start + 2 * i) / UNITS;
            sum += d * d;
        }
        return sum;
    }

    private static int coordinate(byte[] bytes, int i) {
        return (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
    }

    private static void checkLength(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("Invalid stored embedding: " + bytes.length + " bytes (must be " + BYTES
                    + ")");
        }
    }
}
