package io.kam.accounts.api;

/** The sales regions (区域) a regional coordinator works in. */
public enum Region {
    EAST, SOUTH, NORTH, NORTHEAST, CENTRE, WEST, SOUTHEAST
}
