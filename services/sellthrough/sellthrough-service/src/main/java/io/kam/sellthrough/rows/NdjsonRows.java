package io.kam.sellthrough.rows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The rows of an NDJSON body: one JSON object per line, with the fields named like the CSV columns ({@link Column},
 * lower case). Values are strings or numbers; a null or missing field is absent. An unknown or repeated field, a value
 * that is an object, array or boolean, a string the batch's charset cannot hold (half a character, or in GBK a
 * character outside it, both only possible through a JSON unicode escape) and text after the object make the row
 * unusable.
 */
public final class NdjsonRows implements RowReader {

    private static final JsonFactory JSON = new JsonFactory();

    private final ByteLines lines;
    private final int maxLineBytes;
    private final boolean utf8;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final java.nio.charset.CharsetEncoder encoder;
    private final Set<Column> seen = EnumSet.noneOf(Column.class);

    public NdjsonRows(InputStream in, Charset charset, int maxLineBytes) throws IOException {
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.charset = utf8 ? StandardCharsets.UTF_8 : charset;
        this.lines = new ByteLines(in, maxLineBytes, utf8);
        this.maxLineBytes = maxLineBytes;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.encoder = this.charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public boolean next(RowFields row) throws IOException {
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            row.reset(lines.number());
            if (lines.tooLong()) {
                row.problem("the line is " + lines.length() + " bytes long; at most " + maxLineBytes + " are allowed");
            } else {
                parse(row);
            }
            return true;
        }
        return false;
    }

    private void parse(RowFields row) {
        seen.clear();
        try (JsonParser parser = parser()) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                row.problem("is not a JSON object");
                return;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                Column column = Column.named(name).filter(c -> c.wireName().equals(name)).orElse(null);
                if (column == null) {
                    row.problem("has the unknown field '" + name + "'");
                    return;
                }
                if (!seen.add(column)) {
                    row.problem("has the field '" + name + "' twice");
                    return;
                }
                JsonToken value = parser.nextToken();
                switch (value) {
                    case VALUE_STRING -> {
                        String text = parser.getString();
                        String wrong = unencodable(text);
                        if (wrong != null) {
                            row.problem("field '" + name + "' " + wrong);
                            return;
                        }
                        row.set(column, text, charset);
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> row.set(column, parser.getText(), charset);
                    case VALUE_NULL -> { }
                    default -> {
                        row.problem("field '" + name + "' must be a string or a number");
                        return;
                    }
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                row.problem("is not one JSON object");
            }
        } catch (JacksonException e) {
            row.problem("is not valid JSON: " + e.getOriginalMessage());
        } catch (CharacterCodingException e) {
            row.problem("holds bytes that are not valid " + decoder.charset().name());
        }
    }

    /**
     * What keeps a string from being held in the batch's charset, or null: a unicode escape may name half a
     * character (an unpaired surrogate), or, in GBK, a character the charset has not. Encoding it anyway would store
     * a {@code ?} in its place.
     */
    private @org.jspecify.annotations.Nullable String unencodable(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            ascii &= c < 0x80;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds half a character (an unpaired surrogate \\u"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ")";
            }
        }
        return ascii || utf8 || encoder.canEncode(text) ? null : "holds characters that " + charset.name() + " cannot hold";
    }

    private JsonParser parser() throws CharacterCodingException {
        if (utf8) {
            return JSON.createParser(ObjectReadContext.empty(), lines.bytes(), lines.start(), lines.end() - lines.start());
        }
        String text = decoder.decode(ByteBuffer.wrap(lines.bytes(), lines.start(), lines.end() - lines.start())).toString();
        return JSON.createParser(ObjectReadContext.empty(), text);
    }
}
