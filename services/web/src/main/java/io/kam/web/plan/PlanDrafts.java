package io.kam.web.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.kam.web.shell.Api;

/**
 * Working on a year's plan from its page: revise the approved plan (the accounts service starts the next version as
 * a draft with the same content), phase a draft or returned version (its sell-through target and the twelve months
 * it is split over; the other targets and the departments it depends on stay as the version has them) and submit
 * it. Every rule (who may, that the months sum to the target, what may be submitted) is the accounts service's; its
 * refusal is the problem page in the user's language.
 */
@Controller
class PlanDrafts {

    static final String SELL_THROUGH = "SELL_THROUGH_VALUE";

    private final Api api;

    PlanDrafts(Api api) {
        this.api = api;
    }

    @PostMapping("/accounts/{accountId}/plans/{year}/versions")
    String revise(@PathVariable UUID accountId, @PathVariable int year) {
        api.create(uri -> uri.path("/api/accounts/{id}/plans/{year}/versions").build(accountId, year), Map.of());
        return page(accountId, year);
    }

    @PostMapping("/accounts/{accountId}/plans/{year}/versions/{number}/phasing")
    String phase(@PathVariable UUID accountId, @PathVariable int year, @PathVariable int number,
                 @RequestParam long version, @RequestParam Map<String, String> form) {
        Map<String, Object> current = api.get(uri -> uri.path("/api/accounts/{id}/plans/{year}/versions/{n}")
                .build(accountId, year, number));
        List<Map<String, Object>> targets = new ArrayList<>();
        for (Map<String, Object> target : Api.list(current.get("targets"))) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("kpi", target.get("kpi"));
            input.put("value", SELL_THROUGH.equals(target.get("kpi")) && form.containsKey("target")
                    ? amount(form.get("target")) : target.get("value"));
            input.put("baseline", target.get("baseline"));
            targets.add(input);
        }
        List<Object> phasing = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            phasing.add(amount(form.get("month." + month)));
        }
        api.put(uri -> uri.path("/api/accounts/{id}/plans/{year}/versions/{n}/targets").build(accountId, year, number),
                Map.of("targets", targets, "phasing", phasing, "dependsOn", current.getOrDefault("dependsOn", List.of())),
                version);
        return page(accountId, year);
    }

    @PostMapping("/accounts/{accountId}/plans/{year}/versions/{number}/submit")
    String submit(@PathVariable UUID accountId, @PathVariable int year, @PathVariable int number,
                  @RequestParam long version) {
        api.post(uri -> uri.path("/api/accounts/{id}/plans/{year}/versions/{n}/submit").build(accountId, year, number),
                null, version);
        return page(accountId, year);
    }

    /** The amount as typed, for the API to judge; what is not a number goes as it is, and the API says why not. */
    private static Object amount(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return typed;
        }
    }

    private static String page(UUID accountId, int year) {
        return "redirect:/accounts/" + accountId + "/plans/" + year;
    }
}
