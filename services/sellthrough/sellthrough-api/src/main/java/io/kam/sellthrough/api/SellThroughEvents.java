package io.kam.sellthrough.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventType;

/**
 * The events of the sell-through service, published on {@code kam.sellthrough.v1} keyed by account id.
 *
 * <p>Figures travel in chunks: one event holds up to a few thousand lines of one account and one day, so a batch of
 * millions of rows becomes thousands of records, not millions. A consumer keeps exact totals by adding, per store,
 * GTIN and day, the {@code units} and {@code sales} of every {@link SalesRecorded} line and the {@code deltaUnits}
 * and {@code deltaSales} of every {@link SalesRestated} line; the sum over all events equals the figures the service
 * holds. Money is a decimal ({@link BigDecimal}), never binary floating point. Stock on hand is a level, not a flow:
 * the latest value replaces the earlier one and is never added up.
 */
public final class SellThroughEvents {

    public static final String SERVICE = "sellthrough";

    private SellThroughEvents() {
    }

    /** Every sell-through event; sealed so that consumers can switch over them exhaustively. */
    public sealed interface SellThroughEvent extends DomainEvent permits SalesRecorded, SalesRestated, BatchIngested {
        /** The client's batch id, shared by every event of one batch. */
        String batchId();
    }

    /**
     * Figures for (store, GTIN, day) keys the service had no figure for yet: one account, one day, one chunk.
     *
     * @param part     this event's number within its batch, from 1; {@link BatchIngested#parts()} says how many
     * @param currency the ISO 4217 code every sales value of the event is in (the account's reporting currency)
     * @param units    the sum of the lines' units
     * @param sales    the sum of the lines' sales values
     */
    @EventType("kam.sellthrough.recorded")
    public record SalesRecorded(UUID accountId, String batchId, int part, LocalDate day, String currency, long units,
                                BigDecimal sales, List<RecordedLine> lines) implements SellThroughEvent {
    }

    /**
     * Corrections: a later row for a (store, GTIN, day) the service already held replaced the earlier figure. Each
     * line carries the new figures and the change against the replaced ones, which is what a total adds.
     *
     * @param deltaUnits the sum of the lines' {@code deltaUnits}
     * @param deltaSales the sum of the lines' {@code deltaSales}
     */
    @EventType("kam.sellthrough.restated")
    public record SalesRestated(UUID accountId, String batchId, int part, LocalDate day, String currency,
                                long deltaUnits, BigDecimal deltaSales, List<RestatedLine> lines)
            implements SellThroughEvent {
    }

    /**
     * A batch was committed: the last event of the batch, after all its {@code parts}. It lets a consumer check that it
     * holds every part, and that its totals moved by {@code deltaUnits} and {@code deltaSales}.
     *
     * @param source      {@link BatchSource#PUSH} through the API or {@link BatchSource#PULL} by a connector
     * @param connectorId the connector that pulled the batch; null for a push
     * @param recorded    rows for keys seen for the first time
     * @param restated    rows that changed an earlier figure
     * @param unchanged   rows that repeated the figure already held (accepted, no event line)
     * @param rejected    rows refused, listed in the batch's rejection report
     * @param parts       how many recorded and restated events the batch published before this one
     * @param firstDay    the earliest day among the accepted rows; null when none was accepted
     * @param lastDay     the latest day among the accepted rows; null when none was accepted
     */
    @EventType("kam.sellthrough.batch-ingested")
    public record BatchIngested(UUID accountId, String batchId, BatchSource source, @Nullable UUID connectorId,
                                IngestMode mode, long rowsRead, long recorded, long restated, long unchanged,
                                long rejected, int parts, @Nullable LocalDate firstDay, @Nullable LocalDate lastDay,
                                String currency, long deltaUnits, BigDecimal deltaSales) implements SellThroughEvent {
    }

    /**
     * One figure seen for the first time, as a JSON array {@code [store, gtin, units, sales, stock]}.
     *
     * @param store the store's code within the account (unique there, never reused)
     * @param gtin  the product's GTIN-14 (an EAN-13 gets a leading zero), 14 digits
     * @param stock units on hand at the end of the day; null when the retailer did not send it
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"store", "gtin", "units", "sales", "stock"})
    public record RecordedLine(String store, String gtin, long units, BigDecimal sales, @Nullable Integer stock) {
    }

    /**
     * A figure replacing an earlier one, as a JSON array {@code [store, gtin, units, sales, stock, deltaUnits,
     * deltaSales]}: the new figures, then what changed (new minus replaced).
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"store", "gtin", "units", "sales", "stock", "deltaUnits", "deltaSales"})
    public record RestatedLine(String store, String gtin, long units, BigDecimal sales, @Nullable Integer stock,
                               long deltaUnits, BigDecimal deltaSales) {
    }

    /** The contract: the topic, its shape, and every {@link SellThroughEvent}, found through the sealed interface. */
    public static final EventCatalog<SellThroughEvent> CATALOG = EventCatalog.of(SERVICE, SellThroughEvent.class);

    public static final String TOPIC = "kam.sellthrough.v1";

}
