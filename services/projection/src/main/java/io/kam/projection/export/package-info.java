/**
 * The business review's exports: {@code GET /api/reviews/{accountId}/export.pdf} and {@code .xlsx}, in zh-CN or en,
 * for our own people or for the retailer. What a file shows comes from the review's JSON as its reader may read it
 * ({@link io.kam.projection.review.ReviewAudiences}); {@link io.kam.projection.export.ExportContent} turns that into
 * one document of labelled tables and charts, which {@link io.kam.projection.export.PdfExport} and
 * {@link io.kam.projection.export.XlsxExport} render. Why these libraries and this font: ADR 0014.
 */
@NullMarked
package io.kam.projection.export;

import org.jspecify.annotations.NullMarked;
