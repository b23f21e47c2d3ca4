package io.kam.accounts.api;

/** How far an action-plan item has come. An item past its due date that is neither DONE nor CANCELLED is overdue. */
public enum ActionStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    public boolean isClosed() {
        return this == DONE || this == CANCELLED;
    }
}
