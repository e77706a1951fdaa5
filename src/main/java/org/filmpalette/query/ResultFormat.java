package org.filmpalette.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.filmpalette.config.ConfigurationException;

/** How {@code filmpalette sql} prints a result: an aligned text table, CSV (RFC 4180) or JSON Lines. */
public enum ResultFormat {
    TABLE {
        @Override
        public String format(StructType schema, List<Row> rows) {
            String[] names = schema.fieldNames();
            List<String[]> cells = new ArrayList<>();
            int[] widths = new int[names.length];
            for (int c = 0; c < names.length; c++) {
                widths[c] = names[c].length();
            }
            for (Row row : rows) {
                String[] line = new String[names.length];
                for (int c = 0; c < names.length; c++) {
                    line[c] = row.isNullAt(c) ? "NULL" : text(row.get(c));
                    widths[c] = Math.max(widths[c], line[c].length());
                }
                cells.add(line);
            }
            StringBuilder out = new StringBuilder();
            appendLine(out, names, widths, schema, true);
            String[] rules = new String[names.length];
            for (int c = 0; c < names.length; c++) {
                rules[c] = "-".repeat(widths[c]);
            }
            appendLine(out, rules, widths, schema, true);
            for (String[] line : cells) {
                appendLine(out, line, widths, schema, false);
            }
            out.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
            return out.toString();
        }
    },
    CSV {
        @Override
        public String format(StructType schema, List<Row> rows) {
            StringBuilder out = new StringBuilder();
            String[] names = schema.fieldNames();
            for (int c = 0; c < names.length; c++) {
                out.append(c == 0 ? "" : ",").append(csvCell(names[c]));
            }
            out.append("\r\n");
            for (Row row : rows) {
                for (int c = 0; c < names.length; c++) {
                    out.append(c == 0 ? "" : ",").append(row.isNullAt(c) ? "" : csvCell(text(row.get(c))));
                }
                out.append("\r\n");
            }
            return out.toString();
        }
    },
    JSON {
        @Override
        public String format(StructType schema, List<Row> rows) {
            StringBuilder out = new StringBuilder();
            for (Row row : rows) {
                out.append(row.json()).append('\n');
            }
            return out.toString();
        }
    };

    /** The whole result as text, ending with a newline. */
    public abstract String format(StructType schema, List<Row> rows);

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code table}, {@code csv} or {@code json}, case-insensitively. */
    public static ResultFormat parse(String name) {
        for (ResultFormat format : values()) {
            if (format.id().equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw new ConfigurationException("Invalid --format: " + name + " (must be one of table, csv, json)");
    }

    /** A value as one line of text: arrays as {@code [a, b]}, structs as {@code {a, b}}. */
    static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Row struct) {
            StringBuilder text = new StringBuilder("{");
            for (int i = 0; i < struct.length(); i++) {
                text.append(i == 0 ? "" : ", ").append(text(struct.get(i)));
            }
            return text.append('}').toString();
        }
        if (value instanceof scala.collection.Iterable<?> items && !(value instanceof scala.collection.Map<?, ?>)) {
            StringBuilder text = new StringBuilder("[");
            scala.collection.Iterator<?> iterator = items.iterator();
            boolean first = true;
            while (iterator.hasNext()) {
                text.append(first ? "" : ", ").append(text(iterator.next()));
                first = false;
            }
            return text.append(']').toString();
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        return value.toString().replace('\n', ' ');
    }

    private static void appendLine(StringBuilder out, String[] cells, int[] widths, StructType schema,
            boolean header) {
        for (int c = 0; c < cells.length; c++) {
            boolean numeric = !header && schema.fields()[c].dataType() instanceof org.apache.spark.sql.types.NumericType;
            String cell = cells[c];
            String padding = " ".repeat(widths[c] - cell.length());
            if (c > 0) {
                out.append("  ");
            }
            if (numeric) {
                out.append(padding).append(cell);
            } else if (c < cells.length - 1) {
                out.append(cell).append(padding);
            } else {
                out.append(cell);
            }
        }
        out.append('\n');
    }

    private static String csvCell(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
