/** Failures of the mirror itself (not of the wiki), with a code for `/mirror/status`. */
export class MirrorError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "MirrorError";
    this.code = code;
  }
}
