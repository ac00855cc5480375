/** The API's path prefix, in a module of its own so that browser code can import it without zod. */
export const API_BASE = "/api/v1";

/**
 * D1's read-replication bookmark (Workers only): the backend returns it on each answer, the
 * client sends the last one back, so that a replica never shows it a state older than its own writes.
 */
export const D1_BOOKMARK_HEADER = "X-D1-Bookmark";
