package org.filmpalette.ingest.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Huffman tables from damaged headers are refused before anything is indexed with them. */
class HuffmanTableTest {

    @Test
    void moreCodesThanALengthHoldsIsRefusedNotAnIndexError() {
        int[] counts = new int[16];
        counts[1] = 5; // length 2 holds 4 codes; the fifth once wrote past the fast lookup
        JpegFormatException refused = assertThrows(JpegFormatException.class,
                () -> new HuffmanTable(counts, new int[] {1, 2, 3, 4, 5}));
        assertEquals("Huffman table overflows at length 2", refused.getMessage());
    }

    @Test
    void fewerSymbolsThanCodesIsRefused() {
        int[] counts = new int[16];
        counts[2] = 3;
        JpegFormatException refused = assertThrows(JpegFormatException.class,
                () -> new HuffmanTable(counts, new int[] {1, 2}));
        assertEquals("Huffman table has 2 symbols for 3 codes", refused.getMessage());
    }

    @Test
    void aCompleteTableResolvesEveryCode() throws JpegFormatException {
        int[] counts = new int[16];
        counts[0] = 1; // code 0 -> symbol 7
        counts[1] = 2; // codes 10, 11 -> symbols 8, 9
        HuffmanTable table = new HuffmanTable(counts, new int[] {7, 8, 9});
        assertEquals(1 << 8 | 7, table.fast[0]);
        assertEquals(2 << 8 | 8, table.fast[0b10 << (HuffmanTable.FAST_BITS - 2)]);
        assertEquals(2 << 8 | 9, table.fast[(1 << HuffmanTable.FAST_BITS) - 1]);
    }
}
