package io.kam.projection.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.FieldError;
import io.kam.platform.events.Actor;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.CurrentActor;
import io.kam.projection.review.AsOf;
import io.kam.projection.review.ReviewAudiences;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import tools.jackson.databind.JsonNode;

/** The business review as a PDF or an XLSX workbook, in Chinese or English, for our own people or the retailer. */
@RestController
@RequestMapping("/api/reviews")
class ExportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String RULES = "Who may export which account is as for GET /api/reviews/{accountId}: a "
            + "coordinator their region's accounts as they see them (another account is 404), a national KA manager "
            + "any, with its trade-spend section in the internal audience. lang: zh-CN (default) or en, the words "
            + "and the formats of numbers, amounts (¥) and dates. audience: internal (default for our own people) or "
            + "retailer (default, and the only one, for integrations: internal is 403), the review as the retailer "
            + "may see it, without classification and role, stage, heat, wall, SWOT, spend targets, trade spend and "
            + "the chains' comparison. year: as for the review. asOf: as for the review, the review exactly as it stood then (400 when malformed or later than now). An "
            + "unknown lang or audience is 400 with the field.";

    private final ReviewAudiences audiences;
    private final CurrentActor actor;
    private final PdfExport pdf;
    private final XlsxExport xlsx;
    private final MarketCalendar market;

    ExportController(ReviewAudiences audiences, CurrentActor actor, PdfExport pdf, XlsxExport xlsx, MarketCalendar market) {
        this.market = market;
        this.audiences = audiences;
        this.actor = actor;
        this.pdf = pdf;
        this.xlsx = xlsx;
    }

    @Operation(summary = "The account's business review as a PDF, fonts embedded", description = RULES)
    @GetMapping("/{accountId}/export.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID accountId,
                               @Parameter(description = "the plan year to show; default as for the review")
                               @RequestParam(required = false) @Nullable Integer year,
                               @RequestParam(required = false) @Nullable String lang,
                               @RequestParam(required = false) @Nullable String audience,
                               @RequestParam(required = false) @Nullable String asOf) {
        ExportDocument document = document(accountId, year, lang, audience, asOf);
        return file(pdf.render(document), MediaType.APPLICATION_PDF, accountId, document, "pdf");
    }

    @Operation(summary = "The account's business review as an XLSX workbook, a sheet per section, with charts",
            description = RULES)
    @GetMapping("/{accountId}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable UUID accountId,
                                @Parameter(description = "the plan year to show; default as for the review")
                                @RequestParam(required = false) @Nullable Integer year,
                                @RequestParam(required = false) @Nullable String lang,
                                @RequestParam(required = false) @Nullable String audience,
                                @RequestParam(required = false) @Nullable String asOf) {
        ExportDocument document = document(accountId, year, lang, audience, asOf);
        return file(xlsx.render(document), XLSX, accountId, document, "xlsx");
    }

    private ExportDocument document(UUID accountId, @Nullable Integer year, @Nullable String lang,
                                    @Nullable String audience, @Nullable String asOf) {
        Actor reader = actor.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR, Actor.INTEGRATION);
        boolean integration = reader.has(Actor.INTEGRATION) && !reader.has(Actor.NATIONAL_KA_MANAGER);
        List<FieldError> errors = new ArrayList<>();
        Optional<ExportLanguage> language = lang == null ? Optional.of(ExportLanguage.ZH_CN) : ExportLanguage.of(lang);
        if (language.isEmpty()) {
            errors.add(new FieldError("lang", "must be zh-CN or en"));
        }
        Optional<Audience> asked = audience == null
                ? Optional.of(integration ? Audience.RETAILER : Audience.INTERNAL) : Audience.of(audience);
        if (asked.isEmpty()) {
            errors.add(new FieldError("audience", "must be internal or retailer"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem.Invalid(errors);
        }
        if (integration && asked.get() == Audience.INTERNAL) {
            throw new ApiProblem.Forbidden("internal-audience",
                    "an integration may export the retailer's audience only");
        }
        Instant at = asOf == null ? null : AsOf.parse("asOf", asOf, market.now());
        JsonNode review = reviewToExport(reader, accountId, year, at, asked.get())
                .orElseThrow(() -> new ApiProblem.NotFound("Account review", accountId));
        return ExportContent.of(review, language.get(), asked.get());
    }

    /**
     * The one place the export obtains the review it renders: the review's JSON as the reader may read it, now or as
     * it stood at {@code asOf}, for the audience.
     */
    private Optional<JsonNode> reviewToExport(Actor reader, UUID accountId, @Nullable Integer year, @Nullable Instant asOf,
                                              Audience audience) {
        return audiences.document(reader, accountId, year, asOf, audience == Audience.RETAILER);
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, UUID accountId, ExportDocument document,
                                               String extension) {
        String name = "review-" + accountId + "-" + document.audience().tag() + "-" + document.language().tag() + "."
                + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
