package io.kam.visits.api;

/**
 * What a coordinator may promise a customer at a visit: a price discount (折扣), free goods (搭赠), a display fee
 * (陈列费), a listing fee (进场费), promotion support (促销支持), a promoter (促销员), accepting returns (退货), a
 * delivery arrangement (送货安排), staff training (培训), POS material (物料). Each account's commitment policy
 * says which of them it allows; anything else is outside policy (不可做出任何政策外的承诺).
 */
public enum CommitmentType {
    PRICE_DISCOUNT, FREE_GOODS, DISPLAY_FEE, LISTING_FEE, PROMOTION_SUPPORT, PROMOTER, RETURNS, DELIVERY, TRAINING,
    POS_MATERIAL
}
