package io.kam.web.day;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.kam.visits.api.CommitmentType;
import io.kam.visits.api.Material;
import io.kam.visits.api.TimeSlot;
import io.kam.visits.api.VisitOutcome;
import io.kam.web.shell.Api;
import io.kam.web.shell.Formats;

/**
 * A coordinator's day at {@code /day}: today's visits and this week's (Monday to Sunday in the market's time zone),
 * as {@code GET /api/visits} lists them for this user (a coordinator gets their region's, another region is the
 * API's refusal), and the complaints with their promised dates ({@code GET /api/visits/complaints}). One visit at
 * {@code /day/visits/{id}}: its preparation, log, commitments and store check, with the forms that change them.
 */
@Controller
class DayController {

    private final Api api;

    DayController(Api api) {
        this.api = api;
    }

    @GetMapping("/day")
    String day(@RequestParam(required = false) @Nullable String region, Model model) {
        LocalDate today = LocalDate.now(Formats.MARKET);
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        Optional<String> scope = Optional.ofNullable(region).filter(r -> !r.isBlank());
        model.addAttribute("today", today);
        model.addAttribute("todays", Api.list(api.get(uri -> uri.path("/api/visits").queryParamIfPresent("region", scope)
                .queryParam("from", today).queryParam("to", today).queryParam("size", 200).build()).get("items")));
        model.addAttribute("week", Api.list(api.get(uri -> uri.path("/api/visits").queryParamIfPresent("region", scope)
                .queryParam("from", monday).queryParam("to", monday.plusDays(6)).queryParam("size", 500).build())
                .get("items")));
        model.addAttribute("weekFrom", monday);
        model.addAttribute("weekTo", monday.plusDays(6));
        model.addAttribute("complaints", Api.list(api.get(uri -> uri.path("/api/visits/complaints")
                .queryParamIfPresent("region", scope).queryParam("size", 50).build()).get("items")));
        return "day";
    }

    @GetMapping("/day/visits/{visitId}")
    String visit(@PathVariable UUID visitId, Model model) {
        Api.Read read = api.read(uri -> uri.path("/api/visits/{id}").build(visitId));
        Map<String, Object> visit = read.body();
        model.addAttribute("visit", visit);
        model.addAttribute("version", read.version());
        model.addAttribute("slots", TimeSlot.values());
        model.addAttribute("materials", Material.values());
        model.addAttribute("outcomes", VisitOutcome.values());
        model.addAttribute("commitmentTypes", CommitmentType.values());
        model.addAttribute("checkpoints", VisitForms.CHECKPOINTS);
        Object check = visit.get("storeCheckId");
        if (check != null) {
            model.addAttribute("storeCheck", api.get(uri -> uri.path("/api/visits/store-checks/{id}").build(check)));
        } else if (visit.get("storeId") != null && !"CANCELLED".equals(visit.get("status"))) {
            model.addAttribute("skus", api.getList(uri -> uri.path("/api/visits/accounts/{id}/skus")
                    .build(visit.get("accountId"))));
        } else {
            model.addAttribute("skus", List.of());
        }
        return "visit";
    }
}
