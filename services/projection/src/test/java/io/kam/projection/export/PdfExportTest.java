package io.kam.projection.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.kam.projection.export.ExportDocument.Cell;
import io.kam.projection.export.ExportDocument.Section;
import io.kam.projection.export.ExportDocument.Table;

/** The PDF renderer alone: whatever the words, they come back as written, on as many pages as they need. */
class PdfExportTest {

    @Test
    void markupInTheWordsIsTextAndALongTableRunsOverPagesInTheEmbeddedFont() throws IOException {
        String name = "Li & Sons <华联> \"Express\"";
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            rows.add(List.of(new Cell.Text("行动 " + i), new Cell.Money(BigDecimal.valueOf(i * 1000L))));
        }
        ExportDocument document = new ExportDocument(ExportLanguage.ZH_CN, Audience.RETAILER, "CNY", name, "提供给零售商",
                List.of(new Section("行动", "行动计划", List.of(new Table(null, List.of("行动", "费用"), rows)), List.of())));

        try (PDDocument pdf = Loader.loadPDF(new PdfExport().render(document))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(name, "行动 150", "¥150,000.00");
            assertThat(pdf.getNumberOfPages()).as("the table continues on the next pages").isGreaterThan(1);
            for (PDPage page : pdf.getPages()) {
                for (COSName font : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(font).isEmbedded()).isTrue();
                }
            }
        }
    }
}
