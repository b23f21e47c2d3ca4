package io.kam.sellthrough.ingest;

/** Writing values in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyText {

    private CopyText() {
    }

    static void text(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\\\0");
                default -> out.append(c);
            }
        }
    }

    static void nullable(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
        } else {
            text(out, value);
        }
    }
}
