package io.kam.sellthrough.api;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the sell-through API. */
public final class SellThroughRequests {

    private SellThroughRequests() {
    }

    /**
     * How the service treats one account's sell-through data.
     *
     * @param retailerCode   the code integrations may name the account by ({@code retailer=} on upload) instead of its
     *                       id, unique across accounts; null for none
     * @param currency       the ISO 4217 code every row's sales value must be in; rows in another currency are
     *                       rejected, so that every total is in one currency
     * @param returnsAllowed whether rows with negative units and sales (returns exceeding the day's sales) are accepted;
     *                       when false they are rejected
     */
    public record AccountSettings(
            @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}",
                    message = "must be 1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit")
            String retailerCode,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
            boolean returnsAllowed) {
    }

    /**
     * A pull connector of one account.
     *
     * @param url           for {@link ConnectorKind#HTTP}: the http(s) endpoint; the service adds {@code since=<cursor>}
     *                      and reads the next cursor from the response header {@code X-Next-Cursor}
     * @param folder        for {@link ConnectorKind#FOLDER}: the drop folder, relative to the service's drop root
     * @param format        the rows' format when the source does not say (an HTTP response's Content-Type wins)
     * @param charset       UTF-8 (default), GBK or GB18030, when the source does not say
     * @param mode          lenient (default) or strict
     * @param everySeconds  how often to look for new rows
     * @param authorization sent as the {@code Authorization} header of every HTTP pull; never shown again
     */
    public record Connector(
            @NotNull ConnectorKind kind,
            @Nullable @Size(max = 2000) String url,
            @Nullable @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*",
                    message = "must be a relative path of letters, digits, '.', '_' and '-'") String folder,
            @NotNull RowFormat format,
            @Nullable String charset,
            @Nullable IngestMode mode,
            @NotNull @Min(1) @Max(86_400) Integer everySeconds,
            @Nullable @Size(max = 4000) String authorization,
            boolean enabled) {
    }
}
