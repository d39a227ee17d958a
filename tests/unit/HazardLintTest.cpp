// HazardLint: one row per rule and severity, rows that must not fire, positions, real files.
#include "TestRegistry.h"

#include "lint/HazardLint.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTest>

using namespace strata;

namespace {

// Every rule id some row of rules() saw, to prove each rule has a positive case.
QSet<QString> &firedRules()
{
    static QSet<QString> rules;
    return rules;
}

// Line and column (in code points) of UTF-16 index `index`, counted the slow and obvious way.
QString lineColumn(const QString &text, qsizetype index)
{
    const QString before = text.left(index);
    const int line = int(before.count(QLatin1Char('\n'))) + 1;
    const QString lastLine = before.mid(before.lastIndexOf(QLatin1Char('\n')) + 1);
    return QStringLiteral("%1:%2").arg(line).arg(lastLine.toUcs4().size() + 1);
}

// What a finding looks like in the expectations: "<rule> <severity> <line>:<column>".
QString describe(const Hazard &hazard)
{
    return QStringLiteral("%1 %2 %3:%4")
        .arg(hazard.ruleId, Hazard::severityId(hazard.severity))
        .arg(hazard.position.line)
        .arg(hazard.position.column);
}

// Options from short strings: "t=1000" (public.t has 1000 rows), "s.t=-1/2147483648" (rows
// unknown, 2 GiB), "t.c:character varying(20)" (a column's type), "large=1000", "version=110000",
// "schema=app" (where unqualified names live).
LintOptions optionsFrom(const QStringList &entries)
{
    LintOptions options;
    for (const QString &entry : entries) {
        if (entry.startsWith(QLatin1String("large="))) {
            options.largeTableRows = entry.mid(6).toDouble();
        } else if (entry.startsWith(QLatin1String("schema="))) {
            options.defaultSchema = entry.mid(7);
        } else if (entry.startsWith(QLatin1String("version="))) {
            options.serverVersion = entry.mid(8).toInt();
        } else if (entry.contains(QLatin1Char(':'))) {
            const qsizetype colon = entry.indexOf(QLatin1Char(':'));
            QStringList names = entry.left(colon).split(QLatin1Char('.'));
            if (names.size() == 2)
                names.prepend(QStringLiteral("public"));
            options.stats.setColumnType(names[0], names[1], names[2], entry.mid(colon + 1));
        } else {
            const qsizetype equals = entry.indexOf(QLatin1Char('='));
            QStringList names = entry.left(equals).split(QLatin1Char('.'));
            if (names.size() == 1)
                names.prepend(QStringLiteral("public"));
            const QStringList sizes = entry.mid(equals + 1).split(QLatin1Char('/'));
            options.stats.setTable(names[0], names[1], sizes[0].toDouble(), sizes.value(1, QStringLiteral("-1")).toLongLong());
        }
    }
    return options;
}

// What every finding must be, whatever the rule: a known id, one-line texts, a position
// that all units agree on, in the text.
void checkShape(const QString &text, const QList<Hazard> &hazards)
{
    const QStringList ids = HazardLint::ruleIds();
    const QByteArray utf8 = text.toUtf8();
    for (const Hazard &hazard : hazards) {
        QVERIFY2(ids.contains(hazard.ruleId), qPrintable(hazard.ruleId));
        QVERIFY(!hazard.message.isEmpty());
        QVERIFY2(!hazard.message.contains(QLatin1Char('\n')) && !hazard.message.contains(QLatin1Char('\r')),
                 qPrintable(hazard.message));
        QVERIFY(!hazard.alternative.isEmpty());
        QVERIFY(!hazard.alternative.contains(QLatin1Char('\n')));
        QVERIFY(hazard.position.isValid());
        QVERIFY(hazard.position.charOffset <= text.size());
        QCOMPARE(lineColumn(text, hazard.position.charOffset),
                 QStringLiteral("%1:%2").arg(hazard.position.line).arg(hazard.position.column));
        QCOMPARE(utf8.left(hazard.position.byteOffset), text.left(hazard.position.charOffset).toUtf8());
        if (hazard.statementIndex >= 0)
            QVERIFY(text.contains(hazard.statement));
    }
}

} // namespace

class HazardLintTest : public QObject
{
    Q_OBJECT

private slots:
    void rules_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("expected");
        using L = QStringList;
        const L none;
        const L v15{QStringLiteral("version=150000")};

