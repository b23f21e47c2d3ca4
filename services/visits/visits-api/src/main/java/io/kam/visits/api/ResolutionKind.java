package io.kam.visits.api;

/**
 * How a complaint was resolved: a remedy (补救), an explanation (解释), a return (退货), or a promised date (承诺日期)
 * by which it will be put right; a promise past its date that was not kept is overdue.
 */
public enum ResolutionKind {
    REMEDY, EXPLANATION, RETURN, PROMISED_DATE
}
