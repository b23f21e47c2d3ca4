package io.kam.web.shell;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a page shows when the API says no: the problem in the user's language ({@code problem.<code>} when the
 * bundles know the code, else the status's {@code problem.status.<status>}), with the API's status, and the
 * API's own detail and field errors below it for the record. An htmx request gets the problem alone, in place of
 * the part of the page it asked for.
 */
@ControllerAdvice
class ProblemPages {

    private final MessageSource messages;

    ProblemPages(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, Model model, HttpServletRequest request, HttpServletResponse response,
                   Locale locale, @AuthenticationPrincipal @Nullable OidcUser user) {
        Frame.addTo(model, user, request, locale);
        response.setStatus(problem.status());
        model.addAttribute("problem", problem);
        model.addAttribute("message", message(problem, locale));
        // An htmx request swaps the problem into the part of the page it was to replace (layout's htmx-config
        // swaps 4xx and 5xx answers too), keeping the API's status.
        return request.getHeader("HX-Request") != null ? "problem :: box" : "problem";
    }

    /**
     * A file larger than the web app takes (a phone's photo often is): said in the user's language on the page it
     * came from, as the API's own refusals are, rather than the container's error page. Nothing was sent on.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, Model model, HttpServletRequest request,
                    HttpServletResponse response, Locale locale, @AuthenticationPrincipal @Nullable OidcUser user) {
        return problem(new ApiProblem(413, "photo-too-large", e.getMessage(), java.util.List.of()), model, request,
                response, locale, user);
    }

    /** The refresh token expired or was revoked: log in again. */
    @ExceptionHandler(ClientAuthorizationException.class)
    String loginAgain() {
        return "redirect:/oauth2/authorization/" + Security.REGISTRATION;
    }

    String message(ApiProblem problem, Locale locale) {
        String byStatus = messages.getMessage("problem.status." + problem.status(), null,
                messages.getMessage("problem.status.other", new Object[] {problem.status()}, locale), locale);
        return problem.code() == null ? byStatus
                : messages.getMessage("problem." + problem.code(), null, byStatus, locale);
    }
}
