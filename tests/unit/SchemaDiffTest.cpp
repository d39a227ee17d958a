#include "TestRegistry.h"

#include "schema/DdlWriter.h"
#include "schema/SchemaDiff.h"
#include "schema/SnapshotTypes.h"
#include "schema/SqlQuote.h"

#include <QTest>

using namespace strata;

namespace {

Column column(const QString &name, const QString &type, bool notNull = false,
              std::optional<QString> defaultExpression = std::nullopt)
{
    Column result;
    result.name = name;
    result.type = type;
    result.notNull = notNull;
    result.defaultExpression = std::move(defaultExpression);
    return result;
}

Column enumColumn(const QString &name, const QString &type, std::optional<QString> defaultExpression = std::nullopt)
{
    Column result = column(name, type, false, std::move(defaultExpression));
    result.typeSchema = QStringLiteral("public");
    return result;
}

// users(id serial primary key, name text): the table most rows start from.
Table users(const QString &schema = QStringLiteral("public"), const QString &name = QStringLiteral("users"))
{
    Table table;
    table.schema = schema;
    table.name = name;
    table.columns << column(QStringLiteral("id"), QStringLiteral("integer"), true,
                            SnapshotTypes::serialDefault(schema, name, QStringLiteral("id")))
                  << column(QStringLiteral("name"), QStringLiteral("text"));
    table.primaryKey = PrimaryKey{SnapshotTypes::primaryKeyName(name), {QStringLiteral("id")}};
    return table;
}

Schema withUsers()
{
    Schema schema;
    schema.tables << users();
    return schema;
}

Enum mood(const QStringList &values, const QString &name = QStringLiteral("mood"))
{
    return Enum{QStringLiteral("public"), name, values, {}};
}

Sequence sequence(const QString &name, qint64 increment = 1)
{
    Sequence result;
    result.schema = QStringLiteral("public");
    result.name = name;
    result.increment = increment;
    return result;
}

UniqueConstraint uniqueKey(const QString &name, const QString &column, bool nullsNotDistinct = false)
{
    UniqueConstraint result;
    result.name = name;
    result.columns = {column};
    result.nullsNotDistinct = nullsNotDistinct;
    return result;
}

CheckConstraint checkConstraint(const QString &name, const QString &expression)
{
    CheckConstraint result;
    result.name = name;
    result.expression = expression;
    return result;
}

RenameDecisions::Rename rename(const QString &fromSchema, const QString &fromName, const QString &toSchema,
                               const QString &toName, const QString &table = {})
{
    return {{fromSchema, table, fromName}, {toSchema, table, toName}};
}

QStringList kinds(const ChangeSet &changes)
{
    QStringList names;
    for (const Change &change : changes.changes)
        names << kindName(change.kind);
    return names;
}

} // namespace

