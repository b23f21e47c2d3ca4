package io.kam.projection.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.domain.DataScope;
import io.kam.platform.events.Actor;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.CurrentActor;
import io.kam.projection.review.ReviewViews.Page;
import io.kam.projection.review.ReviewViews.Review;
import io.kam.projection.review.ReviewViews.ReviewSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The business reviews as projected so far. */
@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    private final ReviewAudiences audiences;
    private final ReviewList list;
    private final CurrentActor actor;
    private final ReviewChanges changes;
    private final MarketCalendar market;
    private final ReviewResponses responses;

    ReviewController(ReviewAudiences audiences, ReviewList list, CurrentActor actor,
                     ReviewChanges changes, MarketCalendar market, ReviewResponses responses) {
        this.audiences = audiences;
        this.responses = responses;
        this.changes = changes;
        this.market = market;
        this.list = list;
        this.actor = actor;
    }

    @Operation(summary = "List the accounts' reviews, by name, a page at a time",
            description = "region: accounts with an open store there, or regional accounts at home there.")
    @GetMapping
    Page<ReviewSummary> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                             @RequestParam(required = false) @Nullable Region region,
                             @RequestParam(required = false) @Nullable ValueTier tier,
                             @RequestParam(required = false) @Nullable DevelopmentStage stage) {
        Actor reader = reader();
        Optional<Region> listed = DataScope.listingRegion(reader, region, Region.class);
        boolean retailer = ReviewAudiences.forTheRetailer(reader);
        if (retailer && (tier != null || stage != null)) {
            // Which list its account is in would tell the retailer how we classify it.
            throw new ApiProblem.Forbidden("internal-filter",
                    "tier and stage are our view of the retailer; a client acting for the retailer may not filter by them");
        }
        Page<ReviewSummary> found = list.page(new ReviewList.Filter(listed.orElse(null), tier, stage,
                DataScope.account(reader).orElse(null)), page, size);
        return retailer ? new Page<>(found.items().stream().map(ReviewSummary::forRetailer).toList(), found.page(),
                found.size(), found.totalItems(), found.totalPages()) : found;
    }

    @Operation(summary = "Rank the accounts by one of their figures",
            description = "For national KA managers and regional coordinators; integrations are refused (403): the "
                    + "ranking compares chains with each other, which is internal. A coordinator ranks their region's "
                    + "accounts only (asking for another region is 403), as the list; region: accounts with an open "
                    + "store there, or regional accounts at home there; tier: that classification. year: default the "
                    + "current year in Asia/Shanghai. by (default SELL_THROUGH): SELL_THROUGH, GROWTH, "
                    + "PLAN_ATTAINMENT, EXECUTION, HEAT or TRADE_SPEND, highest first, accounts without the figure "
                    + "last, ties by name (then id); rank counts from 1. Per account, account-wide: sellThrough = "
                    + "sales from 1 January to today (31 December for a past year; from, to), null without figures "
                    + "in that span; lastYearSameSpan = sales from 1 January last year to the latest day of the span "
                    + "with figures a year earlier (to the span's end when it has none), null without figures; "
                    + "growthPercent = (sellThrough - lastYearSameSpan) / lastYearSameSpan x 100 (no sellThrough "
                    + "counts as zero), null without last year's sales; planTarget = the SELL_THROUGH_VALUE target of "
                    + "the year's approved plan in force (its highest approved version; no fallback to another year), "
                    + "planAttainmentPercent = sellThrough / planTarget x 100, null without either; "
                    + "executionCompliance = the store-check compliance score the review's execution section shows "
                    + "(average score of the last 13 weeks' checks up to today), null without checks; heat = the "
                    + "latest assessment's score; tradeSpendPercent = the trade spend % of the agreement in force on "
                    + "the trade-spend section's day, for national KA managers only (null for coordinators, who may "
                    + "not rank by it: 403). Percentages have one decimal, half up. An unknown by, region or tier is "
                    + "400. " + CONDITIONAL)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ReviewRanking.Ranking.class)))
    @GetMapping("/ranking")
    ResponseEntity<byte[]> ranking(@RequestParam(required = false) @Nullable Integer year,
                                   @RequestParam(required = false) @Nullable Region region,
                                   @RequestParam(required = false) @Nullable ValueTier tier,
                                   @RequestParam(defaultValue = "SELL_THROUGH") ReviewRanking.RankBy by,
                                   WebRequest request) {
        Actor ranker = actor.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR);
        if (ranker.has(Actor.INTEGRATION) && !ranker.has(Actor.NATIONAL_KA_MANAGER)) {
            throw new ApiProblem.Forbidden("internal-comparison", "the ranking compares chains; it is internal");
        }
        Optional<Region> listed = DataScope.listingRegion(ranker, region, Region.class);
        boolean terms = ranker.has(Actor.NATIONAL_KA_MANAGER) && DataScope.region(ranker, Region.class).isEmpty()
                && DataScope.account(ranker).isEmpty();
        if (by == ReviewRanking.RankBy.TRADE_SPEND && !terms) {
            throw new ApiProblem.Forbidden("confidential-terms", "trade spend is for national KA managers only");
        }
        return served(responses.rankingKey(null, year, listed.orElse(null), tier, by, terms), request,
                responses::ranking);
    }

    @Operation(summary = "One region's view: its accounts ranked with the region's figures, and its open stores",
            description = "For national KA managers and that region's coordinator (another region is 403); "
                    + "integrations are refused (403). The accounts present in the region (an open store there, or "
                    + "regional and at home there), ranked as GET /api/reviews/ranking with the same parameters, "
                    + "their sell-through, last year's same span, growth and execution compliance restricted to the "
                    + "region's stores (sales by store code, checks naming the region); planTarget, "
                    + "planAttainmentPercent (account-wide sales against the account's plan), heat and "
                    + "tradeSpendPercent (managers only) stay the account's. stores: the region's open stores of "
                    + "those accounts by code, each with its sales over the span and its checks' average score over "
                    + "the execution window. " + CONDITIONAL)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ReviewRanking.RegionalView.class)))
    @GetMapping("/regions/{region}")
    ResponseEntity<byte[]> region(@PathVariable Region region,
                                  @RequestParam(required = false) @Nullable Integer year,
                                  @RequestParam(required = false) @Nullable ValueTier tier,
                                  @RequestParam(defaultValue = "SELL_THROUGH") ReviewRanking.RankBy by,
                                  WebRequest request) {
        Actor ranker = actor.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR);
        if (ranker.has(Actor.INTEGRATION) && !ranker.has(Actor.NATIONAL_KA_MANAGER)) {
            throw new ApiProblem.Forbidden("internal-comparison", "the regional view compares chains; it is internal");
        }
        DataScope.listingRegion(ranker, region, Region.class);
        boolean terms = ranker.has(Actor.NATIONAL_KA_MANAGER) && DataScope.region(ranker, Region.class).isEmpty()
                && DataScope.account(ranker).isEmpty();
        if (by == ReviewRanking.RankBy.TRADE_SPEND && !terms) {
            throw new ApiProblem.Forbidden("confidential-terms", "trade spend is for national KA managers only");
        }
        return served(responses.rankingKey(region, year, null, tier, by, terms), request, responses::ranking);
    }

    @Operation(summary = "One account's business review so far",
            description = "Header, classification, stage, open stores by region, contacts by department and level, "
                    + "and the timeline of classification, stage and plan changes (submitted, approved, returned), "
                    + "oldest first. plan: the approved plan in force (its highest approved version) for the year "
                    + "asked, by default the current year in Asia/Shanghai; when that year has no approved plan, the "
                    + "latest year that has one; null when none has. planYears: the years with an approved plan. "
                    + "actions: the progress of the shown plan's action items (overdue: due before today in "
                    + "Asia/Shanghai and neither DONE nor CANCELLED; percentDone: DONE out of the items not "
                    + "CANCELLED, a whole percent). heat: the latest purchase-heat assessment, the history oldest "
                    + "first and the trend over it; null when never assessed. wall: the assessed cells and the "
                    + "weak-wall findings for the departments the shown plan depends on (none without a plan): "
                    + "strength 1 or lower, or no contact for more than the days set by "
                    + "kam.projection.wall.max-days-without-contact (default 90). swot: points by kind. origin: for "
                    + "an account converted from a prospect, the prospect, its source, when it was identified and "
                    + "converted, by whom, its score, whether the qualifying score was overridden, and the referral "
                    + "chain (referring account, the account that referred that one, ..., at most 10, stopping at a "
                    + "cycle) with names when known; null otherwise, and for integrations. execution: store execution "
                    + "from the visits events, overall and for every region (a coordinator sees their region's "
                    + "figures only; null for integrations): over the last 13 weeks up to today in Asia/Shanghai "
                    + "(from, to), visit coverage against the frequency standards (scheduled visits planned for a "
                    + "day of the window: due, done, doneLate, missed, open, coveragePercent = done / due), store-check "
                    + "compliance (checks, averageScore; lastCheckedOn whenever it was), shelf prices against the "
                    + "agreed retail prices (average, average absolute and worst deviation, share outside ±5 %, the "
                    + "five SKUs most often outside it) and out-of-stocks (out-of-stock SKU lines / SKU lines); "
                    + "complaints as they stand now (open by type, all by status, overdue promises, the oldest open "
                    + "one's day and age in days). promotions: for the review's year (the shown plan's, else the year "
                    + "asked; a promotion belongs to the year its in-store period begins in): upcoming (agreed, not "
                    + "started) and running promotions with their execution (compliance = stores whose latest check "
                    + "found it executed / checked stores, with the deviations), the year's promotions agreed with the "
                    + "retailer and not cancelled (the PROMOTIONS actual), the evaluated ones by their highest "
                    + "evaluation (uplift %, investment, ROI), the year's funds (budget, committed, actual = "
                    + "evaluated investment) and the spend (evaluated investment + spend committed on approved "
                    + "promotions not evaluated yet: the PROMOTION_SPEND actual) against the plan's target. A "
                    + "coordinator sees the promotions of their region's stores with that region's execution; "
                    + "integrations no execution; an integration bound to the retailer only the agreed promotions, "
                    + "as calendar facts (no spend, ROI, uplift, funds, or PROMOTION_SPEND target). tradeSpend, for "
                    + "national KA managers only (negotiations and terms are confidential; null for coordinators and "
                    + "integrations): on the section's day (today, or the last day of a past year), the agreement in "
                    + "force by canonical term kind with annual cost and share of sales, the basis (source and amount) "
                    + "beside every figure; the true trade spend % against the plan's TRADE_SPEND_RATE target (also "
                    + "its actual), last year's agreement's, the chains' national average (mean of every account's "
                    + "agreement in force, with how many and on which bases); accrued spend year to date (percentage "
                    + "terms on each day's sell-through under the version then in force, fixed fees in full as "
                    + "agreed, promotion spend as the promotions section counts it); and the latest negotiation's "
                    + "ledger (asks, gives, gets, unreturned gives and their cost, per round). distribution: for the "
                    + "review's year, thisYear (1 January to today, or the whole past year) against lastYear (the same "
                    + "span a year earlier) and numericDistributionChangePoints: listedSkus (listed at the period's "
                    + "end: the LISTED_SKUS actual), newListings (first listed in it: NEW_LISTINGS), storesOpen (open "
                    + "at its end), storesCarrying (open stores that sold a SKU listed in the period, units above "
                    + "zero, or where a check found it on the shelf: STORES_CARRYING), numericDistributionPercent = "
                    + "storesCarrying / storesOpen, shelfPriceIndex = 100 x the average shelf / agreed price over "
                    + "the checks' priced SKU lines, each line weighing the same (SHELF_PRICE_INDEX), "
                    + "secondaryDisplays found by each store's latest check, summed (SECONDARY_DISPLAYS); overall "
                    + "and by region, each with bySku; one decimal, half up. A coordinator sees their region's "
                    + "figures only; integrations, the retailer's included, the whole section (targets set with "
                    + "the retailer). " + CONDITIONAL + " Not for asOf: an as-of review has no ETag.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Review.class)))
    @GetMapping("/{accountId}")
    ResponseEntity<?> review(@PathVariable UUID accountId,
                  @Parameter(description = "the plan year to show; default the current year in Asia/Shanghai")
                  @RequestParam(required = false) @Nullable Integer year,
                  @Parameter(description = "the review exactly as it stood then: an ISO date (the end of that day in "
                          + "Asia/Shanghai) or an ISO timestamp with an offset; the plan in force then and the figures "
                          + "the platform had recorded by then, restatements included, read as on that day (its "
                          + "today and current year). A later instant than now, or malformed, is 400; before the "
                          + "platform knew the account, 404. Default: now.")
                  @RequestParam(required = false) @Nullable String asOf,
                  WebRequest request) {
        if (asOf != null) {
            Instant at = AsOf.parse("asOf", asOf, market.now());
            return ResponseEntity.ok(audiences.review(reader(), accountId, year, at)
                    .orElseThrow(() -> new ApiProblem.NotFound("Account review", accountId)));
        }
        Audience audience = audiences.audience(reader(), accountId)
                .orElseThrow(() -> new ApiProblem.NotFound("Account review", accountId));
        return served(responses.reviewKey(accountId, year, audience), request, responses::review);
    }

    /**
     * 304 when the caller's {@code If-None-Match} names the answer's current ETag (known from its key alone), else
     * the kept bytes. Private to the caller and revalidated on every use; it varies with the token.
     */
    private static <K> ResponseEntity<byte[]> served(K key, WebRequest request,
                                                     java.util.function.Function<K, ServedJson.Served> answer) {
        if (request.checkNotModified(ServedJson.etagOf(key))) {
            // checkNotModified has set the status and the ETag
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(CacheControl.noCache().cachePrivate()).varyBy(HttpHeaders.AUTHORIZATION).build();
        }
        ServedJson.Served served = answer.apply(key);
        return ResponseEntity.ok().eTag(served.etag()).cacheControl(CacheControl.noCache().cachePrivate())
                .varyBy(HttpHeaders.AUTHORIZATION).contentType(MediaType.APPLICATION_JSON).body(served.json());
    }

    @Operation(summary = "What changed in one account's review between two instants",
            description = "The review at from and at to (default now), each exactly as GET /api/reviews/{accountId}"
                    + "?asOf= reads it for the caller (same access rules and audience), compared: eventsRecorded (the "
                    + "account's events the platform recorded in between); plan (the plan in force then and now, "
                    + "year, version, approvedAt; null when the same); kpis (each plan KPI whose target or actual "
                    + "moved: targetFrom, targetTo, actualFrom, actualTo, actualDelta); sellThrough (year-to-date "
                    + "sales then and now, delta); restatements (each sell-through restatement recorded in between: "
                    + "recordedAt, batchId, the day restated, currency, deltaUnits, deltaSales, lines); "
                    + "classification, stage, heat (then and now; null when unchanged); complaints (opened and "
                    + "closed in between, a coordinator's region only; null for integrations); timeline (entries "
                    + "added in between). from and to: ISO dates (end of the day in Asia/Shanghai) or timestamps "
                    + "with an offset, from before to, neither later than now, else 400; 404 when the platform did "
                    + "not know the account at from.")
    @GetMapping("/{accountId}/changes")
    ChangeViews.Changes changes(@PathVariable UUID accountId,
                                @RequestParam String from,
                                @RequestParam(required = false) @Nullable String to,
                                @RequestParam(required = false) @Nullable Integer year) {
        Audience audience = audiences.audience(reader(), accountId)
                .orElseThrow(() -> new ApiProblem.NotFound("Account review", accountId));
        Instant now = market.now();
        Instant since = AsOf.parse("from", from, now);
        Instant until = to == null ? now : AsOf.parse("to", to, now);
        if (!since.isBefore(until)) {
            throw new ApiProblem.Invalid("to", "must be later than from (" + since + ")");
        }
        return changes.between(accountId, since, until, year, audience)
                .orElseThrow(() -> new ApiProblem.NotFound("Account review at " + since, accountId));
    }

    private static final String CONDITIONAL = "The answer carries an ETag (private, no-cache, Vary: Authorization):"
            + " asked again with If-None-Match naming it, it is 304 Not Modified while nothing it shows has changed.";

    private Actor reader() {
        return actor.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR, Actor.INTEGRATION);
    }
}
