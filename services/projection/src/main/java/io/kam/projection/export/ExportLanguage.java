package io.kam.projection.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages an export is written in, by their BCP 47 tag. */
enum ExportLanguage {
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.ENGLISH);

    private final String tag;
    private final Locale locale;

    ExportLanguage(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    String tag() {
        return tag;
    }

    Locale locale() {
        return locale;
    }

    static Optional<ExportLanguage> of(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag)).findFirst();
    }
}
