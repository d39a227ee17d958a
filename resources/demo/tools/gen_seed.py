#!/usr/bin/env python3
"""Writes seed.sql for the Strata demo project (resources/demo/project).

The seed targets the schema as it is after migrations 0000..0003 (0004 stays
pending in the demo, so nothing here may use what 0004 adds: the 'moderator'
role value and posts.pinned_at).

All rows are produced inside the server by generate_series and deterministic
expressions of the series number (multiplicative hashing, modulo, md5/sha256 of
fixed strings): the same file always yields the same data. No random(), no now().

Layout: steps separated by the exact line `--> statement-breakpoint`; each step
starts with one `-- progress: <label>` line followed by exactly one SQL statement.

For the 2,000,000 page views, the two foreign keys and the two b-tree indexes of
page_views are dropped first and re-created after the load with the exact statements
of migration 0002 (read from ../project/drizzle/0002_page_views.sql), which makes the
load about twice as fast. STRATA_DEMO_BULK_LOAD=0 writes a seed without that trick
(for comparison); STRATA_DEMO_0002=<path> reads 0002 from elsewhere.

Usage (from this folder): python3 gen_seed.py > ../seed.sql
"""

import os
import re
import sys

BASE = "timestamptz '2023-01-01 00:00:00+00'"
WINDOW_DAYS = 730  # two years: 2023-01-01 .. 2025-01-01
WINDOW_S = WINDOW_DAYS * 86400  # 63,072,000 s

N_USERS = 5_000
N_SESSIONS = 8_000
N_POSTS = 20_000
N_COMMENTS = 60_000
N_VIEWS = 2_000_000
VIEW_CHUNK = 100_000
BULK_LOAD = os.environ.get("STRATA_DEMO_BULK_LOAD", "1") != "0"

# Time model (seconds after BASE), chosen so that every row is consistent with the
# rows it refers to (nobody acts before signing up, no view or comment precedes the
# post's publication, replies follow their parent):
# - user n signs up at USER_T(n): the first FOUNDERS users within the launch hour,
#   then one every 12,614.4 s (+ up to 1 h);
# - post p is published at POST_PUB(p) = 1 day + (p - 1) * 3149 s (+ up to 10 min), so
#   post ids follow publication time; it was created 1..72 h before (not before 1 h);
#   its author is a founder or a user who signed up well before;
# - page view i happens at 87,000 s + i * 31.49 s (+ up to 1 min) and picks a post
#   with id <= i / 100 (already published then) and a user n <= i / 400 (signed up).
FOUNDERS = 50
USER_STEP_S = WINDOW_S / N_USERS  # 12614.4
POST_STEP_S = 3149
VIEW_STEP_S = 31.49
SESSION_STEP_S = WINDOW_S / N_SESSIONS  # 7884


def user_t(n: str) -> str:
    return (f"CASE WHEN {n} <= {FOUNDERS} THEN ({n} - 1) * 60 + ({n} * 7919) % 60 "
            f"ELSE ({n} - 1) * {USER_STEP_S} + ({n} * 7919) % 3600 END")


def post_pub(p: str) -> str:
    return f"86400 + ({p} - 1) * {POST_STEP_S} + ({p} * 7919) % 600"


def post_created(p: str) -> str:
    return f"greatest(3600, {post_pub(p)} - 3600 * (1 + {p} % 72))"


