import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { Db } from '../client';
import { accounts, sessions, users, verificationTokens } from '../schema';

/** Auth.js reads and writes users, accounts, sessions and sign-in tokens through these tables only. */
export function authAdapter(db: Db) {
  return DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
}
