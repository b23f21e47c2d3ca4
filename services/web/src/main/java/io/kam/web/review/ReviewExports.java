package io.kam.web.review;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

import io.kam.web.shell.Api;

/**
 * The review's exports, {@code /accounts/{id}/export.pdf} and {@code .xlsx}: the projection's
 * {@code GET /api/reviews/{id}/export.{format}} with the user's token (so the API decides who may export what, an
 * internal audience included), in the page's language, for the audience asked and the review's "as of" moment. The
 * bytes go to the browser as they arrive, with the API's type, length and {@code Content-Disposition} (its file
 * name); a refusal is the problem page, as for any page.
 */
@Controller
class ReviewExports {

    private final Api api;

    ReviewExports(Api api) {
        this.api = api;
    }

    @GetMapping("/accounts/{accountId}/export.{format}")
    void export(@PathVariable UUID accountId, @PathVariable String format,
                @RequestParam(defaultValue = "internal") String audience,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) @Nullable LocalDateTime asOf,
                @RequestParam(required = false) @Nullable Integer year,
                Locale locale, HttpServletResponse response) {
        if (!format.equals("pdf") && !format.equals("xlsx")) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        String language = locale.getLanguage().equals("en") ? "en" : "zh-CN";
        api.download(uri -> uri.path("/api/reviews/{id}/export." + format)
                .queryParam("lang", language)
                .queryParam("audience", audience)
                .queryParamIfPresent("asOf", Optional.ofNullable(ReviewPageController.instant(asOf)))
                .queryParamIfPresent("year", Optional.ofNullable(year)).build(accountId), (headers, body) -> {
            for (String name : new String[] {HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
                    HttpHeaders.CONTENT_DISPOSITION}) {
                String value = headers.getFirst(name);
                if (value != null) {
                    response.setHeader(name, value);
                }
            }
            body.transferTo(response.getOutputStream());
        });
    }
}