def q(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def arr(items) -> str:
    return "ARRAY[" + ", ".join(q(i) for i in items) + "]::text[]"


# (display, ascii for e-mail addresses)
FIRST_NAMES = [
    ("Amélie", "amelie"), ("José", "jose"), ("Zoë", "zoe"), ("Björn", "bjorn"),
    ("Chloé", "chloe"), ("Søren", "soren"), ("Łukasz", "lukasz"), ("François", "francois"),
    ("Ana", "ana"), ("Mia", "mia"), ("Kenji", "kenji"), ("Aylin", "aylin"),
    ("Olumide", "olumide"), ("Priya", "priya"), ("Mateo", "mateo"), ("Noémie", "noemie"),
    ("Jürgen", "jurgen"), ("Siobhán", "siobhan"), ("Tomás", "tomas"), ("Ingrid", "ingrid"),
    ("Wei", "wei"), ("Fatima", "fatima"), ("Oliver", "oliver"), ("Emma", "emma"),
    ("Liam", "liam"), ("Sofía", "sofia"), ("Dmitri", "dmitri"), ("Hana", "hana"),
    ("Kwame", "kwame"), ("Lucía", "lucia"), ("Mohammed", "mohammed"), ("Yuki", "yuki"),
    ("Astrid", "astrid"), ("Rafael", "rafael"), ("Chiara", "chiara"), ("Nikolaj", "nikolaj"),
    ("Grace", "grace"), ("Thảo", "thao"), ("Andrés", "andres"), ("Élodie", "elodie"),
]
LAST_NAMES = [
    ("Durand", "durand"), ("García", "garcia"), ("Müller", "muller"), ("Nowak", "nowak"),
    ("Søndergaard", "sondergaard"), ("Öztürk", "ozturk"), ("Nguyễn", "nguyen"), ("Kowalski", "kowalski"),
    ("O'Brien", "obrien"), ("Smith", "smith"), ("Tanaka", "tanaka"), ("Okafor", "okafor"),
    ("Rossi", "rossi"), ("Fernández", "fernandez"), ("Johansson", "johansson"), ("Patel", "patel"),
    ("Dubois", "dubois"), ("Horváth", "horvath"), ("Ivanova", "ivanova"), ("Kim", "kim"),
    ("Mendes", "mendes"), ("Lefèvre", "lefevre"), ("Schäfer", "schafer"), ("Yılmaz", "yilmaz"),
    ("Costa", "costa"), ("Brown", "brown"), ("Novák", "novak"), ("Haddad", "haddad"),
    ("Andersen", "andersen"), ("Wójcik", "wojcik"), ("Da Silva", "dasilva"), ("Moreau", "moreau"),
    ("Chen", "chen"), ("Čapek", "capek"), ("Łęcka", "lecka"), ("Ferreira", "ferreira"),
    ("Walker", "walker"),
]
DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com", "kaygia.example", "posteo.example"]
BIOS = [
    "Backend developer. Coffee, PostgreSQL and long walks.",
    "Développeuse front-end à Lyon. J'écris sur l'accessibilité.",
    "Writes about databases, indexes and the occasional bug 🐛.",
    "Product designer. Typography nerd.",
    "Ingeniero de datos; me gustan los planes de ejecución.",
    "SRE by day, amateur baker by night 🍞.",
    "Open-source maintainer. Opinions are my own.",
    "Student — learning Rust and C++ at the same time.",
    "Technical writer. Ex-teacher.",
    "Datenbank-Administratorin aus München.",
    "Building things with Qt since Qt 4.",
    "Photographer, traveller, occasional blogger ✈️",
]
THEMES = ["light", "dark", "system"]
LOCALES = ["en-US", "fr-FR", "de-DE", "es-ES", "pt-BR", "ja-JP", "pl-PL", "vi-VN"]
TIMEZONES = ["Europe/Paris", "America/New_York", "Asia/Tokyo", "Europe/Berlin", "America/Sao_Paulo", "UTC"]
USER_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "curl/8.5.0",
]
# (title template with %s for the topic, slug stem)
TITLE_TEMPLATES = [
    ("Getting started with %s", "getting-started-with"),
    ("Why %s matters", "why-it-matters"),
    ("%s in production: lessons learned", "in-production"),
    ("A deep dive into %s", "deep-dive"),
    ("Ten things I wish I knew about %s", "ten-things"),
    ("%s: myths and facts", "myths-and-facts"),
    ("How we migrated to %s", "how-we-migrated"),
    ("The state of %s", "state-of"),
    ("%s for beginners", "for-beginners"),
    ("Debugging %s at 3 a.m.", "debugging-at-3am"),
    ("Notes on %s", "notes-on"),
    ("Benchmarking %s", "benchmarking"),
]
TOPICS = [
    ("PostgreSQL", "postgresql"), ("partial indexes", "partial-indexes"), ("JSONB", "jsonb"),
    ("Drizzle ORM", "drizzle-orm"), ("Qt 6", "qt-6"), ("C++20 coroutines", "cpp20-coroutines"),
    ("schema migrations", "schema-migrations"), ("connection pooling", "connection-pooling"),
    ("BRIN indexes", "brin-indexes"), ("logical replication", "logical-replication"),
    ("café-driven development", "cafe-driven-development"), ("naïve Bayes", "naive-bayes"),
    ("the Zürich meetup", "zurich-meetup"), ("Unicode collations", "unicode-collations"),
    ("time zones", "time-zones"), ("full-text search", "full-text-search"),
    ("row-level security", "row-level-security"), ("VACUUM", "vacuum"),
    ("query plans", "query-plans"), ("TypeScript", "typescript"), ("Kubernetes", "kubernetes"),
    ("observability", "observability"), ("accessibility", "accessibility"),
    ("dark mode", "dark-mode"), ("feature flags", "feature-flags"), ("CI pipelines", "ci-pipelines"),
    ("résumé writing", "resume-writing"), ("remote work", "remote-work"),
    ("mentoring", "mentoring"), ("code review", "code-review"), ("sourdough", "sourdough"),
    ("Straße names in databases", "strasse-names"), ("Ångström-scale units", "angstrom-units"),
    ("enum types", "enum-types"), ("foreign keys", "foreign-keys"), ("deadlocks", "deadlocks"),
    ("backups", "backups"), ("point-in-time recovery", "pitr"), ("GraphQL", "graphql"),
    ("WebSockets", "websockets"),
]
EMOJI = ["🚀", "🎉", "🐘", "✨", "🔥", "📈", "🧪", "☕"]
SENTENCES = [
    "This post walks through the problem step by step.",
    "We measured everything twice before drawing conclusions.",
    "The first attempt was slow, and the second one was wrong.",
    "Indexes help, but only when the planner can use them.",
    "Here is the query we ended up with.",
    "Keep migrations small and review the generated SQL.",
    "Naïvely, you would expect this to be O(n); it is not.",
    "Le café était froid, mais la démo a fonctionné.",
    "Die Ergebnisse waren überraschend stabil.",
    "Nothing here requires a superuser.",
    "Timestamps are stored with time zone, always.",
    "We rolled it out to 5% of users first.",
    "The graph below shows p95 latency over a week.",
    "Ask yourself what happens when the table has two million rows.",
    "Spoiler: the bottleneck was the network, not the database.",
    "In the end, boring technology won.",
    "Every foreign key deserves an index on the referencing side.",
    "Don't forget to ANALYZE after a bulk load.",
    "Comments and corrections are welcome below.",
    "Thanks to everyone who reviewed the draft 🙏.",
]
KEYWORDS = [
    "postgres", "sql", "performance", "indexing", "orm", "typescript", "cpp", "qt",
    "devops", "security", "testing", "design", "career", "tutorial", "opinion",
    "data", "migrations", "json", "unicode", "benchmarks",
]
SERIES = ["Postgres internals", "From zero to prod", "Weekend projects", "Carnet de route", "Ask the DBA"]
LANGS = ["en", "fr", "de", "es", "pt", "ja"]
TAGS = [
    ("PostgreSQL", "postgresql"), ("Rust", "rust"), ("C++", "cpp"), ("Qt", "qt"),
    ("Drizzle", "drizzle"), ("TypeScript", "typescript"), ("Go", "go"), ("Python", "python"),
    ("DevOps", "devops"), ("Security", "security"), ("Performance", "performance"),
    ("Testing", "testing"), ("Design", "design"), ("UX", "ux"), ("Career", "career"),
    ("Open source", "open-source"), ("Databases", "databases"), ("Kubernetes", "kubernetes"),
    ("Linux", "linux"), ("Networking", "networking"), ("Machine learning", "machine-learning"),
    ("Data engineering", "data-engineering"), ("Frontend", "frontend"), ("Backend", "backend"),
    ("Mobile", "mobile"), ("Cloud", "cloud"), ("Observability", "observability"),
    ("Accessibility", "accessibility"), ("Café talks", "cafe-talks"), ("Résumés", "resumes"),
    ("Naïve algorithms", "naive-algorithms"), ("Zürich meetup", "zurich-meetup"),
    ("Tutorials", "tutorials"), ("Release notes", "release-notes"), ("Architecture", "architecture"),
    ("APIs", "apis"), ("GraphQL", "graphql"), ("SQL", "sql"), ("Migrations", "migrations"),
    ("Indexes", "indexes"), ("JSON", "json"), ("Concurrency", "concurrency"),
    ("Compilers", "compilers"), ("Embedded", "embedded"), ("Gaming", "gaming"), ("Music", "music"),
    ("Photography", "photography"), ("Travel", "travel"), ("Food", "food"),
    ("Off-topic 🎉", "off-topic"),
]
COMMENT_PHRASES = [
    "Great write-up, thanks!",
    "This saved me hours.",
    "Did you try a partial index instead?",
    "Merci pour l'article, très clair.",
    "Which PostgreSQL version was this on?",
    "I disagree with the conclusion, but the numbers are interesting.",
    "+1, we hit the same issue last month.",
    "Typo in the second paragraph: \"teh\".",
    "Could you share the full query plan?",
    "Danke, genau das habe ich gesucht!",
    "Bookmarked 🔖",
    "What about the write amplification?",
    "We ended up doing exactly this in production.",
    "¡Muy útil, gracias!",
    "Nice diagram. What did you use to draw it?",
    "This does not work on Windows for me.",
    "Looking forward to part two 🚀",
    "The benchmark ignores cold caches.",
]
REFERRERS = [
    "https://www.google.com/", "https://duckduckgo.com/", "https://news.ycombinator.com/",
    "https://www.reddit.com/r/PostgreSQL/", "https://lobste.rs/", "https://t.co/",
    "https://www.bing.com/", "https://mastodon.social/", "https://www.linkedin.com/",
    "https://blog.example.com/", "https://newsletter.example.com/issue/42",
]
# Weighted by repetition.
COUNTRIES = ["US", "US", "US", "US", "DE", "DE", "FR", "FR", "GB", "GB", "IN", "IN", "BR",
             "JP", "CA", "NL", "PL", "ES", "IT", "SE", "AU", "VN", "NG", "CH", "KR"]


