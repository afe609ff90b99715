/**
 * The demo's cookie: which invented organisation a visitor acts for. Here rather than in actor.ts
 * so the cookies page can name it without importing the request-bound code.
 */
export const DEMO_ORG_COOKIE = "chainwise-demo-org";