        // drop-table: data loss, louder when rows are known to exist.
        QTest::newRow("drop table, no statistics") << QStringLiteral("DROP TABLE users;") << none << L{"drop-table warning 1:1"};
        QTest::newRow("drop table with rows") << QStringLiteral("DROP TABLE users;") << L{"users=42"} << L{"drop-table error 1:1"};
        QTest::newRow("drop empty table") << QStringLiteral("DROP TABLE users;") << L{"users=0"} << L{"drop-table info 1:1"};
        QTest::newRow("drop two tables") << QStringLiteral("DROP TABLE a, s.b;") << L{"s.b=7"}
                                         << L{"drop-table warning 1:1", "drop-table error 1:1"};
        QTest::newRow("drop table created in the text")
            << QStringLiteral("CREATE TABLE t (id int);\nDROP TABLE t;") << none << none;
        QTest::newRow("unqualified names in the default schema")
            << QStringLiteral("DROP TABLE t;\nDROP TABLE public.t;") << L{"schema=app", "app.t=5", "public.t=0"}
            << L{"drop-table error 1:1", "drop-table info 2:1"};
        QTest::newRow("drop a view is no data loss") << QStringLiteral("DROP VIEW v;") << none << none;
        QTest::newRow("drizzle drops with CASCADE")
            << QStringLiteral("DROP TABLE \"users\" CASCADE;") << none << L{"drop-table warning 1:1", "drop-cascade warning 1:1"};

        // drop-column
        QTest::newRow("drop column") << QStringLiteral("ALTER TABLE t DROP COLUMN c;") << none << L{"drop-column warning 1:1"};
        QTest::newRow("drop column, large table") << QStringLiteral("ALTER TABLE t DROP COLUMN c;") << L{"t=500000"}
                                                  << L{"drop-column error 1:1"};
        QTest::newRow("drop column added in the text")
            << QStringLiteral("ALTER TABLE t ADD COLUMN c int;\nALTER TABLE t DROP COLUMN c;") << none << none;
        QTest::newRow("drop column CASCADE") << QStringLiteral("ALTER TABLE t DROP COLUMN c CASCADE;") << L{"t=0"}
                                             << L{"drop-column info 1:1", "drop-cascade warning 1:1"};

        // column-type-rewrite (the type pairs themselves: typeChanges())
        QTest::newRow("type change, old type unknown") << QStringLiteral("ALTER TABLE t ALTER COLUMN c TYPE text;") << none
                                                       << L{"column-type-rewrite warning 1:28"};
        QTest::newRow("type change that keeps the table")
            << QStringLiteral("ALTER TABLE t ALTER COLUMN c SET DATA TYPE text;") << L{"t.c:character varying(20)"} << none;
        QTest::newRow("type change on a large table")
            << QStringLiteral("ALTER TABLE t ALTER COLUMN c TYPE bigint;") << L{"t=2000000", "t.c:integer"}
            << L{"column-type-rewrite error 1:28"};
        QTest::newRow("USING always rewrites")
            << QStringLiteral("ALTER TABLE t ALTER COLUMN c TYPE text USING c::text;") << L{"t=10", "t.c:text"}
            << L{"column-type-rewrite info 1:28"};
        QTest::newRow("type change in a table created in the text")
            << QStringLiteral("CREATE TABLE t (c varchar(10));\nALTER TABLE t ALTER COLUMN c TYPE int USING c::int;") << none << none;
        QTest::newRow("old type from an earlier ADD COLUMN, widened")
            << QStringLiteral("ALTER TABLE t ADD COLUMN c varchar(10);\nALTER TABLE t ALTER COLUMN c TYPE varchar(20);") << none << none;
        QTest::newRow("old type from an earlier ADD COLUMN, narrowed")
            << QStringLiteral("ALTER TABLE t ADD COLUMN c varchar(10);\nALTER TABLE t ALTER COLUMN c TYPE varchar(5);") << none
            << L{"column-type-rewrite warning 2:28"};

        // add-column-volatile-default
        QTest::newRow("ADD COLUMN with gen_random_uuid()")
            << QStringLiteral("ALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid() NOT NULL;") << none
            << L{"add-column-volatile-default warning 1:26"};
        QTest::newRow("ADD COLUMN with now() is stored once")
            << QStringLiteral("ALTER TABLE t ADD COLUMN at timestamptz DEFAULT now() NOT NULL;") << L{"t=5000000"} << none;
        QTest::newRow("ADD COLUMN identity on a large table")
            << QStringLiteral("ALTER TABLE t ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;") << L{"t=5000000"}
            << L{"add-column-volatile-default error 1:26"};

        // set-not-null
        QTest::newRow("set not null") << QStringLiteral("ALTER TABLE t ALTER COLUMN c SET NOT NULL;") << none
                                      << L{"set-not-null warning 1:1"};
        QTest::newRow("set not null, small table") << QStringLiteral("ALTER TABLE t ALTER COLUMN c SET NOT NULL;")
                                                   << L{"t=100"} << L{"set-not-null info 1:1"};
        QTest::newRow("set not null, empty table") << QStringLiteral("ALTER TABLE t ALTER COLUMN c SET NOT NULL;")
                                                   << L{"t=0"} << none;
        QTest::newRow("set not null on a new table")
            << QStringLiteral("CREATE TABLE t (c int);\nALTER TABLE t ALTER COLUMN c SET NOT NULL;") << none << none;
        QTest::newRow("set not null after a validated check")
            << QStringLiteral("ALTER TABLE t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID;\n"
                              "ALTER TABLE t VALIDATE CONSTRAINT c_nn;\nALTER TABLE t ALTER COLUMN c SET NOT NULL;")
            << L{"t=5000000"} << none;
        QTest::newRow("the check does not help PostgreSQL 11")
            << QStringLiteral("ALTER TABLE t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID;\n"
                              "ALTER TABLE t VALIDATE CONSTRAINT c_nn;\nALTER TABLE t ALTER COLUMN c SET NOT NULL;")
            << L{"t=5000000", "version=110000"} << L{"set-not-null warning 3:1"};

