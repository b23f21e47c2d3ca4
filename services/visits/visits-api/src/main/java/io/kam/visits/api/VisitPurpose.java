package io.kam.visits.api;

/**
 * Why the coordinator goes (拜访目的): gather information (了解信息), present an offer (提出方案), maintain the
 * relationship (客户维护), check store execution (终端检查: shelf, price, display), handle a complaint or objection
 * (处理异议), train the customer's staff (培训), follow a promotion through in the store (促销执行).
 */
public enum VisitPurpose {
    GATHER_INFORMATION, PRESENT_OFFER, MAINTAIN_RELATIONSHIP, CHECK_STORE_EXECUTION, HANDLE_COMPLAINT, TRAIN_STAFF,
    FOLLOW_PROMOTION
}
