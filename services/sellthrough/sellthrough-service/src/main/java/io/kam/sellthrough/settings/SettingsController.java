package io.kam.sellthrough.settings;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.events.Actor;
import io.kam.platform.web.Versions;
import io.kam.sellthrough.access.SellThroughAccess;
import io.kam.sellthrough.api.SellThroughRequests;
import io.kam.sellthrough.api.SellThroughViews.SettingsView;
import jakarta.validation.Valid;

/**
 * An account's sell-through settings: its retailer code, currency and whether it accepts returns. Managers change them
 * with {@code If-Match} ({@code "0"} or {@code *} for an account never configured); managers and integrations read
 * them.
 */
@RestController
@RequestMapping("/api/sell-through/accounts/{accountId}/settings")
class SettingsController {

    private final ChangeSettings change;
    private final SettingsStore store;
    private final SellThroughAccess access;

    SettingsController(ChangeSettings change, SettingsStore store, SellThroughAccess access) {
        this.change = change;
        this.store = store;
        this.access = access;
    }

    @GetMapping
    ResponseEntity<SettingsView> read(@PathVariable UUID accountId) {
        Actor actor = access.reportReader();
        access.requireVisible(actor, accountId);
        return view(store.of(accountId));
    }

    @PutMapping
    ResponseEntity<SettingsView> replace(@PathVariable UUID accountId,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody SellThroughRequests.AccountSettings request) {
        Actor actor = access.manager();
        access.requireVisible(actor, accountId);
        return view(change.change(accountId, Versions.fromIfMatch(ifMatch), request, actor));
    }

    private static ResponseEntity<SettingsView> view(AccountSettings s) {
        return ResponseEntity.ok().eTag(Versions.etag(s.version()))
                .body(new SettingsView(s.accountId(), s.retailerCode(), s.currency(), s.returnsAllowed(), s.version()));
    }
}
