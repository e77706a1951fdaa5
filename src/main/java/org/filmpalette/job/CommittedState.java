package org.filmpalette.job;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.RunBranch;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run plans against: the {@code frames} and {@code still_palettes} of the last succeeded run, the state all
 * tables agreed on. Normally that is what main holds. When a run stopped between its table commits, main of some
 * tables is ahead of that state; this run then plans from the agreed state and also replaces every film whose
 * {@code frames} rows differ between the two ({@code repairFilms}), so the half-published run leaves no trace.
 *
 * @param frames the agreed {@code frames} rows
 * @param stills the agreed {@code still_palettes} rows
 * @param anyFrames whether {@code frames} has any row (false before the first succeeded run)
 * @param repairFilms films to replace whatever the listing says, sorted
 */
record CommittedState(Dataset<Row> frames, Dataset<Row> stills, boolean anyFrames, List<String> repairFilms) {

    private static final Logger LOG = LoggerFactory.getLogger(CommittedState.class);

    static CommittedState of(PaletteTables tables, RunBranch branch) {
        Optional<Map<Table, Long>> agreed = tables.lastSucceededRun();
        boolean mainIsAgreed = agreed.map(snapshots -> snapshots.entrySet().stream()
                        .allMatch(table -> tables.sameRows(table.getKey(), table.getValue(), branch.base(table.getKey()))))
                .orElseGet(() -> Table.FILM_TABLES.stream()
                        .allMatch(table -> tables.rowsAt(table, branch.base(table)) == 0));
        if (mainIsAgreed) {
            return new CommittedState(tables.readAt(Table.FRAMES, branch.base(Table.FRAMES)),
                    tables.readAt(Table.STILL_PALETTES, branch.base(Table.STILL_PALETTES)),
                    tables.rowsAt(Table.FRAMES, branch.base(Table.FRAMES)) > 0, List.of());
        }
        Dataset<Row> now = tables.readAt(Table.FRAMES, branch.base(Table.FRAMES));
        CommittedState state;
        if (agreed.isPresent()) {
            long frames = agreed.get().get(Table.FRAMES);
            Dataset<Row> then = tables.readAt(Table.FRAMES, frames);
            state = new CommittedState(then, tables.readAt(Table.STILL_PALETTES, agreed.get().get(Table.STILL_PALETTES)),
                    tables.rowsAt(Table.FRAMES, frames) > 0, changedFilms(now, then));
        } else {
            List<String> all = new TreeSet<>(tables.readAt(Table.FILM_PALETTES, branch.base(Table.FILM_PALETTES))
                    .select(TableSchemas.FILM_ID).union(now.select(TableSchemas.FILM_ID)).distinct()
                    .as(Encoders.STRING()).collectAsList()).stream().toList();
            state = new CommittedState(tables.read(Table.FRAMES).limit(0), tables.read(Table.STILL_PALETTES).limit(0),
                    false, all);
        }
        LOG.warn("The tables are ahead of the last succeeded run (a run stopped between its table commits, or "
                + "one runs now): {} film(s) will be replaced to repair them", state.repairFilms().size());
        return state;
    }

    /** Films with a {@code frames} row in one state and not the other. */
    private static List<String> changedFilms(Dataset<Row> now, Dataset<Row> then) {
        Column[] keys = {col(TableSchemas.FILM_ID), col(TableSchemas.FRAME_ID), col(TableSchemas.PATH),
            col(TableSchemas.SIZE_BYTES), col(TableSchemas.MODIFIED_AT), col(TableSchemas.RUN_ID)};
        Dataset<Row> a = now.select(keys);
        Dataset<Row> b = then.select(keys);
        return a.except(b).union(b.except(a)).select(TableSchemas.FILM_ID).distinct().as(Encoders.STRING())
                .collectAsList().stream().sorted().toList();
    }
}