        // add-column-not-null-no-default
        QTest::newRow("NOT NULL without default") << QStringLiteral("ALTER TABLE t ADD COLUMN c int NOT NULL;") << none
                                                  << L{"add-column-not-null-no-default warning 1:26"};
        QTest::newRow("NOT NULL without default, rows exist") << QStringLiteral("ALTER TABLE t ADD COLUMN c int NOT NULL;")
                                                              << L{"t=3"} << L{"add-column-not-null-no-default error 1:26"};
        QTest::newRow("NOT NULL without default, empty table")
            << QStringLiteral("ALTER TABLE t ADD COLUMN c int NOT NULL;") << L{"t=0"} << none;
        QTest::newRow("NOT NULL with a default") << QStringLiteral("ALTER TABLE t ADD COLUMN c int DEFAULT 0 NOT NULL;")
                                                 << L{"t=3"} << none;
        QTest::newRow("NOT NULL on a table created in the text")
            << QStringLiteral("CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN c int NOT NULL;") << none << none;
        QTest::newRow("created, then filled")
            << QStringLiteral("CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\nALTER TABLE t ADD COLUMN c int NOT NULL;")
            << none << L{"add-column-not-null-no-default warning 3:26"};
        QTest::newRow("emptied by TRUNCATE") << QStringLiteral("TRUNCATE t;\nALTER TABLE t ADD COLUMN c int NOT NULL;")
                                             << L{"t=0"} << L{"truncate info 1:10"};

        // create-index-blocking
        QTest::newRow("index, unknown size") << QStringLiteral("CREATE INDEX i ON t (c);") << none
                                             << L{"create-index-blocking info 1:1"};
        QTest::newRow("index, large table") << QStringLiteral("CREATE INDEX i ON t (c);") << L{"t=250000"}
                                            << L{"create-index-blocking warning 1:1"};
        QTest::newRow("index, large in bytes") << QStringLiteral("CREATE INDEX i ON s.t (c);") << L{"s.t=-1/4294967296"}
                                               << L{"create-index-blocking warning 1:1"};
        QTest::newRow("index, own threshold") << QStringLiteral("CREATE INDEX i ON t (c);") << L{"t=5000", "large=1000"}
                                              << L{"create-index-blocking warning 1:1"};
        QTest::newRow("index on a new table") << QStringLiteral("CREATE TABLE t (c int);\nCREATE INDEX i ON t (c);") << none << none;
        QTest::newRow("unique constraint builds an index")
            << QStringLiteral("ALTER TABLE t ADD CONSTRAINT u UNIQUE (c);") << L{"t=250000"}
            << L{"create-index-blocking warning 1:19"};
        QTest::newRow("unique constraint using an index")
            << QStringLiteral("ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i;") << L{"t=250000"} << none;

        // non-transactional
        QTest::newRow("CREATE INDEX CONCURRENTLY") << QStringLiteral("CREATE INDEX CONCURRENTLY i ON t (c);") << none
                                                   << L{"non-transactional error 1:1"};
        QTest::newRow("after the text's own COMMIT")
            << QStringLiteral("COMMIT;\nCREATE INDEX CONCURRENTLY i ON t (c);") << none << L{"non-transactional warning 2:1"};
        QTest::newRow("VACUUM") << QStringLiteral("VACUUM t;") << none << L{"non-transactional error 1:1"};
        QTest::newRow("ANALYZE can") << QStringLiteral("ANALYZE t;") << none << none;
        QTest::newRow("ADD VALUE on PostgreSQL 11") << QStringLiteral("ALTER TYPE e ADD VALUE 'x';") << L{"version=110000"}
                                                    << L{"non-transactional error 1:1"};
        QTest::newRow("ADD VALUE on PostgreSQL 15") << QStringLiteral("ALTER TYPE e ADD VALUE 'x';") << v15 << none;
        QTest::newRow("ADD VALUE, version unknown") << QStringLiteral("ALTER TYPE e ADD VALUE 'x';") << none
                                                    << L{"non-transactional info 1:1"};

