package io.kam.accounts.store;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.account.AccountAccess;
import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountViews;
import io.kam.accounts.api.AccountViews.StoreView;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.StoreStatus;
import io.kam.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The stores of an account: open one, open many at once, list, read, close. */
@RestController
@RequestMapping("/api/accounts/{accountId}/stores")
class StoresController {

    private final OpenStores openStores;
    private final CloseStore closeStore;
    private final StoreRepository stores;
    private final AccountAccess access;

    StoresController(OpenStores openStores, CloseStore closeStore, StoreRepository stores, AccountAccess access) {
        this.openStores = openStores;
        this.closeStore = closeStore;
        this.stores = stores;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<StoreView> open(@PathVariable UUID accountId, @Valid @RequestBody AccountRequests.OpenStore request) {
        Store store = openStores.open(accountId, List.of(request), access.storeKeeper(request.region())).getFirst();
        return ResponseEntity.created(URI.create("/api/accounts/" + accountId + "/stores/" + store.id())).body(view(store));
    }

    @PostMapping("/bulk")
    @ResponseStatus(HttpStatus.CREATED)
    List<StoreView> openMany(@PathVariable UUID accountId, @Valid @RequestBody AccountRequests.OpenStores request) {
        var actor = request.stores().stream().map(store -> access.storeKeeper(store.region())).toList().getFirst();
        return openStores.open(accountId, request.stores(), actor).stream().map(StoresController::view).toList();
    }

    @GetMapping
    @Transactional(readOnly = true)
    AccountViews.Page<StoreView> list(@PathVariable UUID accountId,
                                      @RequestParam(required = false) Region region,
                                      @RequestParam(required = false) StoreStatus status,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        var actor = access.reader();
        access.visible(accountId, actor);
        String r = access.listingRegion(actor, region).map(Region::name).orElse(null);
        String s = status == null ? null : status.name();
        List<StoreView> items = stores.search(accountId, r, s, size, (long) page * size).stream()
                .map(StoresController::view).toList();
        long total = stores.countSearch(accountId, r, s);
        return new AccountViews.Page<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    @GetMapping("/{storeId}")
    StoreView read(@PathVariable UUID accountId, @PathVariable UUID storeId) {
        return view(visibleStore(accountId, storeId, access.reader()));
    }

    @PostMapping("/{storeId}/closure")
    StoreView close(@PathVariable UUID accountId, @PathVariable UUID storeId,
                    @Valid @RequestBody AccountRequests.CloseStore request) {
        Store store = visibleStore(accountId, storeId, access.reader());
        return view(closeStore.close(accountId, storeId, request, access.storeKeeper(store.region())));
    }

    /** A store of another region is, for a coordinator, a store that does not exist. */
    private Store visibleStore(UUID accountId, UUID storeId, io.kam.platform.events.Actor actor) {
        return stores.findByIdAndAccountId(storeId, accountId)
                .filter(store -> access.confinement(actor).map(region -> region == store.region()).orElse(true))
                .orElseThrow(() -> new ApiProblem.NotFound("Store", storeId));
    }

    static StoreView view(Store s) {
        return new StoreView(s.id(), s.accountId(), s.code(), s.name(), s.city(), s.region(), s.format(),
                s.openingDate(), s.status(), s.closedOn());
    }
}
