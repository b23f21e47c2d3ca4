package io.kam.promotions.promotion;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import io.kam.promotions.api.PromotionEvents.PromotedSku;

/**
 * Promotions as an iCalendar (RFC 5545) for the retailer's calendar: one all-day event per promotion over its in-store
 * period (the end date exclusive, as all-day events need), with a stable UID so that a re-import updates rather than
 * duplicates, and its SKUs with their promoted prices. Lines end in CRLF and are folded at 75 octets.
 */
final class ICalendar {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    static String of(List<Promotion> promotions, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//KAM Platform//Promotions//EN");
        line(out, "CALSCALE:GREGORIAN");
        for (Promotion p : promotions) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + p.id() + "@promotions.kam-platform.io");
            line(out, "DTSTAMP:" + STAMP.format(now));
            line(out, "DTSTART;VALUE=DATE:" + DAY.format(p.terms().inStore().from()));
            line(out, "DTEND;VALUE=DATE:" + DAY.format(p.terms().inStore().to().plusDays(1)));
            line(out, "SUMMARY:" + text(p.terms().name()));
            line(out, "DESCRIPTION:" + text(description(p)));
            line(out, "STATUS:CONFIRMED");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String description(Promotion p) {
        String skus = p.terms().skus().stream().map(ICalendar::sku).collect(Collectors.joining("\n"));
        String reference = p.agreement() == null ? "" : "\nReference: " + p.agreement().reference();
        return p.terms().mechanics() + "\n" + skus + "\nStores: " + p.terms().storeIds().size() + reference;
    }

    private static String sku(PromotedSku sku) {
        return sku.gtin() + " " + sku.category() + ": " + sku.promotedPrice() + " (regular " + sku.regularPrice() + ")";
    }

    /** RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \n. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Appends one content line, folded so that no line exceeds 75 octets (continuations start with a space). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.append(character);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
