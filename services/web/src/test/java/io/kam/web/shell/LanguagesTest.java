package io.kam.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.Cookie;

/** The language a page is shown in: the browser's first known language, then the one the user chose, kept. */
class LanguagesTest {

    private final LocaleResolver resolver = new Languages().localeResolver();

    @Test
    void theBrowsersFirstLanguageThePagesSpeakIsTheDefault() {
        assertThat(resolver.resolveLocale(browser("fr-FR,en-GB;q=0.8,zh;q=0.5"))).isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(browser("zh-TW,en;q=0.8"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(resolver.resolveLocale(browser("de-DE"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(resolver.resolveLocale(new MockHttpServletRequest())).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aChosenLanguageIsRememberedInACookieAndOnlyTheTwoAreTaken() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        resolver.setLocale(browser("zh-CN"), response, Locale.ENGLISH);
        Cookie cookie = response.getCookie(Languages.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getMaxAge()).isEqualTo(365 * 24 * 3600);

        MockHttpServletRequest next = browser("zh-CN");
        next.setCookies(cookie);
        assertThat(resolver.resolveLocale(next)).isEqualTo(Locale.ENGLISH);

        MockHttpServletRequest tampered = browser("zh-CN");
        tampered.setCookies(new Cookie(Languages.COOKIE, "fr"));
        assertThat(resolver.resolveLocale(tampered)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    private static MockHttpServletRequest browser(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", acceptLanguage);
        request.setPreferredLocales(java.util.Arrays.stream(acceptLanguage.split(","))
                .map(tag -> Locale.forLanguageTag(tag.split(";")[0].trim())).toList());
        return request;
    }
}