def ts(seconds_expr: str) -> str:
    """base + seconds (numeric expression) as timestamptz."""
    return f"{BASE} + ({seconds_expr}) * interval '1 second'"


steps = []


def step(label: str, sql: str) -> None:
    steps.append(f"-- progress: {label}\n{sql.strip()}\n")


def user_uuid(n_expr: str) -> str:
    return f"md5('user:' || ({n_expr}))::uuid"


# ------------------------------------------------------------------ users
step(
    f"users ({N_USERS:,})",
    f"""
-- Strata demo data (deterministic; generated by tools/gen_seed.py). Schema: migrations 0000..0003.
INSERT INTO users (id, email, display_name, role, bio, preferences, is_active, created_at, last_login_at)
SELECT
  {user_uuid('n')},
  d.first_ascii[1 + n % {len(FIRST_NAMES)}] || '.' || d.last_ascii[1 + (n * 7) % {len(LAST_NAMES)}] || n
    || '@' || d.domains[1 + (n * 3) % {len(DOMAINS)}],
  d.first_names[1 + n % {len(FIRST_NAMES)}] || ' ' || d.last_names[1 + (n * 7) % {len(LAST_NAMES)}],
  (CASE
     WHEN n % 500 = 1 THEN 'admin'
     WHEN n % 50 = 0 THEN 'editor'
     WHEN n % 5 = 0 THEN 'author'
     ELSE 'member'
   END)::role,
  CASE WHEN n % 3 = 0 THEN NULL ELSE d.bios[1 + (n * 11) % {len(BIOS)}] END,
  CASE n % 6
    WHEN 0 THEN '{{}}'::jsonb
    WHEN 1 THEN jsonb_build_object('theme', d.themes[1 + n % 3], 'locale', d.locales[1 + n % {len(LOCALES)}])
    WHEN 2 THEN jsonb_build_object('theme', d.themes[1 + (n / 6) % 3],
                  'notifications', jsonb_build_object('email', n % 4 = 2, 'push', n % 7 = 0, 'digest', CASE WHEN n % 5 = 0 THEN 'daily' ELSE 'weekly' END))
    WHEN 3 THEN jsonb_build_object('locale', d.locales[1 + (n / 6) % {len(LOCALES)}], 'timezone', d.timezones[1 + n % {len(TIMEZONES)}],
                  'editor', jsonb_build_object('fontSize', 12 + n % 6, 'vimMode', n % 11 = 0, 'spellcheck', NULL))
    WHEN 4 THEN jsonb_build_object('beta', to_jsonb((ARRAY['new-editor', 'ai-summaries', 'graph-view'])[1:1 + n % 3]), 'theme', 'dark')
    ELSE jsonb_build_object('pinnedTags', to_jsonb(ARRAY[1 + n % 50, 1 + (n * 7) % 50]), 'density', CASE WHEN n % 2 = 0 THEN 'compact' ELSE 'comfortable' END)
  END,
  n % 37 <> 0,
  {ts(user_t('n'))},
  CASE WHEN n % 10 = 0 THEN NULL
       ELSE {ts(f'{user_t("n")} + 600 + ((n * 104729) % 1000) / 1000.0 * ({WINDOW_S} - 600 - ({user_t("n")}))')}
  END
FROM generate_series(1, {N_USERS}) AS n
CROSS JOIN (SELECT
  {arr(f for f, _ in FIRST_NAMES)} AS first_names,
  {arr(a for _, a in FIRST_NAMES)} AS first_ascii,
  {arr(l for l, _ in LAST_NAMES)} AS last_names,
  {arr(a for _, a in LAST_NAMES)} AS last_ascii,
  {arr(DOMAINS)} AS domains,
  {arr(BIOS)} AS bios,
  {arr(THEMES)} AS themes,
  {arr(LOCALES)} AS locales,
  {arr(TIMEZONES)} AS timezones
) AS d
ORDER BY n;
""",
)

