/** The user's consent to contact the backend, remembered per backend URL. */
const KEY = "partnerhub-consent";

export function hasConsented(backendUrl: string): boolean {
  try {
    return window.localStorage.getItem(KEY) === backendUrl;
  } catch {
    return false;
  }
}

export function recordConsent(backendUrl: string): void {
  try {
    window.localStorage.setItem(KEY, backendUrl);
  } catch {
    // Without storage the notice shows again next time: acceptable.
  }
}
