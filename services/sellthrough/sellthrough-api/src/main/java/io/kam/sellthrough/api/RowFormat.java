package io.kam.sellthrough.api;

/**
 * The formats of sell-through rows: {@link #CSV} ({@code text/csv}, with a header line naming the columns) and
 * {@link #NDJSON} ({@code application/x-ndjson}, one JSON object per line).
 */
public enum RowFormat {
    CSV("text/csv"), NDJSON("application/x-ndjson");

    private final String mediaType;

    RowFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
