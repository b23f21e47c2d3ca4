package io.kam.projection.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Numbers, amounts and dates as each language writes them. */
class FormatsTest {

    private final Formats zh = new Formats(ExportLanguage.ZH_CN.locale(), "CNY");
    private final Formats en = new Formats(ExportLanguage.EN.locale(), "CNY");

    @Test
    void amountsCarryTheYuanSignWithGroupedDigits() {
        assertThat(zh.money(new BigDecimal("1234567.8"))).isEqualTo("¥1,234,567.80");
        assertThat(en.money(new BigDecimal("1234567.8"))).isEqualTo("CN¥1,234,567.80");
        assertThat(zh.money(new BigDecimal("-954321.1"))).isEqualTo("-¥954,321.10");
    }

    @Test
    void datesAndMonthsInTheLanguage() {
        assertThat(zh.date(LocalDate.of(2027, 1, 1))).isEqualTo("2027年1月1日");
        assertThat(en.date(LocalDate.of(2027, 1, 1))).isEqualTo("Jan 1, 2027");
        assertThat(zh.month(3)).isEqualTo("3月");
        assertThat(en.month(3)).isEqualTo("Mar");
    }

    @Test
    void figuresKeepTheirDecimalsAndPercentagesOne() {
        assertThat(en.number(new BigDecimal("12000000"))).isEqualTo("12,000,000");
        assertThat(en.number(new BigDecimal("98.50"))).isEqualTo("98.5");
        assertThat(zh.percent(new BigDecimal("17.3"))).isEqualTo("17.3%");
        assertThat(en.percent(new BigDecimal("33"))).isEqualTo("33.0%");
        assertThat(en.percent(new BigDecimal("0.72"))).as("the trade spend's two decimals stay").isEqualTo("0.72%");
    }
}
