package io.kam.projection.export;

import java.util.ArrayList;
import java.util.List;

import io.kam.projection.export.ExportDocument.Cell;
import io.kam.projection.export.ExportDocument.Chart;
import io.kam.projection.export.ExportDocument.Section;
import io.kam.projection.export.ExportDocument.Table;
import tools.jackson.databind.JsonNode;

/**
 * What an export of a review shows, from the review's JSON as its reader may read it: the account, the plan's targets
 * against their actuals, the months' plan against actual (a chart), this year against last (a chart), the action plan
 * and the promotions; for our own people also store execution and what {@link InternalSections} adds. The retailer's audience gets the
 * sections the retailer's review has, and none of the internal ones even when asked from a fuller review.
 */
final class ExportContent {

    private ExportContent() {
    }

    static ExportDocument of(JsonNode review, ExportLanguage language, Audience audience) {
        Labels labels = new Labels(language);
        boolean internal = audience == Audience.INTERNAL;
        String currency = review.path("sellThrough").path("currency").asString("CNY");
        List<Section> sections = new ArrayList<>();
        sections.add(summary(review, labels, internal));
        JsonNode plan = review.path("plan");
        if (!Json.absent(plan)) {
            sections.add(targets(plan, labels, internal));
            sections.add(months(plan, labels, new Formats(language.locale(), currency)));
        }
        sections.add(yearOnYear(review, labels));
        if (!Json.absent(review.path("actions"))) {
            sections.add(actions(review.path("actions"), labels));
        }
        sections.add(promotions(review.path("promotions"), labels, internal));
        if (internal && !Json.absent(review.path("execution"))) {
            sections.add(execution(review.path("execution"), labels));
        }
        if (internal) {
            sections.add(InternalSections.of(review, labels));
        }
        String name = review.path("header").path("name").asString("");
        String subtitle = labels.text(internal ? "document.internal" : "document.retailer");
        return new ExportDocument(language, audience, currency, labels.text("document.title", name), subtitle,
                List.copyOf(sections));
    }

    private static Section summary(JsonNode review, Labels labels, boolean internal) {
        JsonNode header = review.path("header");
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(row(labels.text("summary.name"), Json.text(header.path("name"))));
        rows.add(row(labels.text("summary.banner"), Json.text(header.path("banner"))));
        rows.add(row(labels.text("summary.format"), Json.label(labels, "RetailFormat", header.path("format"))));
        rows.add(row(labels.text("summary.scope"), Json.label(labels, "AccountScope", header.path("scope"))));
        rows.add(row(labels.text("summary.homeRegion"), Json.label(labels, "Region", header.path("homeRegion"))));
        rows.add(row(labels.text("summary.owner"), Json.text(header.path("owner"))));
        rows.add(row(labels.text("summary.status"), Json.label(labels, "AccountStatus", header.path("status"))));
        rows.add(row(labels.text("summary.openStores"), Json.figure(review.path("stores").path("open"))));
        JsonNode plan = review.path("plan");
        rows.add(row(labels.text("summary.plan"), Json.absent(plan) ? Json.text(labels.text("summary.noPlan"))
                : Json.text(labels.text("summary.planVersion", plan.path("year").asInt(), plan.path("version").asInt()))));
        rows.add(row(labels.text("summary.asOf"), Json.dayOf(review.path("asOf"))));
        if (internal) {
            JsonNode classification = review.path("classification");
            rows.add(row(labels.text("summary.tier"), Json.label(labels, "ValueTier", classification.path("tier"))));
            rows.add(row(labels.text("summary.role"), Json.label(labels, "AccountRole", classification.path("role"))));
            rows.add(row(labels.text("summary.stage"), Json.label(labels, "DevelopmentStage", review.path("stage"))));
        }
        return new Section(labels.text("summary.sheet"), labels.text("summary.title"),
                List.of(new Table(null, List.of(labels.text("column.item"), labels.text("column.value")), rows)),
                List.of());
    }

