package io.kam.accounts.api;

/**
 * The role an account plays in the portfolio: RED (红脸) high direct profit, irregular buying; BLACK (黑脸) little
 * or no profit, kept for brand or influence, set only by a national KA manager; WHITE (白脸) very large volume at a
 * thin margin.
 */
public enum AccountRole {
    RED, BLACK, WHITE
}
