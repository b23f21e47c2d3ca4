package io.kam.accounts.account;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountViews;
import io.kam.accounts.api.AccountViews.AccountView;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The account resource and its classification and stage sub-resources. */
@RestController
@RequestMapping("/api/accounts")
class AccountsController {

    private final OpenAccount openAccount;
    private final ReviseAccount reviseAccount;
    private final ClassifyAccount classifyAccount;
    private final ChangeStage changeStage;
    private final AccountQueries queries;
    private final AccountAccess access;

    AccountsController(OpenAccount openAccount, ReviseAccount reviseAccount, ClassifyAccount classifyAccount,
                       ChangeStage changeStage, AccountQueries queries, AccountAccess access) {
        this.openAccount = openAccount;
        this.reviseAccount = reviseAccount;
        this.classifyAccount = classifyAccount;
        this.changeStage = changeStage;
        this.queries = queries;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<AccountView> open(@Valid @RequestBody AccountRequests.OpenAccount request) {
        Account account = openAccount.open(request, access.manager());
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                .eTag(Versions.etag(account.version()))
                .body(AccountQueries.view(account, 0));
    }

    @GetMapping
    AccountViews.Page<AccountView> search(@RequestParam(required = false) Region region,
                                          @RequestParam(required = false) ValueTier tier,
                                          @RequestParam(required = false) DevelopmentStage stage,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        var actor = access.reader();
        return queries.search(access.listingRegion(actor, region).orElse(null), access.onlyAccount(actor).orElse(null),
                tier, stage, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<AccountView> read(@PathVariable UUID id) {
        return withVersion(access.visible(id, access.reader()));
    }

    @PutMapping("/{id}")
    ResponseEntity<AccountView> replace(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody AccountRequests.ReviseAccount request) {
        return withVersion(reviseAccount.replace(id, Versions.fromIfMatch(ifMatch), request, access.manager()));
    }

    /** Changes the fields sent; absent or null fields stay as they are (use PUT to clear an optional field). */
    @PatchMapping(path = "/{id}", consumes = "application/json")
    ResponseEntity<AccountView> amend(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @Valid @RequestBody AccountRequests.AmendAccount request) {
        return withVersion(reviseAccount.amend(id, Versions.fromIfMatch(ifMatch), request, access.manager()));
    }

    @GetMapping("/{id}/classification")
    ResponseEntity<AccountViews.ClassificationView> classification(@PathVariable UUID id) {
        var view = queries.classification(access.visible(id, access.reader()));
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @PutMapping("/{id}/classification")
    ResponseEntity<AccountViews.ClassificationView> classify(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AccountRequests.Classify request) {
        classifyAccount.classify(id, Versions.fromIfMatch(ifMatch), request, access.manager());
        return classification(id);
    }

    @GetMapping("/{id}/stage")
    ResponseEntity<AccountViews.StageView> stage(@PathVariable UUID id) {
        var view = queries.stage(access.visible(id, access.reader()));
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @PutMapping("/{id}/stage")
    ResponseEntity<AccountViews.StageView> changeStage(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AccountRequests.ChangeStage request) {
        changeStage.change(id, Versions.fromIfMatch(ifMatch), request, access.manager());
        return stage(id);
    }

    private ResponseEntity<AccountView> withVersion(Account account) {
        return ResponseEntity.ok().eTag(Versions.etag(account.version())).body(queries.view(account));
    }
}
