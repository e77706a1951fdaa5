package org.filmpalette.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.filmpalette.config.ConfigurationException;
import org.filmpalette.query.QuerySession;
import org.filmpalette.query.ResultFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code filmpalette sql}: one Spark SQL statement over the tables, printed as a table, CSV or JSON Lines. */
@Command(name = "sql", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run one Spark SQL statement over the tables and print its result.",
            "Views: frames, still_palettes, film_palettes, runs. Functions: palette_distance(colors_a, colors_b), "
                + "delta_e(hex_a, hex_b)."})
final class SqlCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TablesOptions tables;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), csv or json (one object per line)")
    private String format = "table";

    @Option(names = "--limit", paramLabel = "ROWS", description = "Most rows printed. Default: 1000")
    private int limit = 1000;

    @Parameters(index = "0", paramLabel = "STATEMENT", description = "The SQL, e.g. \"SELECT film_id FROM film_palettes\"")
    private String statement;

    @Override
    public Integer call() {
        ResultFormat resultFormat = ResultFormat.parse(format);
        if (limit < 1) {
            throw new ConfigurationException("Invalid --limit: " + limit + " (must be at least 1)");
        }
        if (statement.isBlank()) {
            throw new ConfigurationException("Invalid STATEMENT: empty (give one SQL statement)");
        }
        try (QuerySession session = tables.open()) {
            Dataset<Row> result;
            try {
                result = session.spark().sql(statement);
            } catch (Exception e) {
                // Scala's AnalysisException (parse errors, unknown columns) is checked in Java's eyes.
                if (e instanceof AnalysisException) {
                    throw new ConfigurationException("Invalid STATEMENT: " + e.getMessage().replace('\n', ' '), e);
                }
                throw e;
            }
            List<Row> rows = result.limit(limit + 1).collectAsList();
            boolean truncated = rows.size() > limit;
            PrintWriter out = spec.commandLine().getOut();
            out.print(resultFormat.format(result.schema(), truncated ? rows.subList(0, limit) : rows));
            out.flush();
            if (truncated) {
                spec.commandLine().getErr().println("filmpalette: showing the first " + limit
                        + " rows (raise --limit for more)");
                spec.commandLine().getErr().flush();
            }
            return ExitCodes.DONE;
        }
    }
}
