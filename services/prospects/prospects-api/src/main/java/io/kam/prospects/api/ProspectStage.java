package io.kam.prospects.api;

/**
 * The pipeline: purposeful search finds a prospect (IDENTIFIED), effective screening scores it (SCREENED), targeted
 * development works it (DEVELOPING); it ends CONVERTED into an account or DROPPED with a reason.
 */
public enum ProspectStage {
    IDENTIFIED, SCREENED, DEVELOPING, CONVERTED, DROPPED;

    public boolean isClosed() {
        return this == CONVERTED || this == DROPPED;
    }
}
