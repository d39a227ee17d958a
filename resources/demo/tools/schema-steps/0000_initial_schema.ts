// Strata demo project: the schema of a small blogging platform ("Kaygia-like"
// web app: accounts, sessions, posts, comments, tags and page-view analytics).
// The migrations in ./drizzle were generated from this file by drizzle-kit,
// one step at a time. THIS FILE: the schema as of migration 0000 (see tools/regenerate-migrations.sh).
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  char,
  check,
  index,
  inet,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  pgView,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

// ---------------------------------------------------------------- enums

export const roleEnum = pgEnum("role", ["member", "author", "editor", "admin"]);

export const postStatusEnum = pgEnum("post_status", ["draft", "published", "archived"]);

// ---------------------------------------------------------------- accounts

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: roleEnum("role").notNull().default("member"),
    bio: text("bio"),
    preferences: jsonb("preferences").notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.role),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ipAddress: inet("ip_address"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("sessions_user_id_idx").on(t.userId),
    index("sessions_expires_at_idx").on(t.expiresAt),
  ],
);

// ---------------------------------------------------------------- content

export const posts = pgTable(
  "posts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    slug: varchar("slug", { length: 200 }).notNull(),
    body: text("body").notNull(),
    status: postStatusEnum("status").notNull().default("draft"),
    keywords: text("keywords").array().notNull().default(sql`'{}'::text[]`),
    metadata: jsonb("metadata"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("posts_slug_idx").on(t.slug),
    index("posts_author_id_status_idx").on(t.authorId, t.status),
    index("posts_published_at_idx").on(t.publishedAt.desc()),
    check(
      "posts_published_at_check",
      sql`${t.status} <> 'published' OR ${t.publishedAt} IS NOT NULL`,
    ),
  ],
);

// ---------------------------------------------------------------- analytics

// ---------------------------------------------------------------- views

