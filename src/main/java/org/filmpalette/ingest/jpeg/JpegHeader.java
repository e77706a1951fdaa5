package org.filmpalette.ingest.jpeg;

import java.nio.charset.StandardCharsets;

/**
 * The markers of a JPEG up to its first scan: frame size and components, quantization and Huffman tables, restart
 * interval. {@link #read} accepts only what {@link ReducedJpegDecoder} decodes: sequential Huffman coding with 8-bit
 * samples (SOF0, SOF1), one gray or three YCbCr components all in one interleaved scan, no embedded ICC profile;
 * and it validates everything the decoder will index with (component ids and sampling factors, table ids and
 * contents, restart interval, scan parameters), so that damaged headers end as a {@link JpegFormatException}.
 */
final class JpegHeader {

    private static final int SOI = 0xD8;
    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    private static final int DHT = 0xC4;
    private static final int DQT = 0xDB;
    private static final int DRI = 0xDD;
    private static final int SOS = 0xDA;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;

    /** Blocks in one MCU of an interleaved scan, at most (T.81 B.2.3). */
    private static final int MAX_BLOCKS_PER_MCU = 10;

    int width;
    int height;
    int restartInterval;
    /** Offset of the first entropy-coded byte, just after the start-of-scan header. */
    int scanStart;
    /** Components in frame order. */
    Component[] components;
    /** Components in scan order (all of them, one scan). */
    Component[] scan;
    int maxH;
    int maxV;
    final int[][] quantization = new int[4][];
    final HuffmanTable[] dcTables = new HuffmanTable[4];
    final HuffmanTable[] acTables = new HuffmanTable[4];
    private int adobeTransform = -1;
    private boolean iccProfile;

    /** One image component of the frame. */
    static final class Component {
        final int id;
        final int h;
        final int v;
        final int quantizationTable;
        int dcTable;
        int acTable;

        Component(int id, int h, int v, int quantizationTable) {
            this.id = id;
            this.h = h;
            this.v = v;
            this.quantizationTable = quantizationTable;
        }
    }

