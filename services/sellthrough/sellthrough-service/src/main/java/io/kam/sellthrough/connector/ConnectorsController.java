package io.kam.sellthrough.connector;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

import io.kam.platform.events.Actor;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.Versions;
import io.kam.sellthrough.access.SellThroughAccess;
import io.kam.sellthrough.api.SellThroughRequests;
import io.kam.sellthrough.api.SellThroughViews.ConnectorView;
import jakarta.validation.Valid;

/**
 * An account's pull connector, for national KA managers: set it up or change it ({@code PUT} with {@code If-Match},
 * {@code *} or {@code "0"} the first time), read where it stands, remove it, or ask for a pull now.
 */
@RestController
@RequestMapping("/api/sell-through/accounts/{accountId}/connector")
class ConnectorsController {

    private final ConfigureConnector configure;
    private final ConnectorStore store;
    private final SellThroughAccess access;

    ConnectorsController(ConfigureConnector configure, ConnectorStore store, SellThroughAccess access) {
        this.configure = configure;
        this.store = store;
        this.access = access;
    }

    @GetMapping
    ResponseEntity<ConnectorView> read(@PathVariable UUID accountId) {
        access.requireVisible(access.manager(), accountId);
        return view(existing(accountId));
    }

    @PutMapping
    ResponseEntity<ConnectorView> put(@PathVariable UUID accountId,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @Valid @RequestBody SellThroughRequests.Connector request) {
        Actor actor = access.manager();
        access.requireVisible(actor, accountId);
        return view(configure.put(accountId, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @DeleteMapping
    ResponseEntity<Void> remove(@PathVariable UUID accountId,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        access.requireVisible(access.manager(), accountId);
        configure.remove(accountId, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    /** Makes the connector due now; the pull happens within the scheduler's next look. */
    @PostMapping("/pull")
    ResponseEntity<ConnectorView> pullNow(@PathVariable UUID accountId) {
        access.requireVisible(access.manager(), accountId);
        store.dueNow(existing(accountId).id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(existing(accountId).view());
    }

    private ConnectorRow existing(UUID accountId) {
        return store.ofAccount(accountId).orElseThrow(() -> new ApiProblem.NotFound("Connector of account", accountId));
    }

    private static ResponseEntity<ConnectorView> view(ConnectorRow connector) {
        return ResponseEntity.ok().eTag(Versions.etag(connector.version())).body(connector.view());
    }
}
