// A drizzle-orm 0.45 schema for DrizzleInteropTest: drizzle-kit 0.31 generates and applies
// it, then `strata snapshot` of the database must equal drizzle-kit's own last snapshot.
// It covers what a version-7 snapshot can hold and drizzle-kit handles correctly: two
// schemas, enums in both, sequences, identity/serial/generated columns, every kind of
// default, unique constraints, composite keys, foreign keys (self, cross-schema), indexes
// (expression, gin, partial, desc, nulls first), checks, views, RLS with policies, and
// mixed-case or spaced names. Names never contain a double quote: drizzle-kit interpolates
// identifiers into "…" without doubling it, so such a name breaks its SQL.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  interval,
  json,
  jsonb,
  numeric,
  pgEnum,
  pgMaterializedView,
  pgPolicy,
  pgRole,
  pgSchema,
  pgSequence,
  pgTable,
  pgView,
  primaryKey,
  real,
  serial,
  smallint,
  smallserial,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

// ---------------------------------------------------------------------------------------
// public

export const postStatus = pgEnum('post_status', ['draft', 'in review', 'published', 'archived']);
export const memberRole = pgEnum('MemberRole', ['owner', 'admin', 'member']);

export const ticketNumbers = pgSequence('ticket_numbers', {
  startWith: 1000,
  increment: 5,
  minValue: 1000,
  maxValue: 9999999,
  cache: 10,
  cycle: false,
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    email: varchar('email', { length: 320 }).notNull().unique(),
    handle: varchar('handle', { length: 40 }).notNull().unique('users_handle_key', { nulls: 'not distinct' }),
    displayName: text('Display Name'),
    isActive: boolean('is_active').notNull().default(true),
    isAdmin: boolean('is_admin').default(false),
    loginCount: integer('login_count').notNull().default(0),
    karma: bigint('karma', { mode: 'number' }).default(-1),
    roles: text('roles').array().notNull().default(['member']),
    settings: jsonb('settings').notNull().default({ theme: 'light', pageSize: 50 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at').default(sql`now()`),
  },
  (t) => [
    check('users_email_has_at', sql`position('@' in ${t.email}) > 1`),
    index('users_created_at_idx').on(t.createdAt.desc()),
    uniqueIndex('users_lower_email_idx').on(sql`lower(${t.email})`),
  ],
);

export const teams = pgTable(
  'Teams',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    slug: varchar('slug', { length: 64 }).notNull(),
    parentId: integer('parentId'),
    budget: numeric('budget', { precision: 12, scale: 2 }).default('0.00'),
    foundedOn: date('founded_on').default(sql`CURRENT_DATE`),
  },
  (t) => [
    unique('teams_slug_unique').on(t.slug),
    foreignKey({ name: 'teams_parent_fk', columns: [t.parentId], foreignColumns: [t.id] })
      .onDelete('set null')
      .onUpdate('cascade'),
    check('teams budget is positive', sql`${t.budget} >= 0`),
  ],
);

export const teamMembers = pgTable(
  'team members',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade', onUpdate: 'restrict' }),
    role: memberRole('role').notNull().default('member'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
);

export const posts = pgTable(
  'posts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: integer('team_id').notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    slug: text('slug').notNull(),
    status: postStatus('status').notNull().default('draft'),
    body: text('body').default(''),
    wordCount: integer('word_count').notNull().default(0),
    readingMinutes: integer('reading_minutes').generatedAlwaysAs(sql`(word_count / 200)`),
    rating: real('rating'),
    score: doublePrecision('score').default(0.5),
    publishedOn: date('published_on'),
    publishAt: time('publish_at'),
    metadata: json('metadata').default({}),
    ticket: integer('ticket').default(sql`nextval('ticket_numbers')`),
  },
  (t) => [
    foreignKey({ columns: [t.teamId], foreignColumns: [teams.id] }).onDelete('restrict'),
    unique('posts_team_slug_key').on(t.teamId, t.slug).nullsNotDistinct(),
    index('posts_author_status_idx').on(t.authorId, t.status),
    index('posts_published_idx').on(t.publishedOn.desc().nullsFirst(), t.id),
    index('posts_title_search_idx').using('gin', sql`to_tsvector('english', ${t.title})`),
    uniqueIndex('posts_live_slug_idx')
      .on(t.slug)
      .where(sql`${t.status} <> 'archived'`),
    check('posts_word_count_check', sql`${t.wordCount} >= 0`),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: 100, increment: 10 }),
    postId: bigint('post_id', { mode: 'number' })
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete('cascade'),
    index('comments_post_created_idx').on(t.postId, t.createdAt.asc().nullsFirst()),
  ],
);

