package io.kam.web.shell;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages write the API's figures in the user's language: {@code ${@fmt.money(x)}} and so on. Formatting only:
 * a figure is shown as the API gave it, rounded to what its kind shows (money to the fen, percentages as the API
 * rounded them), never computed. A missing figure (null) is a dash.
 */
@Component("fmt")
public class Formats {

    /** Shown for a figure the API has not got (null). */
    public static final String NONE = "—";
    /** The market's time zone: instants are shown as its local dates. */
    public static final ZoneId MARKET = ZoneId.of("Asia/Shanghai");

    public String money(@Nullable Object value) {
        return value == null ? NONE : moneyFormat(locale()).format(decimal(value));
    }

    public String number(@Nullable Object value) {
        return value == null ? NONE : numberFormat(locale()).format(decimal(value));
    }

    /** A percentage the API gives as a number of percent (12.5 for 12.5 %), with the decimals it has. */
    public String percent(@Nullable Object value) {
        return value == null ? NONE : numberFormat(locale()).format(decimal(value)) + " %";
    }

    /** A ratio the API gives as a fraction (0.333), as the locale writes a percentage (33.3 %). */
    public String ratio(@Nullable Object value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale());
        format.setMaximumFractionDigits(1);
        return format.format(decimal(value));
    }

    /** A month the API gives as its number (1 for January), by its short name in the locale. */
    public String month(@Nullable Object value) {
        return value == null ? NONE : java.time.Month.of(decimal(value).intValue())
                .getDisplayName(java.time.format.TextStyle.SHORT, locale());
    }

    /** An ISO date ({@code 2026-12-07}) or instant, as the locale writes dates. */
    public String date(@Nullable Object value) {
        if (value == null) {
            return NONE;
        }
        String text = value.toString();
        LocalDate day = text.length() > 10 ? Instant.parse(text).atZone(MARKET).toLocalDate() : LocalDate.parse(text);
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(day);
    }

    /** Money in yuan, as the locale writes it (¥1,234.50 in Chinese, CN¥1,234.50 in English). */
    public static NumberFormat moneyFormat(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("CNY"));
        return format;
    }

    /** A plain number with the locale's grouping and decimal marks and up to three decimals. */
    public static NumberFormat numberFormat(Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(3);
        return format;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
