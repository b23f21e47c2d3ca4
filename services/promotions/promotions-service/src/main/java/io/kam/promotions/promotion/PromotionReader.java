package io.kam.promotions.promotion;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Reads one promotion for other features of this service (the evaluation); no access check of its own. */
@Component
public class PromotionReader {

    private final PromotionStore store;

    PromotionReader(PromotionStore store) {
        this.store = store;
    }

    public Optional<Promotion> find(UUID id) {
        return store.find(id);
    }
}
