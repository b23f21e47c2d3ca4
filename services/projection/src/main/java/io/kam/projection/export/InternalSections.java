package io.kam.projection.export;

import java.util.ArrayList;
import java.util.List;

import io.kam.projection.export.ExportDocument.Cell;
import io.kam.projection.export.ExportDocument.Section;
import io.kam.projection.export.ExportDocument.Table;
import tools.jackson.databind.JsonNode;

/**
 * The section only our own people get: purchase heat, the relationship wall's weak spots, the SWOT counts and, for
 * national KA managers (whose review has it), the true trade spend against the plan, last year and the chains'
 * national average, the agreement in force by kind of term and the last negotiation's ledger (our positions). Never part
 * of the retailer's audience.
 */
final class InternalSections {

    private InternalSections() {
    }

    static Section of(JsonNode review, Labels labels) {
        List<Table> tables = new ArrayList<>();
        List<String> itemValue = List.of(labels.text("column.item"), labels.text("column.value"));
        JsonNode heat = review.path("heat");
        tables.add(new Table(labels.text("internal.heat"), itemValue, Json.absent(heat)
                ? List.of(ExportContent.row(labels.text("internal.heatScore"), new Cell.Empty()))
                : List.of(ExportContent.row(labels.text("internal.heatScore"), Json.figure(heat.path("score"))),
                ExportContent.row(labels.text("internal.heatTrend"), Json.label(labels, "HeatTrend", heat.path("trend"))),
                ExportContent.row(labels.text("internal.heatAssessedOn"), Json.dayOf(heat.path("assessedAt"))))));
        List<List<Cell>> findings = new ArrayList<>();
        for (JsonNode finding : review.path("wall").path("findings")) {
            findings.add(List.of(Json.label(labels, "Department", finding.path("department")),
                    Json.label(labels, "WallReason", finding.path("reason")), Json.figure(finding.path("strength")),
                    Json.day(finding.path("lastContact"))));
        }
        tables.add(new Table(labels.text("internal.wall"), List.of(labels.text("column.department"),
                labels.text("column.reason"), labels.text("column.strength"), labels.text("column.lastContact")),
                findings));
        JsonNode swot = review.path("swot");
        if (!Json.absent(swot)) {
            tables.add(new Table(labels.text("internal.swot"), itemValue, List.of(
                    ExportContent.row(labels.text("internal.strengths"), Json.figure(swot.path("strengths"))),
                    ExportContent.row(labels.text("internal.weaknesses"), Json.figure(swot.path("weaknesses"))),
                    ExportContent.row(labels.text("internal.opportunities"), Json.figure(swot.path("opportunities"))),
                    ExportContent.row(labels.text("internal.threats"), Json.figure(swot.path("threats"))),
                    ExportContent.row(labels.text("internal.keyPoints"), Json.figure(swot.path("keyPoints"))))));
        }
        JsonNode tradeSpend = review.path("tradeSpend");
        if (!Json.absent(tradeSpend)) {
            JsonNode spend = tradeSpend.path("tradeSpend");
            JsonNode national = tradeSpend.path("nationalAverage");
            tables.add(new Table(labels.text("internal.tradeSpend"), itemValue, List.of(
                    ExportContent.row(labels.text("internal.tradeSpendPercent"), Json.percent(spend.path("percent"))),
                    ExportContent.row(labels.text("internal.tradeSpendTarget"), Json.percent(spend.path("target"))),
                    ExportContent.row(labels.text("internal.tradeSpendCost"), Json.money(spend.path("totalAnnualCost"))),
                    ExportContent.row(labels.text("internal.lastYearPercent"),
                            Json.percent(tradeSpend.path("lastYear").path("tradeSpendPercent"))),
                    ExportContent.row(labels.text("internal.nationalAverage"),
                            Json.percent(national.path("tradeSpendPercent"))),
                    ExportContent.row(labels.text("internal.nationalAccounts"), Json.figure(national.path("accounts"))))));
        }
        JsonNode agreement = tradeSpend.path("agreement"); // missing when the caller may not see terms
        if (!Json.absent(agreement)) {
            List<List<Cell>> kinds = new ArrayList<>();
            for (JsonNode kind : agreement.path("byKind")) {
                kinds.add(List.of(Json.label(labels, "TermKind", kind.path("kind")), Json.money(kind.path("annualCost")),
                        Json.percent(kind.path("shareOfSales"))));
            }
            tables.add(new Table(labels.text("internal.terms", agreement.path("version").asInt()),
                    List.of(labels.text("column.termKind"), labels.text("column.annualCost"),
                            labels.text("column.shareOfSales")), kinds));
        }
        JsonNode ledger = tradeSpend.path("lastNegotiation");
        if (!Json.absent(ledger)) {
            tables.add(new Table(labels.text("internal.ledger"), itemValue, List.of(
                    ExportContent.row(labels.text("internal.rounds"), Json.figure(ledger.path("rounds"))),
                    ExportContent.row(labels.text("internal.asks"), Json.figure(ledger.path("asks"))),
                    ExportContent.row(labels.text("internal.gives"), Json.figure(ledger.path("gives"))),
                    ExportContent.row(labels.text("internal.givesCost"), Json.money(ledger.path("givesCost"))),
                    ExportContent.row(labels.text("internal.gets"), Json.figure(ledger.path("gets"))),
                    ExportContent.row(labels.text("internal.unreturnedGives"), Json.figure(ledger.path("unreturnedGives"))),
                    ExportContent.row(labels.text("internal.unreturnedCost"), Json.money(ledger.path("unreturnedCost"))),
                    ExportContent.row(labels.text("internal.budgetRemaining"),
                            Json.money(ledger.path("budgetRemaining"))))));
        }
        return new Section(labels.text("internal.sheet"), labels.text("internal.title"), List.copyOf(tables),
                List.of());
    }
}
