// The starting point of DrizzleEditsTest: the test edits this file one change at a time
// (tests/integration/DrizzleEditList.cpp holds the edits, as text replacements), runs
// `drizzle-kit generate` after each, and compares every migration with `strata diff` of its
// two snapshots. The imports cover every edit: esbuild does not mind unused ones. Each
// table's extra-config array starts empty, on a line of its own, so that an edit can add to it.
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgPolicy,
  pgSchema,
  pgSequence,
  pgTable,
  pgView,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: varchar('email', { length: 320 }).notNull(),
    name: text('name'),
    age: integer('age'),
    createdAt: timestamp('created_at').notNull().defaultNow(),
  },
  (u) => [
  ],
);

export const posts = pgTable(
  'posts',
  {
    id: serial('id').primaryKey(),
    authorId: integer('author_id').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    status: text('status').default('draft'),
  },
  (p) => [
  ],
);