    /**
     * Reads the markers of {@code file} through the start-of-scan header.
     *
     * @throws JpegFormatException when the file is not a JPEG this package decodes, or its header is damaged or
     *                             ends early
     */
    static JpegHeader read(byte[] file) throws JpegFormatException {
        Segments segments = new Segments(file);
        if (segments.readByte() != 0xFF || segments.readByte() != SOI) {
            throw new JpegFormatException("not a JPEG");
        }
        JpegHeader header = new JpegHeader();
        boolean frame = false;
        while (true) {
            int marker = segments.nextMarker();
            byte[] body = segments.readSegment();
            switch (marker) {
                case SOF0, SOF1 -> {
                    if (frame) {
                        throw new JpegFormatException("second frame header");
                    }
                    header.readFrame(body);
                    frame = true;
                }
                case DHT -> header.readHuffmanTables(body);
                case DQT -> header.readQuantizationTables(body);
                case DRI -> {
                    if (body.length != 2) {
                        throw new JpegFormatException("restart interval segment of " + body.length + " bytes");
                    }
                    header.restartInterval = Bytes.u16(body, 0);
                }
                case APP2 -> header.iccProfile |= startsWith(body, "ICC_PROFILE");
                case APP14 -> {
                    if (startsWith(body, "Adobe") && body.length >= 12) {
                        header.adobeTransform = body[11] & 0xFF;
                    }
                }
                case SOS -> {
                    if (!frame) {
                        throw new JpegFormatException("scan before frame header");
                    }
                    header.readScan(body);
                    header.check();
                    header.scanStart = segments.position();
                    return header;
                }
                default -> {
                    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                        throw new JpegFormatException(String.format("frame type 0x%02X (not baseline)", marker));
                    }
                    if (marker == 0xD8 || marker == 0xD9 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01
                            || marker == 0x00) {
                        throw new JpegFormatException(String.format("marker 0x%02X before the scan", marker));
                    }
                }
            }
        }
    }

    private void readFrame(byte[] body) throws JpegFormatException {
        if (body.length < 6) {
            throw new JpegFormatException("frame header too short");
        }
        if ((body[0] & 0xFF) != 8) {
            throw new JpegFormatException("precision " + (body[0] & 0xFF) + " bits");
        }
        height = Bytes.u16(body, 1);
        width = Bytes.u16(body, 3);
        int count = body[5] & 0xFF;
        if (width == 0 || height == 0 || (count != 1 && count != 3) || body.length < 6 + 3 * count) {
            throw new JpegFormatException(count + " components, " + width + "x" + height);
        }
        components = new Component[count];
        for (int i = 0; i < count; i++) {
            int sampling = body[7 + 3 * i] & 0xFF;
            Component component = new Component(body[6 + 3 * i] & 0xFF, sampling >> 4, sampling & 15,
                    body[8 + 3 * i] & 0xFF);
            if (component.h < 1 || component.h > 4 || component.v < 1 || component.v > 4) {
                throw new JpegFormatException("component sampling " + sampling);
            }
            if (component.quantizationTable > 3) {
                throw new JpegFormatException("quantization table id " + component.quantizationTable);
            }
            for (int j = 0; j < i; j++) {
                if (components[j].id == component.id) {
                    throw new JpegFormatException("component id " + component.id + " twice");
                }
            }
            components[i] = component;
            maxH = Math.max(maxH, component.h);
            maxV = Math.max(maxV, component.v);
        }
    }

    private void readHuffmanTables(byte[] body) throws JpegFormatException {
        int at = 0;
        while (at < body.length) {
            int type = body[at] >> 4 & 15;
            int slot = body[at] & 15;
            if (type > 1 || slot > 3 || at + 17 > body.length) {
                throw new JpegFormatException("Huffman table " + type + "/" + slot);
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = body[at + 1 + i] & 0xFF;
                total += counts[i];
            }
            if (at + 17 + total > body.length) {
                throw new JpegFormatException("Huffman table longer than its segment");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = body[at + 17 + i] & 0xFF;
            }
            (type == 0 ? dcTables : acTables)[slot] = new HuffmanTable(counts, symbols);
            for (int symbol : symbols) {
                // DC symbols are magnitude sizes (at most 11 bits for 8-bit samples); AC symbols are run/size
                // pairs with sizes of at most 10 bits.
                if (type == 0 ? symbol > 11 : (symbol & 15) > 10) {
                    throw new JpegFormatException(String.format("Huffman symbol 0x%02X in a %s table", symbol,
                            type == 0 ? "DC" : "AC"));
                }
            }
            at += 17 + total;
        }
    }

    private void readQuantizationTables(byte[] body) throws JpegFormatException {
        int at = 0;
        while (at < body.length) {
            int precision = body[at] >> 4 & 15;
            int slot = body[at] & 15;
            int size = precision == 0 ? 64 : 128;
            if (precision > 1 || slot > 3 || at + 1 + size > body.length) {
                throw new JpegFormatException("quantization table " + precision + "/" + slot);
            }
            int[] table = new int[64];
            for (int i = 0; i < 64; i++) {
                table[i] = precision == 0 ? body[at + 1 + i] & 0xFF : Bytes.u16(body, at + 1 + 2 * i);
            }
            quantization[slot] = table;
            at += 1 + size;
        }
    }

    private void readScan(byte[] body) throws JpegFormatException {
        int count = body.length == 0 ? 0 : body[0] & 0xFF;
        if (count != components.length || body.length < 4 + 2 * count) {
            throw new JpegFormatException("scan of " + count + " of " + components.length + " components");
        }
        scan = new Component[count];
        for (int i = 0; i < count; i++) {
            int id = body[1 + 2 * i] & 0xFF;
            int tables = body[2 + 2 * i] & 0xFF;
            Component component = null;
            for (Component candidate : components) {
                if (candidate.id == id) {
                    component = candidate;
                }
            }
            if (component == null) {
                throw new JpegFormatException("scan names unknown component " + id);
            }
            for (int j = 0; j < i; j++) {
                if (scan[j] == component) {
                    throw new JpegFormatException("scan names component " + id + " twice");
                }
            }
            component.dcTable = tables >> 4;
            component.acTable = tables & 15;
            scan[i] = component;
        }
        if (body.length != 4 + 2 * count) {
            throw new JpegFormatException("scan header of " + body.length + " bytes for " + count + " components");
        }
        int spectralStart = body[1 + 2 * count] & 0xFF;
        int spectralEnd = body[2 + 2 * count] & 0xFF;
        int approximation = body[3 + 2 * count] & 0xFF;
        if (spectralStart != 0 || spectralEnd != 63 || approximation != 0) {
            throw new JpegFormatException("scan is not sequential");
        }
    }

    private void check() throws JpegFormatException {
        if (iccProfile) {
            throw new JpegFormatException("embedded ICC profile");
        }
        if (components.length == 3) {
            boolean rgbIds = components[0].id == 'R' && components[1].id == 'G' && components[2].id == 'B';
            if (adobeTransform == 0 || (adobeTransform < 0 && rgbIds)) {
                throw new JpegFormatException("RGB components (not YCbCr)");
            }
        }
        int blocksPerMcu = 0;
        for (Component component : components) {
            blocksPerMcu += component.h * component.v;
        }
        if (components.length > 1 && blocksPerMcu > MAX_BLOCKS_PER_MCU) {
            throw new JpegFormatException(blocksPerMcu + " blocks per MCU");
        }
        for (Component component : components) {
            if (maxH % component.h != 0 || maxV % component.v != 0) {
                throw new JpegFormatException("fractional chroma sampling");
            }
            if (quantization[component.quantizationTable] == null || component.dcTable > 3 || component.acTable > 3
                    || dcTables[component.dcTable] == null || acTables[component.acTable] == null) {
                throw new JpegFormatException("missing table for component " + component.id);
            }
        }
    }

    private static boolean startsWith(byte[] body, String identifier) {
        byte[] expected = identifier.getBytes(StandardCharsets.US_ASCII);
        if (body.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (body[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Marker segments of a file, read from its start. */
    private static final class Segments {
        private final byte[] file;
        private int position;

        Segments(byte[] file) {
            this.file = file;
        }

        int position() {
            return position;
        }

        int readByte() throws JpegFormatException {
            if (position >= file.length) {
                throw new JpegFormatException("JPEG header ends early");
            }
            return file[position++] & 0xFF;
        }

        /** The next marker code, skipping fill bytes; anything but 0xFF where a marker belongs is an error. */
        int nextMarker() throws JpegFormatException {
            if (readByte() != 0xFF) {
                throw new JpegFormatException("no marker where one belongs");
            }
            int code;
            do {
                code = readByte();
            } while (code == 0xFF);
            return code;
        }

        byte[] readSegment() throws JpegFormatException {
            int length = readByte() << 8 | readByte();
            if (length < 2) {
                throw new JpegFormatException("marker segment length " + length);
            }
            if (position + length - 2 > file.length) {
                throw new JpegFormatException("JPEG header ends early");
            }
            byte[] body = java.util.Arrays.copyOfRange(file, position, position + length - 2);
            position += length - 2;
            return body;
        }
    }

    /** Big-endian reads. */
    private static final class Bytes {
        static int u16(byte[] bytes, int at) throws JpegFormatException {
            if (at + 1 >= bytes.length) {
                throw new JpegFormatException("marker segment too short");
            }
            return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
        }
    }
}
