package io.kam.projection.prospect;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.prospects.api.ProspectSource;

/**
 * Where an account converted from a prospect came from.
 *
 * @param score              the screening score at conversion; null when it was converted unscored
 * @param overridden         converted below the qualifying score by a national KA manager
 * @param referringAccountId the account that referred it (source REFERRAL); null otherwise
 * @param referralChain      the referring account, then the account that referred that one if it was itself a converted
 *                           prospect, and so on: at most {@value OriginReader#MAX_LINKS} links, stopping before an
 *                           account already in the chain
 */
public record Origin(UUID prospectId, @Nullable ProspectSource source, @Nullable Instant identifiedAt,
                     Instant convertedAt, @Nullable String convertedBy, @Nullable BigDecimal score, boolean overridden,
                     @Nullable UUID referringAccountId, List<ReferralLink> referralChain) {

    /** One account of a referral chain, with its name when the review knows the account. */
    public record ReferralLink(UUID accountId, @Nullable String name) {
    }
}
