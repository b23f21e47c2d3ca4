package io.kam.projection.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import io.kam.projection.export.ExportDocument.Cell;
import io.kam.projection.export.ExportDocument.Chart;
import io.kam.projection.export.ExportDocument.Section;
import io.kam.projection.export.ExportDocument.Table;

/**
 * An export as an XLSX workbook (Apache POI): a sheet per section, its tables one below the other with figures as
 * numbers (amounts, percentages and dates formatted in the export's language, so they stay usable in formulas), and
 * its charts as native bar charts over the table's cells.
 */
@Component
class XlsxExport {

    byte[] render(ExportDocument document) {
        Formats formats = new Formats(document.language().locale(), document.currency());
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook, formats, document.language());
            for (Section section : document.sections()) {
                sheet(workbook.createSheet(WorkbookUtil.createSafeSheetName(section.sheet())), section, styles);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the review's workbook", e);
        }
    }

    private static void sheet(XSSFSheet sheet, Section section, Styles styles) {
        int at = 0;
        org.apache.poi.ss.usermodel.Cell title = sheet.createRow(at++).createCell(0);
        title.setCellValue(section.title());
        title.setCellStyle(styles.title);
        int[] headerRows = new int[section.tables().size()];
        int widest = 2;
        for (int t = 0; t < section.tables().size(); t++) {
            Table table = section.tables().get(t);
            at++;
            if (table.caption() != null) {
                org.apache.poi.ss.usermodel.Cell caption = sheet.createRow(at++).createCell(0);
                caption.setCellValue(table.caption());
                caption.setCellStyle(styles.header);
            }
            headerRows[t] = at;
            Row header = sheet.createRow(at++);
            for (int c = 0; c < table.columns().size(); c++) {
                header.createCell(c).setCellValue(table.columns().get(c));
                header.getCell(c).setCellStyle(styles.header);
            }
            for (List<Cell> cells : table.rows()) {
                Row row = sheet.createRow(at++);
                for (int c = 0; c < cells.size(); c++) {
                    write(row.createCell(c), cells.get(c), styles);
                }
            }
            widest = Math.max(widest, table.columns().size());
        }
        sheet.setColumnWidth(0, 34 * 256);
        for (int c = 1; c < widest; c++) {
            sheet.setColumnWidth(c, 18 * 256);
        }
        for (int i = 0; i < section.charts().size(); i++) {
            Chart chart = section.charts().get(i);
            chart(sheet, chart, section.tables().get(chart.table()), headerRows[chart.table()], widest + 1, i);
        }
    }

    private static void write(org.apache.poi.ss.usermodel.Cell cell, Cell value, Styles styles) {
        switch (value) {
            case Cell.Text text -> cell.setCellValue(text.text());
            case Cell.Money money -> {
                cell.setCellValue(money.amount().doubleValue());
                cell.setCellStyle(styles.money);
            }
            case Cell.Figure figure -> {
                cell.setCellValue(figure.value().doubleValue());
                cell.setCellStyle(figure.value().stripTrailingZeros().scale() > 0 ? styles.decimal : styles.integer);
            }
            case Cell.Percent percent -> {
                cell.setCellValue(percent.value().doubleValue());
                cell.setCellStyle(percent.value().scale() > 1 ? styles.percentHundredths : styles.percent);
            }
            case Cell.Day day -> {
                cell.setCellValue(day.day());
                cell.setCellStyle(styles.date);
            }
            case Cell.Empty empty -> cell.setBlank();
        }
    }

    /** A column chart beside the tables, over the chart's rows of the table whose header is on {@code headerRow}. */
    private static void chart(XSSFSheet sheet, Chart chart, Table table, int headerRow, int column, int index) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, 1 + index * 22, column + 10, 21 + index * 22);
        XSSFChart plot = drawing.createChart(anchor);
        plot.setTitleText(chart.title());
        plot.setTitleOverlay(false);
        plot.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = plot.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = plot.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        int first = headerRow + 1;
        int last = headerRow + chart.rows();
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, last, chart.categoryColumn(), chart.categoryColumn()));
        XDDFBarChartData bars = (XDDFBarChartData) plot.createData(ChartTypes.BAR, categories, values);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        for (int seriesColumn : chart.seriesColumns()) {
            XDDFNumericalDataSource<Double> figures = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(first, last, seriesColumn, seriesColumn));
            XDDFChartData.Series series = bars.addSeries(names, figures);
            series.setTitle(table.columns().get(seriesColumn),
                    new CellReference(sheet.getSheetName(), headerRow, seriesColumn, true, true));
        }
        plot.plot(bars);
    }

    /** The workbook's cell styles: amounts with the currency's symbol, percentages as the review gives them. */
    private static final class Styles {

        final CellStyle title;
        final CellStyle header;
        final CellStyle money;
        final CellStyle integer;
        final CellStyle decimal;
        final CellStyle percent;
        final CellStyle percentHundredths;
        final CellStyle date;

        Styles(XSSFWorkbook workbook, Formats formats, ExportLanguage language) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(large);
            header = workbook.createCellStyle();
            header.setFont(bold);
            String symbol = formats.currency().getSymbol(formats.locale());
            money = numeric(workbook, "\"" + symbol + "\"#,##0.00;-\"" + symbol + "\"#,##0.00");
            integer = numeric(workbook, "#,##0");
            decimal = numeric(workbook, "#,##0.00##");
            percent = numeric(workbook, "0.0\"%\"");
            percentHundredths = numeric(workbook, "0.00\"%\"");
            date = numeric(workbook, language == ExportLanguage.ZH_CN ? "yyyy\"年\"m\"月\"d\"日\"" : "mmm d, yyyy");
        }

        private static CellStyle numeric(XSSFWorkbook workbook, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }
    }
}
