package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.filmpalette.ingest.ByteMutator;
import org.filmpalette.ingest.DecoderSeeds;
import org.filmpalette.ingest.RejectReason;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A film of a few hundred damaged files next to a good film: the run completes, every damaged file is a
 * {@code frames} row (ok or rejected with a reason), and the good film's tables are what they are without it.
 */
class DamagedFilmTest {

    private static final Set<String> SEEDS = Set.of("jpeg-420", "jpeg-ffmpeg-1080p", "png-rgb8", "gif", "tiff-lzw");
    private static final int MUTANTS_PER_SEED = 40;

    @TempDir
    Path dir;

    @Test
    void damagedFilmIsRecordedFileByFileAndLeavesTheGoodFilmAsItWas() {
        Path input = dir.resolve("in");
        Path good = input.resolve("good");
        TestImages.writePng(good.resolve("f1.png"), TestImages.stripes(64, 36, 0xC03020, 0x2040A0));
        TestImages.writePng(good.resolve("f2.png"), TestImages.stripes(64, 36, 0x20A040, 0xF0F0F0, 0x101010));
        TestImages.write(good.resolve("f3.jpg"),
                TestImages.jpeg(TestImages.stripes(160, 90, 0xE0B020, 0x3050D0), 0.9f));
        Path cleanTables = dir.resolve("clean");
        PipelineRuns.run(input, cleanTables);

        int written = 0;
        for (DecoderSeeds.Seed seed : DecoderSeeds.all()) {
            if (!SEEDS.contains(seed.name())) {
                continue;
            }
            ByteMutator mutator = new ByteMutator(seed.bytes(), seed.name().hashCode() * 31L);
            for (int i = 0; i < MUTANTS_PER_SEED; i++) {
                TestImages.write(input.resolve("damaged").resolve(seed.name() + "-" + i + "." + seed.extension()),
                        mutator.mutant(i).bytes());
                written++;
            }
        }
        Path tables = dir.resolve("tables");
        RunSummary summary = PipelineRuns.run(input, tables);

        List<Row> frames = PipelineRuns.rows(tables, Table.FRAMES);
        long damagedOk = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (Row frame : frames) {
            if (!"damaged".equals(frame.getAs(TableSchemas.FILM_ID))) {
                continue;
            }
            String status = frame.getAs(TableSchemas.STATUS);
            String reason = frame.getAs(TableSchemas.REASON);
            if (TableSchemas.STATUS_OK.equals(status)) {
                damagedOk++;
                continue;
            }
            String code = reason.substring(0, reason.indexOf(':'));
            assertTrue(isKnownReason(code) && reason.length() > code.length() + 2, reason);
            reasons.merge(code, 1, Integer::sum);
        }
        System.out.printf("damaged film: %d files, %d ok, rejected by reason %s%n", written, damagedOk, reasons);

        assertEquals(written + 3, summary.framesSeen());
        assertEquals(written + 3, frames.size(), "every listed file is a frames row");
        assertEquals(summary.framesRejected(), reasons.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(written, damagedOk + summary.framesRejected(), "listed = ok + rejected");
        assertTrue(summary.framesRejected() > written / 2, "most mutants are rejected: " + reasons);
        for (Table table : List.of(Table.FRAMES, Table.STILL_PALETTES, Table.FILM_PALETTES)) {
            List<String> clean = PipelineRuns.content(cleanTables, table, "good");
            assertTrue(!clean.isEmpty(), table.name());
            assertEquals(clean, PipelineRuns.content(tables, table, "good"), table.name());
        }
    }

    private static boolean isKnownReason(String code) {
        for (RejectReason reason : RejectReason.values()) {
            if (reason.code().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
