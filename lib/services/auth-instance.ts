import "server-only";
import { type Auth, createAuth } from "@/lib/auth/auth";
import { appUrl, sendPasswordReset } from "@/lib/auth/mail";
import { authSecret } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { erasePerson } from "./account-deletion";

const holder = globalThis as unknown as { chainwiseAuth?: { auth: Auth; client: PrismaClient } };

/**
 * The process's Better Auth instance, on the one Prisma client. Made on first use, like the client;
 * made again only if the client is replaced (integration tests switch databases within one process).
 */
export function getAuth(): Auth {
  const client = db();
  if (holder.chainwiseAuth?.client !== client) {
    holder.chainwiseAuth = {
      client,
      auth: createAuth(client, {
        baseURL: appUrl(),
        secret: authSecret(),
        sendResetPassword: sendPasswordReset,
        eraseUser: erasePerson,
      }),
    };
  }
  return holder.chainwiseAuth.auth;
}
