package io.kam.promotions.promotion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Reads promotions for other features of this service (the evaluation); no access check of its own. */
@Component
public class PromotionReader {

    private static final int PAGE = 500;

    private final PromotionStore store;

    PromotionReader(PromotionStore store) {
        this.store = store;
    }

    public Optional<Promotion> find(UUID id) {
        return store.find(id);
    }

    /**
     * Every promotion the retailer agreed (agreed, running, ended, evaluated) that promotes the SKU in an in-store
     * period overlapping these days, soonest first, read a page at a time.
     */
    public List<Promotion> agreedWithSku(String gtin, LocalDate from, LocalDate to) {
        List<Promotion> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Promotion> batch = store.search(null, null, null, gtin, from, to, true, PAGE, (long) page * PAGE);
            all.addAll(batch);
            if (batch.size() < PAGE) {
                return all;
            }
        }
    }
}
