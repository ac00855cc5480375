/** The API's path prefix, in a module of its own so that browser code can import it without zod. */
export const API_BASE = "/api/v1";
