package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.Test;

class BytePartitionsTest {

    @Test
    void partitionCountIsThreePerCoreOrOnePer64MegabytesAtMostOnePerFrame() {
        assertEquals(6, BytePartitions.partitions(2, 3000, 100L << 20));
        assertEquals(12, BytePartitions.partitions(2, 3000, 748L << 20));
        assertEquals(2, BytePartitions.partitions(2, 2, 748L << 20));
        assertEquals(1, BytePartitions.partitions(8, 1, 0));
    }

    @Test
    void oneBigFilmIsSpreadOverPartitionsOfAboutEqualBytes() {
        // One film of 120 frames of uneven sizes listed in a single partition, as a changed film would be.
        List<Row> rows = new ArrayList<>();
        Map<String, IncrementalPlan.FilmCounts> films = new TreeMap<>();
        long total = 0;
        for (int i = 0; i < 120; i++) {
            long size = 100_000 + (i % 7) * 50_000;
            rows.add(RowFactory.create("film", String.format("f%03d", i), "file:/f" + i + ".jpg", size,
                    new Timestamp(0)));
            total += size;
        }
        films.put("film", new IncrementalPlan.FilmCounts(120, 120, total, 0));
        // Listed out of order: the byte line follows frame ids, not the listing.
        Collections.shuffle(rows, new Random(7));
        Dataset<Row> listed = SharedSpark.session().createDataFrame(rows, StageSchemas.LISTED).coalesce(1);

        Dataset<Row> spread = BytePartitions.repartition(SharedSpark.session(), listed, films);

        List<List<Row>> partitions = spread.javaRDD().glom().collect();
        int expected = BytePartitions.partitions(SharedSpark.session().sparkContext().defaultParallelism(), 120, total);
        assertEquals(expected, partitions.size());
        double width = (double) total / expected;
        int frames = 0;
        String previousLast = "";
        for (List<Row> partition : partitions) {
            List<String> ids = partition.stream().map(row -> row.getString(1)).sorted().toList();
            assertTrue(ids.get(0).compareTo(previousLast) > 0, "partitions hold consecutive frames: " + ids);
            previousLast = ids.get(ids.size() - 1);
            long bytes = partition.stream().mapToLong(row -> row.getLong(3)).sum();
            // Each boundary moves by at most half a frame on either side: within one largest frame (400 kB).
            assertTrue(Math.abs(bytes - width) <= 400_000, bytes + " bytes vs " + width);
            frames += partition.size();
        }
        assertEquals(120, frames);
        assertEquals(spread.javaRDD().glom().collect().stream().map(List::size).toList(),
                partitions.stream().map(List::size).toList(), "the same listing gives the same partitions");
    }
}
