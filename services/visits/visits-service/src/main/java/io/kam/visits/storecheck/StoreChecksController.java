package io.kam.visits.storecheck;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.StoreCheckRequests;
import io.kam.visits.api.StoreCheckViews.PhotoView;
import io.kam.visits.api.StoreCheckViews.StoreCheckView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** Store checks (终端检查) recorded at visits, and their photo evidence. */
@RestController
@RequestMapping("/api/visits")
class StoreChecksController {

    private final RecordStoreCheck recordStoreCheck;
    private final AddPhoto addPhoto;
    private final StoreCheckQueries queries;
    private final VisitAccess access;

    StoreChecksController(RecordStoreCheck recordStoreCheck, AddPhoto addPhoto, StoreCheckQueries queries,
                          VisitAccess access) {
        this.recordStoreCheck = recordStoreCheck;
        this.addPhoto = addPhoto;
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "Record the store check of a store visit, scored for execution compliance",
            description = "One line for every SKU listed for the account (on shelf, shelf price, facings, out of "
                    + "stock), display and POS material, promoter, competitors, and in promotions the execution of every "
                    + "promotion running in the store (GET /api/visits/stores/{storeId}/promotions). Score = 40 "
                    + "distribution + 20 availability + 25 price within ±5 % + 15 display. One check per visit (409).")
    @PostMapping("/{visitId}/store-check")
    ResponseEntity<StoreCheckView> record(@PathVariable UUID visitId,
                                          @Valid @RequestBody StoreCheckRequests.RecordStoreCheck request) {
        var actor = access.staff();
        UUID id = recordStoreCheck.record(visitId, request, actor);
        return ResponseEntity.created(URI.create("/api/visits/store-checks/" + id)).body(queries.byId(id, actor));
    }

    @Operation(summary = "The store check recorded at a visit")
    @GetMapping("/{visitId}/store-check")
    StoreCheckView byVisit(@PathVariable UUID visitId) {
        return queries.byVisit(visitId, access.staff());
    }

    @Operation(summary = "One store check, with its lines, display, competitors and photos")
    @GetMapping("/store-checks/{id}")
    StoreCheckView read(@PathVariable UUID id) {
        return queries.byId(id, access.staff());
    }

    @Operation(summary = "Add a photo to the store check (multipart, part \"file\"), optionally for a promotion",
            description = "JPEG, PNG or WebP by content (magic bytes), at most kam.visits.photo-max-size (5 MB); "
                    + "400 otherwise. With promotionId (a promotion whose execution the check recorded, 400 otherwise) "
                    + "the photo is that execution's evidence: kam.promotion-execution.checked is published again "
                    + "with its photoId and without the photo deviation.")
    @PostMapping(path = "/store-checks/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PhotoView> addPhoto(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
                                       @RequestParam(required = false) UUID promotionId) throws IOException {
        var actor = access.staff();
        var photo = addPhoto.add(id, new AddPhoto.Upload() {
            @Override
            public long size() {
                return file.getSize();
            }

            @Override
            public byte[] read() throws IOException {
                return file.getBytes();
            }
        }, promotionId, actor);
        return ResponseEntity.created(URI.create(StoreCheckQueries.view(photo).href())).body(StoreCheckQueries.view(photo));
    }

    @Operation(summary = "A photo's content, to those who may see the store check")
    @GetMapping("/store-checks/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        var file = queries.photo(id, photoId, access.staff());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.type().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(photoId + "." + file.type().extension()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(file.content());
    }
}