class SchemaDiffTest : public QObject
{
    Q_OBJECT

private slots:
    void compare_data()
    {
        QTest::addColumn<Schema>("from");
        QTest::addColumn<Schema>("to");
        QTest::addColumn<RenameDecisions>("renames");
        QTest::addColumn<QStringList>("changes");
        QTest::addColumn<QStringList>("sql");
        QTest::addColumn<bool>("dataLoss");

        const Schema empty;
        const Schema base = withUsers();
        const RenameDecisions none;

        {
            Schema to;
            to.schemas << QStringLiteral("audit");
            QTest::newRow("schema created") << empty << to << none << QStringList{"CreateSchema"}
                                            << QStringList{"CREATE SCHEMA \"audit\";\n"} << false;
            Schema renamed;
            renamed.schemas << QStringLiteral("log");
            RenameDecisions decisions;
            decisions.schemas << rename({}, QStringLiteral("audit"), {}, QStringLiteral("log"));
            QTest::newRow("schema renamed by decision")
                << to << renamed << decisions << QStringList{"RenameSchema"}
                << QStringList{"ALTER SCHEMA \"audit\" RENAME TO \"log\";\n"} << false;
            QTest::newRow("schema dropped") << to << empty << none << QStringList{"DropSchema"}
                                            << QStringList{"DROP SCHEMA \"audit\";\n"} << false;
        }
        {
            Schema one;
            one.enums << mood({QStringLiteral("sad"), QStringLiteral("ok")});
            QTest::newRow("enum created") << empty << one << none << QStringList{"CreateEnum"}
                                          << QStringList{"CREATE TYPE \"public\".\"mood\" AS ENUM('sad', 'ok');"}
                                          << false;
            Schema added = one;
            added.enums[0].values = {QStringLiteral("sad"), QStringLiteral("meh"), QStringLiteral("ok")};
            QTest::newRow("enum value added before another")
                << one << added << none << QStringList{"AddEnumValue"}
                << QStringList{"ALTER TYPE \"public\".\"mood\" ADD VALUE 'meh' BEFORE 'ok';"} << false;
            // drizzle-kit writes ADD VALUE 'it's' here, which does not parse.
            Schema quoted = one;
            quoted.enums[0].values << QStringLiteral("it's");
            QTest::newRow("enum value added, quote escaped")
                << one << quoted << none << QStringList{"AddEnumValue"}
                << QStringList{"ALTER TYPE \"public\".\"mood\" ADD VALUE 'it''s';"} << false;

            Schema used = one;
            Table table = users();
            table.columns << enumColumn(QStringLiteral("mood"), QStringLiteral("mood"), QStringLiteral("'ok'"));
            used.tables << table;
            Schema dropped = used;
            dropped.enums[0].values = {QStringLiteral("ok")};
            QTest::newRow("enum value dropped")
                << used << dropped << none << QStringList{"RecreateEnum"}
                << QStringList{"ALTER TABLE \"users\" ALTER COLUMN \"mood\" SET DATA TYPE text;",
                               "ALTER TABLE \"users\" ALTER COLUMN \"mood\" SET DEFAULT 'ok'::text;",
                               "DROP TYPE \"public\".\"mood\";",
                               "CREATE TYPE \"public\".\"mood\" AS ENUM('ok');",
                               "ALTER TABLE \"users\" ALTER COLUMN \"mood\" SET DEFAULT 'ok'::\"public\".\"mood\";",
                               "ALTER TABLE \"users\" ALTER COLUMN \"mood\" SET DATA TYPE \"public\".\"mood\" USING "
                               "\"mood\"::\"public\".\"mood\";"}
                << true;

            Schema renamed = used;
            renamed.enums[0].name = QStringLiteral("feeling");
            renamed.tables[0].columns[2].type = QStringLiteral("feeling");
            RenameDecisions decisions;
            decisions.enums << rename(QStringLiteral("public"), QStringLiteral("mood"), QStringLiteral("public"),
                                      QStringLiteral("feeling"));
            QTest::newRow("enum renamed by decision")
                << used << renamed << decisions << QStringList{"RenameEnum"}
                << QStringList{"ALTER TYPE \"public\".\"mood\" RENAME TO \"feeling\";"} << false;
            Schema other;
            other.enums << mood({QStringLiteral("sad"), QStringLiteral("ok")}, QStringLiteral("feeling"));
            QTest::newRow("enum renamed without decision: create and drop")
                << one << other << none << QStringList{"CreateEnum", "DropEnum"}
                << QStringList{"CREATE TYPE \"public\".\"feeling\" AS ENUM('sad', 'ok');",
                               "DROP TYPE \"public\".\"mood\";"}
                << false;
        }
        {
            Schema one;
            one.sequences << sequence(QStringLiteral("ids"));
            QTest::newRow("sequence created")
                << empty << one << none << QStringList{"CreateSequence"}
                << QStringList{"CREATE SEQUENCE \"public\".\"ids\" INCREMENT BY 1 MINVALUE 1 MAXVALUE "
                               "9223372036854775807 START WITH 1 CACHE 1;"}
                << false;
            Schema altered;
            altered.sequences << sequence(QStringLiteral("ids"), 5);
            QTest::newRow("sequence altered")
                << one << altered << none << QStringList{"AlterSequence"}
                << QStringList{"ALTER SEQUENCE \"public\".\"ids\" INCREMENT BY 5 MINVALUE 1 MAXVALUE "
                               "9223372036854775807 START WITH 1 CACHE 1;"}
                << false;
            Schema renamed;
            renamed.sequences << sequence(QStringLiteral("keys"));
            RenameDecisions decisions;
            decisions.sequences << rename(QStringLiteral("public"), QStringLiteral("ids"), QStringLiteral("public"),
                                          QStringLiteral("keys"));
            QTest::newRow("sequence renamed by decision")
                << one << renamed << decisions << QStringList{"RenameSequence"}
                << QStringList{"ALTER SEQUENCE \"public\".\"ids\" RENAME TO \"keys\";"} << false;
            QTest::newRow("sequence dropped") << one << empty << none << QStringList{"DropSequence"}
                                              << QStringList{"DROP SEQUENCE \"public\".\"ids\";"} << true;
        }
        {
            Schema to;
            Table table = users();
            table.columns << column(QStringLiteral("email"), QStringLiteral("character varying(32)"), true,
                                    QStringLiteral("'x'"));
            table.uniqueConstraints << uniqueKey(QStringLiteral("users_email_unique"), QStringLiteral("email"));
            table.checks << checkConstraint(QStringLiteral("name_set"), QStringLiteral("\"users\".\"name\" <> ''"));
            to.tables << table;
            QTest::newRow("table created")
                << empty << to << none << QStringList{"CreateTable"}
                << QStringList{"CREATE TABLE \"users\" (\n"
                               "\t\"id\" serial PRIMARY KEY NOT NULL,\n"
                               "\t\"name\" text,\n"
                               "\t\"email\" varchar(32) DEFAULT 'x' NOT NULL,\n"
                               "\tCONSTRAINT \"users_email_unique\" UNIQUE(\"email\"),\n"
                               "\tCONSTRAINT \"name_set\" CHECK (\"users\".\"name\" <> '')\n"
                               ");\n"}
                << false;
            QTest::newRow("table dropped") << base << empty << none << QStringList{"DropTable"}
                                           << QStringList{"DROP TABLE \"users\" CASCADE;"} << true;

            Schema renamed;
            renamed.tables << users(QStringLiteral("public"), QStringLiteral("people"));
            RenameDecisions decisions;
            decisions.tables << rename(QStringLiteral("public"), QStringLiteral("users"), QStringLiteral("public"),
                                       QStringLiteral("people"));
            QTest::newRow("table renamed by decision")
                << base << renamed << decisions << QStringList{"RenameTable"}
                << QStringList{"ALTER TABLE \"users\" RENAME TO \"people\";",
                               "ALTER TABLE \"people\" RENAME CONSTRAINT \"users_pkey\" TO \"people_pkey\";",
                               "ALTER SEQUENCE \"public\".\"users_id_seq\" RENAME TO \"people_id_seq\";"}
                << false;
            QTest::newRow("table renamed without decision: create and drop")
                << base << renamed << none << QStringList{"CreateTable", "DropTable"}
                << QStringList{"CREATE TABLE \"people\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"name\" text\n);\n",
                               "DROP TABLE \"users\" CASCADE;"}
                << true;

            Schema moved;
            moved.schemas << QStringLiteral("audit");
            moved.tables << users(QStringLiteral("audit"));
            Schema withAudit = base;
            withAudit.schemas << QStringLiteral("audit");
            RenameDecisions move;
            move.tables << rename(QStringLiteral("public"), QStringLiteral("users"), QStringLiteral("audit"),
                                  QStringLiteral("users"));
            QTest::newRow("table moved to another schema")
                << withAudit << moved << move << QStringList{"MoveTable"}
                << QStringList{"ALTER TABLE \"public\".\"users\" SET SCHEMA \"audit\";\n"} << false;

            // drizzle-kit writes CREATE TABLE "we"ird" ( "i"d" …, which does not parse.
            Schema hostile;
            Table weird;
            weird.schema = QStringLiteral("public");
            weird.name = QStringLiteral("we\"ird");
            weird.columns << column(QStringLiteral("i\"d"), QStringLiteral("text"));
            hostile.tables << weird;
            QTest::newRow("quotes in names are doubled")
                << empty << hostile << none << QStringList{"CreateTable"}
                << QStringList{"CREATE TABLE \"we\"\"ird\" (\n\t\"i\"\"d\" text\n);\n"} << false;
        }
        {
            const auto alteredUsers = [&](const std::function<void(Table &)> &edit) {
                Schema schema = base;
                edit(schema.tables[0]);
                return schema;
            };
            const Schema added = alteredUsers([](Table &t) {
                t.columns << column(QStringLiteral("age"), QStringLiteral("integer"), true, QStringLiteral("0"));
            });
            QTest::newRow("column added")
                << base << added << none << QStringList{"AddColumn"}
                << QStringList{"ALTER TABLE \"users\" ADD COLUMN \"age\" integer DEFAULT 0 NOT NULL;"} << false;
            QTest::newRow("column dropped") << added << base << none << QStringList{"DropColumn"}
                                            << QStringList{"ALTER TABLE \"users\" DROP COLUMN \"age\";"} << true;

            const Schema renamed = alteredUsers([](Table &t) { t.columns[1].name = QStringLiteral("full_name"); });
            RenameDecisions decisions;
            decisions.columns << rename(QStringLiteral("public"), QStringLiteral("name"), QStringLiteral("public"),
                                        QStringLiteral("full_name"), QStringLiteral("users"));
            QTest::newRow("column renamed by decision")
                << base << renamed << decisions << QStringList{"RenameColumn"}
                << QStringList{"ALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"full_name\";"} << false;
            QTest::newRow("column renamed without decision: add and drop")
                << base << renamed << none << QStringList{"AddColumn", "DropColumn"}
                << QStringList{"ALTER TABLE \"users\" ADD COLUMN \"full_name\" text;",
                               "ALTER TABLE \"users\" DROP COLUMN \"name\";"}
                << true;

            const Schema narrowed = alteredUsers([](Table &t) { t.columns[1].type = QStringLiteral("character varying(10)"); });
            QTest::newRow("column type narrowed")
                << base << narrowed << none << QStringList{"AlterColumnType"}
                << QStringList{"ALTER TABLE \"users\" ALTER COLUMN \"name\" SET DATA TYPE varchar(10);"} << true;
            QTest::newRow("column type widened")
                << narrowed << base << none << QStringList{"AlterColumnType"}
                << QStringList{"ALTER TABLE \"users\" ALTER COLUMN \"name\" SET DATA TYPE text;"} << false;

            const Schema defaulted = alteredUsers([](Table &t) { t.columns[1].defaultExpression = QStringLiteral("'anon'"); });
            QTest::newRow("column default set")
                << base << defaulted << none << QStringList{"SetDefault"}
                << QStringList{"ALTER TABLE \"users\" ALTER COLUMN \"name\" SET DEFAULT 'anon';"} << false;
            QTest::newRow("column default dropped")
                << defaulted << base << none << QStringList{"DropDefault"}
                << QStringList{"ALTER TABLE \"users\" ALTER COLUMN \"name\" DROP DEFAULT;"} << false;

            const Schema required = alteredUsers([](Table &t) { t.columns[1].notNull = true; });
            QTest::newRow("column not null set")
                << base << required << none << QStringList{"SetNotNull"}
                << QStringList{"ALTER TABLE \"users\" ALTER COLUMN \"name\" SET NOT NULL;"} << false;
            QTest::newRow("column not null dropped")
                << required << base << none << QStringList{"DropNotNull"}
                << QStringList{"ALTER TABLE \"users\" ALTER COLUMN \"name\" DROP NOT NULL;"} << false;

            // PostgreSQL adds an identity only to a NOT NULL column: drizzle-kit leaves the
            // SET NOT NULL out and its migration fails.
            const Schema counted = alteredUsers([](Table &t) {
                t.columns << column(QStringLiteral("n"), QStringLiteral("integer"));
            });
            const Schema identity = alteredUsers([](Table &t) {
                Column n = column(QStringLiteral("n"), QStringLiteral("integer"), true);
                n.identity = Identity{Identity::Kind::Always, QStringLiteral("users_n_seq"), {}, 1, 1, 1, 2147483647, 1, false};
                t.columns << n;
            });
            QTest::newRow("column identity added")
                << counted << identity << none << QStringList{"SetNotNull", "AddIdentity"}
                << QStringList{"ALTER TABLE \"users\" ALTER COLUMN \"n\" SET NOT NULL;",
                               "ALTER TABLE \"users\" ALTER COLUMN \"n\" ADD GENERATED ALWAYS AS IDENTITY (sequence "
                               "name \"users_n_seq\" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);"}
                << false;

            const Schema generated = alteredUsers([](Table &t) {
                Column upper = column(QStringLiteral("upper"), QStringLiteral("text"));
                upper.generatedExpression = QStringLiteral("upper(\"users\".\"name\")");
                t.columns << upper;
            });
            const Schema plain = alteredUsers([](Table &t) { t.columns << column(QStringLiteral("upper"), QStringLiteral("text")); });
            QTest::newRow("column made generated")
                << plain << generated << none << QStringList{"RecreateGeneratedColumn"}
                << QStringList{"ALTER TABLE \"users\" drop column \"upper\";",
                               "ALTER TABLE \"users\" ADD COLUMN \"upper\" text GENERATED ALWAYS AS "
                               "(upper(\"users\".\"name\")) STORED;"}
                << false;
            QTest::newRow("column generation dropped")
                << generated << plain << none << QStringList{"DropGenerated"}
                << QStringList{"ALTER TABLE \"users\" ALTER COLUMN \"upper\" DROP EXPRESSION;"} << false;

            // drizzle-kit writes a comment asking the user to find the key's name.
            const Schema keyless = alteredUsers([](Table &t) { t.primaryKey.reset(); });
            QTest::newRow("primary key dropped by name")
                << base << keyless << none << QStringList{"DropPrimaryKey"}
                << QStringList{"ALTER TABLE \"users\" DROP CONSTRAINT \"users_pkey\";"} << false;
            QTest::newRow("primary key added on a column")
                << keyless << base << none << QStringList{"AddPrimaryKey"}
                << QStringList{"ALTER TABLE \"users\" ADD PRIMARY KEY (\"id\");"} << false;
            const Schema composite = alteredUsers([](Table &t) {
                t.primaryKey = PrimaryKey{QStringLiteral("users_id_name_pk"), {QStringLiteral("id"), QStringLiteral("name")}};
            });
            QTest::newRow("composite primary key added")
                << keyless << composite << none << QStringList{"AddPrimaryKey"}
                << QStringList{"ALTER TABLE \"users\" ADD CONSTRAINT \"users_id_name_pk\" PRIMARY KEY(\"id\",\"name\");"}
                << false;

            const Schema unique = alteredUsers([](Table &t) {
                t.uniqueConstraints << uniqueKey(QStringLiteral("users_name_unique"), QStringLiteral("name"), true);
            });
            QTest::newRow("unique constraint added")
                << base << unique << none << QStringList{"AddUnique"}
                << QStringList{"ALTER TABLE \"users\" ADD CONSTRAINT \"users_name_unique\" UNIQUE NULLS NOT "
                               "DISTINCT(\"name\");"}
                << false;
            QTest::newRow("unique constraint dropped")
                << unique << base << none << QStringList{"DropUnique"}
                << QStringList{"ALTER TABLE \"users\" DROP CONSTRAINT \"users_name_unique\";"} << false;

            const Schema checked = alteredUsers([](Table &t) {
                t.checks << checkConstraint(QStringLiteral("name_long"), QStringLiteral("length(\"name\") > 2"));
            });
            QTest::newRow("check added")
                << base << checked << none << QStringList{"AddCheck"}
                << QStringList{"ALTER TABLE \"users\" ADD CONSTRAINT \"name_long\" CHECK (length(\"name\") > 2);"}
                << false;

            const Schema indexed = alteredUsers([](Table &t) {
                Index index;
                index.name = QStringLiteral("users_name_idx");
                index.keys << IndexKey{QStringLiteral("name"), false, true, IndexKey::Nulls::Default, {}, {}};
                index.where = QStringLiteral("\"users\".\"name\" IS NOT NULL");
                t.indexes << index;
            });
            QTest::newRow("index created")
                << base << indexed << none << QStringList{"CreateIndex"}
                << QStringList{"CREATE INDEX \"users_name_idx\" ON \"users\" USING btree (\"name\" DESC NULLS FIRST) "
                               "WHERE \"users\".\"name\" IS NOT NULL;"}
                << false;
            QTest::newRow("index dropped") << indexed << base << none << QStringList{"DropIndex"}
                                           << QStringList{"DROP INDEX \"users_name_idx\";"} << false;

            const Schema secured = alteredUsers([](Table &t) { t.rlsEnabled = true; });
            QTest::newRow("row-level security enabled")
                << base << secured << none << QStringList{"EnableRls"}
                << QStringList{"ALTER TABLE \"users\" ENABLE ROW LEVEL SECURITY;"} << false;
            const Schema policed = alteredUsers([](Table &t) {
                Policy policy;
                policy.name = QStringLiteral("own rows");
                policy.command = QStringLiteral("SELECT");
                policy.roles << QStringLiteral("app_user");
                policy.usingExpression = QStringLiteral("true");
                t.policies << policy;
            });
            QTest::newRow("policy created (enables row-level security)")
                << base << policed << none << QStringList{"EnableRls", "CreatePolicy"}
                << QStringList{"ALTER TABLE \"users\" ENABLE ROW LEVEL SECURITY;",
                               "CREATE POLICY \"own rows\" ON \"users\" AS PERMISSIVE FOR SELECT TO \"app_user\" USING (true);"}
                << false;
        }
        {
            Schema referenced = withUsers();
            Table posts;
            posts.schema = QStringLiteral("public");
            posts.name = QStringLiteral("posts");
            posts.columns << column(QStringLiteral("author"), QStringLiteral("integer"));
            referenced.tables << posts;
            Schema keyed = referenced;
            ForeignKey key;
            key.name = QStringLiteral("posts_author_users_id_fk");
            key.columns = {QStringLiteral("author")};
            key.targetSchema = QStringLiteral("public");
            key.targetTable = QStringLiteral("users");
            key.targetColumns = {QStringLiteral("id")};
            key.onDelete = ForeignKeyAction::Cascade;
            keyed.tables[1].foreignKeys << key;
            QTest::newRow("foreign key added")
                << referenced << keyed << none << QStringList{"AddForeignKey"}
                << QStringList{"ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_author_users_id_fk\" FOREIGN KEY "
                               "(\"author\") REFERENCES \"public\".\"users\"(\"id\") ON DELETE cascade ON UPDATE no action;"}
                << false;
            QTest::newRow("foreign key dropped")
                << keyed << referenced << none << QStringList{"DropForeignKey"}
                << QStringList{"ALTER TABLE \"posts\" DROP CONSTRAINT \"posts_author_users_id_fk\";\n"} << false;
            // New tables: every CREATE TABLE before the first foreign key.
            Schema reversed = keyed;
            std::swap(reversed.tables[0], reversed.tables[1]);
            QTest::newRow("foreign keys of new tables after all tables")
                << empty << reversed << none << QStringList{"CreateTable", "CreateTable", "AddForeignKey"}
                << QStringList{"CREATE TABLE \"posts\" (\n\t\"author\" integer\n);\n",
                               "CREATE TABLE \"users\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"name\" text\n);\n",
                               "ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_author_users_id_fk\" FOREIGN KEY "
                               "(\"author\") REFERENCES \"public\".\"users\"(\"id\") ON DELETE cascade ON UPDATE no action;"}
                << false;
        }
        {
            Schema viewed = withUsers();
            View view;
            view.schema = QStringLiteral("public");
            view.name = QStringLiteral("names");
            view.definition = QStringLiteral("select \"name\" from \"users\"");
            viewed.views << view;
            QTest::newRow("view created")
                << base << viewed << none << QStringList{"CreateView"}
                << QStringList{"CREATE VIEW \"public\".\"names\" AS (select \"name\" from \"users\");"} << false;
            QTest::newRow("view dropped") << viewed << base << none << QStringList{"DropView"}
                                          << QStringList{"DROP VIEW \"public\".\"names\";"} << false;
            // PostgreSQL refuses to change a column's type under a view that reads it.
            Schema retyped = viewed;
            retyped.tables[0].columns[1].type = QStringLiteral("character varying(100)");
            QTest::newRow("view recreated around a column type change")
                << viewed << retyped << none << QStringList{"DropView", "AlterColumnType", "CreateView"}
                << QStringList{"DROP VIEW \"public\".\"names\";",
                               "ALTER TABLE \"users\" ALTER COLUMN \"name\" SET DATA TYPE varchar(100);",
                               "CREATE VIEW \"public\".\"names\" AS (select \"name\" from \"users\");"}
                << true;
        }
        // What only introspected schemas carry (drizzle-kit has none of it).
        {
            Schema commented = withUsers();
            commented.tables[0].comment = QStringLiteral("it's the users");
            commented.tables[0].columns[1].comment = QStringLiteral("full name");
            QTest::newRow("comments") << base << commented << none << QStringList{"SetComment", "SetComment"}
                                      << QStringList{"COMMENT ON TABLE \"public\".\"users\" IS 'it''s the users';",
                                                     "COMMENT ON COLUMN \"public\".\"users\".\"name\" IS 'full name';"}
                                      << false;
            Schema stored = withUsers();
            stored.tables[0].unlogged = true;
            stored.tables[0].with = {{QStringLiteral("fillfactor"), QStringLiteral("70")}};
            stored.tables[0].rlsForced = true;
            QTest::newRow("unlogged, storage parameters, forced RLS")
                << base << stored << none << QStringList{"SetUnlogged", "SetTableOptions", "ForceRls"}
                << QStringList{"ALTER TABLE \"users\" SET UNLOGGED;", "ALTER TABLE \"users\" SET (fillfactor=70);",
                               "ALTER TABLE \"users\" FORCE ROW LEVEL SECURITY;"}
                << false;
            Schema partitioned;
            Table parent;
            parent.schema = QStringLiteral("public");
            parent.name = QStringLiteral("events");
            parent.kind = Table::Kind::Partitioned;
            parent.partitionKey = QStringLiteral("RANGE (at)");
            parent.columns << column(QStringLiteral("at"), QStringLiteral("date"), true);
            Table part = parent;
            part.name = QStringLiteral("a_events_2024");
            part.kind = Table::Kind::Regular;
            part.partitionKey.clear();
            part.partitionOf = QStringLiteral("\"public\".\"events\"");
            part.partitionBound = QStringLiteral("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
            partitioned.tables << part << parent;  // by name, as introspection lists them
            QTest::newRow("partition created after its parent")
                << empty << partitioned << none << QStringList{"CreateTable", "CreateTable"}
                << QStringList{"CREATE TABLE \"events\" (\n\t\"at\" date NOT NULL\n) PARTITION BY RANGE (at);\n",
                               "CREATE TABLE \"a_events_2024\" PARTITION OF \"public\".\"events\" FOR VALUES FROM "
                               "('2024-01-01') TO ('2025-01-01');\n"}
                << false;
        }
    }

    void compare()
    {
        QFETCH(Schema, from);
        QFETCH(Schema, to);
        QFETCH(RenameDecisions, renames);
        QFETCH(QStringList, changes);
        QFETCH(QStringList, sql);
        QFETCH(bool, dataLoss);

        const ChangeSet changeSet = SchemaDiff::compare(from, to, renames);
        QCOMPARE(kinds(changeSet), changes);
        QCOMPARE(DdlWriter::write(changeSet), sql);
        QCOMPARE(changeSet.hasDataLoss(), dataLoss);
        // Deterministic: the same input gives the same bytes.
        QCOMPARE(DdlWriter::join(DdlWriter::write(SchemaDiff::compare(from, to, renames))), DdlWriter::join(sql));
        // The way back leads to `from`: comparing `to` with itself is empty, and the down
        // migration's own way back is the up migration again.
        QVERIFY(SchemaDiff::compare(to, to).isEmpty());
        QCOMPARE(DdlWriter::up(to, from, renames.inverted()), DdlWriter::down(from, to, renames));
        QCOMPARE(DdlWriter::down(to, from, renames.inverted()), sql);
    }

    void downOfRenames()
    {
        Schema from = withUsers();
        Schema to;
        to.tables << users(QStringLiteral("public"), QStringLiteral("people"));
        to.tables[0].columns[1].name = QStringLiteral("full_name");
        RenameDecisions renames;
        renames.tables << rename(QStringLiteral("public"), QStringLiteral("users"), QStringLiteral("public"),
                                 QStringLiteral("people"));
        renames.columns << rename(QStringLiteral("public"), QStringLiteral("name"), QStringLiteral("public"),
                                  QStringLiteral("full_name"), QStringLiteral("people"));
        QCOMPARE(DdlWriter::up(from, to, renames),
                 (QStringList{"ALTER TABLE \"users\" RENAME TO \"people\";",
                              "ALTER TABLE \"people\" RENAME CONSTRAINT \"users_pkey\" TO \"people_pkey\";",
                              "ALTER SEQUENCE \"public\".\"users_id_seq\" RENAME TO \"people_id_seq\";",
                              "ALTER TABLE \"people\" RENAME COLUMN \"name\" TO \"full_name\";"}));
        QCOMPARE(DdlWriter::down(from, to, renames),
                 (QStringList{"ALTER TABLE \"people\" RENAME TO \"users\";",
                              "ALTER TABLE \"users\" RENAME CONSTRAINT \"people_pkey\" TO \"users_pkey\";",
                              "ALTER SEQUENCE \"public\".\"people_id_seq\" RENAME TO \"users_id_seq\";",
                              "ALTER TABLE \"users\" RENAME COLUMN \"full_name\" TO \"name\";"}));
    }

    void joined()
    {
        QCOMPARE(DdlWriter::join({QStringLiteral("A;"), QStringLiteral("B;")}),
                 QStringLiteral("A;\n--> statement-breakpoint\nB;"));
    }

    void quoting()
    {
        QCOMPARE(SqlQuote::identifier(QStringLiteral("a\"b")), QStringLiteral("\"a\"\"b\""));
        QCOMPARE(SqlQuote::literal(QStringLiteral("it's")), QStringLiteral("'it''s'"));
        QCOMPARE(SqlQuote::tableName(QStringLiteral("public"), QStringLiteral("t")), QStringLiteral("\"t\""));
        QCOMPARE(SqlQuote::tableName(QStringLiteral("s"), QStringLiteral("t")), QStringLiteral("\"s\".\"t\""));
    }
};

STRATA_TEST(SchemaDiffTest)

#include "SchemaDiffTest.moc"
