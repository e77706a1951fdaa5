package org.filmpalette.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.neighbors.PaletteEmbedding;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.Test;

class PaletteFunctionsTest {

    private static final String QUERY = "SELECT name, palette_distance(a, b) AS d, palette_distance(b, a) AS back, "
            + "delta_e(a[0].hex, b[0].hex) AS first FROM pairs ORDER BY name";

    @Test
    void sqlQueryUsesBothFunctions() {
        SparkSession spark = SharedSpark.session();
        PaletteFunctions.register(spark);
        pairs(spark).createOrReplaceTempView("pairs");

        assertPairs(spark.sql(QUERY).collectAsList());
        Row literal = spark.sql("SELECT delta_e('#FF0000', '0000ff'), delta_e(NULL, '#000000')").first();
        assertEquals(DeltaE2000.between(0xff0000, 0x0000ff), literal.getDouble(0), 1e-12);
        assertTrue(literal.isNullAt(1));
    }

    @Test
    void paletteEmbeddingIsTheJavaEmbeddingOfTheColors() {
        SparkSession spark = SharedSpark.session();
        PaletteFunctions.register(spark);
        pairs(spark).createOrReplaceTempView("pairs");
        List<Row> rows = spark.sql("SELECT a, palette_embedding(a) AS of_a, palette_embedding(b) AS of_b, "
                + "palette_embedding(NULL) AS of_null FROM pairs ORDER BY name").collectAsList();
        Row identical = rows.get(0);
        double[] expected = PaletteEmbedding.of(ColorRows.palette(identical.<Row>getList(identical.fieldIndex("a"))));
        List<Double> ofA = identical.getList(identical.fieldIndex("of_a"));
        assertEquals(PaletteEmbedding.DIMENSIONS, ofA.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], ofA.get(i), 1e-12);
        }
        assertEquals(ofA, identical.getList(identical.fieldIndex("of_b")),
                "same colors in another order embed equally");
        Row different = rows.get(1);
        assertTrue(!different.getList(different.fieldIndex("of_a"))
                .equals(different.getList(different.fieldIndex("of_b"))));
        assertTrue(identical.isNullAt(identical.fieldIndex("of_null")));
    }

    @Test
    void badHexFailsTheQueryNamingTheValue() {
        SparkSession spark = SharedSpark.session();
        PaletteFunctions.register(spark);
        Exception error = assertThrows(Exception.class,
                () -> spark.sql("SELECT delta_e('#12345', '#000000')").collectAsList());
        assertTrue(rootMessage(error).contains("Invalid hex color: \"#12345\""), rootMessage(error));
    }

    @Test
    void sqlExtensionClassNamedInSparkConfInjectsTheFunctionsIntoANewSession() {
        SparkSession shared = SharedSpark.session();
        // spark.sql.extensions is static: Spark reads it from the context's conf when a session is built, which is
        // where --conf puts it under spark-sql and spark-submit. Set it there for one new session only.
        org.apache.spark.SparkConf contextConf = shared.sparkContext().conf();
        contextConf.set("spark.sql.extensions", PaletteSqlExtensions.class.getName());
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        try {
            SparkSession extended = SparkSession.builder().getOrCreate();
            contextConf.remove("spark.sql.extensions");
            assertTrue(extended != shared, "a new session on the shared context");
            pairs(extended).createOrReplaceTempView("pairs");
            assertPairs(extended.sql(QUERY).collectAsList());
            assertNull(extended.sql("SELECT palette_distance(NULL, NULL)").first().get(0));
            assertEquals(PaletteEmbedding.DIMENSIONS,
                    extended.sql("SELECT size(palette_embedding(a)) FROM pairs").first().getInt(0));
        } finally {
            contextConf.remove("spark.sql.extensions");
            SparkSession.setDefaultSession(shared);
            SparkSession.setActiveSession(shared);
        }
    }

    private static void assertPairs(List<Row> rows) {
        assertEquals(3, rows.size());
        // identical → 0; half black/half white vs all white → 50 (ΔE00 of L* 0 vs 100 is 100); red vs red+blue.
        assertEquals("identical", rows.get(0).getString(0));
        assertEquals(0.0, rows.get(0).getDouble(1), 1e-12);
        assertEquals(50.0, rows.get(1).getDouble(1), 1e-9);
        assertEquals(100.0, rows.get(1).getDouble(3), 1e-4);
        double redBlue = DeltaE2000.between(0xff0000, 0x0000ff);
        assertEquals(0.5 * redBlue, rows.get(2).getDouble(1), 1e-9);
        for (Row row : rows) {
            assertEquals(row.getDouble(1), row.getDouble(2), 1e-12, "symmetric for " + row.getString(0));
        }
    }

    private static org.apache.spark.sql.Dataset<Row> pairs(SparkSession spark) {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("name", DataTypes.StringType, false),
                DataTypes.createStructField("a", TableSchemas.COLORS_TYPE, false),
                DataTypes.createStructField("b", TableSchemas.COLORS_TYPE, false)));
        Row black = color(1, "#000000", 0, 0.5);
        Row white = color(2, "#ffffff", 100, 0.5);
        Row allWhite = color(1, "#ffffff", 100, 1.0);
        Row red = labColor(1, 0xff0000, 1.0);
        return spark.createDataFrame(List.of(
                RowFactory.create("identical", new Row[] {black, white}, new Row[] {white, black}),
                RowFactory.create("quarter", new Row[] {black, white}, new Row[] {allWhite}),
                RowFactory.create("red-blue", new Row[] {red}, new Row[] {labColor(1, 0xff0000, 0.5),
                    labColor(2, 0x0000ff, 0.5)})), schema);
    }

    private static Row color(int rank, String hex, double l, double share) {
        int v = l == 0 ? 0 : 255;
        // No role, as in tables written before the field: readers derive it.
        return RowFactory.create(rank, hex, v, v, v, l, 0.0, 0.0, share, null);
    }

    private static Row labColor(int rank, int rgb, double share) {
        org.filmpalette.color.Lab lab = org.filmpalette.color.Lab.fromRgb(rgb);
        return RowFactory.create(rank, org.filmpalette.color.Srgb.hex(rgb), rgb >> 16 & 255, rgb >> 8 & 255,
                rgb & 255, lab.l(), lab.a(), lab.b(), share, "dominant");
    }

    private static String rootMessage(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
