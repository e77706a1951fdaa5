package org.filmpalette.job;

import static org.apache.spark.sql.functions.col;
import static org.filmpalette.store.TableSchemas.REASON;
import static org.filmpalette.store.TableSchemas.STATUS;
import static org.filmpalette.store.TableSchemas.STATUS_OK;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How the decoded frames came out: how many are ok and how many were rejected, per kind of reason (the reason up to
 * its first colon). Tallied in one pass over the rows, inside the tasks, and merged on the driver: no shuffle and no
 * query to plan, so counting costs nothing next to the decoding it follows.
 */
final class FrameOutcomes implements Serializable {

    private static final long serialVersionUID = 1L;

    private long ok;
    private final TreeMap<String, Long> rejected = new TreeMap<>();

    /** The outcomes of {@code frames}, rows with a status and a reason column. */
    static FrameOutcomes of(Dataset<Row> frames) {
        return frames.select(col(STATUS), col(REASON)).javaRDD()
                .aggregate(new FrameOutcomes(), FrameOutcomes::add, FrameOutcomes::merge);
    }

    long ok() {
        return ok;
    }

    /** Rejected frames per kind of reason, sorted by kind. */
    Map<String, Long> rejected() {
        return Collections.unmodifiableMap(rejected);
    }

    long rejectedCount() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    private FrameOutcomes add(Row row) {
        if (STATUS_OK.equals(row.<String>getAs(STATUS))) {
            ok++;
        } else {
            rejected.merge(kind(row.<String>getAs(REASON)), 1L, Long::sum);
        }
        return this;
    }

    private FrameOutcomes merge(FrameOutcomes other) {
        ok += other.ok;
        other.rejected.forEach((kind, count) -> rejected.merge(kind, count, Long::sum));
        return this;
    }

    private static String kind(String reason) {
        if (reason == null) {
            return "unknown";
        }
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }
}
