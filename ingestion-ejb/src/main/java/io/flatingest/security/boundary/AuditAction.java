package io.flatingest.security.boundary;

/** What the audit trail records. Add constants here when a new kind of action must be audited. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    /** A login refused without checking the password because of earlier failures. */
    LOGIN_THROTTLED,
    LOGOUT,
    USER_CREATED,
    USER_ROLE_CHANGED,
    USER_ENABLED,
    USER_DISABLED,
    /** An administrator set another user's password. */
    USER_PASSWORD_RESET,
    /** A user changed their own password. */
    PASSWORD_CHANGED,
    USER_DELETED,
    CONNECTION_CREATED,
    CONNECTION_UPDATED,
    CONNECTION_DELETED,
    JOB_STARTED,
    JOB_STOPPED,
    JOB_RESTARTED,
    /** A stopped or failed execution given up for good. */
    JOB_ABANDONED,
    FILE_UPLOADED,
    FILE_DOWNLOADED,
    /** A file removed from the landing directory. */
    FILE_DELETED,
    SCHEDULE_CREATED,
    SCHEDULE_UPDATED,
    SCHEDULE_PAUSED,
    SCHEDULE_RESUMED,
    SCHEDULE_DELETED
}
