package org.filmpalette.ingest.jpeg;

/**
 * One JPEG Huffman table (ITU T.81 Annex C), with a lookup of the first {@value #FAST_BITS} bits that resolves
 * most codes in one step and the canonical limits for the longer ones.
 */
final class HuffmanTable {

    static final int FAST_BITS = 11;

    /** For each {@value #FAST_BITS}-bit prefix: {@code length << 8 | symbol}, or -1 when the code is longer. */
    final int[] fast = new int[1 << FAST_BITS];
    /** Largest code of each length, left-aligned to 16 bits, exclusive; index 17 is a sentinel above any code. */
    final int[] limit = new int[18];
    /** Subtracted from a code of each length to index {@link #symbols}. */
    final int[] offset = new int[17];
    final int[] symbols;
    /**
     * For AC tables, each {@value #FAST_BITS}-bit prefix holding a whole non-zero coefficient (code and magnitude
     * bits): {@code value << 16 | run << 8 | bits used}; 0 otherwise.
     */
    final int[] fastCoefficients = new int[1 << FAST_BITS];

    /**
     * @param counts  number of codes of each length 1–16 ({@code counts[0]} is for length 1)
     * @param symbols the symbols in code order
     */
    HuffmanTable(int[] counts, int[] symbols) throws JpegFormatException {
        if (counts.length != 16) {
            throw new JpegFormatException("Huffman table with " + counts.length + " code lengths");
        }
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        if (total != symbols.length) {
            throw new JpegFormatException("Huffman table has " + symbols.length + " symbols for " + total + " codes");
        }
        if (total == 0 || total > 256) {
            throw new JpegFormatException("Huffman table of " + total + " codes");
        }
        this.symbols = symbols.clone();
        java.util.Arrays.fill(fast, -1);
        int code = 0;
        int index = 0;
        for (int length = 1; length <= 16; length++) {
            int count = counts[length - 1];
            // Codes of this length are code .. code + count - 1; all must fit in length bits (T.81 C.2).
            if (count < 0 || code + count > 1 << length) {
                throw new JpegFormatException("Huffman table overflows at length " + length);
            }
            offset[length] = index - code;
            for (int i = 0; i < count; i++, index++, code++) {
                if (length <= FAST_BITS) {
                    int first = code << (FAST_BITS - length);
                    for (int fill = 0; fill < 1 << (FAST_BITS - length); fill++) {
                        fast[first + fill] = length << 8 | symbols[index];
                    }
                }
            }
            limit[length] = code << (16 - length);
            code <<= 1;
        }
        limit[17] = Integer.MAX_VALUE;
        for (int prefix = 0; prefix < 1 << FAST_BITS; prefix++) {
            int entry = fast[prefix];
            if (entry < 0) {
                continue;
            }
            int length = entry >>> 8;
            int run = (entry & 0xFF) >> 4;
            int size = entry & 15;
            if (size > 0 && length + size <= FAST_BITS) {
                int bits = prefix >> (FAST_BITS - length - size) & ((1 << size) - 1);
                int value = bits < 1 << (size - 1) ? bits - (1 << size) + 1 : bits;
                fastCoefficients[prefix] = value << 16 | run << 8 | (length + size);
            }
        }
    }
}
