package io.kam.accounts.api;

/** Dates worth a greeting or an invitation. A birthday belongs to a contact; the others to the account. */
public enum ImportantDateType {
    BIRTHDAY, COMPANY_ANNIVERSARY, COOPERATION_ANNIVERSARY
}