# ------------------------------------------------------------------ sessions
step(
    f"sessions ({N_SESSIONS:,})",
    f"""
INSERT INTO sessions (id, user_id, ip_address, user_agent, created_at, expires_at)
SELECT
  encode(sha256(convert_to('session:' || s, 'UTF8')), 'hex'),
  {user_uuid('u')},
  CASE
    WHEN s % 11 = 0 THEN NULL
    WHEN s % 7 = 0 THEN ('2001:db8::' || to_hex(s))::inet
    ELSE ((ARRAY['192.0.2.', '198.51.100.', '203.0.113.'])[1 + s % 3] || (1 + (s * 31) % 254))::inet
  END,
  CASE WHEN s % 13 = 0 THEN NULL ELSE d.agents[1 + (s * 5) % {len(USER_AGENTS)}] END,
  t.created_at,
  t.created_at + interval '30 days'
FROM generate_series(1, {N_SESSIONS}) AS s
CROSS JOIN LATERAL (SELECT 1 + (s * 7919) % {N_USERS} AS u) AS pick
JOIN users ON users.id = {user_uuid('pick.u')}
CROSS JOIN LATERAL (SELECT greatest(users.created_at + interval '1 hour', {ts(f'(s - 1) * {SESSION_STEP_S}')}) AS created_at) AS t
CROSS JOIN (SELECT {arr(USER_AGENTS)} AS agents) AS d
ORDER BY s;
""",
)

