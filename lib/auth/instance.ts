import "server-only";
import { db } from "@/lib/db/client";
import { erasePerson } from "@/lib/services/account-deletion";
import { type Auth, createAuth } from "./auth";
import { appUrl, sendPasswordReset } from "./mail";
import { authSecret } from "./secret";

const holder = globalThis as unknown as { chainwiseAuth?: Auth };

/** The process's Better Auth instance, on the one Prisma client. Made on first use, like the client. */
export function getAuth(): Auth {
  holder.chainwiseAuth ??= createAuth(db(), {
    baseURL: appUrl(),
    secret: authSecret(),
    sendResetPassword: sendPasswordReset,
    eraseUser: erasePerson,
  });
  return holder.chainwiseAuth;
}
