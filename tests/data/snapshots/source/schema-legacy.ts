// The same kind of schema for drizzle-kit 0.20 and 0.21 (snapshot versions "5" and "6"),
// limited to what drizzle-orm 0.30 offers (no identity, sequences, checks, policies).
import { sql } from 'drizzle-orm';
import {
  boolean, index, integer, jsonb, numeric, pgEnum, pgSchema, pgTable, primaryKey, serial, text,
  timestamp, unique, uniqueIndex, varchar,
} from 'drizzle-orm/pg-core';

const step2 = process.env.SNAP_STEP === '2';

export const other = pgSchema('other');
export const role = pgEnum('role', ['CLIENT', 'ADMIN']);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: varchar('email', { length: 320 }).notNull().unique(),
  role: role('role').notNull().default('CLIENT'),
  active: boolean('active').notNull().default(true),
  loginCount: integer('login_count').notNull().default(0),
  balance: numeric('balance', { precision: 12, scale: 2 }),
  tags: text('tags').array().notNull().default(sql`'{}'`),
  settings: jsonb('settings').default({ theme: 'dark' }),
  createdAt: timestamp('created_at', { precision: 3, withTimezone: true }).notNull().defaultNow(),
}, (t) => ({
  emailLower: uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
  created: index('users_created_idx').on(t.createdAt),
}));

export const teams = pgTable('teams', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull(),
  ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
}, (t) => ({
  slugUnique: unique('teams_slug_unique').on(t.slug).nullsNotDistinct(),
}));

export const memberships = pgTable('memberships', {
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  teamId: integer('team_id').notNull().references(() => teams.id),
  ...(step2 ? { note: text('note') } : {}),
}, (t) => ({
  pk: primaryKey({ columns: [t.userId, t.teamId] }),
}));

export const profiles = other.table('profiles', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
});