    private static Section targets(JsonNode plan, Labels labels, boolean internal) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode target : plan.path("targets")) {
            String kpi = target.path("kpi").asString();
            if (!internal && ("PROMOTION_SPEND".equals(kpi) || "TRADE_SPEND_RATE".equals(kpi))) {
                continue; // what we plan to spend stays inside; Plan.forRetailer drops them already
            }
            String unit = target.path("unit").asString();
            rows.add(List.of(Json.text(labels.of("PlanKpi", kpi)), Json.text(labels.of("KpiUnit", unit)),
                    figure(unit, target.path("target")), figure(unit, target.path("actual")),
                    figure(unit, target.path("baseline"))));
        }
        return new Section(labels.text("targets.sheet"), labels.text("targets.title", plan.path("year").asInt()),
                List.of(new Table(null, List.of(labels.text("column.kpi"), labels.text("column.unit"),
                        labels.text("column.target"), labels.text("column.actual"), labels.text("column.baseline")),
                        rows)),
                List.of());
    }

    private static Cell figure(String unit, JsonNode value) {
        return switch (unit) {
            case "CNY" -> Json.money(value);
            case "PERCENT_OF_SALES" -> Json.percent(value);
            default -> Json.figure(value);
        };
    }

    private static Section months(JsonNode plan, Labels labels, Formats formats) {
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode month : plan.path("sellThrough").path("months")) {
            rows.add(List.of(Json.text(formats.month(month.path("month").asInt())), Json.money(month.path("target")),
                    Json.money(month.path("actual")), Json.money(month.path("variance"))));
        }
        rows.add(List.of(Json.text(labels.text("months.annual")),
                Json.money(plan.path("sellThrough").path("annualTarget")), new Cell.Empty(), new Cell.Empty()));
        Table table = new Table(null, List.of(labels.text("column.month"), labels.text("column.target"),
                labels.text("column.actual"), labels.text("column.variance")), rows);
        return new Section(labels.text("months.sheet"), labels.text("months.title", plan.path("year").asInt()),
                List.of(table), List.of(new Chart(labels.text("months.chart"), 0, 0, List.of(1, 2), rows.size() - 1)));
    }

    private static Section yearOnYear(JsonNode review, Labels labels) {
        List<Table> tables = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        JsonNode sellThrough = review.path("sellThrough");
        if (!Json.absent(sellThrough)) {
            JsonNode now = sellThrough.path("yearToDate");
            JsonNode before = sellThrough.path("lastYearSameTime");
            tables.add(new Table(labels.text("yoy.sales"), List.of(labels.text("column.period"),
                    labels.text("column.from"), labels.text("column.to"), labels.text("column.units"),
                    labels.text("column.sales")), List.of(
                    List.of(Json.text(labels.text("yoy.thisYear")), Json.day(now.path("from")), Json.day(now.path("to")),
                            Json.figure(now.path("units")), Json.money(now.path("sales"))),
                    List.of(Json.text(labels.text("yoy.lastYear")), Json.day(before.path("from")),
                            Json.day(before.path("to")), Json.figure(before.path("units")),
                            Json.money(before.path("sales"))))));
            charts.add(new Chart(labels.text("yoy.chart"), 0, 0, List.of(4), 2));
            tables.add(new Table(null, List.of(labels.text("column.item"), labels.text("column.value")), List.of(
                    row(labels.text("yoy.growth"), Json.percent(sellThrough.path("growthPercent"))),
                    row(labels.text("yoy.lastDay"), Json.day(sellThrough.path("lastDay"))))));
        } else {
            tables.add(new Table(labels.text("yoy.sales"), List.of(labels.text("column.item")),
                    List.of(List.of(Json.text(labels.text("yoy.noFigures"))))));
        }
        JsonNode distribution = review.path("distribution");
        JsonNode thisYear = distribution.path("thisYear");
        JsonNode lastYear = distribution.path("lastYear");
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Json.text(labels.text("yoy.listedSkus")), Json.figure(thisYear.path("listedSkus")),
                Json.figure(lastYear.path("listedSkus"))));
        rows.add(List.of(Json.text(labels.text("yoy.newListings")), Json.figure(thisYear.path("newListings")),
                Json.figure(lastYear.path("newListings"))));
        for (String figure : List.of("storesOpen", "storesCarrying", "numericDistributionPercent", "shelfPriceIndex",
                "secondaryDisplays")) {
            JsonNode now = thisYear.path("overall").path(figure);
            JsonNode then = lastYear.path("overall").path(figure);
            boolean percent = figure.endsWith("Percent");
            rows.add(List.of(Json.text(labels.text("yoy." + figure)), percent ? Json.percent(now) : Json.figure(now),
                    percent ? Json.percent(then) : Json.figure(then)));
        }
        tables.add(new Table(labels.text("yoy.distribution"), List.of(labels.text("column.item"),
                labels.text("column.thisYear"), labels.text("column.lastYear")), rows));
        return new Section(labels.text("yoy.sheet"), labels.text("yoy.title"), List.copyOf(tables),
                List.copyOf(charts));
    }

    private static Section actions(JsonNode actions, Labels labels) {
        Table counts = new Table(null, List.of(labels.text("column.item"), labels.text("column.value")), List.of(
                row(labels.text("actions.total"), Json.figure(actions.path("total"))),
                row(labels.text("actions.percentDone"), Json.percent(actions.path("percentDone"))),
                row(labels.text("actions.overdue"), Json.figure(actions.path("overdue")))));
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode item : actions.path("items")) {
            rows.add(List.of(Json.text(item.path("what")), Json.text(item.path("owner")), Json.day(item.path("due")),
                    Json.absent(item.path("region")) ? Json.text(labels.text("actions.national"))
                            : Json.label(labels, "Region", item.path("region")),
                    Json.label(labels, "ActionStatus", item.path("status")),
                    Json.text(labels.text(item.path("overdue").asBoolean() ? "common.yes" : "common.no"))));
        }
        Table items = new Table(labels.text("actions.items"), List.of(labels.text("column.what"),
                labels.text("column.owner"), labels.text("column.due"), labels.text("column.region"),
                labels.text("column.status"), labels.text("column.overdue")), rows);
        return new Section(labels.text("actions.sheet"), labels.text("actions.title"), List.of(counts, items),
                List.of());
    }

    private static Section promotions(JsonNode promotions, Labels labels, boolean internal) {
        List<List<Cell>> agreed = new ArrayList<>();
        for (JsonNode promotion : promotions.path("agreed")) {
            agreed.add(List.of(Json.text(promotion.path("name")), Json.day(promotion.path("inStoreFrom")),
                    Json.day(promotion.path("inStoreTo")), Json.figure(promotion.path("stores")),
                    Json.label(labels, "PromotionStatus", promotion.path("status"))));
        }
        List<Table> tables = new ArrayList<>();
        tables.add(new Table(labels.text("promotions.agreed"), List.of(labels.text("column.name"),
                labels.text("column.from"), labels.text("column.to"), labels.text("column.stores"),
                labels.text("column.status")), agreed));
        if (internal) {
            List<List<Cell>> evaluated = new ArrayList<>();
            for (JsonNode promotion : promotions.path("evaluated")) {
                evaluated.add(List.of(Json.text(promotion.path("name")), Json.percent(promotion.path("upliftPercent")),
                        Json.money(promotion.path("investment")), Json.figure(promotion.path("roi"))));
            }
            tables.add(new Table(labels.text("promotions.evaluated"), List.of(labels.text("column.name"),
                    labels.text("column.uplift"), labels.text("column.investment"), labels.text("column.roi")),
                    evaluated));
            JsonNode spend = promotions.path("spend");
            if (!Json.absent(spend)) {
                tables.add(new Table(labels.text("promotions.spend"), List.of(labels.text("column.item"),
                        labels.text("column.value")), List.of(
                        row(labels.text("promotions.spendTotal"), Json.money(spend.path("total"))),
                        row(labels.text("promotions.spendTarget"), Json.money(spend.path("target"))))));
            }
        }
        return new Section(labels.text("promotions.sheet"),
                labels.text("promotions.title", promotions.path("year").asInt()), List.copyOf(tables), List.of());
    }

    /** Store execution over the review's window: our own field work, which the retailer's review does not have. */
    private static Section execution(JsonNode execution, Labels labels) {
        JsonNode overall = execution.path("overall");
        JsonNode coverage = overall.path("coverage");
        JsonNode compliance = overall.path("compliance");
        Table figures = new Table(null, List.of(labels.text("column.item"), labels.text("column.value")), List.of(
                row(labels.text("execution.from"), Json.day(execution.path("from"))),
                row(labels.text("execution.to"), Json.day(execution.path("to"))),
                row(labels.text("execution.due"), Json.figure(coverage.path("due"))),
                row(labels.text("execution.done"), Json.figure(coverage.path("done"))),
                row(labels.text("execution.missed"), Json.figure(coverage.path("missed"))),
                row(labels.text("execution.coverage"), Json.percent(coverage.path("coveragePercent"))),
                row(labels.text("execution.checks"), Json.figure(compliance.path("checks"))),
                row(labels.text("execution.averageScore"), Json.figure(compliance.path("averageScore"))),
                row(labels.text("execution.priceDeviation"),
                        Json.percent(overall.path("prices").path("averageDeviationPercent"))),
                row(labels.text("execution.outOfStock"), Json.percent(overall.path("stock").path("outOfStockPercent"))),
                row(labels.text("execution.openComplaints"), Json.figure(overall.path("complaints").path("open")))));
        return new Section(labels.text("execution.sheet"), labels.text("execution.title"), List.of(figures), List.of());
    }

    static List<Cell> row(String label, Cell value) {
        return List.of(new Cell.Text(label), value);
    }
}
