package io.kam.visits.storecheck;

import java.util.Optional;

/**
 * The image types a store-check photo may have, told by the file's first bytes (its magic number), never by its name
 * or the type the client declares: JPEG ({@code FF D8 FF}), PNG ({@code 89 50 4E 47 0D 0A 1A 0A}), WebP ({@code RIFF},
 * four bytes of size, {@code WEBP}).
 */
enum PhotoType {
    JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), WEBP("image/webp", "webp");

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP_MAGIC = {'W', 'E', 'B', 'P'};

    private final String contentType;
    private final String extension;

    PhotoType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    static Optional<PhotoType> detect(byte[] content) {
        if (startsWith(content, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, RIFF) && startsWith(content, 8, WEBP_MAGIC)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    static PhotoType ofContentType(String contentType) {
        for (PhotoType type : values()) {
            if (type.contentType.equals(contentType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a photo type: " + contentType);
    }

    private static boolean startsWith(byte[] content, int offset, byte[] magic) {
        if (content.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
