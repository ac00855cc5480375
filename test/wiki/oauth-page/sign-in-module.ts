// The on-demand module (hidden gadget `partnerhub-oauth`): the OAuth code with oauth4webapi.
import { createOAuthSignIn } from "../../../gadget/src/auth/oauth-provider.ts";

export interface SignInModule {
  createOAuthSignIn: typeof createOAuthSignIn;
}

(window as unknown as { partnerhubOAuth: SignInModule }).partnerhubOAuth = { createOAuthSignIn };
