package io.kam.sellthrough.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

import io.kam.sellthrough.api.RowFormat;

/**
 * How to read a body, from its headers: {@code Content-Type} {@code text/csv} or {@code application/x-ndjson} with an
 * optional {@code charset} (UTF-8, the default, GBK or GB18030; GB2312 is read as GBK, which contains it), and
 * {@code Content-Encoding} {@code gzip} or none. Anything else is a 415.
 */
public record BodyFormat(RowFormat format, Charset charset, boolean gzip) {

    public static final Charset GBK = Charset.forName("GBK");
    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final List<MediaType> SUPPORTED = List.of(MediaType.parseMediaType(RowFormat.CSV.mediaType()),
            MediaType.parseMediaType(RowFormat.NDJSON.mediaType()));

    public static BodyFormat of(@Nullable String contentType, @Nullable String contentEncoding)
            {
        if (contentType == null || contentType.isBlank()) {
            throw new UnsupportedBody("the body has no Content-Type: send text/csv or application/x-ndjson");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedBody("Content-Type " + contentType + " is not a media type: send text/csv or application/x-ndjson");
        }
        RowFormat format = SUPPORTED.get(0).equalsTypeAndSubtype(type) ? RowFormat.CSV
                : SUPPORTED.get(1).equalsTypeAndSubtype(type) ? RowFormat.NDJSON : null;
        if (format == null) {
            throw new UnsupportedBody("Content-Type " + type + " is not supported: send text/csv or application/x-ndjson");
        }
        return new BodyFormat(format, charset(type.getParameter("charset")), gzip(contentEncoding));
    }

    /** The charset a name stands for, among those rows may come in. */
    public static Charset charset(@Nullable String name) {
        String plain = name == null ? "utf-8" : name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        return switch (plain) {
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "gbk", "cp936", "gb2312" -> GBK;
            case "gb18030" -> GB18030;
            default -> throw new UnsupportedBody("charset " + name
                    + " is not supported: send UTF-8 (the default), GBK or GB18030");
        };
    }

    /** Whether a Content-Encoding says gzip; none or identity is false, anything else unsupported. */
    public static boolean gzip(@Nullable String contentEncoding) {
        if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.strip().equalsIgnoreCase("identity")) {
            return false;
        }
        if (contentEncoding.strip().equalsIgnoreCase("gzip") || contentEncoding.strip().equalsIgnoreCase("x-gzip")) {
            return true;
        }
        throw new UnsupportedBody("Content-Encoding " + contentEncoding
                + " is not supported: send the body as it is, or gzip-compressed");
    }

    /** A body the service cannot read: 415. */
    public static final class UnsupportedBody extends RuntimeException {
        public UnsupportedBody(String message) {
            super(message);
        }
    }
}