# ------------------------------------------------------------------ posts
step(
    f"posts ({N_POSTS:,})",
    f"""
INSERT INTO posts (id, author_id, title, slug, body, status, keywords, metadata, published_at, created_at, updated_at)
SELECT
  p,
  {user_uuid(f'5 * (1 + (p * 7919) % greatest({FOUNDERS // 5}, (p - 400) / 20))')},
  upper(left(tt.raw_title, 1)) || substr(tt.raw_title, 2)
    || CASE WHEN p % 250 = 0 THEN ' ' || d.emoji[1 + (p / 250) % {len(EMOJI)}] ELSE '' END,
  d.template_slugs[1 + p % {len(TITLE_TEMPLATES)}] || '-' || d.topic_slugs[1 + (p * 7) % {len(TOPICS)}] || '-' || p,
  array_to_string(ARRAY(
    SELECT d.sentences[1 + (p * 31 + k * 17) % {len(SENTENCES)}]
           || CASE WHEN k % 4 = 0 THEN E'\\n\\n' ELSE ' ' END
    FROM generate_series(1, 3 + p % 13) AS k), ''),
  (CASE WHEN p % 20 = 0 THEN 'draft' WHEN p % 20 = 7 THEN 'archived' ELSE 'published' END)::post_status,
  ARRAY(SELECT d.keywords[1 + (p * 13 + k * 7) % {len(KEYWORDS)}] FROM generate_series(1, p % 5) AS k),
  CASE p % 7
    WHEN 0 THEN NULL
    WHEN 1 THEN jsonb_build_object('readingTime', 3 + p % 15, 'featured', p % 9 = 0)
    WHEN 2 THEN jsonb_build_object('seo', jsonb_build_object(
                  'description', d.sentences[1 + p % {len(SENTENCES)}],
                  'canonical', 'https://blog.example.com/posts/' || p))
    WHEN 3 THEN jsonb_build_object('series', jsonb_build_object('name', d.series[1 + p % {len(SERIES)}], 'part', 1 + p % 6))
    WHEN 4 THEN jsonb_build_object('cover', jsonb_build_object(
                  'url', 'https://cdn.example.com/covers/' || md5('cover:' || p) || '.webp',
                  'width', 1200, 'height', 630, 'alt', NULL))
    WHEN 5 THEN jsonb_build_object('language', d.langs[1 + p % {len(LANGS)}],
                  'revisions', jsonb_build_array(
                    jsonb_build_object('rev', 1, 'note', 'first draft'),
                    jsonb_build_object('rev', 2, 'note', 'typos fixed')))
    ELSE jsonb_build_object('readingTime', 2 + p % 20, 'toc', true, 'footnotes', p % 4)
  END,
  CASE WHEN p % 20 = 0 THEN NULL ELSE {ts(post_pub('p'))} END,
  {ts(post_created('p'))},
  CASE WHEN p % 5 = 0 THEN {ts(f'least({WINDOW_S}, {post_pub("p")} + 86400 * (p % 30))')}
       ELSE {ts(post_pub('p'))}
  END
FROM generate_series(1, {N_POSTS}) AS p
CROSS JOIN (SELECT
  {arr(t for t, _ in TITLE_TEMPLATES)} AS templates,
  {arr(s for _, s in TITLE_TEMPLATES)} AS template_slugs,
  {arr(t for t, _ in TOPICS)} AS topics,
  {arr(s for _, s in TOPICS)} AS topic_slugs,
  {arr(EMOJI)} AS emoji,
  {arr(SENTENCES)} AS sentences,
  {arr(KEYWORDS)} AS keywords,
  {arr(SERIES)} AS series,
  {arr(LANGS)} AS langs
) AS d
CROSS JOIN LATERAL (SELECT format(d.templates[1 + p % {len(TITLE_TEMPLATES)}], d.topics[1 + (p * 7) % {len(TOPICS)}]) AS raw_title) AS tt
ORDER BY p;
""",
)
step(
    "posts: identity sequence",
    "SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts));",
)

