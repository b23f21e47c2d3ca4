package io.kam.web.plan;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.kam.web.shell.Api;

/**
 * A year's plan at {@code /accounts/{id}/plans/{year}}: its versions as {@code GET /api/accounts/{id}/plans/{year}}
 * lists them, each with its author, submitter and decider side by side (the four eyes), and the latest version whole.
 * A submitted version can be approved or returned from here; the accounts service decides whether this user may
 * (another manager than the author and every editor), and its refusal is shown translated. What changed between two
 * versions ({@code ?from=&to=}, by default the latest against the one before) is the API's diff, each value then and
 * now side by side; a draft is phased, submitted or the approved plan revised with {@link PlanDrafts}.
 */
@Controller
class PlanPageController {

    private final Api api;

    PlanPageController(Api api) {
        this.api = api;
    }

    @GetMapping("/accounts/{accountId}/plans/{year}")
    String plan(@PathVariable UUID accountId, @PathVariable int year,
                @RequestParam(required = false) @Nullable Integer from, @RequestParam(required = false) @Nullable Integer to,
                Model model) {
        Map<String, Object> overview = api.get(uri -> uri.path("/api/accounts/{id}/plans/{year}").build(accountId, year));
        List<Map<String, Object>> versions = Api.list(overview.get("versions"));
        model.addAttribute("accountId", accountId);
        model.addAttribute("year", year);
        model.addAttribute("overview", overview);
        model.addAttribute("versions", versions);
        if (!versions.isEmpty()) {
            Object latest = versions.getLast().get("version");
            Api.Read read = api.read(uri -> uri.path("/api/accounts/{id}/plans/{year}/versions/{n}")
                    .build(accountId, year, latest));
            model.addAttribute("latest", read.body());
            model.addAttribute("latestVersion", read.version());
        }
        if (versions.size() > 1) {
            // Two versions side by side as the API compares them; by default the latest against the one before.
            int last = ((Number) versions.getLast().get("version")).intValue();
            int diffTo = to == null ? last : to;
            int diffFrom = from == null ? diffTo - 1 : from;
            model.addAttribute("diffFrom", diffFrom);
            model.addAttribute("diffTo", diffTo);
            model.addAttribute("diff", api.get(uri -> uri.path("/api/accounts/{id}/plans/{year}/diff")
                    .queryParam("from", diffFrom).queryParam("to", diffTo).build(accountId, year)));
        }
        return "plan";
    }

    @PostMapping("/accounts/{accountId}/plans/{year}/versions/{number}/approve")
    String approve(@PathVariable UUID accountId, @PathVariable int year, @PathVariable int number,
                   @RequestParam long version) {
        api.post(uri -> uri.path("/api/accounts/{id}/plans/{year}/versions/{n}/approve").build(accountId, year, number),
                null, version);
        return "redirect:/accounts/" + accountId + "/plans/" + year;
    }

    @PostMapping("/accounts/{accountId}/plans/{year}/versions/{number}/return")
    String returnToAuthor(@PathVariable UUID accountId, @PathVariable int year, @PathVariable int number,
                          @RequestParam long version, @RequestParam String comment) {
        api.post(uri -> uri.path("/api/accounts/{id}/plans/{year}/versions/{n}/return").build(accountId, year, number),
                Map.of("comment", comment), version);
        return "redirect:/accounts/" + accountId + "/plans/" + year;
    }
}
