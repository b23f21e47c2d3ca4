package io.kam.visits.storecheck;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.StoreCheckViews.PhotoView;
import io.kam.visits.api.StoreCheckViews.StoreCheckView;

/** Reads store checks and their photos, for those who may see the check's region. */
@Component
class StoreCheckQueries {

    /** A photo's bytes and type. */
    record PhotoFile(byte[] content, PhotoType type) {
    }

    private final CheckRows.Checks checks;
    private final CheckRows.Skus skus;
    private final CheckRows.Competitors competitors;
    private final CheckRows.Photos photos;
    private final CheckRows.Contents contents;
    private final VisitAccess access;
    private final ExecutionRows executions;

    StoreCheckQueries(CheckRows.Checks checks, CheckRows.Skus skus, CheckRows.Competitors competitors,
                      CheckRows.Photos photos, CheckRows.Contents contents, VisitAccess access,
                      ExecutionRows executions) {
        this.checks = checks;
        this.skus = skus;
        this.competitors = competitors;
        this.photos = photos;
        this.contents = contents;
        this.access = access;
        this.executions = executions;
    }

    @Transactional(readOnly = true)
    StoreCheckView byId(UUID id, Actor actor) {
        return view(visible(checks.findById(id).orElseThrow(() -> notFound(id)), actor));
    }

    @Transactional(readOnly = true)
    StoreCheckView byVisit(UUID visitId, Actor actor) {
        StoreCheck check = checks.findByVisitId(visitId)
                .orElseThrow(() -> new Rejection.NotFound("Store check of visit", visitId).refused());
        return view(visible(check, actor));
    }

    @Transactional(readOnly = true)
    PhotoFile photo(UUID checkId, UUID photoId, Actor actor) {
        visible(checks.findById(checkId).orElseThrow(() -> notFound(checkId)), actor);
        var photo = photos.findByIdAndCheckId(photoId, checkId).orElseThrow(() -> new Rejection.NotFound("Photo", photoId).refused());
        return new PhotoFile(contents.findById(photoId).orElseThrow().content(), PhotoType.ofContentType(photo.contentType()));
    }

    static PhotoView view(CheckRows.Photo photo) {
        return new PhotoView(photo.id(), photo.contentType(), photo.size(), photo.sha256(), photo.addedBy(),
                photo.addedAt(), "/api/visits/store-checks/" + photo.checkId() + "/photos/" + photo.id());
    }

    private StoreCheck visible(StoreCheck check, Actor actor) {
        access.requireVisible(actor, check.region(), "Store check", check.id());
        return check;
    }

    private StoreCheckView view(StoreCheck check) {
        return new StoreCheckView(check.id(), check.visitId(), check.accountId(), check.storeId(), check.region(),
                check.checkedBy(), check.checkedAt(), check.score(), check.parts(),
                skus.findByCheckIdOrderByPosition(check.id()).stream().map(CheckRows.SkuRow::check).toList(),
                check.displayCheck(),
                competitors.findByCheckIdOrderByPosition(check.id()).stream().map(CheckRows.CompetitorRow::observation).toList(),
                photos.findByCheckIdOrderByAddedAt(check.id()).stream().map(StoreCheckQueries::view).toList(),
                executions.views(check.id()));
    }

    private static Refused notFound(UUID id) {
        return new Rejection.NotFound("Store check", id).refused();
    }
}
