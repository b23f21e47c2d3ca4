package io.kam.accounts.api;

/** A point of an account's SWOT analysis (S.W.O.T 分析), or an action key point (行动关键点) drawn from it. */
public enum SwotKind {
    STRENGTH, WEAKNESS, OPPORTUNITY, THREAT, KEY_POINT
}
