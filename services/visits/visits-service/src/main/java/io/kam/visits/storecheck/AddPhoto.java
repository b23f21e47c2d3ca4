package io.kam.visits.storecheck;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.visits.VisitSettings;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.StoreCheckEvents.StoreCheckPhotoAdded;
import io.kam.visits.api.VisitEvents;

/**
 * Adds a photo to a store check as evidence: a JPEG, PNG or WebP image by its content, no larger than
 * {@code photo-max-size}, at most {@code photos-per-check} per check. The bytes are kept in PostgreSQL beside the
 * metadata, in the transaction that announces them (see ADR 0010). A photo added for a promotion whose execution the
 * check recorded is that execution's evidence: it is announced again with the photo, without the {@code photo}
 * deviation (400 for a promotion the check did not record, and nothing is written).
 */
@Service
class AddPhoto {

    private final CheckRows.Checks checks;
    private final CheckRows.Photos photos;
    private final CheckRows.Contents contents;
    private final VisitAccess access;
    private final Outbox outbox;
    private final VisitSettings settings;
    private final Clock clock;
    private final PromotionExecutions executions;

    AddPhoto(CheckRows.Checks checks, CheckRows.Photos photos, CheckRows.Contents contents, VisitAccess access,
             Outbox outbox, VisitSettings settings, Clock clock, PromotionExecutions executions) {
        this.checks = checks;
        this.photos = photos;
        this.contents = contents;
        this.access = access;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.executions = executions;
    }

    /** The uploaded file: its size as received, and its bytes, read only once the size is known to be allowed. */
    interface Upload {
        long size();

        byte[] read() throws IOException;
    }

    @Transactional
    CheckRows.Photo add(UUID checkId, Upload upload, @Nullable UUID promotionId, Actor actor) throws IOException {
        StoreCheck check = checks.findByIdForUpdate(checkId).orElseThrow(() -> new Rejection.NotFound("Store check", checkId).refused());
        access.requireVisible(actor, check.region(), "Store check", checkId);
        DataSize limit = settings.photoMaxSize();
        if (upload.size() == 0) {
            throw new Rejection.Invalid("file", "is empty").refused();
        }
        if (upload.size() > limit.toBytes()) {
            throw new Rejection.Invalid("file", "is " + upload.size() + " bytes, more than the limit of "
                    + limit.toBytes() + " bytes (" + limit.toMegabytes() + " MB)").refused();
        }
        byte[] content = upload.read();
        if (content.length != upload.size()) {
            throw new Rejection.Invalid("file", "was " + upload.size() + " bytes when received and " + content.length
                    + " when read").refused();
        }
        PhotoType type = PhotoType.detect(content).orElseThrow(() -> new Rejection.Invalid("file",
                "must be a JPEG, PNG or WebP image; its content is none of them, whatever its name or declared type says").refused());
        if (photos.countByCheckId(checkId) >= settings.photosPerCheck()) {
            throw new Rejection.BrokenRule("too-many-photos", "store check " + checkId + " holds "
                    + settings.photosPerCheck() + " photos, the most it may").refused();
        }
        @Nullable Execution execution = promotionId == null ? null : executions.requireRecorded(checkId, promotionId);
        var photo = photos.save(new CheckRows.Photo(UUID.randomUUID(), checkId, type.contentType(), content.length,
                sha256(content), actor.name(), clock.instant()));
        contents.save(new CheckRows.PhotoContent(photo.id(), content));
        outbox.append(VisitEvents.CATALOG, new StoreCheckPhotoAdded(check.accountId(), checkId, photo.id(),
                check.visitId(), check.storeId(), check.region(), photo.contentType(), photo.size(), photo.sha256()),
                actor.name());
        if (execution != null) {
            executions.photographed(check, execution, photo.id(), actor.name());
        }
        return photo;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
