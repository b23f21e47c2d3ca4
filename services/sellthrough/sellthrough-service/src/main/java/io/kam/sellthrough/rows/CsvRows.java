package io.kam.sellthrough.rows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rows of a CSV body. The first non-blank line is the header: it names the columns, in any order, each once
 * ({@link Column}; {@code stock} may be left out). Every other non-blank line is a row with exactly as many fields as
 * the header.
 */
public final class CsvRows implements RowReader {

    private final ByteLines lines;
    private final CsvTokenizer tokenizer = new CsvTokenizer();
    private final Column[] columns;
    private final int maxLineBytes;

    private CsvRows(ByteLines lines, Column[] columns, int maxLineBytes) {
        this.lines = lines;
        this.columns = columns;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Reads the header.
     *
     * @throws BatchProblem if the body is empty or the header does not name the required columns exactly once
     */
    public static CsvRows open(InputStream in, Charset charset, int maxLineBytes) throws IOException {
        ByteLines lines = new ByteLines(in, maxLineBytes, charset.equals(StandardCharsets.UTF_8));
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            if (lines.tooLong()) {
                throw new BatchProblem("invalid-header", "the header line is longer than " + maxLineBytes + " bytes");
            }
            return new CsvRows(lines, header(lines, charset), maxLineBytes);
        }
        throw new BatchProblem("empty-body", "the body is empty: send a header line and at least one row");
    }

    private static Column[] header(ByteLines lines, Charset charset) {
        CsvTokenizer tokenizer = new CsvTokenizer();
        String problem = tokenizer.split(lines.bytes(), lines.start(), lines.end());
        if (problem != null) {
            throw new BatchProblem("invalid-header", "the header line " + problem);
        }
        List<Column> columns = new ArrayList<>();
        Set<Column> seen = EnumSet.noneOf(Column.class);
        for (int i = 0; i < tokenizer.count(); i++) {
            String name = new String(tokenizer.source(i), tokenizer.start(i), tokenizer.end(i) - tokenizer.start(i), charset);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            String shown = name.strip();
            Column column = Column.named(shown).orElseThrow(() -> new BatchProblem("invalid-header", "the header names "
                    + "an unknown column '" + shown + "'; the columns are " + Column.ALL.length + ": " + names(EnumSet.allOf(Column.class))
                    + " (stock may be left out)"));
            if (!seen.add(column)) {
                throw new BatchProblem("invalid-header", "the header names the column '" + column.wireName() + "' twice");
            }
            columns.add(column);
        }
        Set<Column> missing = EnumSet.allOf(Column.class);
        missing.removeAll(seen);
        missing.removeIf(c -> !c.required());
        if (!missing.isEmpty()) {
            throw new BatchProblem("invalid-header", "the header lacks the column" + (missing.size() > 1 ? "s " : " ")
                    + names(missing) + "; the first line of a CSV body names the columns");
        }
        return columns.toArray(Column[]::new);
    }

    private static String names(Set<Column> columns) {
        return columns.stream().map(Column::wireName).collect(Collectors.joining(", "));
    }

    @Override
    public boolean next(RowFields row) throws IOException {
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            row.reset(lines.number());
            if (lines.tooLong()) {
                row.problem("the line is " + lines.length() + " bytes long; at most " + maxLineBytes + " are allowed");
                return true;
            }
            String problem = tokenizer.split(lines.bytes(), lines.start(), lines.end());
            if (problem != null) {
                row.problem(problem);
            } else if (tokenizer.count() != columns.length) {
                row.problem("has " + tokenizer.count() + " field" + (tokenizer.count() == 1 ? "" : "s") + " but the header has "
                        + columns.length);
            } else {
                for (int i = 0; i < columns.length; i++) {
                    row.set(columns[i], tokenizer.source(i), tokenizer.start(i), tokenizer.end(i));
                }
            }
            return true;
        }
        return false;
    }
}
