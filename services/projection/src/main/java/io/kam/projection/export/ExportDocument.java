package io.kam.projection.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an export shows, before it is a PDF or a workbook: titled sections of labelled tables, and bar charts drawn
 * from a table's columns. Every word in it is already in the export's language; figures stay figures until rendered.
 *
 * @param currency the ISO code of every amount
 */
record ExportDocument(ExportLanguage language, Audience audience, String currency, String title, String subtitle,
                      List<Section> sections) {

    /** @param sheet a short name, the workbook's sheet */
    record Section(String sheet, String title, List<Table> tables, List<Chart> charts) {
    }

    record Table(@Nullable String caption, List<String> columns, List<List<Cell>> rows) {
    }

    /**
     * Bars for some numeric columns of one of the section's tables, one group per row.
     *
     * @param table          the table's index in its section
     * @param categoryColumn the column naming each group
     * @param seriesColumns  the columns drawn, one bar each per group
     * @param rows           how many of the table's first rows are drawn (a total below them is not)
     */
    record Chart(String title, int table, int categoryColumn, List<Integer> seriesColumns, int rows) {
    }

    /** One cell: a word, or a figure to be formatted in the export's language. */
    sealed interface Cell {

        /** The figure behind a numeric cell; null for words, dates and empty cells. */
        default @Nullable BigDecimal figure() {
            return null;
        }

        record Text(String text) implements Cell {
        }

        record Money(BigDecimal amount) implements Cell {
            @Override
            public BigDecimal figure() {
                return amount;
            }
        }

        record Figure(BigDecimal value) implements Cell {
            @Override
            public BigDecimal figure() {
                return value;
            }
        }

        record Percent(BigDecimal value) implements Cell {
            @Override
            public BigDecimal figure() {
                return value;
            }
        }

        record Day(LocalDate day) implements Cell {
        }

        record Empty() implements Cell {
        }
    }
}