# ------------------------------------------------------------------ tags
tag_values = ",\n  ".join(
    f"({i}, {q(name)}, {q(slug)})" for i, (name, slug) in enumerate(TAGS, start=1)
)
step(
    f"tags ({len(TAGS)})",
    f"""
INSERT INTO tags (id, name, slug, color)
SELECT id, name, slug, CASE WHEN id % 4 = 0 THEN NULL ELSE '#' || substr(md5('tag:' || id), 1, 6) END
FROM (VALUES
  {tag_values}
) AS t (id, name, slug)
ORDER BY id;
""",
)
step(
    "tags: id sequence",
    "SELECT setval(pg_get_serial_sequence('tags', 'id'), (SELECT max(id) FROM tags));",
)

# ------------------------------------------------------------------ post_tags
# (p * 3) % 5 tags per post: 0..4, exactly 2 on average -> 40,000 rows. The first tag
# is skewed towards the first tags of the list (PostgreSQL, Rust, C++...), the others
# follow at distinct offsets (k * 11 mod 50), so (post_id, tag_id) stays unique.
step(
    "post tags (40,000)",
    f"""
INSERT INTO post_tags (post_id, tag_id, created_at)
SELECT p.id, 1 + (first_tag + k * 11) % {len(TAGS)}, p.created_at
FROM posts AS p
CROSS JOIN LATERAL (SELECT floor({len(TAGS)} * power(((p.id * 2654435761::bigint) % 4294967296)::float8 / 4294967296, 2))::int AS first_tag) AS f
CROSS JOIN LATERAL generate_series(0, (p.id * 3) % 5 - 1) AS k
ORDER BY p.id, k;
""",
)

