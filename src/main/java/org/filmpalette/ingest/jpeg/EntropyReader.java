package org.filmpalette.ingest.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads the entropy-coded data of a scan bit by bit: removes the 0x00 stuffed after 0xFF, stops at markers (feeding
 * zero bits past them, as decoders do), decodes Huffman symbols and their magnitude bits (ITU T.81 F.2.2).
 */
final class EntropyReader {

    private static final int FAST_MASK = (1 << HuffmanTable.FAST_BITS) - 1;
    private static final VarHandle BIG_ENDIAN_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] data;
    private int position;
    /** Bits not yet consumed, right-aligned. */
    private long buffer;
    private int bufferBits;
    /** Zero bytes appended after a marker or the end of the data; consuming them means the data was too short. */
    private int paddingBytes;
    private boolean atMarker;

    EntropyReader(byte[] data, int start) {
        this.data = data;
        this.position = start;
    }

    private void fill() {
        // Most of the data has no 0xFF byte: take the bytes that fit in the buffer (at most 7) in one read when none
        // of them is 0xFF, which is then neither stuffed nor a marker.
        if (!atMarker && bufferBits <= 56 && position + 8 <= data.length) {
            int bytes = Math.min(7, (64 - bufferBits) >>> 3);
            long next = (long) BIG_ENDIAN_LONGS.get(data, position) >>> (64 - 8 * bytes);
            long inverted = ~next;
            if (((inverted - 0x0101010101010101L) & ~inverted & 0x8080808080808080L) == 0) {
                buffer = buffer << (8 * bytes) | next;
                bufferBits += 8 * bytes;
                position += bytes;
                return;
            }
        }
        while (bufferBits <= 56) {
            int b = 0;
            if (atMarker || position >= data.length) {
                atMarker = true;
                paddingBytes++;
            } else if ((b = data[position] & 0xFF) != 0xFF) {
                position++;
            } else if (position + 1 < data.length && data[position + 1] == 0) {
                position += 2;
            } else {
                atMarker = true;
                b = 0;
                paddingBytes++;
            }
            buffer = buffer << 8 | b;
            bufferBits += 8;
        }
    }

    /** The next Huffman symbol of {@code table}. */
    int decode(HuffmanTable table) throws JpegFormatException {
        if (bufferBits < 16) {
            fill();
        }
        int peek = (int) (buffer >>> (bufferBits - 16)) & 0xFFFF;
        int fast = table.fast[peek >>> (16 - HuffmanTable.FAST_BITS)];
        if (fast >= 0) {
            bufferBits -= fast >>> 8;
            return fast & 0xFF;
        }
        int length = HuffmanTable.FAST_BITS + 1;
        while (peek >= table.limit[length]) {
            length++;
        }
        if (length > 16) {
            throw new JpegFormatException("invalid Huffman code");
        }
        bufferBits -= length;
        return table.symbols[(peek >>> (16 - length)) + table.offset[length]];
    }

    /**
     * Decodes a block's AC coefficients with {@code table} into the three quadrant sums of {@link QuadrantWeights}:
     * {@code sums[0]} horizontal, {@code [1]} vertical, {@code [2]} diagonal. The hot loop of the decoder: the bit buffer lives in locals, and most coefficients are resolved by
     * one lookup of {@link HuffmanTable#fastCoefficients}.
     */
    void acBlock(HuffmanTable table, QuadrantWeights weights, float[] sums) throws JpegFormatException {
        long bits = buffer;
        int count = bufferBits;
        int[] fastCoefficients = table.fastCoefficients;
        float[] horizontalWeights = weights.horizontal;
        float[] verticalWeights = weights.vertical;
        float[] diagonalWeights = weights.diagonal;
        float horizontal = 0;
        float vertical = 0;
        float diagonal = 0;
        int k = 1;
        while (k < 64) {
            if (count < 32) {
                buffer = bits;
                bufferBits = count;
                fill();
                bits = buffer;
                count = bufferBits;
            }
            int value;
            int entry = fastCoefficients[(int) (bits >>> (count - HuffmanTable.FAST_BITS)) & FAST_MASK];
            if (entry != 0) {
                count -= entry & 0xFF;
                k += entry >> 8 & 0xFF;
                value = entry >> 16;
            } else {
                int peek = (int) (bits >>> (count - 16)) & 0xFFFF;
                int symbol;
                int fast = table.fast[peek >>> (16 - HuffmanTable.FAST_BITS)];
                if (fast >= 0) {
                    count -= fast >>> 8;
                    symbol = fast & 0xFF;
                } else {
                    int length = HuffmanTable.FAST_BITS + 1;
                    while (peek >= table.limit[length]) {
                        length++;
                    }
                    if (length > 16) {
                        throw new JpegFormatException("invalid Huffman code");
                    }
                    count -= length;
                    symbol = table.symbols[(peek >>> (16 - length)) + table.offset[length]];
                }
                int size = symbol & 15;
                if (size == 0) {
                    if (symbol != 0xF0) {
                        break;
                    }
                    k += 16;
                    continue;
                }
                k += symbol >> 4;
                count -= size;
                int raw = (int) (bits >>> count) & ((1 << size) - 1);
                value = raw < 1 << (size - 1) ? raw - (1 << size) + 1 : raw;
            }
            if (k > 63) {
                throw new JpegFormatException("coefficient index past 63");
            }
            // Each coefficient has a weight in at most one of the three sums: no branch on which.
            horizontal += value * horizontalWeights[k];
            vertical += value * verticalWeights[k];
            diagonal += value * diagonalWeights[k];
            k++;
        }
        buffer = bits;
        bufferBits = count;
        sums[0] = horizontal;
        sums[1] = vertical;
        sums[2] = diagonal;
    }

    /** The signed value of the next {@code size} magnitude bits (T.81 EXTEND); 0 when {@code size} is 0. */
    int receiveExtend(int size) {
        if (size == 0) {
            return 0;
        }
        if (bufferBits < size) {
            fill();
        }
        bufferBits -= size;
        int bits = (int) (buffer >>> bufferBits) & ((1 << size) - 1);
        return bits < 1 << (size - 1) ? bits - (1 << size) + 1 : bits;
    }

    /** True when the decoder has used bits that were not in the data (it was truncated or damaged). */
    boolean overran() {
        return bufferBits < 8 * paddingBytes;
    }

    /** At a restart interval's end: drops the byte's padding bits and expects marker RST0–RST7. */
    void restart() throws JpegFormatException {
        if (overran()) {
            throw new JpegFormatException("entropy data ends early");
        }
        // Whole data bytes still buffered were never used by the interval: the marker is not where the interval
        // ends, so the data is damaged.
        int unread = bufferBits / 8 - paddingBytes;
        if (unread > 0) {
            throw new JpegFormatException("data left before restart marker");
        }
        buffer = 0;
        bufferBits = 0;
        paddingBytes = 0;
        atMarker = false;
        if (position + 1 < data.length && (data[position] & 0xFF) == 0xFF
                && (data[position + 1] & 0xF8) == 0xD0) {
            position += 2;
            return;
        }
        throw new JpegFormatException("missing restart marker");
    }
}