        // constraint-not-not-valid
        QTest::newRow("foreign key") << QStringLiteral("ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (u) REFERENCES u (id);")
                                     << none << L{"constraint-not-not-valid warning 1:19"};
        QTest::newRow("foreign key NOT VALID")
            << QStringLiteral("ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (u) REFERENCES u (id) NOT VALID;") << none << none;
        QTest::newRow("foreign key from a new table")
            << QStringLiteral("CREATE TABLE t (u int);\nALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (u) REFERENCES u (id);")
            << none << none;
        QTest::newRow("check, small table") << QStringLiteral("ALTER TABLE t ADD CONSTRAINT c CHECK (n > 0);") << L{"t=20"}
                                            << L{"constraint-not-not-valid info 1:19"};

        // rename
        QTest::newRow("rename table") << QStringLiteral("ALTER TABLE t RENAME TO u;") << none << L{"rename warning 1:1"};
        QTest::newRow("rename column") << QStringLiteral("ALTER TABLE t RENAME COLUMN a TO b;") << none << L{"rename warning 1:1"};
        QTest::newRow("move to another schema") << QStringLiteral("ALTER TABLE t SET SCHEMA archive;") << none
                                                << L{"rename warning 1:1"};
        QTest::newRow("rename enum value") << QStringLiteral("ALTER TYPE e RENAME VALUE 'a' TO 'b';") << none
                                           << L{"rename warning 1:1"};
        QTest::newRow("rename a new table")
            << QStringLiteral("CREATE TABLE t (a int);\nALTER TABLE t RENAME TO u;\nALTER TABLE u ADD COLUMN c int NOT NULL;")
            << none << none;
        QTest::newRow("rename a new column")
            << QStringLiteral("ALTER TABLE t ADD COLUMN a int;\nALTER TABLE t RENAME COLUMN a TO b;") << none << none;
        QTest::newRow("rename a constraint") << QStringLiteral("ALTER TABLE t RENAME CONSTRAINT a TO b;") << none << none;
        QTest::newRow("statistics follow a rename")
            << QStringLiteral("ALTER TABLE t RENAME TO u;\nDROP TABLE u;") << L{"t=9"}
            << L{"rename warning 1:1", "drop-table error 2:1"};

        // drop-cascade
        QTest::newRow("drop view cascade") << QStringLiteral("DROP VIEW v CASCADE;") << none << L{"drop-cascade warning 1:1"};
        QTest::newRow("drop new table cascade")
            << QStringLiteral("CREATE TABLE t (a int);\nDROP TABLE t CASCADE;") << none << none;

        // truncate
        QTest::newRow("truncate") << QStringLiteral("TRUNCATE a, b CASCADE;") << L{"b=10"}
                                  << L{"truncate warning 1:10", "truncate error 1:13"};
        QTest::newRow("truncate a new table")
            << QStringLiteral("CREATE TABLE t (a int);\nTRUNCATE t;") << none << none;

        // update-without-where, delete-without-where
        QTest::newRow("update without where") << QStringLiteral("UPDATE t SET a = 1;") << none
                                              << L{"update-without-where warning 1:1"};
        QTest::newRow("update with where") << QStringLiteral("UPDATE t SET a = 1 WHERE a IS NULL;") << none << none;
        QTest::newRow("delete without where") << QStringLiteral("DELETE FROM t;") << L{"t=12"}
                                              << L{"delete-without-where error 1:1"};
        QTest::newRow("delete with where") << QStringLiteral("DELETE FROM t WHERE id = 1;") << L{"t=12"} << none;
        QTest::newRow("delete inside WITH")
            << QStringLiteral("WITH d AS (DELETE FROM t RETURNING *)\nSELECT count(*) FROM d;") << none
            << L{"delete-without-where warning 1:24"};