# ------------------------------------------------------------------ comments
# Comments come in threads of three on one post; some are replies.
step(
    f"comments ({N_COMMENTS:,})",
    f"""
INSERT INTO comments (id, post_id, author_id, parent_id, body, is_approved, created_at)
SELECT
  j,
  p.id,
  CASE WHEN j % 13 = 0 THEN NULL ELSE {user_uuid(f'1 + (j * 104729) % greatest({FOUNDERS}, p.id / 5)')} END,
  CASE
    WHEN k = 1 AND t % 2 = 0 THEN j - 1
    WHEN k = 2 AND t % 5 = 0 THEN j - 1
    WHEN k = 2 AND t % 3 = 0 THEN j - 2
    ELSE NULL
  END,
  d.phrases[1 + (j * 7) % {len(COMMENT_PHRASES)}]
    || CASE WHEN j % 3 = 0 THEN ' ' || d.phrases[1 + (j * 11 + 5) % {len(COMMENT_PHRASES)}] ELSE '' END,
  j % 23 <> 0,
  p.published_at
    + ((t * 7919) % 1000) / 1000.0 * least(interval '30 days', {BASE} + interval '{WINDOW_DAYS} days' - p.published_at)
    + interval '1 minute' * (k * 90 + (j * 31) % 90)
FROM generate_series(1::bigint, {N_COMMENTS}) AS j
CROSS JOIN LATERAL (SELECT (j - 1) / 3 AS t, (j - 1) % 3 AS k) AS th
CROSS JOIN LATERAL (SELECT 1 + (th.t * 7919) % {N_POSTS} AS q) AS pick
JOIN posts AS p ON p.id = CASE WHEN pick.q % 20 = 0 THEN pick.q - 1 ELSE pick.q END
CROSS JOIN (SELECT {arr(COMMENT_PHRASES)} AS phrases) AS d
ORDER BY j;
""",
)
step(
    "comments: identity sequence",
    "SELECT setval(pg_get_serial_sequence('comments', 'id'), (SELECT max(id) FROM comments));",
)

# ------------------------------------------------------------------ page_views
# View i happens at 87,000 s + i * 31.49 s (+ up to 1 min), so ids follow time. It
# picks a post already published by then (post ids are in publication order), half
# of the time a recent one, half of the time an older "evergreen" one; drafts get no
# views (a draft id p maps to p - 1). Anonymous visitors (~40 %) have no user_id; a
# known visitor is a user who had signed up by then.
# Bulk-load trick: the two foreign keys and the two b-tree secondary indexes that
# migration 0002 created on page_views are dropped for the load and re-created
# afterwards with the exact statements of 0002 (read from the migration file), so the
# end state is the same as if the rows had been inserted with them in place, only
# faster (one validation query per foreign key, one sort per index, instead of
# 2,000,000 row-by-row checks and random index insertions).
MIGRATION_0002 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "project", "drizzle", "0002_page_views.sql")
if os.environ.get("STRATA_DEMO_0002"):
    MIGRATION_0002 = os.environ["STRATA_DEMO_0002"]
with open(MIGRATION_0002, encoding="utf-8") as f:
    stmts = [s.strip() for s in f.read().split("--> statement-breakpoint")]
fk_stmts = [s for s in stmts if s.startswith('ALTER TABLE "page_views" ADD CONSTRAINT') and "FOREIGN KEY" in s]
ix_stmts = [s for s in stmts if s.startswith("CREATE INDEX") and "USING btree" in s]
assert len(fk_stmts) == 2 and len(ix_stmts) == 2, (fk_stmts, ix_stmts)
fk_names = [re.search(r'ADD CONSTRAINT "([^"]+)"', s).group(1) for s in fk_stmts]
ix_names = [re.search(r'CREATE INDEX "([^"]+)"', s).group(1) for s in ix_stmts]
if BULK_LOAD:
    step(
        "page views: drop foreign keys for the bulk load",
        'ALTER TABLE "page_views" ' + ", ".join(f'DROP CONSTRAINT "{n}"' for n in fk_names) + ";",
    )
    step(
        "page views: drop secondary indexes for the bulk load",
        "DROP INDEX " + ", ".join(f'"{n}"' for n in ix_names) + ";",
    )

