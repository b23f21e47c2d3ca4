/**
 * The agreed trade spend: the accounts service reads {@code kam.negotiations.v1} and keeps, of every signed agreement
 * version ({@code kam.agreement.signed}, {@code kam.agreement.amended}), only its true trade spend % with the source of
 * its sales basis and the days it is in force. That figure is the actual of the plan KPI {@code TRADE_SPEND_RATE} of
 * the year ({@link io.kam.accounts.tradespend.TradeSpendActuals}); the agreement's terms stay in the negotiations
 * service. Every other negotiation event is read and set aside.
 */
@NullMarked
package io.kam.accounts.tradespend;

import org.jspecify.annotations.NullMarked;