        // enum-value-used-in-same-transaction
        QTest::newRow("new value cast in the same transaction")
            << QStringLiteral("ALTER TYPE status ADD VALUE 'archived';\nUPDATE t SET s = 'archived'::status WHERE id = 1;")
            << v15 << L{"enum-value-used-in-same-transaction error 2:18"};
        QTest::newRow("new value after COMMIT")
            << QStringLiteral("ALTER TYPE status ADD VALUE 'archived';\nCOMMIT;\nUPDATE t SET s = 'archived'::status WHERE id = 1;")
            << v15 << none;
        QTest::newRow("new value as a column default")
            << QStringLiteral("ALTER TYPE \"public\".\"status\" ADD VALUE 'x';\nCREATE TABLE t (s status DEFAULT 'x');") << v15
            << L{"enum-value-used-in-same-transaction error 2:34"};
        QTest::newRow("new value as SET DEFAULT, type known")
            << QStringLiteral("ALTER TYPE status ADD VALUE 'x';\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'x';")
            << L{"version=150000", "t.s:status"} << L{"enum-value-used-in-same-transaction error 2:42"};
        QTest::newRow("new value as SET DEFAULT, type unknown")
            << QStringLiteral("ALTER TYPE status ADD VALUE 'x';\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'x';") << v15
            << L{"enum-value-used-in-same-transaction warning 2:42"};
        QTest::newRow("same string into a text column")
            << QStringLiteral("ALTER TYPE status ADD VALUE 'x';\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'x';")
            << L{"version=150000", "t.s:text"} << none;
        QTest::newRow("new value inserted into a new table")
            << QStringLiteral("ALTER TYPE status ADD VALUE 'x';\nCREATE TABLE t (id int, s status);\nINSERT INTO t VALUES (1, 'x');")
            << v15 << L{"enum-value-used-in-same-transaction error 3:26"};
        QTest::newRow("new transaction after COMMIT")
            << QStringLiteral("COMMIT;\nBEGIN;\nALTER TYPE s ADD VALUE 'x';\nSELECT 'x'::s;") << v15
            << L{"enum-value-used-in-same-transaction error 4:8"};
        QTest::newRow("cast to text is no use") << QStringLiteral("ALTER TYPE status ADD VALUE 'x';\nSELECT 'x'::text;") << v15 << none;
        QTest::newRow("another label") << QStringLiteral("ALTER TYPE status ADD VALUE 'x';\nSELECT 'y'::status;") << v15 << none;
        QTest::newRow("type recreated, as drizzle drops a value")
            << QStringLiteral("ALTER TYPE status ADD VALUE 'x';\nDROP TYPE status;\nCREATE TYPE status AS ENUM ('x', 'y');\n"
                              "SELECT 'x'::status;")
            << v15 << none;

