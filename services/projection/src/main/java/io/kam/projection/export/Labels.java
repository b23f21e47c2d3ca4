package io.kam.projection.export;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The words of an export, from the bundle {@code io/kam/projection/export/messages_<lang>.properties} (UTF-8). There
 * is no fallback between languages: a key missing in one is an error, and a test checks both are complete.
 */
final class Labels {

    static final String BUNDLE = "io.kam.projection.export.messages";

    private final ExportLanguage language;
    private final ResourceBundle bundle;

    Labels(ExportLanguage language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String text(String key) {
        return bundle.getString(key);
    }

    String text(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), language.locale()).format(arguments);
    }

    /** The label of an enum constant: key {@code <Type>.<CONSTANT>}. */
    String of(Enum<?> constant) {
        return bundle.getString(constant.getDeclaringClass().getSimpleName() + "." + constant.name());
    }

    /** The label of an enum constant named in the JSON, by its type's simple name. */
    String of(String type, String constant) {
        return bundle.getString(type + "." + constant);
    }
}
