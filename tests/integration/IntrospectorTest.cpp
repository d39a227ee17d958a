// Introspector against a real server: every model element, hostile names, filters, drizzle's
// bookkeeping schema, extensions, version-guarded queries, cancel, progress, and a fixed
// number of queries however many tables there are.
#include "TestCluster.h"
#include "TestRegistry.h"

#include "pg/Connection.h"
#include "schema/Introspector.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace strata;

// Expected values are written with designated initializers that name only what differs from
// the defaults; GCC 12 still warns about the members left out (GCC 13 no longer does).
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace {

// Every model element at least once. Roles are cluster-wide, so they are made here too.
const char *const fixtureSql = R"SQL(
CREATE ROLE reader;
CREATE ROLE "Writer ""One""";
CREATE SCHEMA app;
CREATE SCHEMA "MixedCase";
CREATE TYPE app.status AS ENUM ('draft', 'it''s live', 'archived');
ALTER TYPE app.status ADD VALUE 'review' BEFORE 'it''s live';
COMMENT ON TYPE app.status IS 'Lifecycle';
CREATE TYPE public.mood AS ENUM ('ok');
CREATE COLLATION app.german (provider = icu, locale = 'de-DE');
CREATE TABLE app.users (
    id integer GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5 MINVALUE 10 MAXVALUE 100000 CACHE 3 CYCLE) PRIMARY KEY,
    email character varying(320) NOT NULL,
    name text COLLATE "C",
    nick text COLLATE app.german,
    status app.status NOT NULL DEFAULT 'draft',
    tags text[] DEFAULT '{}'::text[],
    matrix integer[][],
    price numeric(12,2) CHECK (price > 0),
    price_with_tax numeric GENERATED ALWAYS AS (price * 1.2) STORED,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    profile jsonb,
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_name_nick_key UNIQUE NULLS NOT DISTINCT (name, nick) DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON TABLE app.users IS 'People who log in';
COMMENT ON COLUMN app.users.email IS 'Login; unique';
ALTER TABLE app.users ADD CONSTRAINT users_email_check CHECK (email LIKE '%@%') NOT VALID;
CREATE UNIQUE INDEX users_lower_email_idx ON app.users (lower(email));
CREATE INDEX users_name_created_idx ON app.users (name, created_at DESC NULLS LAST);
CREATE INDEX users_created_nulls_first_idx ON app.users (created_at NULLS FIRST) WHERE status <> 'archived';
CREATE INDEX users_email_incl_idx ON app.users (email) INCLUDE (name, status);
CREATE INDEX users_profile_idx ON app.users USING gin (profile jsonb_path_ops);
CREATE INDEX users_nick_hash_idx ON app.users USING hash (nick);
CREATE INDEX users_email_pattern_idx ON app.users (email varchar_pattern_ops) WITH (fillfactor = 70);
CREATE INDEX users_name_collate_idx ON app.users (name COLLATE "POSIX" DESC);
CREATE TABLE public.accounts (
    id bigserial PRIMARY KEY,
    owner_id integer REFERENCES app.users (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    mood mood DEFAULT 'ok'::mood
);
CREATE TABLE app.memberships (
    user_id integer NOT NULL,
    account_id bigint NOT NULL,
    role text NOT NULL DEFAULT 'member',
    invited_by integer,
    PRIMARY KEY (user_id, account_id),
    CONSTRAINT memberships_user_fk FOREIGN KEY (user_id) REFERENCES app.users (id) ON DELETE SET NULL (user_id) DEFERRABLE,
    CONSTRAINT memberships_account_fk FOREIGN KEY (account_id) REFERENCES public.accounts (id) MATCH FULL ON DELETE SET DEFAULT ON UPDATE CASCADE,
    CONSTRAINT memberships_role_check CHECK (role IN ('member', 'admin'))
);
ALTER TABLE app.memberships ADD CONSTRAINT memberships_invited_by_fk FOREIGN KEY (invited_by) REFERENCES app.users (id) ON DELETE NO ACTION NOT VALID;
CREATE TABLE app.events (
    id bigint NOT NULL,
    at date NOT NULL,
    payload text
) PARTITION BY RANGE (at);
CREATE INDEX events_at_idx ON app.events (at);
ALTER TABLE app.events ADD PRIMARY KEY (id, at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.events_default PARTITION OF app.events DEFAULT;
CREATE UNLOGGED TABLE app.cache (key text PRIMARY KEY, value bytea) WITH (fillfactor = 50, autovacuum_enabled = false);
CREATE TABLE app.documents (id serial PRIMARY KEY, owner text NOT NULL, body text);
ALTER TABLE app.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.documents FORCE ROW LEVEL SECURITY;
CREATE POLICY documents_read ON app.documents FOR SELECT TO reader, "Writer ""One""" USING (owner = current_user);
CREATE POLICY documents_write ON app.documents AS RESTRICTIVE FOR UPDATE USING (owner = current_user) WITH CHECK (body IS NOT NULL);
CREATE POLICY documents_all ON app.documents USING (true);
CREATE POLICY documents_insert ON app.documents FOR INSERT TO PUBLIC WITH CHECK (owner <> '');
CREATE POLICY documents_delete ON app.documents FOR DELETE USING (false);
CREATE VIEW app.active_users WITH (security_barrier) AS SELECT id, email FROM app.users WHERE status <> 'archived';
COMMENT ON VIEW app.active_users IS 'Not archived';
CREATE MATERIALIZED VIEW app.user_counts AS SELECT status, count(*) AS n FROM app.users GROUP BY status WITH NO DATA;
CREATE UNIQUE INDEX user_counts_status_idx ON app.user_counts (status);
CREATE SEQUENCE app.invoice_numbers AS integer INCREMENT BY 10 MINVALUE 1000 MAXVALUE 999999 START WITH 1000 CACHE 20 CYCLE;
COMMENT ON SEQUENCE app.invoice_numbers IS 'Invoice numbers';
CREATE SEQUENCE public.plain_seq;
CREATE TABLE public."we""ird" ("i""d" integer GENERATED BY DEFAULT AS IDENTITY, "MixedCol" text);
CREATE TABLE public."'; drop table x; --" (id int PRIMARY KEY, "select" text);
CREATE TABLE "MixedCase"."表表表表表表表表表表表表表表表表表表表表表" ("表" int PRIMARY KEY, "Ref" int REFERENCES public."'; drop table x; --" (id));
CREATE SCHEMA empty_one;
CREATE SCHEMA "sch""em\a";
CREATE TABLE "sch""em\a".t (id integer);
)SQL";

// 21 three-byte characters: exactly 63 bytes, PostgreSQL's NAMEDATALEN - 1.
QString longUnicodeName()
{
    return QString(21, QChar(0x8868));
}

Schema expectedFixture()
{
    using Kind = Identity::Kind;
    using Nulls = IndexKey::Nulls;
    const QString longName = longUnicodeName();

    Table users{
        .schema = "app",
        .name = "users",
        .columns = {
            {.name = "id", .type = "integer", .notNull = true,
             .identity = Identity{.kind = Kind::Always, .sequenceName = "users_id_seq", .sequenceSchema = "app",
                                  .increment = 5, .start = 100, .minValue = 10, .maxValue = 100000,
                                  .cache = 3, .cycle = true}},
            {.name = "email", .type = "character varying(320)", .notNull = true, .comment = "Login; unique"},
            {.name = "name", .type = "text", .collation = "C"},
            {.name = "nick", .type = "text", .collation = "german", .collationSchema = "app"},
            {.name = "status", .type = "status", .typeSchema = "app", .notNull = true,
             .defaultExpression = "'draft'"},
            {.name = "tags", .type = "text", .arrayDimensions = 1, .defaultExpression = "'{}'"},
            {.name = "matrix", .type = "integer", .arrayDimensions = 2},
            {.name = "price", .type = "numeric(12,2)"},
            {.name = "price_with_tax", .type = "numeric", .generatedExpression = "(price * 1.2)"},
            {.name = "created_at", .type = "timestamp with time zone", .notNull = true, .defaultExpression = "now()"},
            {.name = "profile", .type = "jsonb"},
        },
        .primaryKey = PrimaryKey{"users_pkey", {"id"}},
        .uniqueConstraints = {
            {.name = "users_email_key", .columns = {"email"}},
            {.name = "users_name_nick_key", .columns = {"name", "nick"}, .nullsNotDistinct = true,
             .deferrable = true, .initiallyDeferred = true},
        },
        .checks = {
            {"users_email_check", "((email)::text ~~ '%@%'::text)", true},
            {"users_price_check", "(price > (0)::numeric)", false},
        },
        .indexes = {
            {.name = "users_created_nulls_first_idx", .keys = {{.expression = "created_at", .nulls = Nulls::First}},
             .where = "(status <> 'archived'::app.status)"},
            {.name = "users_email_incl_idx", .keys = {{.expression = "email"}}, .include = {"name", "status"}},
            {.name = "users_email_pattern_idx", .keys = {{.expression = "email", .opclass = "varchar_pattern_ops"}},
             .with = {{"fillfactor", "70"}}},
            {.name = "users_lower_email_idx", .unique = true,
             .keys = {{.expression = "lower((email)::text)", .isExpression = true}}},
            {.name = "users_name_collate_idx", .keys = {{.expression = "name", .descending = true, .collation = "POSIX"}}},
            {.name = "users_name_created_idx",
             .keys = {{.expression = "name"}, {.expression = "created_at", .descending = true, .nulls = Nulls::Last}}},
            {.name = "users_nick_hash_idx", .method = "hash", .keys = {{.expression = "nick"}}},
            {.name = "users_profile_idx", .method = "gin", .keys = {{.expression = "profile", .opclass = "jsonb_path_ops"}}},
        },
        .comment = "People who log in",
    };

    Table memberships{
        .schema = "app",
        .name = "memberships",
        .columns = {
            {.name = "user_id", .type = "integer", .notNull = true},
            {.name = "account_id", .type = "bigint", .notNull = true},
            {.name = "role", .type = "text", .notNull = true, .defaultExpression = "'member'"},
            {.name = "invited_by", .type = "integer"},
        },
        .primaryKey = PrimaryKey{"memberships_pkey", {"user_id", "account_id"}},
        .foreignKeys = {
            {.name = "memberships_account_fk", .columns = {"account_id"}, .targetSchema = "public",
             .targetTable = "accounts", .targetColumns = {"id"}, .onUpdate = ForeignKeyAction::Cascade,
             .onDelete = ForeignKeyAction::SetDefault, .matchFull = true},
            {.name = "memberships_invited_by_fk", .columns = {"invited_by"}, .targetSchema = "app",
             .targetTable = "users", .targetColumns = {"id"}, .notValid = true},
            {.name = "memberships_user_fk", .columns = {"user_id"}, .targetSchema = "app",
             .targetTable = "users", .targetColumns = {"id"}, .onDelete = ForeignKeyAction::SetNull,
             .onDeleteSetColumns = {"user_id"}, .deferrable = true},
        },
        .checks = {{"memberships_role_check", "(role = ANY (ARRAY['member'::text, 'admin'::text]))", false}},
    };

    const QList<Column> eventColumns = {
        {.name = "id", .type = "bigint", .notNull = true},
        {.name = "at", .type = "date", .notNull = true},
        {.name = "payload", .type = "text"},
    };
    Table events{
        .schema = "app",
        .name = "events",
        .kind = Table::Kind::Partitioned,
        .partitionKey = "RANGE (at)",
        .columns = eventColumns,
        .primaryKey = PrimaryKey{"events_pkey", {"id", "at"}},
        .indexes = {{.name = "events_at_idx", .keys = {{.expression = "at"}}}},
    };
    // Partitions: the parent's key and index are the parent's business.
    Table events2024{
        .schema = "app",
        .name = "events_2024",
        .partitionOf = "\"app\".\"events\"",
        .partitionBound = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
        .columns = eventColumns,
    };
    Table eventsDefault{
        .schema = "app",
        .name = "events_default",
        .partitionOf = "\"app\".\"events\"",
        .partitionBound = "DEFAULT",
        .columns = eventColumns,
    };

    Table cache{
        .schema = "app",
        .name = "cache",
        .unlogged = true,
        .with = {{"fillfactor", "50"}, {"autovacuum_enabled", "false"}},
        .columns = {{.name = "key", .type = "text", .notNull = true}, {.name = "value", .type = "bytea"}},
        .primaryKey = PrimaryKey{"cache_pkey", {"key"}},
    };

    Table documents{
        .schema = "app",
        .name = "documents",
        .rlsEnabled = true,
        .rlsForced = true,
        .columns = {
            {.name = "id", .type = "integer", .notNull = true,
             .defaultExpression = "nextval('app.documents_id_seq'::regclass)"},
            {.name = "owner", .type = "text", .notNull = true},
            {.name = "body", .type = "text"},
        },
        .primaryKey = PrimaryKey{"documents_pkey", {"id"}},
        .policies = {
            {.name = "documents_all", .usingExpression = "true"},
            {.name = "documents_delete", .command = "DELETE", .usingExpression = "false"},
            {.name = "documents_insert", .command = "INSERT", .withCheckExpression = "(owner <> ''::text)"},
            {.name = "documents_read", .command = "SELECT", .roles = {"Writer \"One\"", "reader"},
             .usingExpression = "(owner = CURRENT_USER)"},
            {.name = "documents_write", .permissive = false, .command = "UPDATE",
             .usingExpression = "(owner = CURRENT_USER)", .withCheckExpression = "(body IS NOT NULL)"},
        },
    };

    Table accounts{
        .schema = "public",
        .name = "accounts",
        .columns = {
            {.name = "id", .type = "bigint", .notNull = true, .defaultExpression = "nextval('accounts_id_seq'::regclass)"},
            {.name = "owner_id", .type = "integer"},
            {.name = "mood", .type = "mood", .typeSchema = "public", .defaultExpression = "'ok'"},
        },
        .primaryKey = PrimaryKey{"accounts_pkey", {"id"}},
        .foreignKeys = {{.name = "accounts_owner_id_fkey", .columns = {"owner_id"}, .targetSchema = "app",
                         .targetTable = "users", .targetColumns = {"id"}, .onUpdate = ForeignKeyAction::Restrict,
                         .onDelete = ForeignKeyAction::Cascade}},
    };

    Table weird{
        .schema = "public",
        .name = "we\"ird",
        .columns = {
            {.name = "i\"d", .type = "integer", .notNull = true,
             .identity = Identity{.kind = Kind::ByDefault, .sequenceName = "we\"ird_i\"d_seq",
                                  .sequenceSchema = "public", .increment = 1, .start = 1, .minValue = 1,
                                  .maxValue = 2147483647, .cache = 1, .cycle = false}},
            {.name = "MixedCol", .type = "text"},
        },
    };

    Table injection{
        .schema = "public",
        .name = "'; drop table x; --",
        .columns = {{.name = "id", .type = "integer", .notNull = true}, {.name = "select", .type = "text"}},
        .primaryKey = PrimaryKey{"'; drop table x; --_pkey", {"id"}},
    };

    // PostgreSQL cuts generated names to 63 bytes at a character boundary.
    Table unicode{
        .schema = "MixedCase",
        .name = longName,
        .columns = {{.name = QString(QChar(0x8868)), .type = "integer", .notNull = true}, {.name = "Ref", .type = "integer"}},
        .primaryKey = PrimaryKey{QString(19, QChar(0x8868)) + "_pkey", {QString(QChar(0x8868))}},
        .foreignKeys = {{.name = QString(18, QChar(0x8868)) + "_Ref_fkey", .columns = {"Ref"}, .targetSchema = "public",
                         .targetTable = "'; drop table x; --", .targetColumns = {"id"}}},
    };

    Table oddSchema{
        .schema = "sch\"em\\a",
        .name = "t",
        .columns = {{.name = "id", .type = "integer"}},
    };

    Schema schema;
    schema.schemas = {"MixedCase", "app", "empty_one", "sch\"em\\a"};
    // Ordered by UTF-8 bytes, as PostgreSQL orders names: upper case before lower case.
    schema.tables = {unicode, cache, documents, events, events2024, eventsDefault, memberships, users,
                     injection, accounts, weird, oddSchema};
    schema.enums = {
        {.schema = "app", .name = "status", .values = {"draft", "review", "it's live", "archived"}, .comment = "Lifecycle"},
        {.schema = "public", .name = "mood", .values = {"ok"}},
    };
    // documents_id_seq and accounts_id_seq belong to serial columns: not listed.
    schema.sequences = {
        {.schema = "app", .name = "invoice_numbers", .dataType = "integer", .increment = 10, .start = 1000,
         .minValue = 1000, .maxValue = 999999, .cache = 20, .cycle = true, .comment = "Invoice numbers"},
        {.schema = "public", .name = "plain_seq"},
    };
    schema.views = {
        {.schema = "app", .name = "active_users",
         .definition = " SELECT users.id,\n    users.email\n   FROM app.users\n  WHERE (users.status <> 'archived'::app.status);",
         .columns = {{.name = "id", .type = "integer"}, {.name = "email", .type = "character varying(320)"}},
         .with = {{"security_barrier", "true"}},
         .comment = "Not archived"},
        {.schema = "app", .name = "user_counts", .materialized = true,
         .definition = " SELECT users.status,\n    count(*) AS n\n   FROM app.users\n  GROUP BY users.status;",
         .columns = {{.name = "status", .type = "status", .typeSchema = "app"}, {.name = "n", .type = "bigint"}},
         .withNoData = true,
         .indexes = {{.name = "user_counts_status_idx", .unique = true, .keys = {{.expression = "status"}}}}},
    };
    return schema;
}

// What servers before PostgreSQL 15 can tell: no NULLS NOT DISTINCT, no ON DELETE SET NULL (cols).
Schema withoutPostgres15(Schema schema)
{
    for (Table &table : schema.tables) {
        for (UniqueConstraint &unique : table.uniqueConstraints)
            unique.nullsNotDistinct = false;
        for (ForeignKey &key : table.foreignKeys)
            key.onDeleteSetColumns.clear();
        for (Index &index : table.indexes)
            index.nullsNotDistinct = false;
    }
    return schema;
}

} // namespace

class IntrospectorTest : public QObject
{
    Q_OBJECT

    test::TestCluster m_cluster;

    std::unique_ptr<Connection> open(const QString &db)
    {
        auto connection = std::make_unique<Connection>(m_cluster.spec(db));
        QSignalSpy opened(connection.get(), &Connection::opened);
        connection->open();
        if (!opened.wait(10000))
            return nullptr;
        return connection;
    }

    void createDatabase(const QString &name, const QString &sql)
    {
        QString error;
        QVERIFY2(m_cluster.createDatabase(name, &error), qPrintable(error));
        QVERIFY2(m_cluster.runSql(sql, nullptr, &error, name), qPrintable(error));
    }

    std::optional<Schema> introspect(const QString &db, const IntrospectOptions &options = {})
    {
        auto connection = open(db);
        if (!connection)
            return std::nullopt;
        PgError error;
        auto schema = Introspector::introspectAndWait(*connection, options, &error);
        if (!schema)
            qWarning("introspection failed: %s", qPrintable(error.toString()));
        return schema;
    }

    // Compares part by part first, so a failure names the table (or list) that differs.
    static void compareSchemas(const Schema &actual, const Schema &expected)
    {
        QCOMPARE(actual.schemas, expected.schemas);
        for (const Table &table : expected.tables) {
            const Table *found = actual.table(table.schema, table.name);
            QVERIFY2(found, qPrintable(QStringLiteral("missing table %1.%2").arg(table.schema, table.name)));
            QCOMPARE(*found, table);
        }
        QCOMPARE(Schema{.tables = actual.tables}, Schema{.tables = expected.tables});
        QCOMPARE(Schema{.enums = actual.enums}, Schema{.enums = expected.enums});
        QCOMPARE(Schema{.sequences = actual.sequences}, Schema{.sequences = expected.sequences});
        QCOMPARE(Schema{.views = actual.views}, Schema{.views = expected.views});
        QCOMPARE(actual, expected);
    }

    // Runs the given statements on `connection` one by one, as Introspector would.
    static QList<QueryResult> runAll(Connection &connection, const QList<Query> &queries, PgError *error)
    {
        QList<QueryResult> results;
        for (const Query &query : queries) {
            QSignalSpy finished(&connection, &Connection::finished);
            QSignalSpy failed(&connection, &Connection::failed);
            connection.submit(query);
            if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 20000))
                return {};
            if (!failed.isEmpty()) {
                *error = failed.first().at(1).value<PgError>();
                return {};
            }
            results << finished.first().at(1).value<QueryResult>();
        }
        return results;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        createDatabase(QStringLiteral("fixture"), QString::fromUtf8(fixtureSql));
    }

    void readsEveryModelElement()
    {
        const auto schema = introspect(QStringLiteral("fixture"));
        QVERIFY(schema);
        compareSchemas(*schema, expectedFixture());
    }

    void lookupsFindHostileNames()
    {
        const auto schema = introspect(QStringLiteral("fixture"));
        QVERIFY(schema);
        QVERIFY(schema->table(QStringLiteral("public"), QStringLiteral("we\"ird")));
        QVERIFY(schema->table(QStringLiteral("public"), QStringLiteral("'; drop table x; --")));
        const Table *unicode = schema->table(QStringLiteral("MixedCase"), longUnicodeName());
        QVERIFY(unicode);
        QCOMPARE(unicode->name.toUtf8().size(), 63);
        QVERIFY(unicode->column(QStringLiteral("Ref")));
        QVERIFY(!unicode->column(QStringLiteral("ref")));
        QVERIFY(!schema->table(QStringLiteral("mixedcase"), longUnicodeName()));
        QVERIFY(schema->enumType(QStringLiteral("app"), QStringLiteral("status")));
        QVERIFY(schema->view(QStringLiteral("app"), QStringLiteral("user_counts")));
        QVERIFY(!schema->view(QStringLiteral("app"), QStringLiteral("users")));
    }

    // Each version's statements run on this server (a subset of its catalog), and say what
    // that version's catalog can say.
    void olderServersGetGuardedQueries_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("10") << 100000;
        QTest::newRow("11") << 110000;
        QTest::newRow("12") << 120000;
        QTest::newRow("13") << 130000;
        QTest::newRow("14") << 140000;
        QTest::newRow("15") << 150000;
        QTest::newRow("16") << 160000;
        QTest::newRow("17") << 170000;
    }

    void olderServersGetGuardedQueries()
    {
        QFETCH(int, version);
        auto connection = open(QStringLiteral("fixture"));
        QVERIFY(connection);
        PgError error;
        const QList<QueryResult> results = runAll(*connection, Introspector::queries(version), &error);
        QVERIFY2(error.isNull(), qPrintable(error.toString()));
        QCOMPARE(results.size(), int(Introspector::StepCount));
        const Schema schema = Introspector::assemble(results);
        if (version >= 150000) {
            compareSchemas(schema, expectedFixture());
        } else if (version >= 120000) {
            compareSchemas(schema, withoutPostgres15(expectedFixture()));
        } else {
            // Before 12 there are no generated columns, before 11 no INCLUDE; what this server
            // has of them reads differently, but everything is still there.
            QCOMPARE(schema.tables.size(), expectedFixture().tables.size());
            QCOMPARE(Schema{.sequences = schema.sequences}, Schema{.sequences = expectedFixture().sequences});
            QCOMPARE(Schema{.enums = schema.enums}, Schema{.enums = expectedFixture().enums});
        }
    }

    void filtersBySchema_data()
    {
        QTest::addColumn<QStringList>("schemas");
        QTest::addColumn<QStringList>("tables");
        QTest::newRow("one") << QStringList{"app"}
                             << QStringList{"app.cache", "app.documents", "app.events", "app.events_2024",
                                            "app.events_default", "app.memberships", "app.users"};
        QTest::newRow("mixed case and public")
            << QStringList{"public", "MixedCase"}
            << QStringList{"MixedCase." + longUnicodeName(), "public.'; drop table x; --", "public.accounts",
                           "public.we\"ird"};
        QTest::newRow("quote and backslash") << QStringList{"sch\"em\\a"} << QStringList{"sch\"em\\a.t"};
        QTest::newRow("case matters") << QStringList{"mixedcase"} << QStringList{};
        QTest::newRow("missing") << QStringList{"nope"} << QStringList{};
    }

    void filtersBySchema()
    {
        QFETCH(QStringList, schemas);
        QFETCH(QStringList, tables);
        IntrospectOptions options;
        options.schemas = schemas;
        const auto schema = introspect(QStringLiteral("fixture"), options);
        QVERIFY(schema);
        QStringList names;
        for (const Table &table : schema->tables)
            names << table.schema + QLatin1Char('.') + table.name;
        QCOMPARE(names, tables);
        for (const QString &name : schema->schemas)
            QVERIFY2(schemas.contains(name), qPrintable(name));
        for (const Enum &type : schema->enums)
            QVERIFY(schemas.contains(type.schema));
        for (const Sequence &sequence : schema->sequences)
            QVERIFY(schemas.contains(sequence.schema));
        for (const View &view : schema->views)
            QVERIFY(schemas.contains(view.schema));
        // A reference into a schema that was not read stays as it is.
        if (schemas == QStringList{"app"}) {
            const Table *memberships = schema->table(QStringLiteral("app"), QStringLiteral("memberships"));
            QVERIFY(memberships);
            QCOMPARE(memberships->foreignKeys.first().targetSchema, QStringLiteral("public"));
        }
    }

    void systemSchemasAreLeftOut()
    {
        const auto schema = introspect(QStringLiteral("fixture"));
        QVERIFY(schema);
        for (const QString &name : schema->schemas) {
            QVERIFY2(!name.startsWith(QLatin1String("pg_")), qPrintable(name));
            QVERIFY(name != QLatin1String("information_schema"));
            QVERIFY(name != QLatin1String("public"));  // always there, so never listed
        }
        // …unless asked for by name.
        IntrospectOptions options;
        options.schemas = {QStringLiteral("information_schema")};
        const auto information = introspect(QStringLiteral("fixture"), options);
        QVERIFY(information);
        QCOMPARE(information->schemas, QStringList{"information_schema"});
        QVERIFY(information->views.size() > 10);
    }

    void drizzleBookkeepingIsLeftOutByDefault()
    {
        createDatabase(QStringLiteral("drizzle"), QStringLiteral(
            "CREATE SCHEMA drizzle;"
            "CREATE TABLE drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);"
            "CREATE TABLE public.users (id integer PRIMARY KEY);"
            // A project whose migrations.schema is "public", and one with its own schema name.
            "CREATE SCHEMA ledger;"
            "CREATE TABLE ledger.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);"
            "CREATE TABLE ledger.kept (id integer);"
            // Owned by a column without its nextval() default: not a serial, so listed.
            "CREATE SEQUENCE ledger.kept_id_seq OWNED BY ledger.kept.id;"));

        const auto schema = introspect(QStringLiteral("drizzle"));
        QVERIFY(schema);
        QCOMPARE(schema->schemas, QStringList{"ledger"});  // drizzle held nothing else; ledger does
        QStringList tables;
        for (const Table &table : schema->tables)
            tables << table.schema + QLatin1Char('.') + table.name;
        QCOMPARE(tables, (QStringList{"ledger.kept", "public.users"}));
        QCOMPARE(schema->sequences.size(), 1);
        QCOMPARE(schema->sequences.first().ownedBy, QStringLiteral("kept.id"));

        IntrospectOptions options;
        options.includeDrizzleSchema = true;
        const auto full = introspect(QStringLiteral("drizzle"), options);
        QVERIFY(full);
        QCOMPARE(full->schemas, (QStringList{"drizzle", "ledger"}));
        const Table *ledger = full->table(QStringLiteral("drizzle"), QStringLiteral("__drizzle_migrations"));
        QVERIFY(ledger);
        QCOMPARE(ledger->columns.size(), 3);
        QCOMPARE(full->sequences.size(), 1);  // the serials' sequences are their columns'
        QCOMPARE(full->sequences.first().name, QStringLiteral("kept_id_seq"));

        // drizzle's migrations.table names the table.
        IntrospectOptions renamed;
        renamed.drizzleMigrationsTable = QStringLiteral("kept");
        const auto other = introspect(QStringLiteral("drizzle"), renamed);
        QVERIFY(other);
        QCOMPARE(other->schemas, (QStringList{"drizzle", "ledger"}));
        QVERIFY(!other->table(QStringLiteral("ledger"), QStringLiteral("kept")));
        QVERIFY(other->table(QStringLiteral("drizzle"), QStringLiteral("__drizzle_migrations")));
    }

    void extensionObjectsAreLeftOut()
    {
        // citext and pg_trgm come with postgresql-15's contrib. Objects added to an extension
        // with ALTER EXTENSION … ADD count as the extension's, as pg_dump sees them.
        createDatabase(QStringLiteral("extensions"), QStringLiteral(
            "CREATE EXTENSION citext;"
            "CREATE EXTENSION pg_trgm;"
            "CREATE SCHEMA ext_schema;"
            "CREATE TABLE ext_schema.hidden (id integer);"
            "CREATE TABLE public.ext_table (id serial PRIMARY KEY);"
            "CREATE TYPE public.ext_enum AS ENUM ('a');"
            "CREATE SEQUENCE public.ext_seq;"
            "CREATE VIEW public.ext_view AS SELECT 1 AS one;"
            "ALTER EXTENSION citext ADD SCHEMA ext_schema;"
            "ALTER EXTENSION citext ADD TABLE public.ext_table;"
            "ALTER EXTENSION citext ADD SEQUENCE public.ext_table_id_seq;"
            "ALTER EXTENSION citext ADD TYPE public.ext_enum;"
            "ALTER EXTENSION citext ADD SEQUENCE public.ext_seq;"
            "ALTER EXTENSION citext ADD VIEW public.ext_view;"
            "CREATE TABLE public.people (name citext NOT NULL, tags citext[]);"
            "CREATE INDEX people_name_trgm ON public.people USING gin (name gin_trgm_ops);"));

        const auto schema = introspect(QStringLiteral("extensions"));
        QVERIFY(schema);
        const Table people{
            .schema = "public",
            .name = "people",
            .columns = {{.name = "name", .type = "citext", .typeSchema = "public", .notNull = true},
                        {.name = "tags", .type = "citext", .typeSchema = "public", .arrayDimensions = 1}},
            .indexes = {{.name = "people_name_trgm", .method = "gin",
                         .keys = {{.expression = "name", .opclass = "gin_trgm_ops"}}}},
        };
        QCOMPARE(*schema, (Schema{.tables = {people}}));
    }

    void reportsProgressAndUsesAFixedNumberOfQueries()
    {
        auto connection = open(QStringLiteral("fixture"));
        QVERIFY(connection);
        Introspector introspector;
        QSignalSpy progress(&introspector, &Introspector::progress);
        QSignalSpy finished(&introspector, &Introspector::finished);
        QSignalSpy statements(connection.get(), &Connection::finished);
        introspector.introspect(connection.get());
        QVERIFY(introspector.isRunning());
        QVERIFY(finished.wait(20000));
        QVERIFY(!introspector.isRunning());
        QCOMPARE(statements.size(), int(Introspector::StepCount));
        QCOMPARE(progress.size(), int(Introspector::StepCount) + 1);
        for (int i = 0; i < progress.size(); ++i) {
            QCOMPARE(progress.at(i).at(0).toInt(), i);
            QCOMPARE(progress.at(i).at(1).toInt(), int(Introspector::StepCount));
            QVERIFY(!progress.at(i).at(2).toString().isEmpty());
        }
        QCOMPARE(finished.first().first().value<Schema>(), expectedFixture());
    }

    // The same number of queries for a hundred tables as for a handful; the time goes to the log.
    void aHundredTablesTakeTheSameQueries()
    {
        createDatabase(QStringLiteral("hundred"), QStringLiteral(R"SQL(
            CREATE TYPE public.state AS ENUM ('new', 'done');
            DO $$
            BEGIN
                FOR i IN 1..100 LOOP
                    EXECUTE format('CREATE TABLE public.t%s (
                        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                        parent_id bigint %s,
                        name text NOT NULL UNIQUE,
                        state public.state NOT NULL DEFAULT %L,
                        amount numeric(12,2) CHECK (amount >= 0),
                        tags text[],
                        created_at timestamptz NOT NULL DEFAULT now(),
                        note varchar(200))',
                        i, CASE WHEN i > 1 THEN format('REFERENCES public.t%s (id) ON DELETE CASCADE', i - 1) ELSE '' END,
                        'new');
                    EXECUTE format('CREATE INDEX t%s_created_idx ON public.t%s (created_at DESC) WHERE note IS NOT NULL', i, i);
                    EXECUTE format('COMMENT ON TABLE public.t%s IS %L', i, 'table ' || i);
                END LOOP;
            END $$;
        )SQL"));

        auto connection = open(QStringLiteral("hundred"));
        QVERIFY(connection);
        qint64 first = -1;
        qint64 best = -1;
        for (int run = 0; run < 3; ++run) {
            Introspector introspector;
            QSignalSpy finished(&introspector, &Introspector::finished);
            QSignalSpy statements(connection.get(), &Connection::finished);
            QElapsedTimer timer;
            timer.start();
            introspector.introspect(connection.get());
            QVERIFY(finished.wait(60000));
            const qint64 elapsed = timer.elapsed();
            if (first < 0)
                first = elapsed;  // the server's caches are cold for this session
            best = best < 0 ? elapsed : std::min(best, elapsed);
            QCOMPARE(statements.size(), int(Introspector::StepCount));
            const Schema schema = finished.first().first().value<Schema>();
            QCOMPARE(schema.tables.size(), 100);
            const Table *last = schema.table(QStringLiteral("public"), QStringLiteral("t100"));
            QVERIFY(last);
            QCOMPARE(last->columns.size(), 8);
            QCOMPARE(last->foreignKeys.size(), 1);
            QCOMPARE(last->uniqueConstraints.size(), 1);
            QCOMPARE(last->indexes.size(), 1);
            QVERIFY(last->columns.first().identity);
            QVERIFY(schema.sequences.isEmpty());  // identity sequences stay on their columns
        }
        qInfo("Introspecting 100 tables (800 columns, 100 foreign keys, 100 checks, 300 indexes): "
              "%d queries, first run %lld ms, best of 3 %lld ms",
              int(Introspector::StepCount), first, best);
    }

    void cancelStopsTheRunningQuery()
    {
        createDatabase(QStringLiteral("cancel"), QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY);"));
        auto connection = open(QStringLiteral("cancel"));
        auto locker = open(QStringLiteral("cancel"));
        QVERIFY(connection && locker);
        // Holding pg_enum makes the enum step wait for the lock until it is cancelled.
        QSignalSpy locked(locker.get(), &Connection::finished);
        locker->submit(QStringLiteral("BEGIN; LOCK TABLE pg_catalog.pg_enum IN ACCESS EXCLUSIVE MODE"));
        QVERIFY(locked.wait(10000));

        Introspector introspector;
        QSignalSpy progress(&introspector, &Introspector::progress);
        QSignalSpy finished(&introspector, &Introspector::finished);
        QSignalSpy failed(&introspector, &Introspector::failed);
        QSignalSpy statementFailed(connection.get(), &Connection::failed);
        introspector.introspect(connection.get());
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toInt() == Introspector::Enums, 10000);
        QTest::qWait(300);  // let the statement reach the lock
        QVERIFY(statementFailed.isEmpty());

        QElapsedTimer timer;
        timer.start();
        introspector.cancel();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<PgError>().kind, PgError::Kind::Cancelled);
        QVERIFY(!introspector.isRunning());
        // The server stopped the statement although the lock is still held.
        QVERIFY(statementFailed.wait(5000));
        QCOMPARE(statementFailed.first().at(1).value<PgError>().kind, PgError::Kind::Cancelled);
        QVERIFY(timer.elapsed() < 5000);

        QSignalSpy unlocked(locker.get(), &Connection::finished);
        locker->submit(QStringLiteral("ROLLBACK"));
        QVERIFY(unlocked.wait(10000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(failed.size(), 1);

        // The connection is fine for the next run, and nothing of the old one leaks into it.
        introspector.introspect(connection.get());
        QVERIFY(finished.wait(20000));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(finished.first().first().value<Schema>().tables.size(), 1);
    }

    void cancelBeforeAnyResultDropsEverything()
    {
        auto connection = open(QStringLiteral("fixture"));
        QVERIFY(connection);
        Introspector introspector;
        QSignalSpy finished(&introspector, &Introspector::finished);
        QSignalSpy failed(&introspector, &Introspector::failed);
        QSignalSpy statements(connection.get(), &Connection::finished);
        QSignalSpy statementsFailed(connection.get(), &Connection::failed);
        introspector.introspect(connection.get());
        introspector.cancel();
        QCOMPARE(failed.size(), 1);
        // The first statement ends on the server (done or cancelled, depending on timing)…
        QTRY_COMPARE_WITH_TIMEOUT(statements.size() + statementsFailed.size(), 1, 5000);
        QTest::qWait(200);
        // …but nothing more is asked and nothing is reported.
        QCOMPARE(statements.size() + statementsFailed.size(), 1);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(failed.size(), 1);
        introspector.cancel();           // a second cancel is a no-op
        QCOMPARE(failed.size(), 1);
    }

    void failsWithoutAnOpenConnection()
    {
        Connection closed(m_cluster.spec(QStringLiteral("fixture")));
        Introspector introspector;
        QSignalSpy failed(&introspector, &Introspector::failed);
        introspector.introspect(&closed);
        QCOMPARE(failed.size(), 0);  // reported after introspect() returns, like every outcome
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().value<PgError>().kind, PgError::Kind::ConnectionLost);
    }

    void introspectAndWaitOpensTheConnection()
    {
        Connection connection(m_cluster.spec(QStringLiteral("fixture")));
        PgError error;
        const auto schema = Introspector::introspectAndWait(connection, {}, &error);
        QVERIFY2(schema, qPrintable(error.toString()));
        QCOMPARE(*schema, expectedFixture());

        Connection missing(m_cluster.spec(QStringLiteral("no_such_database")));
        QVERIFY(!Introspector::introspectAndWait(missing, {}, &error));
        QCOMPARE(error.kind, PgError::Kind::ConnectFailed);
    }

    void failsWhenTheServerGoesAway()
    {
        auto connection = open(QStringLiteral("cancel"));
        auto killer = open(QStringLiteral("cancel"));
        QVERIFY(connection && killer);
        QSignalSpy locked(killer.get(), &Connection::finished);
        killer->submit(QStringLiteral("BEGIN; LOCK TABLE pg_catalog.pg_enum IN ACCESS EXCLUSIVE MODE"));
        QVERIFY(locked.wait(10000));

        Introspector introspector;
        QSignalSpy progress(&introspector, &Introspector::progress);
        QSignalSpy finished(&introspector, &Introspector::finished);
        QSignalSpy failed(&introspector, &Introspector::failed);
        introspector.introspect(connection.get());
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toInt() == Introspector::Enums, 10000);
        killer->submit(QStringLiteral("SELECT pg_catalog.pg_terminate_backend($1::int)"),
                       {QString::number(connection->serverInfo().backendPid)});
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<PgError>().kind, PgError::Kind::ConnectionLost);
        QCOMPARE(finished.size(), 0);
        QVERIFY(!introspector.isRunning());
        killer->submit(QStringLiteral("ROLLBACK"));
    }
};

STRATA_TEST(IntrospectorTest)
#include "IntrospectorTest.moc"