        // syntax-error: the others are still linted.
        QTest::newRow("syntax error in the middle")
            << QStringLiteral("DELETE FROM a;\nSELEC 2;\nDROP TABLE t;") << none
            << L{"delete-without-where warning 1:1", "syntax-error error 2:1", "drop-table warning 3:1"};
        QTest::newRow("syntax error inside a statement")
            << QStringLiteral("CREATE TABLE t (a int,);\nDROP TABLE u;") << none
            << L{"syntax-error error 1:23", "drop-table warning 2:1"};
        QTest::newRow("unterminated string") << QStringLiteral("DROP TABLE t;\nSELECT 'oops;") << none
                                             << L{"syntax-error error 2:8"};
        QTest::newRow("syntax error in a drizzle piece")
            << QStringLiteral("DROP TABLE a;--> statement-breakpoint\nSELEC 1;--> statement-breakpoint\nDROP TABLE b;") << none
            << L{"drop-table warning 1:1", "syntax-error error 2:1", "drop-table warning 3:1"};
        QTest::newRow("NUL character in a piece")
            << QStringLiteral("DROP TABLE a;\n--> statement-breakpoint\nSELECT 'a") + QChar(0) + QStringLiteral("b';") << none
            << L{"drop-table warning 1:1", "syntax-error error 3:10"};
        QTest::newRow("unterminated dollar quote over lines")
            << QStringLiteral("DROP TABLE t;\nDO $$ BEGIN\n  PERFORM 1;\nEND;") << none << L{"syntax-error error 2:4"};
        QTest::newRow("harmless file") << QStringLiteral("CREATE TABLE t (id serial PRIMARY KEY);\nSELECT 1;") << none << none;
        QTest::newRow("empty text") << QString() << none << none;
    }

    void rules()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, options);
        QFETCH(QStringList, expected);

        const QList<Hazard> hazards = HazardLint::lint(sql, optionsFrom(options));
        QStringList found;
        for (const Hazard &hazard : hazards) {
            found.append(describe(hazard));
            firedRules().insert(hazard.ruleId);
        }
        QCOMPARE(found, expected);
        checkShape(sql, hazards);
    }

    // Which type changes rewrite the table (a small table: a rewrite is an info finding).
    void typeChanges_data()
    {
        QTest::addColumn<QString>("from");  // as format_type() prints it
        QTest::addColumn<QString>("to");    // as SQL writes it
        QTest::addColumn<bool>("rewrites");

        QTest::newRow("varchar widened") << "character varying(20)" << "varchar(40)" << false;
        QTest::newRow("varchar narrowed") << "character varying(20)" << "varchar(10)" << true;
        QTest::newRow("varchar unbounded") << "character varying(20)" << "character varying" << false;
        QTest::newRow("varchar bounded") << "character varying" << "varchar(10)" << true;
        QTest::newRow("varchar to text") << "character varying(20)" << "text" << false;
        QTest::newRow("text to varchar") << "text" << "varchar" << false;
        QTest::newRow("text to varchar(n)") << "text" << "varchar(255)" << true;
        QTest::newRow("numeric precision up") << "numeric(10,2)" << "numeric(12,2)" << false;
        QTest::newRow("numeric scale changed") << "numeric(10,2)" << "numeric(12,3)" << true;
        QTest::newRow("numeric unconstrained") << "numeric(10,2)" << "decimal" << false;
        QTest::newRow("numeric constrained") << "numeric" << "numeric(20,4)" << true;
        QTest::newRow("numeric without scale") << "numeric(10)" << "numeric(12,0)" << false;
        QTest::newRow("timestamp precision up") << "timestamp(3) without time zone" << "timestamp(6)" << false;
        QTest::newRow("timestamp precision down") << "timestamp(6) with time zone" << "timestamptz(3)" << true;
        QTest::newRow("timestamp to timestamptz") << "timestamp without time zone" << "timestamp with time zone" << true;
        QTest::newRow("time precision up") << "time(2) without time zone" << "time(4)" << false;
        QTest::newRow("interval precision up") << "interval(2)" << "interval(4)" << false;
        QTest::newRow("varbit widened") << "bit varying(4)" << "varbit(8)" << false;
        QTest::newRow("char widened pads") << "character(4)" << "char(8)" << true;
        QTest::newRow("cidr to inet") << "cidr" << "inet" << false;
        QTest::newRow("int to bigint") << "integer" << "bigint" << true;
        QTest::newRow("same type") << "integer" << "int4" << false;
        QTest::newRow("array element widened") << "character varying(10)[]" << "varchar(20)[]" << true;
        QTest::newRow("text to enum") << "text" << "\"public\".\"Status\"" << true;
        QTest::newRow("enum, same") << "\"Status\"" << "\"public\".\"Status\"" << false;
    }

    void typeChanges()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, rewrites);

        LintOptions options;
        options.stats.setTable(QStringLiteral("public"), QStringLiteral("t"), 10);
        options.stats.setColumnType(QStringLiteral("public"), QStringLiteral("t"), QStringLiteral("c"), from);
        const QList<Hazard> hazards = HazardLint::lint(QStringLiteral("ALTER TABLE t ALTER COLUMN c TYPE %1;").arg(to), options);
        QCOMPARE(hazards.size(), rewrites ? 1 : 0);
        if (rewrites) {
            QCOMPARE(hazards.first().ruleId, QStringLiteral("column-type-rewrite"));
            QCOMPARE(hazards.first().severity, Hazard::Severity::Info);
        }
    }

    // Positions count characters of the whole text, across non-ASCII text, CRLF and pieces.
    void positions_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("targets");  // the text each finding points at, in order
        QTest::addColumn<QList<int>>("statements");

        QTest::newRow("non-ASCII before the finding")
            << QStringLiteral("-- Größe 😀 ünïcødé\nSELECT 'é😀';\n  ALTER TABLE \"Straße\" ADD COLUMN \"ü😀\" int NOT NULL;")
            << QStringList{QStringLiteral("\"ü😀\" int")} << QList<int>{1};
        QTest::newRow("CRLF")
            << QStringLiteral("SELECT 1;\r\n\r\nUPDATE t SET s = 'ä'::e WHERE id = 1;\r\nALTER TABLE t ALTER COLUMN x SET NOT NULL;\r\n")
            << QStringList{QStringLiteral("ALTER TABLE t ALTER COLUMN x")} << QList<int>{2};
        QTest::newRow("enum use deep in a line")
            << QStringLiteral("ALTER TYPE \"Ü\" ADD VALUE 'neu';\nSELECT 'ö☃'; INSERT INTO t (a, b) VALUES (1, 'neu'::\"Ü\");")
            << QStringList{QStringLiteral("ALTER TYPE"), QStringLiteral("'neu'::")} << QList<int>{0, 2};
        QTest::newRow("drizzle pieces")
            << QStringLiteral("CREATE TABLE \"a\" (\n\t\"id\" serial PRIMARY KEY NOT NULL\n);\n--> statement-breakpoint\n"
                              "ALTER TABLE \"b\" ADD COLUMN \"x\" integer NOT NULL;--> statement-breakpoint\n"
                              "CREATE INDEX \"b_x\" ON \"b\" (\"x\");ALTER TABLE \"b\" DROP COLUMN \"y\";\n--> statement-breakpoint\n"
                              "CREATE INDEX CONCURRENTLY \"a_id\" ON \"a\" (\"id\");")
            << QStringList{QStringLiteral("\"x\" integer"), QStringLiteral("CREATE INDEX \"b_x\""),
                           QStringLiteral("ALTER TABLE \"b\" DROP"), QStringLiteral("CREATE INDEX CONCURRENTLY")}
            << QList<int>{1, 2, 3, 4};
    }

    void positions()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, targets);
        QFETCH(QList<int>, statements);

        const QList<Hazard> hazards = HazardLint::lint(sql);
        checkShape(sql, hazards);
        QStringList pointedAt;
        QList<int> indexes;
        for (const Hazard &hazard : hazards) {
            const QString target = targets.value(int(pointedAt.size()));
            pointedAt.append(sql.mid(hazard.position.charOffset, target.size()));
            indexes.append(hazard.statementIndex);
        }
        QCOMPARE(pointedAt, targets);
        QCOMPARE(indexes, statements);
    }

    // Names from databases others made: quoted as PostgreSQL would, on one line.
    void hostileNames()
    {
        const QString sql = QStringLiteral("DROP TABLE \"we\"\"ird\nname\", \"Ünï 😀\".\"select\";\n"
                                           "ALTER TABLE \"a'b\" RENAME COLUMN \"x\" TO \"y;DROP\";");
        LintOptions options;
        options.stats.setTable(QStringLiteral("Ünï 😀"), QStringLiteral("select"), 42);
        const QList<Hazard> hazards = HazardLint::lint(sql, options);
        checkShape(sql, hazards);
        QCOMPARE(hazards.size(), 3);
        QVERIFY2(hazards[0].message.contains(QStringLiteral("\"we\"\"ird\\u000aname\"")), qPrintable(hazards[0].message));
        QCOMPARE(hazards[0].object, QStringLiteral("public.\"we\"\"ird\\u000aname\""));
        QVERIFY2(hazards[1].message.contains(QStringLiteral("\"Ünï 😀\".\"select\"")), qPrintable(hazards[1].message));
        QVERIFY2(hazards[1].message.contains(QStringLiteral("42")), qPrintable(hazards[1].message));
        QCOMPARE(hazards[1].severity, Hazard::Severity::Error);
        QVERIFY2(hazards[2].message.contains(QStringLiteral("\"y;DROP\"")), qPrintable(hazards[2].message));
        QVERIFY2(hazards[2].message.contains(QStringLiteral("\"a'b\"")), qPrintable(hazards[2].message));
        QVERIFY(hazards[2].toString(QStringLiteral("m.sql")).startsWith(QStringLiteral("m.sql:3:1: warning: ")));
        QVERIFY(hazards[2].toString().endsWith(QStringLiteral(" [rename]")));
    }

    void cannotRunInTransaction_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("serverVersion");
        QTest::addColumn<bool>("cannot");

        QTest::newRow("create index concurrently") << "CREATE INDEX CONCURRENTLY i ON t (c)" << 0 << true;
        QTest::newRow("create index") << "CREATE INDEX i ON t (c)" << 0 << false;
        QTest::newRow("drop index concurrently") << "DROP INDEX CONCURRENTLY i" << 0 << true;
        QTest::newRow("reindex concurrently") << "REINDEX INDEX CONCURRENTLY i" << 0 << true;
        QTest::newRow("reindex concurrently false") << "REINDEX (CONCURRENTLY false) TABLE t" << 0 << false;
        QTest::newRow("reindex database") << "REINDEX DATABASE d" << 0 << true;
        QTest::newRow("vacuum") << "VACUUM (ANALYZE) t" << 0 << true;
        QTest::newRow("analyze") << "ANALYZE t" << 0 << false;
        QTest::newRow("cluster all") << "CLUSTER" << 0 << true;
        QTest::newRow("cluster one") << "CLUSTER t USING i" << 0 << false;
        QTest::newRow("create database") << "CREATE DATABASE d" << 0 << true;
        QTest::newRow("alter system") << "ALTER SYSTEM SET work_mem = '64MB'" << 0 << true;
        QTest::newRow("alter database tablespace") << "ALTER DATABASE d SET TABLESPACE x" << 0 << true;
        QTest::newRow("alter database owner") << "ALTER DATABASE d OWNER TO r" << 0 << false;
        QTest::newRow("discard all") << "DISCARD ALL" << 0 << true;
        QTest::newRow("detach concurrently") << "ALTER TABLE t DETACH PARTITION p CONCURRENTLY" << 0 << true;
        QTest::newRow("detach") << "ALTER TABLE t DETACH PARTITION p" << 0 << false;
        QTest::newRow("add value, 11") << "ALTER TYPE e ADD VALUE 'x'" << 110000 << true;
        QTest::newRow("add value, 15") << "ALTER TYPE e ADD VALUE 'x'" << 150004 << false;
        QTest::newRow("add value, unknown") << "ALTER TYPE e ADD VALUE 'x'" << 0 << false;
        QTest::newRow("does not parse") << "CREATE INDEX CONCURRENTLY ON" << 0 << false;
    }

    void cannotRunInTransaction()
    {
        QFETCH(QString, sql);
        QFETCH(int, serverVersion);
        QFETCH(bool, cannot);
        QCOMPARE(HazardLint::cannotRunInTransaction(sql, serverVersion), cannot);
        QCOMPARE(HazardLint::cannotRunInTransaction(ParsedStatement::parse(sql), serverVersion), cannot);
    }

    void tableStats()
    {
        TableStats stats;
        QVERIFY(stats.isEmpty());
        stats.setTable(QStringLiteral("public"), QStringLiteral("never analysed"), -1, 8192);
        stats.setTable(QStringLiteral("public"), QStringLiteral("t"), 12.0);
        stats.setColumnType(QStringLiteral("public"), QStringLiteral("t"), QStringLiteral("c"), QStringLiteral("text"));
        QVERIFY(!stats.isEmpty());
        QVERIFY(stats.hasTable(QStringLiteral("public"), QStringLiteral("never analysed")));
        QCOMPARE(stats.estimatedRows(QStringLiteral("public"), QStringLiteral("never analysed")), std::nullopt);
        QCOMPARE(stats.bytes(QStringLiteral("public"), QStringLiteral("never analysed")), std::optional<qint64>(8192));
        QCOMPARE(stats.estimatedRows(QStringLiteral("public"), QStringLiteral("t")), std::optional<double>(12.0));
        QCOMPARE(stats.bytes(QStringLiteral("public"), QStringLiteral("t")), std::nullopt);
        QVERIFY(!stats.hasTable(QStringLiteral("other"), QStringLiteral("t")));
        QCOMPARE(stats.columnType(QStringLiteral("public"), QStringLiteral("t"), QStringLiteral("c")), QStringLiteral("text"));
        QVERIFY(stats.columnType(QStringLiteral("public"), QStringLiteral("t"), QStringLiteral("d")).isEmpty());
    }

    void parsedStatement()
    {
        const ParsedStatement ok = ParsedStatement::parse(QStringLiteral("ALTER TABLE t ADD COLUMN c int; -- done"));
        QVERIFY(ok.isValid());
        QCOMPARE(ok.nodeType(), QStringLiteral("AlterTableStmt"));
        QVERIFY(ok.errorMessage().isEmpty());
        const ParsedStatement bad = ParsedStatement::parse(QStringLiteral("SELECT 'é' FROM WHERE"));
        QVERIFY(!bad.isValid());
        QCOMPARE(bad.errorPosition(), 17);  // characters, not bytes
        QVERIFY(!ParsedStatement::parse(QStringLiteral("SELECT 1; SELECT 2")).isValid());
        QVERIFY(!ParsedStatement::parse(QStringLiteral("-- nothing")).isValid());
        QVERIFY(!ParsedStatement().isValid());
    }

    // Every real migration of three long drizzle histories: the lint never crashes, every
    // finding is well formed, and syntax errors appear exactly where PostgreSQL's parser
    // (libpg_query, piece by piece as drizzle sends them) rejects the file.
    void realHistories()
    {
        const QString fromEnvironment = qEnvironmentVariable("STRATA_TESTDATA");
        const QString root = (fromEnvironment.isEmpty() ? QStringLiteral("/work/shared/testdata") : fromEnvironment)
            + QStringLiteral("/drizzle-histories");
        if (!QFileInfo::exists(root))
            QSKIP(qPrintable(QStringLiteral("%1 is not there: the real drizzle histories live in shared/testdata, "
                                            "outside the repository (or set STRATA_TESTDATA)").arg(root)));
        QMap<QString, int> counts;
        int files = 0;
        QDirIterator it(root, {QStringLiteral("*.sql")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.contains(QLatin1String("/migrations/")))
                continue;
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QString text = QString::fromUtf8(file.readAll());
            const SqlScript script = StatementSplitter::split(text);
            const QList<Hazard> hazards = HazardLint::lint(script);
            checkShape(text, hazards);
            bool syntaxError = false;
            for (const Hazard &hazard : hazards) {
                ++counts[hazard.ruleId + QLatin1Char(' ') + Hazard::severityId(hazard.severity)];
                syntaxError = syntaxError || hazard.ruleId == QLatin1String("syntax-error");
            }
            QVERIFY2(syntaxError == !script.errors().isEmpty(), qPrintable(path));
            // Cut anywhere (inside strings, identifiers, dollar quotes, characters): findings
            // stay well formed, and a cut that breaks the parse is reported.
            for (int cut = 1; cut < 4; ++cut) {
                const QString part = text.left(text.size() * cut / 4);
                const SqlScript partScript = StatementSplitter::split(part);
                const QList<Hazard> partHazards = HazardLint::lint(partScript);
                checkShape(part, partHazards);
                const bool partError = std::any_of(partHazards.cbegin(), partHazards.cend(), [](const Hazard &h) {
                    return h.ruleId == QLatin1String("syntax-error");
                });
                QVERIFY2(partError == !partScript.errors().isEmpty(), qPrintable(path));
            }
            ++files;
        }
        QVERIFY(files > 400);
        QStringList summary;
        for (auto count = counts.cbegin(); count != counts.cend(); ++count)
            summary.append(QStringLiteral("%1 × %2").arg(count.key()).arg(count.value()));
        qInfo("%d files: %s", files, qPrintable(summary.join(QLatin1String(", "))));
    }

    // Runs last: every rule has at least one row above that fires it.
    void everyRuleFires()
    {
        QStringList missing;
        for (const QString &rule : HazardLint::ruleIds()) {
            if (!firedRules().contains(rule))
                missing.append(rule);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1String(", "))));
    }
};

STRATA_TEST(HazardLintTest)
#include "HazardLintTest.moc"
