package org.filmpalette.store;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import scala.jdk.javaapi.CollectionConverters;

/**
 * The films a run replaces. A few are an {@code IN} list, which Iceberg uses to skip buckets and files; many (a
 * first run, a large nightly batch) are a broadcast semi-join, since an {@code IN} of 100,000 ids would be planned
 * and pushed down literal by literal.
 */
public final class FilmSet {

    /** Up to this many films are filtered by an {@code IN} list. */
    static final int IN_LIST_LIMIT = 1_000;

    private final SparkSession spark;
    private final List<String> films;

    public FilmSet(SparkSession spark, List<String> films) {
        this.spark = spark;
        this.films = List.copyOf(films);
    }

    public List<String> ids() {
        return films;
    }

    public boolean isEmpty() {
        return films.isEmpty();
    }

    /** The films as a one-column ({@code film_id}) dataset. */
    public Dataset<Row> asRows() {
        return spark.createDataset(films, Encoders.STRING()).toDF(TableSchemas.FILM_ID);
    }

    /** The rows of {@code rows} that belong to these films. */
    public Dataset<Row> restrict(Dataset<Row> rows) {
        if (films.size() <= IN_LIST_LIMIT) {
            return rows.where(col(TableSchemas.FILM_ID).isin(films.toArray()));
        }
        return rows.join(broadcast(asRows()),
                CollectionConverters.asScala(List.of(TableSchemas.FILM_ID)).toSeq(), "left_semi");
    }
}
