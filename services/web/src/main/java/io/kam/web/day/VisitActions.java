package io.kam.web.day;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.kam.web.shell.Api;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What a coordinator does to a visit, each one call to the visits API with the version the page showed
 * ({@code If-Match}, carried in the form's address): prepare it, log it (an htmx post whose answer, the visit as the
 * API logged it with each commitment recorded or flagged by the policy guard, replaces the form), record the store
 * check, add a photo (the file as the phone sent it, multipart).
 */
@Controller
class VisitActions {

    private final Api api;

    VisitActions(Api api) {
        this.api = api;
    }

    @PostMapping("/day/visits/{visitId}/plan")
    String prepare(@PathVariable UUID visitId, @RequestParam long version, @RequestParam Map<String, String> form,
                   @RequestParam(name = "materials", required = false) @Nullable List<String> materials) {
        api.put(uri -> uri.path("/api/visits/{id}/plan").build(visitId),
                VisitForms.preparation(form, materials == null ? List.of() : materials), version);
        return "redirect:/day/visits/" + visitId;
    }

    @PostMapping("/day/visits/{visitId}/log")
    String log(@PathVariable UUID visitId, @RequestParam long version, @RequestParam Map<String, String> form,
               @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
               HttpServletResponse response) {
        Map<String, Object> visit = api.post(uri -> uri.path("/api/visits/{id}/log").build(visitId),
                VisitForms.log(form), version);
        if (htmx == null) {
            return "redirect:/day/visits/" + visitId;
        }
        // The form asked for its answer box (where a refusal shows); the logged visit replaces the whole log.
        response.setHeader("HX-Retarget", "#log");
        response.setHeader("HX-Reswap", "outerHTML");
        model.addAttribute("visit", visit);
        return "visit :: logged";
    }

    @PostMapping("/day/visits/{visitId}/store-check")
    String storeCheck(@PathVariable UUID visitId, @RequestParam Map<String, String> form) {
        api.create(uri -> uri.path("/api/visits/{id}/store-check").build(visitId), VisitForms.storeCheck(form));
        return "redirect:/day/visits/" + visitId;
    }

    @PostMapping("/day/visits/{visitId}/store-checks/{checkId}/photos")
    String photo(@PathVariable UUID visitId, @PathVariable UUID checkId, @RequestParam("file") MultipartFile file)
            throws IOException {
        api.upload(uri -> uri.path("/api/visits/store-checks/{id}/photos").build(checkId), "file",
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "photo"
                        : file.getOriginalFilename(), file.getContentType(), file.getBytes());
        return "redirect:/day/visits/" + visitId;
    }
}
