package io.kam.visits.api;

/**
 * What kind of visit it is: a first visit (初次拜访) listens and gathers information; a second visit (二次拜访) comes
 * back with an offer built on what was learnt; a maintenance visit (客户维护) keeps an existing account; a store
 * check (终端检查) looks at the shelf, prices, display and competitors.
 */
public enum VisitType {
    FIRST, SECOND, MAINTENANCE, STORE_CHECK;

    /** The type of the visit a log's next appointment plans: a first visit is followed by a second one. */
    public VisitType next() {
        return switch (this) {
            case FIRST -> SECOND;
            case SECOND, MAINTENANCE -> MAINTENANCE;
            case STORE_CHECK -> STORE_CHECK;
        };
    }

    /** The purpose a visit of this type has unless its plan names another. */
    public VisitPurpose defaultPurpose() {
        return switch (this) {
            case FIRST -> VisitPurpose.GATHER_INFORMATION;
            case SECOND -> VisitPurpose.PRESENT_OFFER;
            case MAINTENANCE -> VisitPurpose.MAINTAIN_RELATIONSHIP;
            case STORE_CHECK -> VisitPurpose.CHECK_STORE_EXECUTION;
        };
    }
}
