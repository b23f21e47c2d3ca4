package io.kam.accounts.api;

/**
 * Where one version of an annual business plan stands: {@code DRAFT → SUBMITTED → APPROVED}, or back as
 * {@code RETURNED} with a comment and then {@code SUBMITTED} again. An approved version never changes.
 */
public enum PlanStatus {
    DRAFT, SUBMITTED, RETURNED, APPROVED
}