// A role that exists outside drizzle-kit's management (the test creates it before migrate),
// the way policies usually name application roles. Not `current_user`: PostgreSQL stores the
// role that name stands for at CREATE POLICY time, so no snapshot of the database can say it.
export const auditor = pgRole('interop_auditor').existing();

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity({
      startWith: 1,
      increment: 1,
      minValue: 1,
      maxValue: 9007199254740991,
      cache: 20,
    }),
    level: smallint('level').notNull().default(1),
    actorId: uuid('actor_id'),
    action: varchar('action', { length: 64 }).notNull(),
    payload: jsonb('payload').default(sql`'{}'::jsonb`),
    elapsed: interval('elapsed'),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('audit_log_payload_idx').using('gin', t.payload),
    index('audit_log_at_idx').on(t.at).with({ fillfactor: 70 }),
    pgPolicy('audit_log_read', { as: 'permissive', for: 'select', to: 'public', using: sql`true` }),
    pgPolicy('audit_log_insert', {
      as: 'restrictive',
      for: 'insert',
      to: auditor,
      withCheck: sql`${t.level} between 1 and 5`,
    }),
  ],
).enableRLS();

export const tags = pgTable('tags', {
  id: smallserial('id').primaryKey(),
  label: varchar('label', { length: 50 }).notNull().unique(),
  colour: char('colour', { length: 7 }).default('#cccccc'),
});

export const postTags = pgTable(
  'post_tags',
  {
    postId: bigint('post_id', { mode: 'number' })
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    tagId: smallint('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ name: 'post_tags_pk', columns: [t.postId, t.tagId] })],
);

export const publishedPosts = pgView('published_posts', {
  id: bigint('id', { mode: 'number' }),
  title: varchar('title', { length: 200 }),
  publishedOn: date('published_on'),
})
  .with({ securityBarrier: true })
  .as(sql`select ${posts.id}, ${posts.title}, ${posts.publishedOn} from ${posts} where ${posts.status} = 'published'`);

export const teamPostCounts = pgMaterializedView('team_post_counts', {
  teamId: integer('team_id'),
  postCount: bigint('post_count', { mode: 'number' }),
})
  .withNoData()
  .as(sql`select ${posts.teamId}, count(*) as post_count from ${posts} group by ${posts.teamId}`);

// ---------------------------------------------------------------------------------------
// billing: a second schema, with its own enum and sequence and a foreign key into public

export const billing = pgSchema('billing');

export const currency = billing.enum('currency', ['EUR', 'USD', 'GBP']);

export const invoiceNumbers = billing.sequence('invoice_numbers', {
  startWith: 1,
  increment: 1,
  minValue: 1,
  maxValue: 2147483647,
  cache: 1,
  cycle: true,
});

export const customers = billing.table(
  'Customers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    country: char('country', { length: 2 }).notNull().default('DE'),
    currency: currency('currency').notNull().default('EUR'),
    creditLimit: numeric('credit_limit', { precision: 12, scale: 2 }).notNull().default('1000.50'),
    vatId: varchar('vat_id'),
  },
  (t) => [
    unique('customers_user_currency_key').on(t.userId, t.currency),
    check('customers_credit_limit_check', sql`${t.creditLimit} >= 0`),
  ],
);

export const invoices = billing.table(
  'invoices',
  {
    id: serial('id').primaryKey(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    number: integer('number').notNull().default(sql`nextval('billing.invoice_numbers')`),
    amount: numeric('amount', { precision: 12, scale: 2 }).notNull(),
    taxRate: numeric('tax_rate', { precision: 5, scale: 2 }).notNull().default('19.00'),
    total: numeric('total', { precision: 14, scale: 2 }).generatedAlwaysAs(sql`amount * (1 + tax_rate / 100)`),
    dueIn: interval('due_in').default('30 days'),
    issuedAt: timestamp('issued_at', { withTimezone: true, precision: 0 }).notNull().defaultNow(),
    paid: boolean('paid').notNull().default(false),
    notes: text('notes').array(),
  },
  (t) => [
    foreignKey({ name: 'invoices_customer_fk', columns: [t.customerId], foreignColumns: [customers.id] })
      .onDelete('restrict')
      .onUpdate('cascade'),
    uniqueIndex('invoices_number_idx').on(t.number),
    index('invoices_customer_issued_idx').on(t.customerId, t.issuedAt.desc().nullsLast()),
    index('invoices_unpaid_idx')
      .on(t.issuedAt)
      .where(sql`not ${t.paid}`),
    check('invoices_amount_check', sql`${t.amount} > 0`),
    pgPolicy('invoices_owner', {
      for: 'all',
      to: 'public',
      using: sql`${t.customerId} > 0`,
      withCheck: sql`${t.customerId} > 0`,
    }),
  ],
  // Explicit: with a policy but without enableRLS(), drizzle-kit 0.31 enables RLS in the SQL
  // it writes but records isRLSEnabled: false in its snapshot, contradicting the database.
).enableRLS();
