package io.kam.projection.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.projection.export.ExportDocument.Cell;
import tools.jackson.databind.JsonNode;

/** Cells from the review's JSON values: a missing or null value is an empty cell. */
final class Json {

    private Json() {
    }

    static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    static Cell money(JsonNode node) {
        return absent(node) ? new Cell.Empty() : new Cell.Money(node.decimalValue());
    }

    static Cell figure(JsonNode node) {
        return absent(node) ? new Cell.Empty() : new Cell.Figure(node.decimalValue());
    }

    static Cell percent(JsonNode node) {
        return absent(node) ? new Cell.Empty() : new Cell.Percent(node.decimalValue());
    }

    static Cell day(JsonNode node) {
        return absent(node) ? new Cell.Empty() : new Cell.Day(LocalDate.parse(node.asString()));
    }

    /** An instant as the market's day (Asia/Shanghai). */
    static Cell dayOf(JsonNode node) {
        return absent(node) ? new Cell.Empty() : new Cell.Day(MarketCalendar.dayOf(Instant.parse(node.asString())));
    }

    static Cell text(JsonNode node) {
        return absent(node) ? new Cell.Empty() : new Cell.Text(node.asString());
    }

    static Cell text(String text) {
        return new Cell.Text(text);
    }

    static Cell count(long count) {
        return new Cell.Figure(BigDecimal.valueOf(count));
    }

    /** The label of the enum constant the value names; empty without one. */
    static Cell label(Labels labels, String type, JsonNode node) {
        return absent(node) ? new Cell.Empty() : new Cell.Text(labels.of(type, node.asString()));
    }
}
