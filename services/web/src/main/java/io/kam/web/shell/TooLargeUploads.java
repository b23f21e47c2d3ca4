package io.kam.web.shell;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A file larger than the container takes ({@code spring.servlet.multipart.max-file-size} or
 * {@code max-request-size}) is refused with the {@code photo-too-large} page (413, in the user's language, see
 * {@link ProblemPages}), not the container's error page.
 *
 * <p>Spring Security's CSRF check reads the form's token as a request parameter, which makes the container parse
 * the whole multipart body before any controller or its advice runs; a body over the limits fails right there,
 * outside Spring MVC's exception handling. So this filter, just before Spring Security's, parses a multipart POST
 * first: when it is too large, it shows the problem page instead (a GET of {@link #PAGE} within the same request,
 * which changes nothing and needs no CSRF token; the user must still be logged in); otherwise the parts are
 * parsed once and the request goes on as usual.
 */
@Configuration(proxyBeanMethods = false)
class TooLargeUploads {

    static final String PAGE = "/problems/upload-too-large";
    private static final String REFUSED = TooLargeUploads.class.getName() + ".refused";

    /** Just before Spring Security's filter chain (-100 in Spring Boot). */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> tooLargeUploadsRefused() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Refusal());
        registration.setOrder(-101);
        registration.setName("tooLargeUploadsRefused");
        return registration;
    }

    /** The page the refusal shows: the problem the advice makes of the container's exception. */
    @Controller
    static class Page {

        @GetMapping(PAGE)
        String refused(HttpServletRequest request) {
            if (!(request.getAttribute(REFUSED) instanceof Exception cause)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            throw new MaxUploadSizeExceededException(-1, cause);
        }
    }

    private static final class Refusal extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return !"POST".equals(request.getMethod()) || type == null
                    || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                request.getParts();
            } catch (IllegalStateException | ServletException e) {
                // Tomcat: an IllegalStateException caused by FileUpload's size limit exceptions.
                if (!tooLarge(e)) {
                    throw e;
                }
                request.setAttribute(REFUSED, e);
                request.getRequestDispatcher(PAGE).forward(new AsGet(request), response);
                return;
            }
            chain.doFilter(request, response);
        }

        private static boolean tooLarge(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getClass().getSimpleName().endsWith("SizeLimitExceededException")
                        || t instanceof MaxUploadSizeExceededException) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The refused request as a GET without a body, for the problem page. */
    private static final class AsGet extends HttpServletRequestWrapper {

        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public @Nullable String getContentType() {
            return null;
        }

        @Override
        public @Nullable String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }
    }
}
