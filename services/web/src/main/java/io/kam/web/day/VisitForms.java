package io.kam.web.day;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.kam.visits.api.CommitmentType;
import io.kam.visits.api.LimitUnit;

/**
 * The visit's forms as the visits API's request bodies. Fields are passed on as typed; what is missing or wrong is
 * the API's to say (its problem detail and field errors are shown). Nothing is computed here.
 */
public final class VisitForms {

    /** The log's points: 三必谈 (discussed) and 三必到 (went to), as the request names them. */
    public static final List<String> CHECKPOINTS = List.of("discussed.salesStatus", "discussed.marketAndCompetitors",
            "discussed.problemsAndSolutions", "wentTo.shelf", "wentTo.tradeFlow", "wentTo.staffTraining");
    /** How many commitments one log form offers. */
    static final int COMMITMENT_ROWS = 2;

    private VisitForms() {
    }

    /** {@code PUT /api/visits/{id}/plan}: the preparation (三准备). */
    static Map<String, Object> preparation(Map<String, String> form, List<String> materials) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", text(form, "type"));
        body.put("purpose", text(form, "purpose"));
        body.put("objective", text(form, "objective"));
        body.put("plannedDate", text(form, "plannedDate"));
        body.put("slot", text(form, "slot"));
        body.put("place", text(form, "place"));
        body.put("confirmedByPhone", form.containsKey("confirmedByPhone"));
        body.put("materials", materials);
        String contact = text(form, "contactName");
        if (contact != null) {
            body.put("contact", Map.of("name", contact, "position", form.getOrDefault("contactPosition", ""),
                    "headOffice", form.containsKey("contactHeadOffice")));
        }
        return body;
    }

    /** {@code POST /api/visits/{id}/log}: the six points, the outcome and the commitments made. */
    static Map<String, Object> log(Map<String, String> form) {
        Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
        for (String point : CHECKPOINTS) {
            String[] names = point.split("\\.");
            Map<String, Object> checkpoint = new LinkedHashMap<>();
            String note = text(form, "note." + point);
            String notApplicable = text(form, "na." + point);
            if (note == null && notApplicable == null) {
                continue;
            }
            checkpoint.put("note", note);
            checkpoint.put("notApplicableReason", notApplicable);
            groups.computeIfAbsent(names[0], g -> new LinkedHashMap<>()).put(names[1], checkpoint);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("discussed", groups.get("discussed"));
        body.put("wentTo", groups.get("wentTo"));
        body.put("outcome", text(form, "outcome"));
        body.put("outcomeNote", text(form, "outcomeNote"));
        body.put("lateReason", text(form, "lateReason"));
        List<Map<String, Object>> commitments = new ArrayList<>();
        for (int row = 0; row < COMMITMENT_ROWS; row++) {
            String type = text(form, "commitment." + row + ".type");
            if (type == null) {
                continue;
            }
            Map<String, Object> commitment = new LinkedHashMap<>();
            commitment.put("type", type);
            commitment.put("description", text(form, "commitment." + row + ".description"));
            String amount = text(form, "commitment." + row + ".amount");
            if (amount != null) {
                commitment.put(amountField(type), amount);
            }
            commitments.add(commitment);
        }
        body.put("commitments", commitments);
        return body;
    }

    /** {@code POST /api/visits/{id}/store-check}: a line for each SKU the form listed, and the display found. */
    static Map<String, Object> storeCheck(Map<String, String> form) {
        List<Map<String, Object>> lines = new ArrayList<>();
        form.keySet().stream().filter(k -> k.startsWith("facings.")).sorted().forEach(key -> {
            String gtin = key.substring("facings.".length());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("gtin", gtin);
            line.put("onShelf", form.containsKey("onShelf." + gtin));
            line.put("shelfPrice", text(form, "price." + gtin));
            line.put("facings", text(form, key));
            line.put("outOfStock", form.containsKey("outOfStock." + gtin));
            lines.add(line);
        });
        Map<String, Object> display = new LinkedHashMap<>();
        display.put("secondaryDisplays", form.getOrDefault("secondaryDisplays", "0"));
        for (String present : List.of("poster", "hangingFlag", "displayCabinet", "promoterPresent")) {
            display.put(present, form.containsKey(present));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("skus", lines);
        body.put("display", display);
        body.put("competitors", List.of());
        return body;
    }

    /** The field of the request an amount of this commitment type goes in, by its unit; the API refuses a wrong one. */
    private static String amountField(String type) {
        LimitUnit unit;
        try {
            unit = CommitmentType.valueOf(type).unit();
        } catch (IllegalArgumentException unknown) {
            return "amount";
        }
        return unit == null ? "amount" : switch (unit) {
            case PERCENT -> "discountPercent";
            case YUAN -> "amount";
            case UNITS -> "units";
        };
    }

    private static @Nullable String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
