package io.kam.accounts.api;

/** The key-account development model (大客户发展模型), in order. */
public enum DevelopmentStage {
    /** 目标与评估 */
    TARGET_EVALUATION,
    /** 产品使用者 */
    PRODUCT_USER,
    /** 产品优先使用者 */
    PREFERRED_USER,
    /** 产品排他使用者 */
    EXCLUSIVE_USER,
    /** 排他性壁垒 */
    EXCLUSIVITY_BARRIER;

    /** Whether moving here from {@code from} is the next step forward, which needs no reason. */
    public boolean isNextAfter(DevelopmentStage from) {
        return ordinal() == from.ordinal() + 1;
    }
}
