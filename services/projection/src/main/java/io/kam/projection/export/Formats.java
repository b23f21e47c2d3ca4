package io.kam.projection.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Numbers, amounts and dates in the export's language: grouped digits, amounts with the currency's symbol (¥ for
 * CNY), percentages with one decimal as the review computes them, dates in the locale's medium style.
 */
final class Formats {

    private final Locale locale;
    private final Currency currency;

    Formats(Locale locale, String currencyCode) {
        this.locale = locale;
        this.currency = Currency.getInstance(currencyCode);
    }

    Locale locale() {
        return locale;
    }

    Currency currency() {
        return currency;
    }

    String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /** A figure with its own decimals (at most four), digits grouped. */
    String number(BigDecimal figure) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        int scale = Math.min(Math.max(figure.stripTrailingZeros().scale(), 0), 4);
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(figure);
    }

    String count(long count) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    /** A percentage as the review gives it (12.5 for 12.5 %), with its decimals (one at least, at most four). */
    String percent(BigDecimal percent) {
        DecimalFormat format = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(locale));
        format.setMaximumFractionDigits(Math.min(Math.max(percent.scale(), 1), 4));
        format.setMinimumFractionDigits(format.getMaximumFractionDigits());
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(percent) + "%";
    }

    String date(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    /** The cell as the export shows it in text: an empty cell is a dash. */
    String shown(ExportDocument.Cell cell) {
        return switch (cell) {
            case ExportDocument.Cell.Text text -> text.text();
            case ExportDocument.Cell.Money money -> money(money.amount());
            case ExportDocument.Cell.Figure figure -> number(figure.value());
            case ExportDocument.Cell.Percent percent -> percent(percent.value());
            case ExportDocument.Cell.Day day -> date(day.day());
            case ExportDocument.Cell.Empty empty -> "–";
        };
    }

    String month(int month) {
        return java.time.Month.of(month).getDisplayName(TextStyle.SHORT, locale);
    }
}
