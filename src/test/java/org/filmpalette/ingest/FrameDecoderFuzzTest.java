package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.filmpalette.ingest.ByteMutator.Mutant;
import org.filmpalette.ingest.DecoderSeeds.Seed;
import org.filmpalette.ingest.jpeg.JpegFormatException;
import org.filmpalette.ingest.jpeg.ReducedJpegDecoder;
import org.junit.jupiter.api.Test;

/**
 * Damaged files never escape the decoder: every mutant of every seed ({@link DecoderSeeds}, {@link ByteMutator})
 * decodes or is rejected with a reason and a detail, within its deadline, and the JPEG mutants never make the
 * DCT-domain path throw anything but its own refusal. {@code -Dfilmpalette.fuzz.mutants=N} sets
 * the mutants per seed (default 270: about 5,100 in all).
 */
class FrameDecoderFuzzTest {

    private static final int MUTANTS_PER_SEED = Integer.getInteger("filmpalette.fuzz.mutants", 270);
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    /** A deadline is polled, not enforced by a clock interrupt: a reader may run a little past it. */
    private static final Duration DEADLINE_SLACK = Duration.ofSeconds(5);

    @Test
    void everyMutantDecodesOrIsRejectedWithAReasonWithinItsDeadline() {
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> escapes = new ArrayList<>();
        long slowestNanos = 0;
        String slowest = "";
        int mutants = 0;
        for (Seed seed : DecoderSeeds.all()) {
            FrameDecoder decoder = new FrameDecoder(seed.maxSide(), new DecodeLimits(4_000_000, 8 << 20, DEADLINE));
            assertDecodes(decoder, seed);
            ByteMutator mutator = new ByteMutator(seed.bytes(), seed.name().hashCode());
            for (int i = 0; i < MUTANTS_PER_SEED; i++) {
                Mutant mutant = mutator.mutant(i);
                String name = seed.name() + " #" + i + " " + mutant.kind();
                long started = System.nanoTime();
                String outcome = outcome(decoder, mutant.bytes(), name, escapes);
                if (seed.extension().equals("jpg")) {
                    checkOwnJpegPath(mutant.bytes(), name, escapes);
                }
                long nanos = System.nanoTime() - started;
                if (nanos > slowestNanos) {
                    slowestNanos = nanos;
                    slowest = name + " (" + outcome + ")";
                }
                outcomes.merge(outcome, 1, Integer::sum);
                mutants++;
            }
        }
        System.out.printf("fuzz: %d mutants of %d seeds: %s; slowest %.1f ms: %s%n", mutants,
                DecoderSeeds.all().size(), outcomes, slowestNanos / 1e6, slowest);

        assertEquals(List.of(), escapes.subList(0, Math.min(20, escapes.size())), escapes.size() + " escaped");
        assertTrue(slowestNanos <= DEADLINE.plus(DEADLINE_SLACK).toNanos(), "slowest: " + slowest);
        assertTrue(outcomes.getOrDefault("decoded", 0) > 0 && outcomes.getOrDefault("corrupt", 0) > 0, "" + outcomes);
    }

    /** The outcome's name: {@code decoded} or the reject reason; anything else is recorded as an escape. */
    private static String outcome(FrameDecoder decoder, byte[] bytes, String name, List<String> escapes) {
        try {
            DecodedFrame frame = decoder.decode(new ByteArrayInputStream(bytes));
            if (Math.max(frame.width(), frame.height()) > decoder.maxSide()) {
                escapes.add(name + ": decoded to " + frame.width() + "x" + frame.height());
            }
            return "decoded";
        } catch (FrameRejectedException e) {
            if (e.detail().isBlank()) {
                escapes.add(name + ": " + e.reason().code() + " without a detail");
            }
            return e.reason().code();
        } catch (Throwable e) { // the very thing under test: nothing but a frame or a rejection may come out
            escapes.add(name + ": " + e);
            return "escaped";
        }
    }

    /**
     * The DCT-domain JPEG path validates what it reads: on any bytes it decodes or refuses with a
     * {@link JpegFormatException}, never an index or arithmetic error (which the decoder would only hide by falling
     * back to ImageIO).
     */
    private static void checkOwnJpegPath(byte[] bytes, String name, List<String> escapes) {
        try {
            ReducedJpegDecoder.Prelude prelude = ReducedJpegDecoder.readPrelude(bytes);
            if ((long) prelude.width() * prelude.height() <= 4_000_000) {
                ReducedJpegDecoder.decode(prelude, bytes, () -> false);
            }
        } catch (JpegFormatException e) {
            // refused: the decoder hands the file to ImageIO
        } catch (RuntimeException e) {
            StackTraceElement top = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
            escapes.add(name + ": JPEG path threw " + e + " at " + top);
        }
    }

    private static void assertDecodes(FrameDecoder decoder, Seed seed) {
        try {
            DecodedFrame frame = decoder.decode(new ByteArrayInputStream(seed.bytes()));
            assertFalse(frame.argb().length == 0, seed.name());
        } catch (FrameRejectedException e) {
            throw new AssertionError("seed " + seed.name() + " does not decode: " + e.getMessage(), e);
        }
    }
}
