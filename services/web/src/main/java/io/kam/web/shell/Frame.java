package io.kam.web.shell;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the frame of every page needs: who is logged in, the language shown and this page's address for the
 * language switch. (Exception handlers do not get these; {@link ProblemPages} adds them with {@link #addTo}.)
 */
@ControllerAdvice
class Frame {

    static void addTo(Model model, @Nullable OidcUser user, HttpServletRequest request,
                      Locale locale) {
        model.addAttribute("user", user(user));
        model.addAttribute("here", here(request));
        model.addAttribute("lang", language(locale));
    }

    @ModelAttribute("user")
    static @Nullable String user(@AuthenticationPrincipal @Nullable OidcUser user) {
        return user == null ? null : user.getPreferredUsername();
    }

    /** This page's address without its language parameter, for the language switch's links. */
    @ModelAttribute("here")
    static String here(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : Arrays.stream(request.getQueryString().split("&"))
                .filter(p -> !p.startsWith("lang=")).collect(Collectors.joining("&"));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return query.isEmpty() ? path : path + "?" + query;
    }

    @ModelAttribute("lang")
    static String language(Locale locale) {
        return locale.toLanguageTag();
    }
}
