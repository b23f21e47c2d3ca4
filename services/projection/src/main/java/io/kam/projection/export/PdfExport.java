package io.kam.projection.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.kam.projection.export.ExportDocument.Cell;
import io.kam.projection.export.ExportDocument.Chart;
import io.kam.projection.export.ExportDocument.Section;
import io.kam.projection.export.ExportDocument.Table;

/**
 * An export as a PDF: the document as XHTML, laid out by openhtmltopdf on PDFBox, in Noto Sans SC (embedded as a
 * subset of the glyphs used, so Chinese reads the same on any reader). Charts are bars drawn with CSS from the
 * table's figures; their words and figures are text in the PDF, never pictures.
 */
@Component
class PdfExport {

    /** Noto Sans SC as TrueType, from the ph-fonts-noto-sans-sc artifact (SIL Open Font License 1.1). */
    static final String FONT_FAMILY = "Noto Sans SC";
    private static final String REGULAR = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final String BOLD = "/fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";
    private static final String[] SERIES = {"#1f5fa8", "#e08a1e", "#4a9d5b"};

    byte[] render(ExportDocument document) {
        Formats formats = new Formats(document.language().locale(), document.currency());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> font(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> font(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(html(document, formats), null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the review's PDF", e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String resource) {
        return Objects.requireNonNull(PdfExport.class.getResourceAsStream(resource), resource + " is not on the classpath");
    }

    String html(ExportDocument document, Formats formats) {
        StringBuilder html = new StringBuilder(32 * 1024);
        html.append("<html lang=\"").append(document.language().tag()).append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(escape(document.title())).append("</title><style>")
                .append("@page { size: A4; margin: 15mm 14mm; }")
                .append("body { font-family: '").append(FONT_FAMILY).append("'; font-size: 9pt; color: #222; }")
                .append("h1 { font-size: 16pt; margin: 0 0 2mm 0; } h2 { font-size: 12pt; margin: 6mm 0 2mm 0; }")
                .append("h3 { font-size: 10pt; margin: 3mm 0 1mm 0; } .audience { color: #a33; font-weight: bold; }")
                .append("table { border-collapse: collapse; width: 100%; margin-bottom: 2mm; }")
                .append("th, td { border: 0.5pt solid #bbb; padding: 1mm 1.5mm; text-align: left; }")
                .append("th { background: #eef2f7; font-weight: bold; } td.n { text-align: right; }")
                .append("table.bars td { border: none; padding: 0.4mm 1mm; } td.cat { width: 18%; }")
                .append("div.bar { height: 2.2mm; margin: 0.3mm 0; } span.key { padding: 0 3mm; margin: 0 1mm 0 3mm; }")
                .append("</style></head><body>");
        html.append("<h1>").append(escape(document.title())).append("</h1>");
        html.append("<p class=\"audience\">").append(escape(document.subtitle())).append("</p>");
        for (Section section : document.sections()) {
            html.append("<h2>").append(escape(section.title())).append("</h2>");
            for (Table table : section.tables()) {
                table(html, table, formats);
            }
            for (Chart chart : section.charts()) {
                chart(html, chart, section.tables().get(chart.table()));
            }
        }
        return html.append("</body></html>").toString();
    }

    private static void table(StringBuilder html, Table table, Formats formats) {
        if (table.caption() != null) {
            html.append("<h3>").append(escape(table.caption())).append("</h3>");
        }
        html.append("<table><thead><tr>");
        table.columns().forEach(column -> html.append("<th>").append(escape(column)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<Cell> row : table.rows()) {
            html.append("<tr>");
            for (Cell cell : row) {
                html.append(cell.figure() != null ? "<td class=\"n\">" : "<td>").append(escape(formats.shown(cell)))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    /** Horizontal bars, one group per row of the table, each bar as long as its share of the largest figure. */
    private static void chart(StringBuilder html, Chart chart, Table table) {
        List<List<Cell>> drawn = table.rows().subList(0, chart.rows());
        BigDecimal largest = drawn.stream()
                .flatMap(row -> chart.seriesColumns().stream().map(row::get))
                .map(Cell::figure).filter(Objects::nonNull).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        html.append("<h3>").append(escape(chart.title())).append("</h3><table class=\"bars\">");
        for (List<Cell> row : drawn) {
            if (chart.seriesColumns().stream().allMatch(column -> row.get(column).figure() == null)) {
                continue;
            }
            html.append("<tr><td class=\"cat\">").append(escape(label(row.get(chart.categoryColumn())))).append("</td><td>");
            for (int s = 0; s < chart.seriesColumns().size(); s++) {
                BigDecimal figure = row.get(chart.seriesColumns().get(s)).figure();
                BigDecimal width = figure == null || figure.signum() <= 0 || largest.signum() <= 0 ? BigDecimal.ZERO
                        : figure.multiply(BigDecimal.valueOf(100)).divide(largest, 1, RoundingMode.HALF_UP);
                html.append("<div class=\"bar\" style=\"width: ").append(width.toPlainString())
                        .append("%; background: ").append(SERIES[s % SERIES.length]).append(";\"></div>");
            }
            html.append("</td></tr>");
        }
        html.append("</table><p>");
        for (int s = 0; s < chart.seriesColumns().size(); s++) {
            html.append("<span class=\"key\" style=\"background: ").append(SERIES[s % SERIES.length])
                    .append(";\"> </span>").append(escape(table.columns().get(chart.seriesColumns().get(s))));
        }
        html.append("</p>");
    }

    private static String label(Cell cell) {
        return cell instanceof Cell.Text text ? text.text() : "";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
