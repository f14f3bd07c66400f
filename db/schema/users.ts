import { boolean, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

import type { Role } from '@/lib/domain/roles';

// Auth.js tables (names and columns as @auth/drizzle-adapter expects) plus our own columns with defaults.
export const users = pgTable('users', {
  id: text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text('name'),
  email: text('email').notNull().unique(),
  emailVerified: timestamp('email_verified', { mode: 'date', withTimezone: true }),
  image: text('image'),
  roles: text('roles').array().$type<Role[]>().notNull().default(['patient']),
  timezone: text('timezone').notNull().default('UTC'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const accounts = pgTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable('sessions', {
  sessionToken: text('session_token').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: timestamp('expires', { mode: 'date', withTimezone: true }).notNull(),
});

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { mode: 'date', withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** A patient's own details, as they gave them in the intake's "about you" step. */
export const patientProfiles = pgTable('patient_profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  dateOfBirth: text('date_of_birth').notNull(),
  sex: text('sex').$type<'female' | 'male' | 'other' | 'unspecified'>(),
  timezone: text('timezone').notNull().default('UTC'),
  /** E.164, from the intake's "about you" step; how the team reaches the patient in an emergency. */
  phone: text('phone'),
  /** Whether the patient allows the team to phone them (null: never asked, e.g. before phone numbers were asked). */
  mayCall: boolean('may_call'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Rehab-team members. `areas` are ClinicalArea codes from lib/triage. */
export const clinicianProfiles = pgTable('clinician_profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  displayName: text('display_name').notNull(),
  title: text('title').notNull().default('Physiotherapist'),
  areas: text('areas').array().notNull().default([]),
  capacity: integer('capacity').notNull().default(20),
  onCall: boolean('on_call').notNull().default(false),
  active: boolean('active').notNull().default(true),
  bookable: boolean('bookable').notNull().default(true),
  timezone: text('timezone').notNull().default('Europe/London'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
