package io.kam.visits.listing;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.Versions;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.SettingRequests;
import io.kam.visits.api.SettingViews.SkuView;
import io.kam.visits.replica.AccountReplicas;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** An account's listed SKUs and their agreed retail prices, the reference of every store check. */
@RestController
@RequestMapping("/api/visits/accounts/{accountId}/skus")
class ListingController {

    private final SkuBook book;
    private final ListedSkus skus;
    private final AccountReplicas accounts;
    private final VisitAccess access;

    ListingController(SkuBook book, ListedSkus skus, AccountReplicas accounts, VisitAccess access) {
        this.book = book;
        this.skus = skus;
        this.accounts = accounts;
        this.access = access;
    }

    @Operation(summary = "The account's listed SKUs with their agreed retail prices, by GTIN")
    @GetMapping
    List<SkuView> list(@PathVariable UUID accountId) {
        access.staff();
        if (!accounts.existsById(accountId)) {
            throw new ApiProblem.NotFound("Account", accountId);
        }
        return skus.findByAccountIdOrderByGtin(accountId).stream().map(ListedSku::view).toList();
    }

    @Operation(summary = "One listed SKU, with its version in the ETag")
    @GetMapping("/{gtin}")
    ResponseEntity<SkuView> read(@PathVariable UUID accountId, @PathVariable String gtin) {
        access.staff();
        String normalised = SkuBook.gtin("gtin", gtin);
        ListedSku sku = skus.findByAccountIdAndGtin(accountId, normalised)
                .orElseThrow(() -> new ApiProblem.NotFound("Listed SKU", normalised));
        return ResponseEntity.ok().eTag(Versions.etag(sku.view().version())).body(sku.view());
    }

    @Operation(summary = "List a SKU, or change its name or agreed retail price (If-Match; * to list it)",
            description = "National KA managers only. The GTIN (8, 12, 13 or 14 digits) must carry a valid check "
                    + "digit; it is kept as 14 digits.")
    @PutMapping("/{gtin}")
    ResponseEntity<SkuView> put(@PathVariable UUID accountId, @PathVariable String gtin,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @Valid @RequestBody SettingRequests.ListSku request) {
        var actor = access.manager();
        SkuView view = book.list(accountId, gtin, Versions.fromIfMatch(ifMatch), request, actor).view();
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Operation(summary = "Delist a SKU (If-Match); checks recorded before keep it")
    @DeleteMapping("/{gtin}")
    ResponseEntity<Void> delist(@PathVariable UUID accountId, @PathVariable String gtin,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var actor = access.manager();
        book.delist(accountId, gtin, Versions.fromIfMatch(ifMatch), actor);
        return ResponseEntity.noContent().build();
    }
}
