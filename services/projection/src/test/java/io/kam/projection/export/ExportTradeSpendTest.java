package io.kam.projection.export;

import static io.kam.projection.export.ExportTest.rowStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.kam.platform.testing.TestTokens;
import io.kam.projection.ReviewsTest;
import io.kam.projection.SellThroughFigures;
import io.kam.projection.TradeSpendScenario;
import tools.jackson.databind.JsonNode;

/**
 * The trade-spend section in the exports, for the year of {@link TradeSpendScenario}: a national KA manager's
 * internal file has the agreement by kind, the true trade spend against the plan, last year and the chains' national
 * average, and the last negotiation's ledger; the retailer's file and a coordinator's have none of it.
 */
class ExportTradeSpendTest extends ReviewsTest {

    @LocalServerPort
    int port;

    @Test
    void theManagersFileHasTheTermsTheComparisonAndTheLedgerAndTheRetailersNone() throws IOException {
        TradeSpendScenario year = givenTheYear();
        JsonNode section = api.review(year.account, "").get("tradeSpend");
        Formats zh = new Formats(ExportLanguage.ZH_CN.locale(), "CNY");
        Labels zhLabels = new Labels(ExportLanguage.ZH_CN);

        byte[] workbook = ExportTest.download(port, TestTokens.nora(), "/api/reviews/" + year.account + "/export.xlsx?lang=en");
        byte[] internalPdf = ExportTest.download(port, TestTokens.nora(), "/api/reviews/" + year.account + "/export.pdf");
        byte[] retailerPdf = ExportTest.download(port, TestTokens.nora(),
                "/api/reviews/" + year.account + "/export.pdf?audience=retailer");

        try (XSSFWorkbook file = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            XSSFSheet internal = file.getSheet("Internal");
            assertThat(value(internal, "True trade spend")).isEqualTo(number(section, "/tradeSpend/percent"));
            assertThat(value(internal, "Plan")).isEqualTo(number(section, "/tradeSpend/target"));
            assertThat(value(internal, "Last year")).isEqualTo(number(section, "/lastYear/tradeSpendPercent"));
            assertThat(value(internal, "Chains' national average"))
                    .isEqualTo(number(section, "/nationalAverage/tradeSpendPercent"));
            Row onInvoice = rowStartingWith(internal, "On-invoice discount");
            assertThat(onInvoice.getCell(1).getNumericCellValue()).isEqualTo(350_000.00);
            assertThat(onInvoice.getCell(2).getNumericCellValue()).isEqualTo(3.50);
            assertThat(onInvoice.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00\"%\"");
            assertThat(value(internal, "Gives without a return")).isEqualTo(1);
            assertThat(value(internal, "Their cost")).isEqualTo(number(section, "/lastNegotiation/unreturnedCost"));
        }
        try (PDDocument pdf = Loader.loadPDF(internalPdf)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(zh.percent(new BigDecimal("7.72")), zh.percent(new BigDecimal("0.72")), "票面折扣",
                    zh.money(new BigDecimal("40000.00")), zhLabels.text("internal.nationalAverage"),
                    zh.percent(section.at("/nationalAverage/tradeSpendPercent").decimalValue()));
        }
        try (PDDocument pdf = Loader.loadPDF(retailerPdf)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).doesNotContain(ExportTest.internalWords(zhLabels))
                    .doesNotContain(zh.percent(new BigDecimal("7.72")), "票面折扣", zh.money(new BigDecimal("771506.85")),
                            zh.money(new BigDecimal("40000.00")));
        }
    }

    @Test
    void aCoordinatorsInternalFileHasNoTerms() throws IOException {
        TradeSpendScenario year = givenTheYear();

        byte[] workbook = ExportTest.download(port, TestTokens.eric(), "/api/reviews/" + year.account + "/export.xlsx?lang=en");

        try (XSSFWorkbook file = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(file.getSheet("Internal")).as("heat, wall and SWOT are for coordinators too").isNotNull();
            for (Row row : file.getSheet("Internal")) {
                Cell first = row.getCell(0);
                assertThat(first == null || first.getCellType() != CellType.STRING ? "" : first.getStringCellValue())
                        .isNotIn("True trade spend", "Chains' national average", "On-invoice discount",
                                "Gives without a return", "Trade spend");
            }
        }
    }

    private TradeSpendScenario givenTheYear() {
        TradeSpendScenario year = new TradeSpendScenario();
        year.publish(topic, negotiations, SellThroughFigures.topic(), promotions);
        api.awaitReview(year.account, r -> r.at("/promotions/eventsApplied").asLong() == 2
                && r.at("/tradeSpend/eventsApplied").asLong() == TradeSpendScenario.NEGOTIATION_EVENTS
                && r.at("/tradeSpend/accrued/sellThroughSales").decimalValue().compareTo(new BigDecimal("300000")) == 0);
        return year;
    }

    private static double value(XSSFSheet sheet, String item) {
        return rowStartingWith(sheet, item).getCell(1).getNumericCellValue();
    }

    private static double number(JsonNode section, String pointer) {
        return section.at(pointer).decimalValue().doubleValue();
    }
}
