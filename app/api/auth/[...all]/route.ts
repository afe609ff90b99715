import { getAuth } from "@/lib/auth/instance";

/**
 * Better Auth's own endpoints, for links in emails (the password-reset link lands here and is sent
 * on to /reset-password) and for clients that speak JSON. The app's forms use server actions.
 */
export async function GET(request: Request) {
  return getAuth().handler(request);
}

export async function POST(request: Request) {
  return getAuth().handler(request);
}
