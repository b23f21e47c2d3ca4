package io.kam.web.shell;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages speak Simplified Chinese or English. The first visit takes the browser's {@code Accept-Language} (the
 * first of its languages that is one of the two; Chinese when none is); {@code ?lang=en} or {@code ?lang=zh-CN}
 * switches, and a cookie remembers the choice for a year.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;
    /** The languages of the message bundles, in order of preference when the browser names neither. */
    static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);
    static final String COOKIE = "kam-lang";

    /**
     * The texts: {@code messages_zh_CN.properties} and {@code messages_en.properties}, and no third file to fall
     * back to (which is why Spring Boot's own message source, which wants a {@code messages.properties}, is not used).
     * A key missing in a language is an error, not the other language's text.
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new OnlySupported();
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(Languages::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** The first of the browser's languages the pages speak. */
    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return CHINESE;
        }
        for (Locale asked : Collections.list(request.getLocales())) {
            Locale supported = supported(asked.toLanguageTag());
            if (supported != null) {
                return supported;
            }
        }
        return CHINESE;
    }

    /** zh, zh-CN, zh-Hans... are Chinese, en-* English, anything else none. */
    static @Nullable Locale supported(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().equals("zh")) {
            return CHINESE;
        }
        if (locale.getLanguage().equals("en")) {
            return ENGLISH;
        }
        return null;
    }

    /** The cookie resolver, keeping to the two languages whatever a link or a cookie asks for. */
    private static final class OnlySupported extends CookieLocaleResolver {

        OnlySupported() {
            super(COOKIE);
        }

        /** Lazily, as its parent: a language switched later in the request (by {@code ?lang=}) is seen. */
        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            LocaleContext asked = super.resolveLocaleContext(request);
            return () -> {
                Locale locale = asked.getLocale();
                Locale supported = locale == null ? null : supported(locale.toLanguageTag());
                return supported == null ? fromBrowser(request) : supported;
            };
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            Locale locale = resolveLocaleContext(request).getLocale();
            return locale == null ? CHINESE : locale;
        }

        @Override
        public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
                @Nullable LocaleContext context) {
            Locale asked = context == null ? null : context.getLocale();
            Locale supported = asked == null ? null : supported(asked.toLanguageTag());
            super.setLocaleContext(request, response, supported == null ? null : new SimpleLocaleContext(supported));
        }
    }
}
