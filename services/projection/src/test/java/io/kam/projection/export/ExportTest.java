package io.kam.projection.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.projection.ReviewsTest;
import tools.jackson.databind.JsonNode;

/**
 * The exports read back: the PDF's text (PDFBox) and the workbook's cells (POI) hold the figures of the JSON review,
 * formatted for the language, with the CJK font embedded; the retailer's version holds nothing internal.
 */
class ExportTest extends ReviewsTest {

    @LocalServerPort
    int port;

    @Test
    void thePdfInChineseShowsTheReviewsFiguresWithItsFontEmbedded() throws IOException {
        UUID account = UUID.randomUUID();
        JsonNode review = ExportScenario.anAccountWithAYearOfFigures(account, topic, api);
        Formats zh = new Formats(ExportLanguage.ZH_CN.locale(), "CNY");
        Labels labels = new Labels(ExportLanguage.ZH_CN);

        byte[] file = download(TestTokens.nora(), "/api/reviews/" + account + "/export.pdf?lang=zh-CN");

        try (PDDocument pdf = Loader.loadPDF(file)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).as("Chinese extracts as Chinese")
                    .contains("生意回顾：" + review.at("/header/name").asString())
                    .contains(labels.text("document.internal"), "大卖场", "华东");
            for (JsonNode month : review.at("/plan/sellThrough/months")) {
                assertThat(text).contains(zh.month(month.path("month").asInt()), zh.money(month.path("target").decimalValue()));
                if (month.path("actual").isNumber()) {
                    assertThat(text).contains(zh.money(month.path("actual").decimalValue()),
                            zh.money(month.path("variance").decimalValue()));
                }
            }
            assertThat(text).as("the months' sales, as the review has them").contains("¥45,678.90", "¥123,456.78");
            assertThat(text).contains(zh.money(review.at("/sellThrough/yearToDate/sales").decimalValue()),
                    zh.money(review.at("/sellThrough/lastYearSameTime/sales").decimalValue()),
                    zh.percent(review.at("/sellThrough/growthPercent").decimalValue()),
                    zh.date(LocalDate.parse(review.at("/sellThrough/yearToDate/from").asString())));
            assertThat(text).as("the year's sales against its target")
                    .contains(zh.money(review.at("/plan/targets/0/target").decimalValue()),
                            zh.money(review.at("/plan/targets/0/actual").decimalValue()));
            assertThat(text).as("what only we see").contains("A类", "白脸", labels.text("internal.heat"),
                    labels.text("PlanKpi.PROMOTION_SPEND"), zh.money(BigDecimal.valueOf(ExportScenario.PROMOTION_SPEND)));
            assertThat(text).contains(labels.text("months.chart"), labels.text("yoy.chart"), "在华东门店培训促销员");

            List<PDFont> fonts = fonts(pdf);
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).contains("NotoSansSC");
            });
        }
    }

    @Test
    void theWorkbookInEnglishHoldsTheReviewsFiguresAsNumbersWithItsCharts() throws IOException {
        UUID account = UUID.randomUUID();
        JsonNode review = ExportScenario.anAccountWithAYearOfFigures(account, topic, api);
        Formats en = new Formats(ExportLanguage.EN.locale(), "CNY");

        byte[] file = download(TestTokens.nora(), "/api/reviews/" + account + "/export.xlsx?lang=en&audience=internal");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(sheetNames(workbook)).containsExactly("Account", "Targets", "Monthly", "Year on year", "Actions",
                    "Promotions", "Execution", "Internal");
            XSSFSheet monthly = workbook.getSheet("Monthly");
            for (JsonNode month : review.at("/plan/sellThrough/months")) {
                Row row = rowStartingWith(monthly, en.month(month.path("month").asInt()));
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(month.path("target").decimalValue().doubleValue());
                if (month.path("actual").isNumber()) {
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(month.path("actual").decimalValue().doubleValue());
                    assertThat(row.getCell(3).getNumericCellValue())
                            .isEqualTo(month.path("variance").decimalValue().doubleValue());
                } else {
                    assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.BLANK);
                }
            }
            assertThat(rowStartingWith(monthly, "Mar").getCell(2).getNumericCellValue()).isEqualTo(45678.90);
            List<XSSFChart> charts = monthly.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            assertThat(charts.getFirst().getTitleText().getString()).isEqualTo("Sell-through by month: plan and actual");
            assertThat(charts.getFirst().getChartSeries().getFirst().getSeriesCount()).as("plan and actual").isEqualTo(2);

            XSSFSheet yoy = workbook.getSheet("Year on year");
            Row thisYear = rowStartingWith(yoy, "This year to date");
            assertThat(thisYear.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(thisYear.getCell(4).getNumericCellValue())
                    .isEqualTo(review.at("/sellThrough/yearToDate/sales").decimalValue().doubleValue());
            assertThat(rowStartingWith(yoy, "Last year, same time").getCell(4).getNumericCellValue())
                    .isEqualTo(review.at("/sellThrough/lastYearSameTime/sales").decimalValue().doubleValue());
            assertThat(rowStartingWith(yoy, "Growth").getCell(1).getNumericCellValue())
                    .isEqualTo(review.at("/sellThrough/growthPercent").decimalValue().doubleValue());
            assertThat(yoy.getDrawingPatriarch().getCharts()).hasSize(1);

            Row sellThrough = rowStartingWith(workbook.getSheet("Targets"), "Sell-through value");
            assertThat(sellThrough.getCell(2).getNumericCellValue())
                    .isEqualTo(review.at("/plan/targets/0/target").decimalValue().doubleValue());
            assertThat(sellThrough.getCell(3).getNumericCellValue())
                    .isEqualTo(review.at("/plan/targets/0/actual").decimalValue().doubleValue());
            assertThat(sellThrough.getCell(2).getCellStyle().getDataFormatString()).as("amounts in ¥").contains("CN¥");
            assertThat(rowStartingWith(workbook.getSheet("Account"), "Role").getCell(1).getStringCellValue())
                    .isEqualTo("White face");
            assertThat(rowStartingWith(workbook.getSheet("Internal"), "Score").getCell(1).getNumericCellValue())
                    .isEqualTo(ExportScenario.HEAT);
        }
    }

    @Test
    void theRetailersVersionHoldsNothingInternal() throws IOException {
        UUID account = UUID.randomUUID();
        ExportScenario.anAccountWithAYearOfFigures(account, topic, api);
        Labels zhLabels = new Labels(ExportLanguage.ZH_CN);
        Labels enLabels = new Labels(ExportLanguage.EN);
        Formats zh = new Formats(ExportLanguage.ZH_CN.locale(), "CNY");

        byte[] pdfFile = download(TestTokens.nora(), "/api/reviews/" + account + "/export.pdf?audience=retailer");
        byte[] xlsxFile = download(TestTokens.integrationFor(account), "/api/reviews/" + account + "/export.xlsx?lang=en");

        JsonNode asTheRetailerSees = new Api(port).as(TestTokens.integrationFor(account)).get("/api/reviews/" + account).body();
        try (PDDocument pdf = Loader.loadPDF(pdfFile)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(zhLabels.text("document.retailer"),
                    zh.money(asTheRetailerSees.at("/plan/targets/0/target").decimalValue()), "¥45,678.90");
            assertThat(text).doesNotContain(internalWords(zhLabels))
                    .doesNotContain(zh.money(BigDecimal.valueOf(ExportScenario.PROMOTION_SPEND)));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxFile))) {
            assertThat(sheetNames(workbook)).doesNotContain("Internal");
            List<String> words = new ArrayList<>();
            List<Double> figures = new ArrayList<>();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            words.add(cell.getStringCellValue());
                        } else if (cell.getCellType() == CellType.NUMERIC) {
                            figures.add(cell.getNumericCellValue());
                        }
                    }
                }
            }
            assertThat(words).as("no cell is one of them").doesNotContain(internalWords(enLabels));
            assertThat(String.join("\n", words)).as("nor has one of the longer ones in it").doesNotContain(
                    Stream.of(internalWords(enLabels)).filter(word -> word.length() > 3).toArray(String[]::new));
            assertThat(figures).doesNotContain((double) ExportScenario.PROMOTION_SPEND, (double) ExportScenario.HEAT);
            Row march = rowStartingWith(workbook.getSheet("Monthly"), "Mar");
            assertThat(march.getCell(2).getNumericCellValue())
                    .isEqualTo(asTheRetailerSees.at("/plan/sellThrough/months/2/actual").decimalValue().doubleValue());
        }
    }

    /** The words of what only we see (also used by {@link ExportTradeSpendTest}): classification and role, stage, heat, wall, SWOT, spend and terms. */
    static String[] internalWords(Labels labels) {
        return new String[] {labels.text("internal.title"), labels.text("summary.tier"), labels.text("summary.role"),
                labels.text("summary.stage"), labels.of("AccountRole", "WHITE"), labels.of("ValueTier", "A"),
                labels.text("internal.heat"), labels.text("internal.wall"), labels.text("internal.swot"),
                labels.text("internal.tradeSpend"), labels.text("internal.nationalAverage"),
                labels.of("PlanKpi", "PROMOTION_SPEND"), labels.of("PlanKpi", "TRADE_SPEND_RATE"),
                labels.text("promotions.evaluated"), labels.text("promotions.spend"), labels.text("document.internal"),
                labels.text("execution.title"), labels.text("internal.ledger"), labels.text("internal.unreturnedGives"),
                labels.text("column.termKind")};
    }

    private byte[] download(String token, String path) {
        return download(port, token, path);
    }

    /** The file the path answers with, asked with the token; any status but 2xx fails. */
    static byte[] download(int port, String token, String path) {
        return RestClient.builder().baseUrl("http://localhost:" + port).build().get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(byte[].class);
    }

    private static List<PDFont> fonts(PDDocument pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    static Row rowStartingWith(Sheet sheet, String first) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(first)) {
                return row;
            }
        }
        throw new AssertionError("no row " + first + " on " + sheet.getSheetName());
    }
}
