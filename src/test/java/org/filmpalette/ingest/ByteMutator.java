package org.filmpalette.ingest;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deterministic byte-level damage of a valid file, as storage, transfers and broken tools do it: bit flips, random
 * bytes, bytes smashed right after a structure boundary (a JPEG marker, a PNG chunk header), truncation, and
 * deleted or duplicated chunks. The same seed and index give the same mutant.
 */
public final class ByteMutator {

    /** The kinds of damage, in the order mutants cycle through them. */
    public enum Kind { BIT_FLIPS, RANDOM_BYTES, SMASH_AFTER_BOUNDARY, TRUNCATE, DELETE_CHUNK, DUPLICATE_CHUNK }

    /** One damaged file and how it was made. */
    public record Mutant(Kind kind, int index, byte[] bytes) {}

    private final byte[] original;
    private final int[] boundaries;
    private final long seed;

    public ByteMutator(byte[] original, long seed) {
        this.original = original;
        this.boundaries = boundaries(original);
        this.seed = seed;
    }

    /** Mutant number {@code index}: its kind cycles through {@link Kind}, its damage is drawn from seed and index. */
    public Mutant mutant(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        Kind kind = Kind.values()[index % Kind.values().length];
        byte[] bytes = switch (kind) {
            case BIT_FLIPS -> bitFlips(random);
            case RANDOM_BYTES -> randomBytes(random);
            case SMASH_AFTER_BOUNDARY -> smashAfterBoundary(random);
            case TRUNCATE -> Arrays.copyOf(original, random.nextInt(original.length));
            case DELETE_CHUNK -> deleteChunk(random);
            case DUPLICATE_CHUNK -> duplicateChunk(random);
        };
        return new Mutant(kind, index, bytes);
    }

    private byte[] bitFlips(Random random) {
        byte[] bytes = original.clone();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            int at = position(random);
            bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private byte[] randomBytes(Random random) {
        byte[] bytes = original.clone();
        for (int i = 1 + random.nextInt(16); i > 0; i--) {
            bytes[position(random)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** Overwrites 1–8 bytes within 40 bytes after a boundary with extreme or random values. */
    private byte[] smashAfterBoundary(Random random) {
        byte[] bytes = original.clone();
        int start = boundaries[random.nextInt(boundaries.length)];
        byte[] extremes = {0, (byte) 0xFF, 1, (byte) 0x80, 0x7F, (byte) 0xFE};
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            int at = Math.min(bytes.length - 1, start + random.nextInt(40));
            bytes[at] = random.nextBoolean() ? extremes[random.nextInt(extremes.length)] : (byte) random.nextInt(256);
        }
        return bytes;
    }

    private byte[] deleteChunk(Random random) {
        int[] range = chunk(random);
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length);
        out.write(original, 0, range[0]);
        out.write(original, range[1], original.length - range[1]);
        return out.toByteArray();
    }

    private byte[] duplicateChunk(Random random) {
        int[] range = chunk(random);
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + range[1] - range[0]);
        out.write(original, 0, range[1]);
        out.write(original, range[0], range[1] - range[0]);
        out.write(original, range[1], original.length - range[1]);
        return out.toByteArray();
    }

    /** A whole structure (boundary to the next) half the time, otherwise a random run of up to a quarter. */
    private int[] chunk(Random random) {
        if (boundaries.length > 1 && random.nextBoolean()) {
            int i = random.nextInt(boundaries.length - 1);
            return new int[] {boundaries[i], boundaries[i + 1]};
        }
        int start = random.nextInt(original.length);
        int length = 1 + random.nextInt(Math.max(1, original.length / 4));
        return new int[] {start, Math.min(original.length, start + length)};
    }

    /** Most damage lands in the first KB, where headers and tables are, and the rest anywhere. */
    private int position(Random random) {
        return random.nextBoolean() ? random.nextInt(Math.min(1024, original.length)) : random.nextInt(original.length);
    }

    /** Offsets where a structure starts: JPEG markers, PNG chunk headers, else every 64th byte of the first KB. */
    private static int[] boundaries(byte[] file) {
        List<Integer> found = new ArrayList<>();
        if (file.length > 8 && (file[0] & 0xFF) == 0x89 && file[1] == 'P') {
            int at = 8;
            while (at + 8 <= file.length) {
                found.add(at);
                long length = ((file[at] & 0xFFL) << 24) | (file[at + 1] & 0xFF) << 16 | (file[at + 2] & 0xFF) << 8
                        | file[at + 3] & 0xFF;
                at += 12 + (int) Math.min(length, file.length);
            }
        } else if (file.length > 2 && (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xD8) {
            for (int i = 0; i + 1 < file.length; i++) {
                int next = file[i + 1] & 0xFF;
                if ((file[i] & 0xFF) == 0xFF && next != 0 && next != 0xFF) {
                    found.add(i);
                }
            }
        } else {
            for (int i = 0; i < Math.min(1024, file.length); i += 64) {
                found.add(i);
            }
        }
        if (found.isEmpty()) {
            found.add(0);
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }
}
