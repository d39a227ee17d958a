// Strata demo project: the schema of a small blogging platform ("Kaygia-like"
// web app: accounts, sessions, posts, comments, tags and page-view analytics).
// The migrations in ./drizzle were generated from this file by drizzle-kit,
// one step at a time; this is the state after the last one (0004).
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

export const roleEnum = pgEnum("role", ["member", "author", "editor", "moderator", "admin"]);

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
    isActive: boolean("is_active").notNull().default(true),
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
    viewCount: integer("view_count").notNull().default(0),
    pinnedAt: timestamp("pinned_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("posts_slug_idx").on(t.slug),
    index("posts_author_id_status_idx").on(t.authorId, t.status),
    index("posts_published_at_idx").on(t.publishedAt.desc()),
    index("posts_pinned_at_idx").on(t.pinnedAt).where(sql`${t.pinnedAt} IS NOT NULL`),
    check(
      "posts_published_at_check",
      sql`${t.status} <> 'published' OR ${t.publishedAt} IS NOT NULL`,
    ),
  ],
);

export const comments = pgTable(
  "comments",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    parentId: bigint("parent_id", { mode: "number" }).references(
      (): AnyPgColumn => comments.id,
      { onDelete: "cascade" },
    ),
    body: text("body").notNull(),
    isApproved: boolean("is_approved").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("comments_post_id_created_at_idx").on(t.postId, t.createdAt),
    index("comments_author_id_idx").on(t.authorId),
    check("comments_body_not_blank", sql`length(btrim(${t.body})) > 0`),
  ],
);

export const tags = pgTable("tags", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 64 }).notNull().unique(),
  slug: varchar("slug", { length: 64 }).notNull().unique(),
  color: char("color", { length: 7 }),
});

export const postTags = pgTable(
  "post_tags",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.tagId] }),
    index("post_tags_tag_id_idx").on(t.tagId),
  ],
);

// ---------------------------------------------------------------- analytics

export const pageViews = pgTable(
  "page_views",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    viewedAt: timestamp("viewed_at", { withTimezone: true }).notNull().defaultNow(),
    path: text("path").notNull(),
    referrer: text("referrer"),
    userAgent: text("user_agent"),
    durationMs: integer("duration_ms").notNull(),
    country: char("country", { length: 2 }),
  },
  (t) => [
    index("page_views_post_id_viewed_at_idx").on(t.postId, t.viewedAt),
    index("page_views_user_id_idx").on(t.userId),
    index("page_views_viewed_at_brin_idx").using("brin", t.viewedAt),
    check("page_views_duration_ms_check", sql`${t.durationMs} >= 0`),
  ],
);

// ---------------------------------------------------------------- views

export const publishedPosts = pgView("published_posts").as((qb) =>
  qb
    .select({
      id: posts.id,
      title: posts.title,
      slug: posts.slug,
      authorId: posts.authorId,
      authorName: sql<string>`${users.displayName}`.as("author_name"),
      publishedAt: posts.publishedAt,
      viewCount: posts.viewCount,
    })
    .from(posts)
    .innerJoin(users, sql`${users.id} = ${posts.authorId}`)
    .where(sql`${posts.status} = 'published'`),
);

export const tagPostCounts = pgView("tag_post_counts", {
  tagId: integer("tag_id").notNull(),
  name: varchar("name", { length: 64 }).notNull(),
  postCount: bigint("post_count", { mode: "number" }).notNull(),
}).as(
  sql`SELECT t.id AS tag_id, t.name, count(pt.post_id) AS post_count FROM tags t LEFT JOIN post_tags pt ON pt.tag_id = t.id GROUP BY t.id, t.name`,
);