# The post's slug is recomputed from its id with the same expressions as the posts
# step (no join), and each level of the nested subqueries is fenced with OFFSET 0 so
# that the hashes are computed once per row instead of being inlined into every
# expression that uses them. Ids are assigned by the identity column in the order of
# generate_series: the plan is a single function scan, so that order is fixed.
for c in range(N_VIEWS // VIEW_CHUNK):
    lo, hi = c * VIEW_CHUNK + 1, (c + 1) * VIEW_CHUNK
    step(
        f"page views {hi:,} of {N_VIEWS:,}",
        f"""
INSERT INTO page_views (post_id, user_id, viewed_at, path, referrer, user_agent, duration_ms, country)
SELECT
  v.post_id,
  CASE WHEN v.h2 % 10 < 4 THEN NULL ELSE {user_uuid('1 + v.h3 % greatest(1, v.i / 400)')} END,
  {ts(f'87000 + v.i * {VIEW_STEP_S} + v.h2 % 60')},
  '/posts/' || ({arr(s for _, s in TITLE_TEMPLATES)})[1 + v.post_id % {len(TITLE_TEMPLATES)}]
    || '-' || ({arr(s for _, s in TOPICS)})[1 + (v.post_id * 7) % {len(TOPICS)}] || '-' || v.post_id
    || CASE WHEN v.h2 % 17 = 0 THEN '?utm_source=newsletter' WHEN v.h2 % 29 = 0 THEN '#comments' ELSE '' END,
  CASE WHEN v.h3 % 20 < 7 THEN NULL
       WHEN v.h3 % 20 < 9 THEN 'https://blog.example.com/posts/' || v.post_id
       ELSE ({arr(REFERRERS)})[1 + (v.h3 / 20) % {len(REFERRERS)}] END,
  CASE WHEN v.h1 % 50 = 0 THEN NULL ELSE ({arr(USER_AGENTS)})[1 + (v.h1 / 50) % {len(USER_AGENTS)}] END,
  ((v.h3 / 7) % 1000) * ((v.h3 / 7) % 1000) / 3,
  CASE WHEN v.h2 % 20 = 19 THEN NULL ELSE ({arr(COUNTRIES)})[1 + (v.h2 / 20) % {len(COUNTRIES)}] END
FROM (
  SELECT i, h1, h2, h3, CASE WHEN r % 20 = 0 THEN r - 1 ELSE r END AS post_id
  FROM (
    SELECT i, h1, h2, h3,
           CASE WHEN h1 % 2 = 0
                THEN greatest(1, i / 100) - floor(greatest(1, i / 100) * power(h2::float8 / 4294967296, 4))::int
                ELSE 1 + floor(greatest(1, i / 100) * power(h3::float8 / 4294967296, 1.5))::int
           END AS r
    FROM (
      SELECT i,
             (i * 2654435761) % 4294967296 AS h1,
             (i * 2246822519) % 4294967296 AS h2,
             (i * 3266489917) % 4294967296 AS h3
      FROM generate_series({lo}::bigint, {hi}::bigint) AS i
      OFFSET 0
    ) AS hashed
    OFFSET 0
  ) AS picked
  OFFSET 0
) AS v;
""",
    )

if BULK_LOAD:
    for n, sql in zip(ix_names, ix_stmts):
        step(f"page views: index {n}", sql)
    for n, sql in zip(fk_names, fk_stmts):
        step(f"page views: foreign key {n}", sql)

# ------------------------------------------------------------------ derived columns
step(
    "posts: view counts",
    """
UPDATE posts AS p
SET view_count = c.n
FROM (SELECT post_id, count(*)::int AS n FROM page_views GROUP BY post_id) AS c
WHERE p.id = c.post_id;
""",
)
step("analyze", "ANALYZE;")

sys.stdout.write("--> statement-breakpoint\n".join(steps))
