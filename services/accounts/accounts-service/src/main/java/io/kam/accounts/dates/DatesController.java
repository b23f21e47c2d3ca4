package io.kam.accounts.dates;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.account.AccountAccess;
import io.kam.accounts.api.RelationshipRequests.ImportantDateDetails;
import io.kam.accounts.api.RelationshipViews.ImportantDateView;
import io.kam.platform.events.Actor;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** An account's important dates (relationship upkeep): birthdays, company and cooperation anniversaries. */
@RestController
@RequestMapping("/api/accounts/{accountId}/dates")
class DatesController {

    private final DateBook book;
    private final DateQueries queries;
    private final AccountAccess access;

    DatesController(DateBook book, DateQueries queries, AccountAccess access) {
        this.book = book;
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "The account's important dates, in calendar order")
    @GetMapping
    List<ImportantDateView> list(@PathVariable UUID accountId) {
        access.visible(accountId, access.managerOrCoordinator());
        return queries.ofAccount(accountId);
    }

    @Operation(summary = "Record an important date",
            description = "A BIRTHDAY names a contact of this account; the anniversaries name none. The date cannot "
                    + "lie ahead of today in Asia/Shanghai; the title defaults to one made from the contact's or the "
                    + "account's name. National KA managers only.")
    @PostMapping
    ResponseEntity<ImportantDateView> add(@PathVariable UUID accountId,
                                          @Valid @RequestBody ImportantDateDetails details) {
        ImportantDate date = book.add(accountId, details, access.managerOf(accountId));
        return ResponseEntity.created(URI.create("/api/accounts/" + accountId + "/dates/" + date.id()))
                .eTag(Versions.etag(date.version())).body(read(accountId, date.id()));
    }

    @Operation(summary = "One important date, with its version in the ETag")
    @GetMapping("/{dateId}")
    ResponseEntity<ImportantDateView> one(@PathVariable UUID accountId, @PathVariable UUID dateId) {
        access.visible(accountId, access.managerOrCoordinator());
        ImportantDateView view = read(accountId, dateId);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Operation(summary = "Replace an important date (If-Match)")
    @PutMapping("/{dateId}")
    ResponseEntity<ImportantDateView> change(@PathVariable UUID accountId, @PathVariable UUID dateId,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody ImportantDateDetails details) {
        Actor actor = access.managerOf(accountId);
        ImportantDate date = book.change(accountId, dateId, Versions.fromIfMatch(ifMatch), details, actor);
        return ResponseEntity.ok().eTag(Versions.etag(date.version())).body(read(accountId, dateId));
    }

    @Operation(summary = "Remove an important date (If-Match)")
    @DeleteMapping("/{dateId}")
    ResponseEntity<Void> remove(@PathVariable UUID accountId, @PathVariable UUID dateId,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Actor actor = access.managerOf(accountId);
        book.remove(accountId, dateId, Versions.fromIfMatch(ifMatch), actor);
        return ResponseEntity.noContent().build();
    }

    private ImportantDateView read(UUID accountId, UUID dateId) {
        return queries.one(accountId, dateId).orElseThrow(() -> new ApiProblem.NotFound("Important date", dateId));
    }
}
