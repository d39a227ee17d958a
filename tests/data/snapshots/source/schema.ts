// One schema for every drizzle-kit version under test. Features that an older drizzle-orm
// lacks (pgPolicy, pgRole, enableRLS) are used only when present, so each version
// serialises as much of it as it can. SNAP_STEP=2 adds a second migration.
import { sql } from 'drizzle-orm';
import * as pg from 'drizzle-orm/pg-core';
import {
  bigint, bigserial, boolean, char, check, date, doublePrecision, foreignKey, index, integer,
  interval, jsonb, json, numeric, pgEnum, pgMaterializedView, pgSchema, pgSequence, pgTable,
  pgView, primaryKey, real, serial, smallint, smallserial, text, time, timestamp, unique,
  uniqueIndex, uuid, varchar, inet,
} from 'drizzle-orm/pg-core';

const anyPg = pg as any;
const step2 = process.env.SNAP_STEP === '2';

export const other = pgSchema('other');

export const role = pgEnum('role', ['CLIENT', 'ADMIN', "it's"]);
export const mood = other.enum('mood', ['sad', 'ok', 'happy']);

export const invoiceNumbers = pgSequence('invoice_numbers', {
  startWith: 1000, increment: 2, minValue: 1000, maxValue: 999999, cache: 10, cycle: true,
});
export const otherSeq = other.sequence('other_seq');

export const admin = anyPg.pgRole ? anyPg.pgRole('admin', { createDb: true, inherit: false }) : undefined;

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: 100, cache: 5 }),
  email: varchar('email', { length: 320 }).notNull().unique(),
  nickname: varchar('nickname'),
  code: char('code', { length: 3 }).default('abc'),
  role: role('role').notNull().default('CLIENT'),
  roles: role('roles').array().default(sql`'{}'`),
  mood: mood('mood'),
  active: boolean('active').notNull().default(true),
  deleted: boolean('deleted').default(false),
  loginCount: integer('login_count').notNull().default(0),
  score: real('score').default(1.5),
  ratio: doublePrecision('ratio').default(-0.25),
  balance: numeric('balance', { precision: 12, scale: 2 }).default('0.00'),
  big: bigint('big', { mode: 'number' }).default(9007199254740991),
  tags: text('tags').array().notNull().default(sql`ARRAY[]::text[]`),
  matrix: integer('matrix').array().array(),
  nums: integer('nums').array().default([1, 2, 3]),
  settings: jsonb('settings').notNull().default({ theme: 'dark', size: 12 }),
  meta: json('meta').default(sql`'{}'::json`),
  born: date('born').default(new Date('2000-01-02T00:00:00Z') as any),
  createdAt: timestamp('created_at').notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { precision: 3, withTimezone: true }).default(sql`now()`),
  wakeUp: time('wake_up', { precision: 0, withTimezone: false }).default('07:30:00'),
  pause: interval('pause', { fields: 'hour to minute' }),
  note: text('note').default("it's \"quoted\"\nnew line"),
  ip: inet('ip'),
  fullName: text('full_name').generatedAlwaysAs(sql`'x' || 'y'`),
}, (t) => [
  uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
  index('users_created_idx').on(t.createdAt.desc().nullsLast(), t.id),
  index('users_nick_idx').on(t.nickname.asc().nullsFirst()).where(sql`${t.nickname} is not null`),
  index('users_tags_gin').using('gin', t.tags),
  index('users_email_ops').on(t.email.op('varchar_pattern_ops')).with({ fillfactor: 70 }),
  check('users_login_count_positive', sql`${t.loginCount} >= 0`),
  ...(anyPg.pgPolicy ? [
    anyPg.pgPolicy('users_select', { as: 'permissive', for: 'select', to: ['public'], using: sql`true` }),
    anyPg.pgPolicy('users_update', { as: 'restrictive', for: 'update', to: admin, using: sql`${t.id} = 1`, withCheck: sql`${t.active}` }),
  ] : []),
]);

export const teams = pgTable('teams', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull(),
  parentId: integer('parent_id'),
  ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null', onUpdate: 'cascade' }),
  counter: smallserial('counter'),
  huge: bigserial('huge', { mode: 'bigint' }),
  seq: smallint('seq').generatedByDefaultAsIdentity(),
}, (t) => [
  unique('teams_slug_parent_unique').on(t.slug, t.parentId).nullsNotDistinct(),
  foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'teams_parent_fk' }).onDelete('restrict'),
]);

export const memberships = pgTable('memberships', {
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade', onUpdate: 'no action' }),
  since: timestamp('since', { withTimezone: true, mode: 'string' }).notNull().default(sql`CURRENT_TIMESTAMP`),
  ...(step2 ? { note: text('note') } : {}),
}, (t) => [
  primaryKey({ columns: [t.userId, t.teamId] }),
  ...(step2 ? [index('memberships_team_idx').on(t.teamId)] : []),
]);

export const profiles = other.table('profiles', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: integer('user_id').notNull().references(() => users.id),
  mood: mood('mood').default('ok'),
  moods: mood('moods').array(),
  invoice: integer('invoice').default(sql`nextval('invoice_numbers')`),
}, (t) => [
  index('profiles_user_idx').on(t.userId).concurrently(),
  check('profiles_invoice_check', sql`${t.invoice} > 0`),
]);

export const audit = other.table('audit', {
  id: bigint('id', { mode: 'bigint' }).primaryKey().generatedByDefaultAsIdentity({ increment: -1 }),
  profileId: uuid('profile_id').references(() => profiles.id, { onDelete: 'set default' }),
  teamSlug: text('team_slug'),
  teamParent: integer('team_parent'),
}, (t) => [
  foreignKey({ columns: [t.teamSlug, t.teamParent], foreignColumns: [teams.slug, teams.parentId] }).onUpdate('set null'),
]);

if (anyPg.pgPolicy && (audit as any).enableRLS) (audit as any).enableRLS();

export const linkedPolicy = anyPg.pgPolicy
  ? anyPg.pgPolicy('audit_insert', { for: 'insert', to: [admin, 'current_user'], withCheck: sql`true` }).link(audit)
  : undefined;

export const activeUsers = pgView('active_users').as((qb) =>
  qb.select({ id: users.id, email: users.email }).from(users).where(sql`${users.active}`));

export const teamCounts = pgMaterializedView('team_counts')
  .with({ fillfactor: 90, autovacuumEnabled: false })
  .withNoData()
  .as((qb) => qb.select({ teamId: memberships.teamId, n: sql<number>`count(*)`.as('n') })
    .from(memberships).groupBy(memberships.teamId));

export const legacy = pgView('legacy_view', { id: integer('id'), label: text('label') }).existing();

export const otherView = other.view('profile_moods', { id: uuid('id'), mood: mood('mood') })
  .with({ securityBarrier: true, checkOption: 'local' })
  .as(sql`select id, mood from ${profiles}`);
