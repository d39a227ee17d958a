// Defaults as PostgreSQL prints them, spelled as drizzle-kit writes them. The server texts
// are what pg_get_expr printed on PostgreSQL 15 for the DEFAULT clauses drizzle-kit 0.31
// generates (its own test cases, ../shared/testdata/drizzle-kit-cases); the integration
// test SnapshotCorpusTest checks the whole path on a live server.
#include "TestRegistry.h"

#include "schema/Column.h"
#include "schema/DefaultSpelling.h"

#include <QTest>

using namespace strata;

class DefaultSpellingTest : public QObject
{
    Q_OBJECT

private slots:
    void spelling_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("typeSchema");
        QTest::addColumn<int>("dimensions");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("drizzle");

        const QString none;
        QTest::newRow("text") << "text" << none << 0 << "'abc'::text" << "'abc'";
        QTest::newRow("quote doubled") << "text" << none << 0 << "'it''s'::text" << "'it''s'";
        QTest::newRow("varchar(n) casts without length") << "character varying(32)" << none << 0
                                                         << "'abc'::character varying" << "'abc'";
        QTest::newRow("char is bpchar") << "character(3)" << none << 0 << "'abc'::bpchar" << "'abc'";
        QTest::newRow("enum") << "mood" << "public" << 0 << "'ok'::mood" << "'ok'";
        QTest::newRow("enum in another schema") << "Status" << "app" << 0 << "'a b'::app.\"Status\"" << "'a b'";
        QTest::newRow("uuid") << "uuid" << none << 0 << "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid"
                              << "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'";
        QTest::newRow("interval") << "interval" << none << 0 << "'1 day 01:00:00'::interval" << "'1 day 01:00:00'";
        QTest::newRow("timestamptz(3)") << "timestamp(3) with time zone" << none << 0
                                        << "'2025-01-01 00:00:00+00'::timestamp with time zone"
                                        << "'2025-01-01 00:00:00+00'";
        QTest::newRow("negative integer") << "integer" << none << 0 << "'-1'::integer" << "-1";
        QTest::newRow("bigint") << "bigint" << none << 0 << "'5'::bigint" << "5";
        QTest::newRow("real") << "real" << none << 0 << "'1.5'::real" << "1.5";
        QTest::newRow("NaN stays a string") << "double precision" << none << 0 << "'NaN'::double precision" << "'NaN'";
        QTest::newRow("integer widened to bigint") << "bigint" << none << 0 << "'-1'::integer" << "-1";
        QTest::newRow("integer into numeric") << "numeric(10,2)" << none << 0 << "'-1'::integer" << "'-1'";
        QTest::newRow("nextval") << "integer" << none << 0 << "nextval('billing.invoice_numbers'::regclass)"
                                 << "nextval('billing.invoice_numbers')";
        QTest::newRow("nextval quoted") << "integer" << none << 0 << "nextval('\"Odd\"\"s\"''_seq'::regclass)"
                                        << "nextval('\"Odd\"\"s\"''_seq')";
        QTest::newRow("plain integer") << "integer" << none << 0 << "0" << "0";
        QTest::newRow("numeric bare") << "numeric(10,2)" << none << 0 << "99.9" << "'99.9'";
        QTest::newRow("numeric cast") << "numeric" << none << 0 << "'-5'::numeric" << "'-5'";
        QTest::newRow("boolean") << "boolean" << none << 0 << "true" << "true";
        QTest::newRow("jsonb spacing") << "jsonb" << none << 0 << "'{\"a\": \"x, y\", \"b\": [1, 2]}'::jsonb"
                                       << "'{\"a\":\"x, y\",\"b\":[1,2]}'::jsonb";
        QTest::newRow("json kept") << "json" << none << 0 << "'{\"a\": 1}'::json" << "'{\"a\": 1}'::json";
        QTest::newRow("text array") << "text" << none << 1 << "'{a,\"b c\"}'::text[]" << "'{\"a\",\"b c\"}'";
        QTest::newRow("empty array") << "integer" << none << 1 << "'{}'::integer[]" << "'{}'";
        QTest::newRow("integer array") << "integer" << none << 1 << "'{1,2,3}'::integer[]" << "'{1,2,3}'";
        QTest::newRow("boolean array") << "boolean" << none << 1 << "'{t,f}'::boolean[]" << "'{true,false}'";
        QTest::newRow("numeric array quoted") << "numeric" << none << 1 << "'{99.9,88.8}'::numeric[]"
                                              << "'{\"99.9\",\"88.8\"}'";
        QTest::newRow("2-d array") << "integer" << none << 2 << "'{{1,2},{3,4}}'::integer[]" << "'{{1,2},{3,4}}'";
        QTest::newRow("NULL element") << "text" << none << 1 << "'{a,NULL}'::text[]" << "'{\"a\",NULL}'";
        QTest::newRow("escaped element") << "text" << none << 1 << "'{\"a\\\"b\"}'::text[]" << "'{\"a\\\"b\"}'";
        QTest::newRow("quote in element") << "text" << none << 1 << "'{it''s}'::text[]" << "'{\"it''s\"}'";
        QTest::newRow("jsonb array") << "jsonb" << none << 1 << "'{\"{\\\"a\\\": 1}\"}'::jsonb[]"
                                     << "'{\"{\\\"a\\\":1}\"}'";
        QTest::newRow("enum array") << "mood" << "public" << 1 << "'{a,b}'::mood[]" << "'{\"a\",\"b\"}'";
        // Left alone: anything but a literal cast to the column's own type.
        QTest::newRow("function") << "timestamp with time zone" << none << 0 << "now()" << "now()";
        QTest::newRow("nextval call in an expression") << "integer" << none << 0
                                                       << "(nextval('s'::regclass) + 1)" << "(nextval('s'::regclass) + 1)";
        QTest::newRow("other type") << "text" << none << 0 << "'5'::character varying" << "'5'::character varying";
        QTest::newRow("expression") << "text" << none << 0 << "('a'::text || 'b'::text)" << "('a'::text || 'b'::text)";
        QTest::newRow("two casts") << "text" << none << 0 << "'a'::text || 'b'::text" << "'a'::text || 'b'::text";
        QTest::newRow("collation") << "text" << none << 0 << "'a'::text COLLATE \"C\"" << "'a'::text COLLATE \"C\"";
        QTest::newRow("dimension mismatch") << "text" << none << 1 << "'a'::text" << "'a'::text";
        QTest::newRow("broken array") << "text" << none << 1 << "'{a'::text[]" << "'{a'::text[]";
        QTest::newRow("unterminated") << "text" << none << 0 << "'abc" << "'abc";
    }

    void spelling()
    {
        QFETCH(QString, type);
        QFETCH(QString, typeSchema);
        QFETCH(int, dimensions);
        QFETCH(QString, server);
        QFETCH(QString, drizzle);
        Column column;
        column.type = type;
        column.typeSchema = typeSchema;
        column.arrayDimensions = dimensions;
        QCOMPARE(DefaultSpelling::fromServer(server, column), drizzle);
    }

    void bareTypeNames_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("bare");
        QTest::newRow("modifier") << "character varying(32)" << "character varying";
        QTest::newRow("inner modifier") << "timestamp(3) with time zone" << "timestamp with time zone";
        QTest::newRow("numeric") << "numeric(12,2)" << "numeric";
        QTest::newRow("array") << "integer[]" << "integer";
        QTest::newRow("schema") << "app.status" << "status";
        QTest::newRow("quoted") << "\"My \"\"odd\"\". type\"" << "My \"odd\". type";
        QTest::newRow("quoted schema") << "\"a.b\".\"T\"" << "T";
        QTest::newRow("bpchar") << "bpchar" << "character";
    }

    void bareTypeNames()
    {
        QFETCH(QString, type);
        QFETCH(QString, bare);
        QCOMPARE(DefaultSpelling::bareTypeName(type), bare);
    }
};

STRATA_TEST(DefaultSpellingTest)
#include "DefaultSpellingTest.moc"
