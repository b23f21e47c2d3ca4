package io.kam.prospects.api;

/** How loyal a prospect is to the competitor supplying it now (对手忠诚度). */
public enum CompetitorLoyalty {
    HIGH, LOW
}
